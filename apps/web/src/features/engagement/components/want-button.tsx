// 想要 on an item: a heart with the count; a visitor is sent to sign in first.
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { loginPath } from '../../../lib/next.ts';
import { HeartIcon } from '../../../ui/icons.tsx';
import type { Item } from '../../items/api.ts';
import { useWantItem } from '../api.ts';

export function WantButton({ item, signedIn }: { item: Item; signedIn: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const want = useWantItem(item.id);
  const on = !!item.collectedByMe;
  return (
    <button
      type="button"
      className={on ? 'want-btn want-on' : 'want-btn'}
      aria-pressed={on}
      data-testid="want-button"
      onClick={() => (signedIn ? want.mutate(!on) : navigate(loginPath(`/items/${item.id}`)))}
    >
      <HeartIcon size={20} filled={on} />
      <span>{on ? t('engage.wanted') : t('engage.want')}</span>
    </button>
  );
}

// 发送我的闲置: choose one of my items on sale and send its live card into the conversation.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { BagIcon } from '../../../ui/icons.tsx';
import { Sheet } from '../../../ui/sheet.tsx';
import { useMyItems } from '../../items/api.ts';
import { itemPrice } from '../format.ts';
import { describeChatError } from '../errors.ts';

type Props = { open: boolean; busy: boolean; onPick: (itemId: string) => void; onClose: () => void };

export function ItemPickerSheet({ open, busy, onPick, onClose }: Props) {
  const { t } = useTranslation();
  return (
    <Sheet open={open} title={t('chat.pickItem.title')} onClose={onClose}>
      {open && <MyItems busy={busy} onPick={onPick} />}
    </Sheet>
  );
}

function MyItems({ busy, onPick }: Pick<Props, 'busy' | 'onPick'>) {
  const { t } = useTranslation();
  const items = useMyItems('on_sale');
  if (items.isPending) return <p className="muted small">{t('common.loading')}</p>;
  if (items.isError) return <p className="field-error">{describeChatError(t, items.error)}</p>;
  if (items.data.items.length === 0) {
    return (
      <p className="chat-pick-empty">
        {t('chat.pickItem.empty')}{' '}
        <Link to="/sell" className="link-btn">
          {t('chat.pickItem.sell')}
        </Link>
      </p>
    );
  }
  return (
    <ul className="chat-pick" data-testid="chat-item-picker">
      {items.data.items.map((item) => {
        const thumb = item.images[0]?.thumbUrl;
        return (
          <li key={item.id} className="chat-pick-row">
            {thumb ? (
              <img src={thumb} alt="" className="chat-pick-cover" />
            ) : (
              <span className="chat-pick-cover chat-nocover" aria-hidden="true">
                <BagIcon size={18} />
              </span>
            )}
            <span className="chat-pick-text">
              <span className="chat-pick-title">{item.title}</span>
              <span className="chat-price">{itemPrice(t, item.price)}</span>
            </span>
            <button
              type="button"
              className="btn btn-primary btn-small"
              disabled={busy}
              aria-label={`${t('chat.pickItem.send')} ${item.title}`}
              onClick={() => onPick(item.id)}
            >
              {t('chat.pickItem.send')}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

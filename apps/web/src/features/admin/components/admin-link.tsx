// On 我: the way into the console, for moderators and admins only (the server decides anyway).
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ChevronIcon } from '../../../ui/icons.tsx';
import type { Me } from '../../accounts/api.ts';

export function AdminLink({ me }: { me: Me }) {
  const { t } = useTranslation();
  if (me.role !== 'moderator' && me.role !== 'admin') return null;
  return (
    <section className="card list-card" aria-label={t('adminEntry.link')}>
      <Link to="/admin" className="list-row" data-testid="admin-link">
        <span>{t('adminEntry.link')}</span>
        <span className="list-value">{t('adminEntry.hint')}</span>
        <ChevronIcon size={16} className="list-chevron" />
      </Link>
    </section>
  );
}

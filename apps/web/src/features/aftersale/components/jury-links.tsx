// On the "me" page: the member's jury duties (with how many wait for a vote) and the public log.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ChevronIcon } from '../../../ui/icons.tsx';
import { useJuryDuties } from '../api.ts';

export function JuryLinks() {
  const { t } = useTranslation();
  const duties = useJuryDuties();
  const pending = (duties.data?.pages ?? []).flatMap((p) => p.items).filter((c) => c.myVote?.status === 'pending' && c.status === 'in_jury').length;
  return (
    <section className="card list-card" aria-label={t('jury.title')} data-testid="jury-links">
      <Link to="/jury" className="list-row">
        <span>{t('jury.inbox')}</span>
        {pending > 0 && <span className="badge">{pending}</span>}
        <ChevronIcon size={16} className="list-chevron" />
      </Link>
      <Link to="/jury/log" className="list-row">
        <span>{t('jury.logLink')}</span>
        <ChevronIcon size={16} className="list-chevron" />
      </Link>
    </section>
  );
}

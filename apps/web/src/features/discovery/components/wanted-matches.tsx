// On a note page: its wanted requests (the wanted post itself, and comments asking for
// something) with the items on sale that match them — words, category and the most they pay.
import '../../../ui/styles/discovery.css';
import { useTranslation } from 'react-i18next';
import { shortYuan } from '../../../lib/money.ts';
import { ItemCardRow } from '../../notes/components/item-card.tsx';
import { useWantedMatches } from '../api.ts';

export function WantedMatches({ noteId, isWanted }: { noteId: string; isWanted: boolean }) {
  const { t } = useTranslation();
  const q = useWantedMatches(noteId);
  if (!q.data?.length) return null;
  return (
    <section className="card wanted-matches" aria-labelledby="wanted-matches-title" data-testid="wanted-matches">
      <h2 className="card-title" id="wanted-matches-title">
        {t('discovery.wanted.title')}
      </h2>
      {q.data.map((w) => (
        <div key={w.id} className="wanted-request" data-testid="wanted-request">
          <p className="wanted-request-head">
            <span className="wanted-request-title">{w.commentId || !isWanted ? t('discovery.wanted.comment', { title: w.title }) : w.title}</span>
            {w.maxPrice !== null && <span className="muted small"> · {t('discovery.wanted.max', { price: shortYuan(w.maxPrice) })}</span>}
          </p>
          {w.items.length ? (
            <div className="item-cards">
              {w.items.map((card) => (
                <ItemCardRow key={card.id} card={card} />
              ))}
            </div>
          ) : (
            <p className="muted small">{t('discovery.wanted.none')}</p>
          )}
        </div>
      ))}
    </section>
  );
}

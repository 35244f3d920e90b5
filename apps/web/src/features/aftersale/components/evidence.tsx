// Evidence photos of one side: thumbnails that open the full photo. Private photos: the browser
// sends the session cookie, and only the case's parties, jurors and operators get them.
import { useTranslation } from 'react-i18next';
import type { CasePhoto } from '../api.ts';

export function Evidence({ title, photos, testId }: { title: string; photos: CasePhoto[]; testId: string }) {
  const { t } = useTranslation();
  if (photos.length === 0) return null;
  return (
    <div className="case-evidence" data-testid={testId}>
      <h3 className="case-subtitle">{title}</h3>
      <ul className="case-photos">
        {photos.map((p, i) => (
          <li key={p.id}>
            <a href={p.urls.detail} target="_blank" rel="noreferrer">
              <img src={p.urls.thumb} alt={t('aftersale.photo', { n: i + 1 })} width={p.width} height={p.height} loading="lazy" />
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}

// 发布: what to publish — an idle item to sell (quick sell) or a community note.
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ChevronIcon, PlusIcon, ShieldIcon } from '../../ui/icons.tsx';

export default function PublishChooserPage() {
  const { t } = useTranslation();
  return (
    <>
      <header className="chooser-header">
        <h1 className="chooser-title">{t('publish.title')}</h1>
      </header>
      <ul className="chooser">
        <li>
          <Link to="/sell" className="card chooser-card chooser-sell">
            <span className="chooser-icon">
              <ShieldIcon size={26} />
            </span>
            <span className="chooser-text">
              <span className="chooser-name">{t('publish.sell')}</span>
              <span className="chooser-body">{t('publish.sellBody')}</span>
            </span>
            <ChevronIcon size={18} className="list-chevron" />
          </Link>
        </li>
        <li>
          <Link to="/publish/note" className="card chooser-card">
            <span className="chooser-icon chooser-icon-note">
              <PlusIcon size={26} />
            </span>
            <span className="chooser-text">
              <span className="chooser-name">{t('publish.note')}</span>
              <span className="chooser-body">{t('publish.noteBody')}</span>
            </span>
            <ChevronIcon size={18} className="list-chevron" />
          </Link>
        </li>
      </ul>
      <p className="chooser-escrow">{t('publish.escrow')}</p>
    </>
  );
}

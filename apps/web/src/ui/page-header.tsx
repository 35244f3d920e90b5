import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { BackIcon } from './icons.tsx';

/** The top bar of a sub-page: back, title, an optional action on the right. */
export function PageHeader({
  title,
  back = true,
  right,
}: {
  title: string;
  back?: boolean | string;
  right?: ReactNode;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const goBack = () => {
    if (typeof back === 'string') navigate(back);
    else if (window.history.state?.idx > 0) navigate(-1);
    else navigate('/');
  };
  return (
    <header className="page-header">
      <div className="page-header-side">
        {back && (
          <button type="button" className="icon-btn" onClick={goBack} aria-label={t('common.back')}>
            <BackIcon size={24} />
          </button>
        )}
      </div>
      {title ? <h1 className="page-header-title">{title}</h1> : <span />}
      <div className="page-header-side page-header-right">{right}</div>
    </header>
  );
}

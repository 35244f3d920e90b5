// The frame of the sign-in and sign-up pages: brand, title, the form, the link to the other one.
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { CloseIcon } from '../../../ui/icons.tsx';
import { LanguageSwitch } from '../../../ui/language-switch.tsx';

export function AuthCard({
  title,
  subtitle,
  children,
  footer,
}: {
  title: string;
  subtitle: string;
  children: ReactNode;
  footer: ReactNode;
}) {
  const { t } = useTranslation();
  return (
    <div className="auth">
      <div className="auth-top">
        <Link to="/" className="icon-btn" aria-label={t('auth.close')}>
          <CloseIcon size={24} />
        </Link>
        <LanguageSwitch />
      </div>
      <div className="auth-brand" aria-hidden="true">
        <span className="brand-mark">{t('app.name')}</span>
      </div>
      <h1 className="auth-title">{title}</h1>
      <p className="auth-subtitle">{subtitle}</p>
      {children}
      <p className="auth-footer">{footer}</p>
    </div>
  );
}

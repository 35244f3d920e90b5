// After an account deletion: a public page (the member is gone, so no member-only guard may
// hold it) that says it is done.
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../ui/button.tsx';
import { PageHeader } from '../../ui/page-header.tsx';

export default function AccountDeletedPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('privacy.deleteTitle')} />
      <section className="card" role="status" data-testid="account-deleted">
        <p>{t('privacy.done')}</p>
        <ButtonLink to="/" block>
          {t('privacy.backHome')}
        </ButtonLink>
      </section>
    </>
  );
}

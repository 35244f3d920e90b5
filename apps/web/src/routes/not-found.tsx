import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../ui/button.tsx';
import { PageHeader } from '../ui/page-header.tsx';

export default function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <main className="page">
      <PageHeader title={t('notFound.title')} />
      <section className="card status">
        <p>{t('notFound.body')}</p>
        <ButtonLink to="/">{t('notFound.home')}</ButtonLink>
      </section>
    </main>
  );
}

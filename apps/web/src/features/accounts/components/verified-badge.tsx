import { useTranslation } from 'react-i18next';
import { ShieldIcon } from '../../../ui/icons.tsx';

export function VerifiedBadge() {
  const { t } = useTranslation();
  return (
    <span className="badge badge-verified">
      <ShieldIcon size={14} />
      {t('user.verified')}
    </span>
  );
}

// The scam shield in the conversation (SPEC C7). The recipient of a message that looks like an
// off-platform lure gets a clear warning with the safe way (buy with escrow) and 举报; the
// sender gets a gentle reminder. The message itself is always delivered and shown.
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../../ui/button.tsx';
import { AlertIcon, ShieldIcon } from '../../../ui/icons.tsx';
import { buyable } from './item-message.tsx';
import type { ChatItemCard, WarningCode } from '../types.ts';

const KNOWN = ['off_platform_contact', 'deposit_request', 'external_payment', 'suspicious_link'];

type Props = {
  warnings: WarningCode[];
  item: ChatItemCard | null;
  meId: string;
  reported: boolean;
  onReport: () => void;
};

export function WarningCard({ warnings, item, meId, reported, onReport }: Props) {
  const { t } = useTranslation();
  const codes = warnings.filter((w) => KNOWN.includes(w));
  return (
    <aside className="chat-warning" data-testid="scam-warning" aria-label={t('chat.warning.title')}>
      <p className="chat-warning-title">
        <AlertIcon size={18} /> {t('chat.warning.title')}
      </p>
      {codes.length > 0 && (
        <ul className="chat-warning-codes">
          {codes.map((c) => (
            <li key={c}>{t(`chat.warning.codes.${c as 'deposit_request'}`)}</li>
          ))}
        </ul>
      )}
      <p className="chat-warning-body">{t('chat.warning.body')}</p>
      {/* "先付定金": the escrowed deposit is the safe way to reserve (定金托管). */}
      {codes.includes('deposit_request') && (
        <p className="chat-warning-body" data-testid="deposit-advice">
          {t('chat.warning.deposit')}
        </p>
      )}
      <div className="chat-warning-actions">
        {item &&
          (buyable(item, meId) ? (
            <ButtonLink
              to={codes.includes('deposit_request') ? `/checkout/${item.id}?reserve=1` : `/checkout/${item.id}`}
              className="btn-small"
            >
              <ShieldIcon size={16} /> {codes.includes('deposit_request') ? t('chat.warning.reserve') : t('chat.warning.buy')}
            </ButtonLink>
          ) : (
            <ButtonLink to={`/items/${item.id}`} variant="secondary" className="btn-small">
              {t('chat.warning.view')}
            </ButtonLink>
          ))}
        <button type="button" className="btn btn-danger btn-small" disabled={reported} onClick={onReport}>
          {reported ? t('chat.warning.reported') : t('chat.warning.report')}
        </button>
      </div>
    </aside>
  );
}

/** What the sender of a flagged message sees under it. */
export function SenderNotice() {
  const { t } = useTranslation();
  return (
    <p className="chat-sender-notice" data-testid="scam-notice">
      <ShieldIcon size={14} /> {t('chat.warning.sender')}
    </p>
  );
}

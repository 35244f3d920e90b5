// The scam shield in the conversation (SPEC C7). The recipient of a message that looks like an
// off-platform lure gets a clear warning with the safe way (buy with escrow) and 举报; the
// sender gets a gentle reminder. The message itself is always delivered and shown. After the
// first warning in a conversation, later ones are one line (with 举报, and the full card a tap
// away): the same paragraph under every message of a persistent lure would drown the talk.
import { isScamWarning } from '@jishi/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ButtonLink } from '../../../ui/button.tsx';
import { AlertIcon, ShieldIcon } from '../../../ui/icons.tsx';
import { buyable } from './item-message.tsx';
import type { ChatItemCard, WarningCode } from '../types.ts';

type Props = {
  warnings: WarningCode[];
  item: ChatItemCard | null;
  meId: string;
  reported: boolean;
  onReport: () => void;
  /** Not the first warning in this conversation: shown folded to one line until opened. */
  repeat?: boolean;
};

export function WarningCard({ warnings, item, meId, reported, onReport, repeat = false }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const codes = warnings.filter(isScamWarning);
  if (repeat && !open) {
    return (
      <aside
        className="chat-warning chat-warning-repeat"
        data-testid="scam-warning"
        data-repeat="true"
        aria-label={t('chat.warning.title')}
      >
        <AlertIcon size={15} />
        <span className="chat-warning-again">
          {t('chat.warning.again')}
          {codes.length > 0 && ` · ${codes.map((c) => t(`chat.warning.codes.${c}`)).join('、')}`}
        </span>
        <button type="button" className="link-btn" aria-expanded={false} onClick={() => setOpen(true)}>
          {t('chat.warning.details')}
        </button>
        <button type="button" className="link-btn chat-warning-report" disabled={reported} onClick={onReport}>
          {reported ? t('chat.warning.reported') : t('chat.warning.report')}
        </button>
      </aside>
    );
  }
  return (
    <aside className="chat-warning" data-testid="scam-warning" aria-label={t('chat.warning.title')}>
      <p className="chat-warning-title">
        <AlertIcon size={18} /> {t('chat.warning.title')}
      </p>
      {codes.length > 0 && (
        <ul className="chat-warning-codes">
          {codes.map((c) => (
            <li key={c}>{t(`chat.warning.codes.${c}`)}</li>
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

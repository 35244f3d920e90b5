// One message in the history: own on the right, the peer's on the left with their avatar,
// system (order) cards in the middle. A flagged message is shown as sent, followed by the
// warning card for its recipient or a reminder for its sender.
import { useTranslation } from 'react-i18next';
import { Avatar } from '../../../ui/avatar.tsx';
import type { ChatItemCard, Conversation, Message } from '../types.ts';
import { ItemMessage } from './item-message.tsx';
import { OfferMessage } from './offer-message.tsx';
import { OrderMessage } from './order-message.tsx';
import { SenderNotice, WarningCard } from './warning-card.tsx';

type Props = {
  message: Message;
  meId: string;
  /** Same sender as the message before, without a pause: no second avatar. */
  continued: boolean;
  peer: Conversation['peer'];
  item: ChatItemCard | null;
  reported: boolean;
  onReport: (messageId: string) => void;
  /** An earlier message in this conversation already carries the full warning card. */
  warningRepeat?: boolean;
};

function Content({ message, meId }: Pick<Props, 'message' | 'meId'>) {
  const { t } = useTranslation();
  switch (message.kind) {
    case 'photo':
      return message.photo ? (
        <a href={message.photo.url} target="_blank" rel="noreferrer" className="chat-photo">
          <img
            src={message.photo.url}
            alt={t('chat.conversation.photoAlt')}
            width={message.photo.width}
            height={message.photo.height}
            style={{ aspectRatio: `${message.photo.width} / ${message.photo.height}` }}
          />
        </a>
      ) : null;
    case 'item':
      return <ItemMessage card={message.item} meId={meId} />;
    case 'offer':
      return message.offer ? <OfferMessage offer={message.offer} meId={meId} /> : null;
    default:
      return <p className="chat-bubble">{message.text}</p>;
  }
}

export function MessageRow({ message, meId, continued, peer, item, reported, onReport, warningRepeat }: Props) {
  const { t } = useTranslation();
  if (message.senderId === null) {
    return (
      <li className="chat-row chat-row-system" data-testid="chat-message" data-kind={message.kind}>
        {message.order ? <OrderMessage order={message.order} /> : <p className="chat-system">{message.text}</p>}
      </li>
    );
  }
  const mine = message.senderId === meId;
  const flagged = message.warnings.length > 0;
  return (
    <li
      className={continued ? 'chat-row-group chat-row-cont' : 'chat-row-group'}
      data-testid="chat-message"
      data-kind={message.kind}
      data-mine={mine}
    >
      <div className={mine ? 'chat-row chat-row-mine' : 'chat-row chat-row-peer'}>
        {!mine &&
          (continued ? (
            <span className="chat-avatar-gap" aria-hidden="true" />
          ) : (
            <Avatar url={peer.avatarUrl} name={peer.displayName} size={36} />
          ))}
        <div className="chat-content">
          <Content message={message} meId={meId} />
          {message.automatic && (
            <span className="chat-auto" data-testid="auto-reply-badge">
              {t('assist.autoBadge')}
            </span>
          )}
        </div>
      </div>
      {flagged &&
        (mine ? (
          <SenderNotice />
        ) : (
          <WarningCard
            warnings={message.warnings}
            item={item}
            meId={meId}
            reported={reported}
            onReport={() => onReport(message.id)}
            repeat={warningRepeat}
          />
        ))}
    </li>
  );
}

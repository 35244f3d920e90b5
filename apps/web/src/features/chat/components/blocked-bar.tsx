// In place of the composer when one of the two has blocked the other.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useBlock } from '../api.ts';
import { describeChatError } from '../errors.ts';
import type { Conversation } from '../types.ts';

export function BlockedBar({ conversation }: { conversation: Conversation }) {
  const { t } = useTranslation();
  const block = useBlock(conversation.id, conversation.peer.id);
  const [error, setError] = useState<string | null>(null);
  if (!conversation.blocked.byMe) {
    return (
      <p className="chat-composer chat-blocked" role="status">
        {t('chat.blocked.byPeer')}
      </p>
    );
  }
  return (
    <div className="chat-composer chat-blocked" role="status">
      <span>{error ?? t('chat.blocked.byMe')}</span>
      <button
        type="button"
        className="btn btn-secondary btn-small"
        disabled={block.isPending}
        onClick={() => block.mutate(false, { onError: (err) => setError(describeChatError(t, err)) })}
      >
        {t('chat.composer.unblock')}
      </button>
    </div>
  );
}

// 聊一聊 on an item page: opens (or reuses) the conversation with the seller, now about this
// item, and goes there. Visitors sign in first and come back to the item.
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { loginPath } from '../../../lib/next.ts';
import { useOpenConversation } from '../api.ts';
import { describeChatError } from '../errors.ts';
import { ChatIcon } from './icons.tsx';

export function ChatWithSeller({
  sellerId,
  itemId,
  signedIn,
}: {
  sellerId: string;
  itemId: string;
  signedIn: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const open = useOpenConversation();
  const go = () => {
    if (!signedIn) return navigate(loginPath(`/items/${itemId}`));
    open.mutate({ peerId: sellerId, itemId }, { onSuccess: (c) => navigate(`/messages/${c.id}`) });
  };
  return (
    <>
      <button
        type="button"
        className="action-chat"
        title={t('chat.withSeller.label')}
        disabled={open.isPending}
        aria-busy={open.isPending || undefined}
        onClick={go}
        data-testid="chat-with-seller"
      >
        <ChatIcon size={22} />
        <span>{t('chat.withSeller.button')}</span>
      </button>
      {open.isError && (
        <p className="toast chat-toast-error" role="alert">
          {describeChatError(t, open.error)}
        </p>
      )}
    </>
  );
}

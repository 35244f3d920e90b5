// 私信 on a member's profile: opens (or reuses) the one conversation with them and goes there.
// Visitors sign in first and come back to the profile; nobody messages themselves.
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { loginPath } from '../../../lib/next.ts';
import { useOpenConversation } from '../api.ts';
import { describeChatError } from '../errors.ts';
import { ChatIcon } from './icons.tsx';

export function MessageButton({ userId, viewerId }: { userId: string; viewerId: string | null }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const open = useOpenConversation();
  if (viewerId === userId) return null;
  const go = () => {
    if (!viewerId) return void navigate(loginPath(`/u/${userId}`));
    open.mutate({ peerId: userId }, { onSuccess: (c) => void navigate(`/messages/${c.id}`) });
  };
  return (
    <>
      <button
        type="button"
        className="follow-btn follow-btn-on message-btn"
        disabled={open.isPending}
        aria-busy={open.isPending || undefined}
        onClick={go}
        data-testid="message-button"
      >
        <ChatIcon size={15} />
        {t('user.message')}
      </button>
      {open.isError && (
        <p className="toast chat-toast-error" role="alert">
          {describeChatError(t, open.error)}
        </p>
      )}
    </>
  );
}

// 私信 (SPEC C6): one conversation — the peer and the item it is about at the top, the live
// history, and the composer. Viewing it marks it read; blocks replace the composer. On desktop
// it sits beside the inbox (ChatSplit).
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useMe } from '../../features/accounts/api.ts';
import { useConversation, useMarkRead } from '../../features/chat/api.ts';
import { HostingBar } from '../../features/assist/components/hosting-switch.tsx';
import { BlockedBar } from '../../features/chat/components/blocked-bar.tsx';
import { ChatMenu } from '../../features/chat/components/chat-menu.tsx';
import { Composer } from '../../features/chat/components/composer.tsx';
import { ItemStrip } from '../../features/chat/components/item-message.tsx';
import { MessageList } from '../../features/chat/components/message-list.tsx';
import { describeChatError } from '../../features/chat/errors.ts';
import { useChatConnection } from '../../features/chat/provider.tsx';
import { ApiError } from '../../lib/api.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { ErrorState, Loading } from '../../ui/status.tsx';
import { useDesktop } from '../../ui/use-desktop.ts';
import { ChatSplit } from './index.tsx';

export default function ConversationPage() {
  const page = <Conversation />;
  return useDesktop() ? <ChatSplit>{page}</ChatSplit> : page;
}

function Conversation() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const meId = useMe().data?.id ?? '';
  const convo = useConversation(id);
  const { state } = useChatConnection();
  const { mutate: markRead } = useMarkRead(id);
  const unread = convo.data?.unreadCount ?? 0;

  // Unread while on screen (on arrival, or when the tab comes back into view): read now.
  useEffect(() => {
    if (unread === 0) return;
    const run = () => {
      if (document.visibilityState === 'visible') markRead();
    };
    run();
    document.addEventListener('visibilitychange', run);
    return () => document.removeEventListener('visibilitychange', run);
  }, [unread, markRead]);

  if (convo.isPending || convo.isError) {
    const missing = convo.error instanceof ApiError && convo.error.status === 404;
    return (
      <div className="chat-page">
        <PageHeader title={t('chat.title')} />
        {convo.isPending ? (
          <Loading />
        ) : (
          <ErrorState
            message={missing ? t('chat.conversation.notFound') : describeChatError(t, convo.error)}
            onRetry={missing ? undefined : () => void convo.refetch()}
          />
        )}
      </div>
    );
  }
  const c = convo.data;
  const blocked = c.blocked.byMe || c.blocked.byPeer;
  return (
    <div className="chat-page" data-testid="conversation">
      <PageHeader title={c.peer.displayName} right={<ChatMenu conversation={c} />} />
      {state === 'down' && (
        <p className="chat-reconnect" role="status">
          {t('chat.reconnecting')}
        </p>
      )}
      {c.item && <ItemStrip card={c.item} meId={meId} />}
      {c.item && c.item.sellerId === meId && <HostingBar itemId={c.item.id} />}
      <MessageList conversation={c} meId={meId} />
      {blocked ? <BlockedBar conversation={c} /> : <Composer conversation={c} meId={meId} />}
    </div>
  );
}

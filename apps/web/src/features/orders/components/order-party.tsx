// Who is on the other side of an order and a way to reach them: for a pickup the two have to
// agree where and when to meet, and the chat keeps the order's cards in the same thread.
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { Avatar } from '../../../ui/avatar.tsx';
import { PinIcon } from '../../../ui/icons.tsx';
import { usePublicUser } from '../../accounts/api.ts';
import { useOpenConversation } from '../../chat/api.ts';
import { ChatIcon } from '../../chat/components/icons.tsx';
import { describeChatError } from '../../chat/errors.ts';
import type { Order } from '../api.ts';

export function OrderParty({ order }: { order: Order }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const peerId = order.role === 'buyer' ? order.sellerId : order.buyerId;
  const peer = usePublicUser(peerId);
  const open = useOpenConversation();
  const name = peer.data?.displayName ?? '';
  const spot = order.delivery === 'pickup' ? order.item.location : null;
  const chat = () =>
    open.mutate({ peerId, itemId: order.itemId }, { onSuccess: (c) => void navigate(`/messages/${c.id}`) });

  return (
    <section className="card order-party" aria-labelledby="party-title" data-testid="order-party">
      <h2 className="card-title" id="party-title">
        {order.role === 'buyer' ? t('order.party.seller') : t('order.party.buyer')}
      </h2>
      <div className="order-party-row">
        <Link to={`/u/${peerId}`} className="order-party-who">
          <Avatar url={peer.data?.avatarUrl ?? null} name={name || '·'} size={40} />
          <span className="order-party-name">{name || (peer.isError ? '—' : t('common.loading'))}</span>
        </Link>
        <button
          type="button"
          className="btn btn-secondary btn-small"
          disabled={open.isPending}
          aria-busy={open.isPending || undefined}
          onClick={chat}
        >
          <ChatIcon size={16} />
          {order.role === 'buyer' ? t('order.party.chatSeller') : t('order.party.chatBuyer')}
        </button>
      </div>
      {spot && (
        <p className="order-party-spot" data-testid="pickup-spot">
          <PinIcon size={14} />
          {t('order.party.spot', { place: spot })}
        </p>
      )}
      {open.isError && (
        <p className="field-error" role="alert">
          {describeChatError(t, open.error)}
        </p>
      )}
    </section>
  );
}

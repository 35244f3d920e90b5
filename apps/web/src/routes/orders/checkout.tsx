// 确认订单: quantity, delivery (only what the seller offers), address for shipping, the money
// summary, then the sandbox pay sheet. From an accepted offer: one unit at the agreed price.
import type { DeliveryMethod } from '@jishi/shared';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { useMe } from '../../features/accounts/api.ts';
import { type Item, useItem } from '../../features/items/api.ts';
import { ChoiceField } from '../../features/items/components/choice-field.tsx';
import { describeTradeError } from '../../lib/errors.ts';
import { deliveryName, parseYuan, priceLabel, yuan } from '../../lib/format.ts';
import { useRules } from '../../lib/rules.ts';
import { useOffer } from '../../features/offers/api.ts';
import type { Address, PlaceOrderInput } from '../../features/orders/api.ts';
import { AddressPicker, useShipTo } from '../../features/orders/components/address-picker.tsx';
import { MoneyRows } from '../../features/orders/components/money-rows.tsx';
import { PaySheet } from '../../features/orders/components/pay-sheet.tsx';
import { FormAlert } from '../../ui/alert.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { ErrorState, Loading } from '../../ui/status.tsx';

export default function CheckoutPage() {
  const { t } = useTranslation();
  const { itemId = '' } = useParams();
  const [params] = useSearchParams();
  const offerId = params.get('offerId');
  const item = useItem(itemId);
  const offer = useOffer(offerId);
  const header = <PageHeader title={t('checkout.title')} />;
  if (item.isError)
    return (
      <>
        {header}
        <ErrorState message={describeTradeError(t, item.error)} />
      </>
    );
  if (offer.isError)
    return (
      <>
        {header}
        <ErrorState message={describeTradeError(t, offer.error)} />
      </>
    );
  if (!item.data || (offerId && !offer.data))
    return (
      <>
        {header}
        <Loading />
      </>
    );
  const agreed = offer.data?.status === 'accepted' ? offer.data.agreedPrice : null;
  if (offerId && agreed === null) {
    return (
      <>
        {header}
        <ErrorState message={t('tradeErrors.offer_not_accepted')} />
      </>
    );
  }
  return (
    <>
      {header}
      <CheckoutForm item={item.data} offerId={offerId} agreedPrice={agreed} reserveFirst={params.get('reserve') === '1'} />
    </>
  );
}

function CheckoutForm({
  item,
  offerId,
  agreedPrice,
  reserveFirst = false,
}: {
  item: Item;
  offerId: string | null;
  agreedPrice: number | null;
  /** Came from "付定金预约": pickup with a deposit, preselected. */
  reserveFirst?: boolean;
}) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const me = useMe().data;
  const rules = useRules().data;
  const [quantity, setQuantity] = useState(1);
  const canReserve = item.delivery.includes('pickup');
  const [delivery, setDelivery] = useState<DeliveryMethod | ''>(
    reserveFirst && canReserve ? 'pickup' : item.delivery.length === 1 ? (item.delivery[0] ?? '') : '',
  );
  const [reserve, setReserve] = useState(reserveFirst && canReserve);
  const [depositText, setDepositText] = useState('');
  const ship = useShipTo();
  // Set at 提交订单 from what is chosen or filled in (address-picker.tsx), then paid for.
  const [address, setAddress] = useState<Address | null>(null);
  const [errors, setErrors] = useState<{ delivery?: string; deposit?: string; form?: string }>({});
  const [paying, setPaying] = useState(false);

  const unitPrice = agreedPrice ?? item.price;
  const itemTotal = unitPrice * quantity;
  const shipping = delivery === 'shipping' ? item.shippingFee : 0;
  const total = itemTotal + shipping;
  const maxQty = offerId ? 1 : Math.max(1, item.available);
  // Reservation deposit (定金托管): pickup only, ¥0.01 … the operator's cap (depositMaxPercent, GET
  // /rules) of the total; offered once the rules are in.
  const depositPercent = rules?.depositMaxPercent ?? 0;
  const maxDeposit = Math.floor((total * depositPercent) / 100);
  const reserving = reserve && delivery === 'pickup' && maxDeposit >= 1;
  const deposit = reserving ? parseYuan(depositText) : null;
  const depositOk = deposit !== null && deposit >= 1 && deposit <= maxDeposit;
  const unavailable =
    item.sellerId === me?.id
      ? t('tradeErrors.own_item')
      : item.status === 'sold_out' && item.held > 0
        ? t('stock.heldBanner')
        : item.status !== 'on_sale'
          ? t(`item.status.${item.status}`)
          : null;

  const input: PlaceOrderInput | null =
    delivery === ''
      ? null
      : {
          itemId: item.id,
          quantity,
          delivery,
          ...(delivery === 'shipping' && address
            ? { address: { name: address.name, phone: address.phone, line: address.line } }
            : {}),
          ...(offerId ? { offerId } : {}),
          ...(reserving && depositOk ? { deposit } : {}),
        };

  const submit = async () => {
    const errs: typeof errors = {};
    if (!delivery) errs.delivery = t('checkout.errors.delivery');
    if (reserving && !depositOk) errs.deposit = t('reservation.amountError', { max: yuan(maxDeposit) });
    setErrors(errs);
    if (Object.keys(errs).length > 0) return;
    const to = delivery === 'shipping' ? await ship.resolve() : null;
    if (delivery === 'shipping' && !to) return;
    setAddress(to);
    setPaying(true);
  };

  return (
    <div className="checkout">
      <section className="card order-item">
        {item.images[0] ? (
          <img src={item.images[0].thumbUrl} alt="" className="order-cover" />
        ) : (
          <span className="order-cover" />
        )}
        <div className="order-item-text">
          <p className="order-item-title">{item.title}</p>
          <p className="order-item-price">
            {priceLabel(unitPrice, t('item.free'))}
            {agreedPrice !== null && <span className="badge badge-accent">{t('checkout.agreedPrice')}</span>}
          </p>
        </div>
      </section>

      <section className="card form">
        <div className="stepper-row">
          <span className="field-label" id="qty-label">
            {t('checkout.quantity')}
          </span>
          <fieldset className="stepper" aria-labelledby="qty-label">
            <button
              type="button"
              aria-label={t('checkout.less')}
              disabled={quantity <= 1}
              onClick={() => setQuantity(quantity - 1)}
            >
              −
            </button>
            <output aria-live="polite">{quantity}</output>
            <button
              type="button"
              aria-label={t('checkout.more')}
              disabled={quantity >= maxQty}
              onClick={() => setQuantity(quantity + 1)}
            >
              +
            </button>
          </fieldset>
        </div>
        <p className="muted small">
          {offerId ? t('checkout.offerOne') : t('checkout.available', { count: item.available })}
        </p>
        <ChoiceField
          label={t('checkout.delivery')}
          options={item.delivery.map((d) => ({
            key: d,
            label:
              d === 'shipping'
                ? `${deliveryName(d)} · ${item.shippingFee === 0 ? t('item.freeShipping') : yuan(item.shippingFee)}`
                : deliveryName(d),
          }))}
          value={delivery}
          onChange={(k) => setDelivery(k as DeliveryMethod)}
          error={errors.delivery}
          hint={delivery ? t(`checkout.deliveryHint.${delivery}`) : undefined}
        />
      </section>

      {delivery === 'pickup' && maxDeposit >= 1 && (
        <section className="card form reserve-form" data-testid="reserve">
          <label className="reserve-toggle">
            <input type="checkbox" checked={reserve} onChange={(e) => setReserve(e.target.checked)} />
            <span>{t('reservation.reserve')}</span>
          </label>
          <p className="muted small">{t('reservation.reserveHint')}</p>
          {reserve && (
            <label className="field">
              <span className="field-label">{t('reservation.amount')}</span>
              <input
                className="input"
                inputMode="decimal"
                value={depositText}
                placeholder={yuan(maxDeposit)}
                aria-invalid={!!errors.deposit || undefined}
                onChange={(e) => {
                  setDepositText(e.target.value);
                  setErrors((x) => ({ ...x, deposit: undefined }));
                }}
                data-testid="deposit-input"
              />
              <span className={errors.deposit ? 'field-error' : 'field-hint'}>
                {errors.deposit ?? t('reservation.amountHint', { max: yuan(maxDeposit), percent: depositPercent })}
              </span>
            </label>
          )}
        </section>
      )}

      {delivery === 'shipping' && (
        <AddressPicker {...ship.picker} />
      )}

      <section className="card" aria-labelledby="summary-title">
        <h2 className="card-title" id="summary-title">
          {t('checkout.summary')}
        </h2>
        <MoneyRows
          rows={[
            { label: t('money.itemTotal', { price: yuan(unitPrice), quantity }), amount: itemTotal },
            ...(delivery === 'shipping' ? [{ label: t('money.shipping'), amount: shipping }] : []),
          ]}
          total={total}
        />
        <p className="muted small escrow-note">{t('checkout.escrowNote')}</p>
      </section>

      <FormAlert message={unavailable} />
      <div className="action-bar">
        <span className="action-total">
          {reserving && depositOk ? t('reservation.deposit') : t('money.total')}{' '}
          <strong data-testid="checkout-total">{yuan(reserving && depositOk && deposit !== null ? deposit : total)}</strong>
        </span>
        <button
          type="button"
          className="btn btn-primary"
          disabled={!!unavailable || ship.saving}
          aria-busy={ship.saving || undefined}
          onClick={() => void submit()}
        >
          {reserving ? t('reservation.reserve') : t('checkout.submit')}
        </button>
      </div>
      <PaySheet
        open={paying}
        total={reserving && deposit !== null ? deposit : total}
        input={input}
        onClose={(placed) => (placed ? void navigate(`/orders/${placed.id}`) : setPaying(false))}
      />
    </div>
  );
}

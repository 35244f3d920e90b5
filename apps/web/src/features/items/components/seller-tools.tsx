// The seller's bar on their own item: edit, withdraw / relist, and the private floor price.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { FormAlert } from '../../../ui/alert.tsx';
import { ButtonLink } from '../../../ui/button.tsx';
import { HostingSwitch } from '../../assist/components/hosting-switch.tsx';
import { PriceSheet } from '../../offers/components/price-sheet.tsx';
import { type Item, useFloorPrice, useRelistItem, useSetFloorPrice, useWithdrawItem } from '../api.ts';
import { describeTradeError } from '../../../lib/errors.ts';
import { fenToYuanInput, yuan } from '../../../lib/format.ts';

export function SellerTools({ item }: { item: Item }) {
  const { t } = useTranslation();
  const withdraw = useWithdrawItem(item.id);
  const relist = useRelistItem(item.id);
  const floor = useFloorPrice(item.id, true);
  const setFloor = useSetFloorPrice(item.id);
  const [floorOpen, setFloorOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const onError = (err: unknown) => setError(describeTradeError(t, err));
  const current = floor.data?.floorPrice ?? null;
  const withdrawn = item.status === 'withdrawn';

  return (
    <>
      <section className="card seller-tools" data-testid="seller-tools">
        <p className="muted small">
          {item.free
            ? t('item.floorFree')
            : current === null
              ? t('item.floorNone')
              : t('item.floorIs', { price: yuan(current) })}
        </p>
        {!withdrawn && <HostingSwitch item={item} floorSet={current !== null} />}
        <FormAlert message={error} />
      </section>
      <div className="action-bar">
        {!withdrawn && (
          <ButtonLink to={`/items/${item.id}/edit`} variant="secondary">
            {t('item.edit')}
          </ButtonLink>
        )}
        {withdrawn ? (
          <button
            type="button"
            className="btn btn-secondary"
            disabled={relist.isPending}
            onClick={() => relist.mutate(undefined, { onError })}
          >
            {t('item.relist')}
          </button>
        ) : (
          <button
            type="button"
            className="btn btn-secondary"
            disabled={withdraw.isPending}
            onClick={() => withdraw.mutate(undefined, { onError })}
          >
            {t('item.withdraw')}
          </button>
        )}
        <button type="button" className="btn btn-primary" disabled={item.free} onClick={() => setFloorOpen(true)}>
          {t('item.setFloor')}
        </button>
      </div>
      <PriceSheet
        open={floorOpen}
        title={t('item.floorTitle')}
        label={t('item.floorLabel')}
        intro={t('item.floorIntro')}
        hint={t('item.floorAsking', { price: yuan(item.price) })}
        initial={current === null ? '' : fenToYuanInput(current)}
        submitLabel={t('common.save')}
        check={(fen) => (fen > item.price ? t('sell.errors.floorAbove') : null)}
        onSubmit={(fen) =>
          setFloor.mutateAsync(fen).then(
            () => undefined,
            (err: unknown) => {
              throw new Error(describeTradeError(t, err));
            },
          )
        }
        extra={
          current !== null && (
            <button
              type="button"
              className="btn btn-ghost btn-block"
              onClick={() => setFloor.mutate(null, { onSuccess: () => setFloorOpen(false), onError })}
            >
              {t('item.floorClear')}
            </button>
          )
        }
        onClose={() => setFloorOpen(false)}
      />
    </>
  );
}

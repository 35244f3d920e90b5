// 卖闲置: members who cannot quick sell yet learn exactly why; everyone else gets the form.
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMe } from '../../features/accounts/api.ts';
import { call, client } from '../../lib/api.ts';
import { type Item, type ItemInput, useCreateItem } from '../../features/items/api.ts';
import { Eligibility } from '../../features/items/components/eligibility.tsx';
import { ItemForm } from '../../features/items/components/item-form.tsx';
import { emptyValues } from '../../features/items/item-form-model.ts';
import { SellerGuardNotice } from '../../features/reviews/components/seller-guard-notice.tsx';
import { PageHeader } from '../../ui/page-header.tsx';

export default function SellPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const navigate = useNavigate();
  const create = useCreateItem();
  if (!me) return null; // RequireMember guarantees a member

  const save = async (input: ItemInput, floor: number | null): Promise<Item> => {
    const item = await create.mutateAsync(input);
    if (floor !== null) {
      // The item is listed either way; a floor the server refuses can be set again on its page.
      await call(
        client.PUT('/api/v1/items/{id}/floor-price', { params: { path: { id: item.id } }, body: { floorPrice: floor } }),
      ).catch(() => undefined);
    }
    await navigate(`/items/${item.id}`, { replace: true, state: { listed: true } });
    return item;
  };

  return (
    <>
      <PageHeader title={t('sell.pageTitle')} back="/publish" />
      {me.quickSell.eligible && <SellerGuardNotice />}
      {me.quickSell.eligible ? (
        <ItemForm
          initial={emptyValues(me.city)}
          initialPhotos={[]}
          submitLabel={t('sell.submit')}
          busyLabel={t('sell.submitting')}
          onSave={save}
          assist
        />
      ) : (
        <Eligibility quickSell={me.quickSell} />
      )}
    </>
  );
}

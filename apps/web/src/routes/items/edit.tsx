// Edit an item (seller only). Orders already placed keep their snapshot of the old terms.
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useParams } from 'react-router';
import { useMe } from '../../features/accounts/api.ts';
import { type ItemInput, useEditItem, useFloorPrice, useItem, useSetFloorPrice } from '../../features/items/api.ts';
import { ItemForm } from '../../features/items/components/item-form.tsx';
import { photosFromItem } from '../../features/items/components/photo-picker.tsx';
import { describeTradeError } from '../../lib/errors.ts';
import { valuesOf } from '../../features/items/item-form-model.ts';
import { PageHeader } from '../../ui/page-header.tsx';
import { ErrorState, Loading } from '../../ui/status.tsx';

export default function EditItemPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const navigate = useNavigate();
  const me = useMe().data;
  const item = useItem(id);
  const mine = !!item.data && item.data.sellerId === me?.id;
  const floor = useFloorPrice(id, mine);
  const edit = useEditItem(id);
  const setFloor = useSetFloorPrice(id);

  const header = <PageHeader title={t('sell.editTitle')} back={`/items/${id}`} />;
  if (item.isError)
    return (
      <>
        {header}
        <ErrorState message={describeTradeError(t, item.error)} />
      </>
    );
  if (item.data && !mine) return <Navigate to={`/items/${id}`} replace />;
  if (!item.data || floor.isPending)
    return (
      <>
        {header}
        <Loading />
      </>
    );

  const before = floor.data?.floorPrice ?? null;
  const save = async (input: ItemInput, next: number | null) => {
    // The floor is saved after the item, so the server checks it against the new price.
    const saved = await edit.mutateAsync(input);
    if (next !== before) await setFloor.mutateAsync(next);
    await navigate(`/items/${saved.id}`, { replace: true });
    return saved;
  };
  return (
    <>
      {header}
      <ItemForm
        initial={valuesOf(item.data, before)}
        initialPhotos={photosFromItem(item.data.images)}
        submitLabel={t('common.save')}
        busyLabel={t('common.saving')}
        onSave={save}
      />
    </>
  );
}

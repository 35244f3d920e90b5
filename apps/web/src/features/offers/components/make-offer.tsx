// 议价: the buyer names a price below the asking price. A lowball under the seller's private
// floor comes back declined at once; the buyer is told so, never the floor itself.
import { useTranslation } from 'react-i18next';
import type { Item } from '../../items/api.ts';
import { describeTradeError } from '../../../lib/errors.ts';
import { yuan } from '../../../lib/format.ts';
import { useMakeOffer } from '../api.ts';
import { PriceSheet } from './price-sheet.tsx';

export function MakeOffer({ item, open, onClose }: { item: Item; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const make = useMakeOffer(item.id);
  return (
    <PriceSheet
      open={open}
      title={t('offers.makeTitle')}
      label={t('offers.yourPrice')}
      intro={t('offers.makeIntro', { price: yuan(item.price) })}
      hint={t('offers.makeHint')}
      submitLabel={t('offers.send')}
      check={(fen) => (fen >= item.price ? t('offers.mustBeLower', { price: yuan(item.price) }) : null)}
      onSubmit={(price) =>
        make.mutateAsync(price).then(
          () => undefined,
          (err: unknown) => {
            throw new Error(describeTradeError(t, err));
          },
        )
      }
      onClose={onClose}
    />
  );
}

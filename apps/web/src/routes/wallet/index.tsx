// 钱包: what I can withdraw, what is still in escrow, what is on its way to my payout account,
// what I have withdrawn; my withdrawals with their state; the statement.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { describeTradeError } from '../../lib/errors.ts';
import { yuan } from '../../lib/format.ts';
import { percentOfBps, useRules } from '../../lib/rules.ts';
import { useWallet } from '../../features/wallet/api.ts';
import { Statement } from '../../features/wallet/components/statement.tsx';
import { PayoutMethods } from '../../features/wallet/components/payout-methods.tsx';
import { WithdrawForm } from '../../features/wallet/components/withdraw-form.tsx';
import { Withdrawals } from '../../features/wallet/components/withdrawals.tsx';
import { ShieldIcon } from '../../ui/icons.tsx';
import { PageHeader } from '../../ui/page-header.tsx';
import { ErrorState, Loading } from '../../ui/status.tsx';

export default function WalletPage() {
  const { t } = useTranslation();
  const rules = useRules().data;
  const wallet = useWallet();
  const [adding, setAdding] = useState(false);
  const addMethod = () => {
    setAdding(true);
    document.getElementById('payout-methods')?.scrollIntoView({ behavior: 'smooth', block: 'start' });
  };
  return (
    <>
      <PageHeader title={t('wallet.title')} back="/me" />
      {wallet.isPending ? (
        <Loading />
      ) : wallet.isError ? (
        <ErrorState message={describeTradeError(t, wallet.error)} onRetry={() => void wallet.refetch()} />
      ) : (
        <>
          <section className="wallet-hero" data-testid="wallet-balances">
            <p className="wallet-label">{t('wallet.available')}</p>
            <p className="wallet-available" data-testid="wallet-available">
              {yuan(wallet.data.available)}
            </p>
            <dl className="wallet-more">
              <div>
                <dt>{t('wallet.pending')}</dt>
                <dd data-testid="wallet-pending">{yuan(wallet.data.pending)}</dd>
              </div>
              <div>
                <dt>{t('wallet.withdrawn')}</dt>
                <dd data-testid="wallet-withdrawn">{yuan(wallet.data.withdrawn)}</dd>
              </div>
              {wallet.data.processing > 0 && (
                <div>
                  <dt>{t('wallet.processing')}</dt>
                  <dd data-testid="wallet-processing">{yuan(wallet.data.processing)}</dd>
                </div>
              )}
            </dl>
            {rules && (
              <p className="wallet-note">
                <ShieldIcon size={14} />
                {t('wallet.escrowNote', { fee: percentOfBps(rules.feeBps) })}
              </p>
            )}
          </section>
          <WithdrawForm available={wallet.data.available} onAddMethod={addMethod} />
          <PayoutMethods adding={adding} setAdding={setAdding} />
          <Withdrawals />
          <Statement />
        </>
      )}
    </>
  );
}

// 个人数据与注销: download everything stored about me (a plain link, streamed to disk), and
// delete the account with a password, after reading what goes and what stays.
import { formatPrice } from '@jishi/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { type Blocker, DeletionBlocked, EXPORT_URL, useDeleteAccount } from '../../features/privacy/api.ts';
import { ApiError } from '../../lib/api.ts';
import { describeError } from '../../lib/errors.ts';
import { FormAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { TextField } from '../../ui/field.tsx';
import { LockIcon } from '../../ui/icons.tsx';
import { PageHeader } from '../../ui/page-header.tsx';

export default function PrivacyPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t('privacy.title')} back="/me" />
      <section className="card" aria-labelledby="export-title" data-testid="privacy-export">
        <h2 className="card-title" id="export-title">
          {t('privacy.exportTitle')}
        </h2>
        <p>{t('privacy.exportBody')}</p>
        <p className="privacy-note">
          <LockIcon size={14} />
          {t('privacy.exportLimit')}
        </p>
        <a className="btn btn-secondary btn-block" href={EXPORT_URL} download data-testid="export-download">
          {t('privacy.exportButton')}
        </a>
      </section>
      <DeleteAccount />
    </>
  );
}

function DeleteAccount() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const del = useDeleteAccount();
  const [password, setPassword] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [done, setDone] = useState(false);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!password || !confirmed) return;
    del.mutate(password, { onSuccess: () => setDone(true) });
  };
  // Leave the member-only page before forgetting the member, so the guard does not bounce to login.
  const leave = async () => {
    await navigate('/', { replace: true });
    del.forget();
  };

  if (done) {
    return (
      <section className="card" role="status" data-testid="account-deleted">
        <p>{t('privacy.done')}</p>
        <Button block onClick={() => void leave()}>
          {t('privacy.backHome')}
        </Button>
      </section>
    );
  }
  const err = del.error;
  return (
    <section className="card" aria-labelledby="delete-title" data-testid="privacy-delete">
      <h2 className="card-title" id="delete-title">
        {t('privacy.deleteTitle')}
      </h2>
      <p>
        <strong>{t('privacy.deleteIntro')}</strong>
      </p>
      <h3>{t('privacy.goneTitle')}</h3>
      <p>{t('privacy.gone')}</p>
      <h3>{t('privacy.keptTitle')}</h3>
      <p>{t('privacy.kept')}</p>
      {err instanceof DeletionBlocked && <Blockers blockers={err.blockers} />}
      <form className="form" onSubmit={onSubmit} noValidate>
        <TextField
          label={t('privacy.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={err instanceof ApiError && err.code === 'wrong_password' ? t('privacy.wrongPassword') : undefined}
        />
        <label className="switch-row">
          <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
          <span>{t('privacy.confirm')}</span>
        </label>
        <FormAlert
          message={err && !(err instanceof DeletionBlocked) && !(err instanceof ApiError && err.code === 'wrong_password') ? describeError(t, err) : null}
        />
        <Button type="submit" variant="danger" block busy={del.isPending} disabled={!password || !confirmed}>
          {del.isPending ? t('privacy.submitting') : t('privacy.submit')}
        </Button>
      </form>
    </section>
  );
}

function Blockers({ blockers }: { blockers: Blocker[] }) {
  const { t, i18n } = useTranslation();
  const line = (b: Blocker) => {
    switch (b.kind) {
      case 'open_orders':
        return t('privacy.blocker.open_orders', { count: b.orderIds.length });
      case 'open_cases':
        return t('privacy.blocker.open_cases', { count: b.caseIds.length });
      case 'wallet_not_empty':
        return t('privacy.blocker.wallet_not_empty', { amount: formatPrice(b.balance, i18n.language === 'en' ? 'en' : 'zh-CN') });
      case 'withdrawal_processing':
        return t('privacy.blocker.withdrawal_processing');
    }
  };
  return (
    <div className="form-alert" style={{ flexDirection: 'column' }} role="alert" data-testid="deletion-blockers">
      <p>{t('privacy.blockedTitle')}</p>
      <ul>
        {blockers.map((b) => (
          <li key={b.kind}>
            {line(b)}{' '}
            {b.kind === 'open_orders' && <Link to="/orders">{t('privacy.ordersLink')}</Link>}
            {(b.kind === 'wallet_not_empty' || b.kind === 'withdrawal_processing') && <Link to="/wallet">{t('privacy.walletLink')}</Link>}
          </li>
        ))}
      </ul>
    </div>
  );
}

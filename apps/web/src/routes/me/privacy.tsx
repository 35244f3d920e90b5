// 个人数据与注销: download everything stored about me (a plain link, streamed to disk), and
// delete the account with a password, after reading what goes and what stays.
import { formatPrice } from '@jishi/shared';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router';
import { type Blocker, DeletionBlocked, EXPORT_URL, useDeleteAccount } from '../../features/privacy/api.ts';
import { useMe } from '../../features/accounts/api.ts';
import { ApiError } from '../../lib/api.ts';
import { describeError } from '../../lib/errors.ts';
import { loginPath } from '../../lib/next.ts';
import { FormAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { TextField } from '../../ui/field.tsx';
import { LockIcon } from '../../ui/icons.tsx';
import { PageHeader } from '../../ui/page-header.tsx';

export default function PrivacyPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const me = useMe();
  // Leave for a public page before the member is forgotten. The page guards itself instead of
  // sitting under RequireMember: the server ends the session (and the socket) before the answer
  // comes, and a guard would unmount the page — and its navigation — first.
  const del = useDeleteAccount(() => navigate('/account-deleted', { replace: true }));
  if (me.isPending) return null;
  if (!me.data && !del.isPending && !del.isSuccess) return <Navigate to={loginPath(location.pathname)} replace />;
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
      <DeleteAccount del={del} />
    </>
  );
}

function DeleteAccount({ del }: { del: ReturnType<typeof useDeleteAccount> }) {
  const { t } = useTranslation();
  const [password, setPassword] = useState('');
  const [confirmed, setConfirmed] = useState(false);

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (!password || !confirmed) return;
    del.mutate(password);
  };
  const err = del.error;
  return (
    <section className="card" aria-labelledby="delete-title" data-testid="privacy-delete">
      <h2 className="card-title" id="delete-title">
        {t('privacy.deleteTitle')}
      </h2>
      <p>
        <strong>{t('privacy.deleteIntro')}</strong>
      </p>
      <p>
        <strong>{t('privacy.goneTitle')}</strong>
        <br />
        {t('privacy.gone')}
      </p>
      <p>
        <strong>{t('privacy.keptTitle')}</strong>
        <br />
        {t('privacy.kept')}
      </p>
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
          <span>
            <strong>{t('privacy.confirm')}</strong>
          </span>
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

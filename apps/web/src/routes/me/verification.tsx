// 实名认证: real name + 18-character ID number. The number is encrypted on the server and
// only ever comes back masked; this page shows that masked result.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type Me, useMe, useVerifyIdentity } from '../../features/accounts/api.ts';
import { FormAlert } from '../../ui/alert.tsx';
import { Button, ButtonLink } from '../../ui/button.tsx';
import { TextField } from '../../ui/field.tsx';
import { Form, useForm } from '../../ui/form.tsx';
import { CheckIcon, LockIcon } from '../../ui/icons.tsx';
import { PageHeader } from '../../ui/page-header.tsx';

export default function VerificationPage() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const [justVerified, setJustVerified] = useState(false);
  return (
    <>
      <PageHeader title={t('verify.title')} back="/me" />
      {me?.verification ? (
        <VerifiedResult verification={me.verification} fresh={justVerified} />
      ) : (
        <VerificationForm onVerified={() => setJustVerified(true)} />
      )}
    </>
  );
}

function VerifiedResult({ verification, fresh }: { verification: NonNullable<Me['verification']>; fresh: boolean }) {
  const { t } = useTranslation();
  return (
    <section className="card verify-result" role={fresh ? 'status' : undefined} data-testid="verification-result">
      <span className="verify-check">
        <CheckIcon size={28} strokeWidth={3} />
      </span>
      <h2 className="verify-result-title">{fresh ? t('verify.successTitle') : t('verify.verifiedTitle')}</h2>
      <dl className="verify-dl">
        <div>
          <dt>{t('verify.resultRealName')}</dt>
          <dd>{verification.realName}</dd>
        </div>
        <div>
          <dt>{t('verify.resultIdNumber')}</dt>
          <dd className="mono">{verification.idNumber}</dd>
        </div>
      </dl>
      <p className="privacy-note">
        <LockIcon size={14} />
        {t('verify.privacy')}
      </p>
      <ButtonLink to="/me" block variant="secondary">
        {t('verify.backToMe')}
      </ButtonLink>
    </section>
  );
}

function VerificationForm({ onVerified }: { onVerified: () => void }) {
  const { t } = useTranslation();
  const verify = useVerifyIdentity();
  const form = useForm({ realName: '', idNumber: '' });

  const onSubmit = () => {
    if (!form.required(['realName', 'idNumber'])) return;
    const { realName, idNumber } = form.values;
    verify.mutate(
      { realName: realName.trim(), idNumber: idNumber.replace(/\s+/g, '').toUpperCase() },
      { onSuccess: onVerified, onError: form.fail },
    );
  };

  return (
    <>
      <section className="card verify-intro">
        <p>{t('verify.why')}</p>
        <p className="privacy-note">
          <LockIcon size={14} />
          {t('verify.privacy')}
        </p>
      </section>
      <Form className="form card" errors={form.errors} onSubmit={onSubmit}>
        <TextField
          label={t('verify.realName')}
          autoComplete="name"
          placeholder={t('verify.realNamePlaceholder')}
          {...form.bind('realName')}
        />
        <TextField
          label={t('verify.idNumber')}
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          inputMode="text"
          maxLength={18}
          className="input mono"
          placeholder={t('verify.idNumberPlaceholder')}
          {...form.bind('idNumber')}
        />
        <FormAlert message={form.errors.form} />
        <Button type="submit" block busy={verify.isPending}>
          {verify.isPending ? t('verify.submitting') : t('verify.submit')}
        </Button>
      </Form>
    </>
  );
}

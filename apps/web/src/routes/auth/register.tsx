import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useMe, useRegister } from '../../features/accounts/api.ts';
import { AuthCard } from '../../features/accounts/components/auth-card.tsx';
import { type FormErrors, formErrors, hasErrors, noErrors, requiredErrors } from '../../lib/errors.ts';
import { safeNext } from '../../lib/next.ts';
import { FormAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { TextField } from '../../ui/field.tsx';

const FIELDS = ['username', 'password', 'displayName'] as const;

export default function RegisterPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const me = useMe();
  const register = useRegister();
  const [values, setValues] = useState({ username: '', displayName: '', password: '' });
  const [errors, setErrors] = useState<FormErrors>(noErrors);

  if (me.data && !register.isPending && !register.isSuccess) return <Navigate to={next} replace />;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const missing = requiredErrors(t, values, ['username', 'password']);
    setErrors(missing);
    if (hasErrors(missing)) return;
    const displayName = values.displayName.trim();
    register.mutate(
      { username: values.username.trim(), password: values.password, ...(displayName ? { displayName } : {}) },
      {
        onSuccess: () => navigate(next, { replace: true }),
        onError: (err) => setErrors(formErrors(t, err, FIELDS)),
      },
    );
  };
  const set = (k: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [k]: e.target.value }));

  return (
    <AuthCard
      title={t('auth.registerTitle')}
      subtitle={t('auth.registerSubtitle')}
      footer={
        <>
          {t('auth.haveAccount')}{' '}
          <Link to={`/login${params.get('next') ? `?next=${encodeURIComponent(next)}` : ''}`}>{t('auth.toLogin')}</Link>
        </>
      }
    >
      <form className="form" onSubmit={onSubmit} noValidate>
        <TextField
          label={t('auth.username')}
          name="username"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={20}
          placeholder={t('auth.usernamePlaceholder')}
          hint={t('auth.usernameHint')}
          value={values.username}
          onChange={set('username')}
          error={errors.fields.username}
        />
        <TextField
          label={t('auth.displayName')}
          name="displayName"
          optional
          maxLength={30}
          placeholder={t('auth.displayNamePlaceholder')}
          value={values.displayName}
          onChange={set('displayName')}
          error={errors.fields.displayName}
        />
        <TextField
          label={t('auth.password')}
          name="password"
          type="password"
          autoComplete="new-password"
          placeholder={t('auth.passwordPlaceholder')}
          value={values.password}
          onChange={set('password')}
          error={errors.fields.password}
        />
        <FormAlert message={errors.form} />
        <Button type="submit" block busy={register.isPending}>
          {register.isPending ? t('auth.registering') : t('auth.registerButton')}
        </Button>
      </form>
    </AuthCard>
  );
}

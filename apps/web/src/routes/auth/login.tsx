import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useLogin, useMe } from '../../features/accounts/api.ts';
import { AuthCard } from '../../features/accounts/components/auth-card.tsx';
import { type FormErrors, formErrors, hasErrors, noErrors, requiredErrors } from '../../lib/errors.ts';
import { safeNext } from '../../lib/next.ts';
import { FormAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { TextField } from '../../ui/field.tsx';

const FIELDS = ['username', 'password'] as const;

export default function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const me = useMe();
  const login = useLogin();
  const [values, setValues] = useState({ username: '', password: '' });
  const [errors, setErrors] = useState<FormErrors>(noErrors);

  if (me.data && !login.isPending && !login.isSuccess) return <Navigate to={next} replace />;

  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    const missing = requiredErrors(t, values, FIELDS);
    setErrors(missing);
    if (hasErrors(missing)) return;
    login.mutate(values, {
      onSuccess: () => navigate(next, { replace: true }),
      onError: (err) => setErrors(formErrors(t, err, FIELDS)),
    });
  };
  const set = (k: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [k]: e.target.value }));

  return (
    <AuthCard
      title={t('auth.loginTitle')}
      subtitle={t('auth.loginSubtitle')}
      footer={
        <>
          {t('auth.noAccount')}{' '}
          <Link to={`/register${params.get('next') ? `?next=${encodeURIComponent(next)}` : ''}`}>
            {t('auth.toRegister')}
          </Link>
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
          placeholder={t('auth.usernamePlaceholder')}
          value={values.username}
          onChange={set('username')}
          error={errors.fields.username}
        />
        <TextField
          label={t('auth.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          value={values.password}
          onChange={set('password')}
          error={errors.fields.password}
        />
        <FormAlert message={errors.form} />
        <Button type="submit" block busy={login.isPending}>
          {login.isPending ? t('auth.loggingIn') : t('auth.loginButton')}
        </Button>
      </form>
    </AuthCard>
  );
}

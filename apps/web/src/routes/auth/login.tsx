import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useLogin, useMe } from '../../features/accounts/api.ts';
import { AuthCard } from '../../features/accounts/components/auth-card.tsx';
import { safeNext } from '../../lib/next.ts';
import { FormAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { TextField } from '../../ui/field.tsx';
import { Form, useForm } from '../../ui/form.tsx';

export default function LoginPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const me = useMe();
  const login = useLogin();
  const form = useForm({ username: '', password: '' });

  if (me.data && !login.isPending && !login.isSuccess) return <Navigate to={next} replace />;

  const onSubmit = () => {
    if (!form.required(['username', 'password'])) return;
    login.mutate(form.values, {
      onSuccess: () => navigate(next, { replace: true }),
      onError: form.fail,
    });
  };

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
      <Form errors={form.errors} onSubmit={onSubmit}>
        <TextField
          label={t('auth.username')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          placeholder={t('auth.usernamePlaceholder')}
          {...form.bind('username')}
        />
        <TextField
          label={t('auth.password')}
          type="password"
          autoComplete="current-password"
          {...form.bind('password')}
        />
        <FormAlert message={form.errors.form} />
        <Button type="submit" block busy={login.isPending}>
          {login.isPending ? t('auth.loggingIn') : t('auth.loginButton')}
        </Button>
      </Form>
    </AuthCard>
  );
}

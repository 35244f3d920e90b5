import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { useMe, useRegister } from '../../features/accounts/api.ts';
import { AuthCard } from '../../features/accounts/components/auth-card.tsx';
import { safeNext } from '../../lib/next.ts';
import { FormAlert } from '../../ui/alert.tsx';
import { Button } from '../../ui/button.tsx';
import { TextField } from '../../ui/field.tsx';
import { Form, useForm } from '../../ui/form.tsx';

export default function RegisterPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const me = useMe();
  const register = useRegister();
  const form = useForm({ username: '', displayName: '', password: '' });

  if (me.data && !register.isPending && !register.isSuccess) return <Navigate to={next} replace />;

  const onSubmit = () => {
    if (!form.required(['username', 'password'])) return;
    const { values } = form;
    const displayName = values.displayName.trim();
    register.mutate(
      { username: values.username.trim(), password: values.password, ...(displayName ? { displayName } : {}) },
      {
        onSuccess: () => navigate(next, { replace: true }),
        onError: form.fail,
      },
    );
  };

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
      <Form errors={form.errors} onSubmit={onSubmit}>
        <TextField
          label={t('auth.username')}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={20}
          placeholder={t('auth.usernamePlaceholder')}
          hint={t('auth.usernameHint')}
          {...form.bind('username')}
        />
        <TextField
          label={t('auth.displayName')}
          optional
          maxLength={30}
          placeholder={t('auth.displayNamePlaceholder')}
          {...form.bind('displayName')}
        />
        <TextField
          label={t('auth.password')}
          type="password"
          autoComplete="new-password"
          placeholder={t('auth.passwordPlaceholder')}
          {...form.bind('password')}
        />
        <FormAlert message={form.errors.form} />
        <Button type="submit" block busy={register.isPending}>
          {register.isPending ? t('auth.registering') : t('auth.registerButton')}
        </Button>
      </Form>
    </AuthCard>
  );
}

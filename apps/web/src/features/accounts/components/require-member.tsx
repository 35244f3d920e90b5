import { useTranslation } from 'react-i18next';
import { Navigate, Outlet, useLocation } from 'react-router';
import { describeError } from '../../../lib/errors.ts';
import { loginPath } from '../../../lib/next.ts';
import { ErrorState, Loading } from '../../../ui/status.tsx';
import { useMe } from '../api.ts';
import { isSigningOut } from '../signed-out.ts';

/** Layout route for pages that need a member: signed-out visitors go to login and come back. */
export function RequireMember() {
  const { t } = useTranslation();
  const me = useMe();
  const location = useLocation();
  if (me.isPending) return <Loading />;
  if (me.isError) return <ErrorState message={describeError(t, me.error)} onRetry={() => void me.refetch()} />;
  // Signed out on purpose (我 → 退出登录): home, not the login form with next=/me.
  if (!me.data) return <Navigate to={isSigningOut() ? '/' : loginPath(location.pathname + location.search)} replace />;
  return <Outlet />;
}

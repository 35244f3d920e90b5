// /admin: the operator console, one lazy chunk (its code, texts, styles and uPlot never load
// on members' pages). The server checks the role on every call; this page only hides itself
// from members.
import '../../ui/styles/admin.css';
import { NavLink, Route, Routes } from 'react-router';
import { useMe } from '../../features/accounts/api.ts';
import { DashboardPage } from '../../features/admin/components/dashboard.tsx';
import { CasesPage, WithdrawalsPage } from '../../features/admin/components/money-pages.tsx';
import { AuditPage, QueuePage } from '../../features/admin/components/moderation-pages.tsx';
import { MembersPage } from '../../features/admin/components/members-page.tsx';
import { SettingsPage } from '../../features/admin/components/settings-form.tsx';
import { roleLabel } from '../../features/admin/components/shared.tsx';
import { useAdminT } from '../../features/admin/i18n.ts';
import { ButtonLink } from '../../ui/button.tsx';

const NAV = [
  ['', 'queue'],
  ['cases', 'cases'],
  ['withdrawals', 'withdrawals'],
  ['dashboard', 'dashboard'],
  ['audit', 'audit'],
  ['settings', 'settings'],
  ['members', 'members'],
] as const;

export default function AdminApp() {
  const at = useAdminT();
  const { data: me } = useMe();
  if (!me) return null; // RequireMember guarantees a member
  const staff = me.role === 'moderator' || me.role === 'admin';
  const isAdmin = me.role === 'admin';
  return (
    <div className="admin-shell" data-testid="admin">
      <header className="admin-header">
        <h1>{at('title')}</h1>
        <span className="admin-pill">{roleLabel(at, me.role)}</span>
        <ButtonLink to="/me" variant="ghost" className="btn-small admin-right">
          {at('back')}
        </ButtonLink>
      </header>
      {!staff ? (
        <p className="card admin-note" role="alert">
          {at('errors.forbidden')}
        </p>
      ) : (
        <>
          <nav className="admin-nav" aria-label={at('nav.label')}>
            {NAV.map(([path, key]) => (
              <NavLink key={key} to={path ? `/admin/${path}` : '/admin'} end className={({ isActive }) => (isActive ? 'admin-tab admin-tab-on' : 'admin-tab')}>
                {at(`nav.${key}`)}
              </NavLink>
            ))}
          </nav>
          <main className="admin-main">
            <Routes>
              <Route index element={<QueuePage />} />
              <Route path="cases" element={<CasesPage />} />
              <Route path="withdrawals" element={<WithdrawalsPage isAdmin={isAdmin} />} />
              <Route path="dashboard" element={<DashboardPage />} />
              <Route path="audit" element={<AuditPage />} />
              <Route path="settings" element={<SettingsPage isAdmin={isAdmin} />} />
              <Route path="members" element={<MembersPage />} />
            </Routes>
          </main>
        </>
      )}
    </div>
  );
}

import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Outlet, ScrollRestoration } from 'react-router';
import { OfflineBanner } from '../ui/offline-banner.tsx';
import { PageFallback } from '../ui/status.tsx';
import { TabBar } from '../ui/tab-bar.tsx';
import { useDesktop } from '../ui/use-desktop.ts';
import { SideNav } from './side-nav.tsx';
import { useTabs } from './tabs.tsx';

/** Every page: the centred mobile column; from 960 px the page beside a side navigation
 *  (layout.css), which replaces the bottom tab bar there. */
export function RootLayout() {
  const desktop = useDesktop();
  return (
    <div className="app">
      <OfflineBanner />
      {desktop && <SideNav />}
      <Suspense fallback={<PageFallback />}>
        <Outlet />
      </Suspense>
      <ScrollRestoration />
    </div>
  );
}

/** Top-level tab pages (首页, 我, …) get the bottom tab bar. */
export function TabLayout() {
  const { t } = useTranslation();
  const tabs = useTabs();
  return (
    <>
      <main className="page page-tabbed">
        <Suspense fallback={<PageFallback />}>
          <Outlet />
        </Suspense>
      </main>
      <TabBar items={tabs} label={t('tabs.nav')} />
    </>
  );
}

/** Sub-pages (forms, profiles) have their own header with a back button and no tab bar. Their
 *  code loads on first visit (router.tsx), hence the fallback. */
export function SubLayout() {
  return (
    <main className="page">
      <Suspense fallback={<PageFallback />}>
        <Outlet />
      </Suspense>
    </main>
  );
}

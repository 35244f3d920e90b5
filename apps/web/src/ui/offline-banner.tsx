// The offline state: a bar at the top of every page while the browser is offline or the server
// cannot be reached. The app itself still opens offline (the service worker keeps the shell);
// this says why nothing new arrives. Reconnect asks again for what the page shows.
import { useQueryClient } from '@tanstack/react-query';
import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { isOffline, subscribeConnectivity } from '../lib/connectivity.ts';
import { AlertIcon } from './icons.tsx';

export function OfflineBanner() {
  const { t } = useTranslation();
  const qc = useQueryClient();
  const offline = useSyncExternalStore(subscribeConnectivity, isOffline, () => false);
  if (!offline) return null;
  return (
    <div className="offline-banner" role="status" data-testid="offline-banner">
      <AlertIcon size={16} />
      <span className="offline-text">
        <strong>{t('shell.offline.title')}</strong> {t('shell.offline.body')}
      </span>
      <button type="button" className="offline-retry" onClick={() => void qc.refetchQueries({ type: 'active' })}>
        {t('shell.offline.retry')}
      </button>
    </div>
  );
}

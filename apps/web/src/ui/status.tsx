import { useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { isOffline, subscribeConnectivity } from '../lib/connectivity.ts';
import { Button } from './button.tsx';

export function Loading() {
  const { t } = useTranslation();
  // Offline, a request waits for the network (the data cache pauses it): say so, no spinner.
  const offline = useSyncExternalStore(subscribeConnectivity, isOffline, () => false);
  if (offline) {
    return (
      <div className="status" role="status" data-testid="offline-waiting">
        <span>{t('shell.offline.waiting')}</span>
      </div>
    );
  }
  return (
    <div className="status" role="status">
      <span className="spinner" aria-hidden="true" />
      <span>{t('common.loading')}</span>
    </div>
  );
}

/** While a page's code arrives: nothing for a blink, then a spinner, so fast loads never flash. */
export function PageFallback() {
  const { t } = useTranslation();
  return (
    <div className="status page-fallback" role="status" aria-label={t('common.loading')}>
      <span className="spinner" aria-hidden="true" />
    </div>
  );
}

export function ErrorState({ message, onRetry }: { message: string; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="status status-error" role="alert">
      <p>{message}</p>
      {onRetry && (
        <Button variant="secondary" onClick={onRetry}>
          {t('common.retry')}
        </Button>
      )}
    </div>
  );
}

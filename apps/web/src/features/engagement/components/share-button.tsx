// 分享: copies the page's link (navigator.clipboard, or a hidden text field and execCommand
// where the clipboard API is missing or refused, e.g. plain http) and says so in a toast.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CheckIcon } from '../../../ui/icons.tsx';

async function copyText(text: string): Promise<boolean> {
  try {
    if (navigator.clipboard && window.isSecureContext) {
      await navigator.clipboard.writeText(text);
      return true;
    }
  } catch {
    // fall through to the old way
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  area.select();
  let ok = false;
  try {
    ok = document.execCommand('copy');
  } catch {
    ok = false;
  }
  area.remove();
  return ok;
}

export function ShareButton({ path, className = 'icon-btn', label }: { path: string; className?: string; label?: string }) {
  const { t } = useTranslation();
  const [toast, setToast] = useState<{ ok: boolean; link: string } | null>(null);
  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setToast(null), 3000);
    return () => clearTimeout(timer);
  }, [toast]);
  const share = async () => {
    const link = new URL(path, window.location.origin).toString();
    setToast({ ok: await copyText(link), link });
  };
  return (
    <>
      <button type="button" className={className} aria-label={t('engage.share')} data-testid="share-button" onClick={() => void share()}>
        <ShareIcon />
        {label && <span>{label}</span>}
      </button>
      {toast && (
        <p className="toast" role="status" data-testid="share-toast">
          {toast.ok ? (
            <>
              <CheckIcon size={16} /> {t('engage.linkCopied')}
            </>
          ) : (
            <>
              {t('engage.copyThis')} <span className="toast-link">{toast.link}</span>
            </>
          )}
        </p>
      )}
    </>
  );
}

const ShareIcon = () => (
  <svg width={22} height={22} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
    <path d="M4 12v7a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-7" />
    <path d="M12 3v12" />
    <path d="m7 8 5-5 5 5" />
  </svg>
);

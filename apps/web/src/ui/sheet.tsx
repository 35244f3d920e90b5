// A bottom sheet on phones (a centred card on wide screens): a modal <dialog>, so focus stays
// inside, Esc closes it and the page behind is inert.
import { type ReactNode, useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { CloseIcon } from './icons.tsx';

export function Sheet({
  open,
  title,
  onClose,
  children,
  className,
}: {
  open: boolean;
  title: string;
  onClose: () => void;
  children: ReactNode;
  className?: string;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const id = useId();
  // Where the page was when the sheet opened. Focusing a field in a modal (and the phone's
  // keyboard) can scroll the page behind it, and closing returns focus to the opener: either
  // can leave the reader somewhere else, e.g. at the top after sending a comment. Closing puts
  // the page back where it was, unless the sheet's action went to another page.
  const before = useRef<{ y: number; path: string } | null>(null);
  useEffect(() => {
    const d = ref.current;
    if (!d) return;
    if (open && !d.open) {
      before.current = { y: window.scrollY, path: window.location.pathname };
      d.showModal();
    }
    if (!open && d.open) {
      d.close();
      const was = before.current;
      if (was && was.path === window.location.pathname && window.scrollY !== was.y) window.scrollTo(0, was.y);
    }
  }, [open]);
  // A tap on the backdrop closes the sheet, as Esc does for keyboards (the cancel event).
  const closeRef = useRef(onClose);
  closeRef.current = onClose;
  useEffect(() => {
    const d = ref.current;
    const onTap = (e: MouseEvent) => e.target === d && closeRef.current();
    d?.addEventListener('click', onTap);
    return () => d?.removeEventListener('click', onTap);
  }, []);
  return (
    <dialog
      ref={ref}
      className={`sheet ${className ?? ''}`}
      aria-labelledby={id}
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      {open && (
        <div className="sheet-body">
          <header className="sheet-head">
            <h2 id={id} className="sheet-title">
              {title}
            </h2>
            <button type="button" className="icon-btn" aria-label={t('sheet.close')} onClick={onClose}>
              <CloseIcon size={22} />
            </button>
          </header>
          {children}
        </div>
      )}
    </dialog>
  );
}

/** A yes/no question in a sheet, e.g. "confirm receipt? the money goes to the seller". */
export function ConfirmSheet({
  open,
  title,
  body,
  confirmLabel,
  busy,
  error,
  onConfirm,
  onClose,
}: {
  open: boolean;
  title: string;
  body: ReactNode;
  confirmLabel: string;
  busy?: boolean;
  error?: string | null;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Sheet open={open} title={title} onClose={onClose}>
      <div className="sheet-text">{body}</div>
      {error && (
        <p className="form-alert" role="alert">
          {error}
        </p>
      )}
      <div className="sheet-actions">
        <button type="button" className="btn btn-secondary" onClick={onClose}>
          {t('common.cancel')}
        </button>
        <button
          type="button"
          className="btn btn-primary"
          disabled={busy}
          aria-busy={busy || undefined}
          onClick={onConfirm}
        >
          {confirmLabel}
        </button>
      </div>
    </Sheet>
  );
}

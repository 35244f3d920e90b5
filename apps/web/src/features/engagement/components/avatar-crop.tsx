// 头像裁剪: a square crop of the chosen photo on a canvas — drag to move, slider (or wheel) to
// zoom — rendered to 512×512 JPEG in the browser, uploaded as an avatar (POST /media with
// purpose=avatar, which keeps one 256 px square) and set with PATCH /me. Loaded lazily: the
// first screen of the app never pays for it.
import { type PointerEvent as ReactPointerEvent, useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useUpdateProfile } from '../../accounts/api.ts';
import { ApiError, toApiError } from '../../../lib/api.ts';
import { describeError } from '../../../lib/errors.ts';
import { FormAlert } from '../../../ui/alert.tsx';
import { Button } from '../../../ui/button.tsx';
import { Sheet } from '../../../ui/sheet.tsx';

const VIEW = 280; // CSS px of the square on screen
const OUT = 512; // px of the uploaded square
type View = { s: number; x: number; y: number };

function clamp(v: View, img: HTMLImageElement): View {
  const min = Math.max(VIEW / img.naturalWidth, VIEW / img.naturalHeight);
  const s = Math.min(Math.max(v.s, min), min * 4);
  const x = Math.min(0, Math.max(VIEW - img.naturalWidth * s, v.x));
  const y = Math.min(0, Math.max(VIEW - img.naturalHeight * s, v.y));
  return { s, x, y };
}

async function uploadAvatar(blob: Blob): Promise<string> {
  const form = new FormData();
  form.append('file', new File([blob], 'avatar.jpg', { type: 'image/jpeg' }));
  form.append('purpose', 'avatar');
  let res: Response;
  try {
    res = await fetch('/api/v1/media', { method: 'POST', body: form, credentials: 'same-origin', headers: { Accept: 'application/json' } });
  } catch {
    throw new ApiError({ status: 0, code: 'network_error' });
  }
  const data: unknown = await res.json().catch(() => null);
  if (!res.ok) throw toApiError(res, data);
  return (data as { id: string }).id;
}

export default function AvatarCropSheet({ file, onClose }: { file: File | null; onClose: () => void }) {
  const { t } = useTranslation();
  const canvas = useRef<HTMLCanvasElement>(null);
  const [img, setImg] = useState<HTMLImageElement | null>(null);
  const [view, setView] = useState<View>({ s: 1, x: 0, y: 0 });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const drag = useRef<{ px: number; py: number; v: View } | null>(null);
  const update = useUpdateProfile();

  useEffect(() => {
    setImg(null);
    setError(null);
    if (!file) return;
    const url = URL.createObjectURL(file);
    const image = new Image();
    image.onload = () => {
      const s = Math.max(VIEW / image.naturalWidth, VIEW / image.naturalHeight);
      setView({ s, x: (VIEW - image.naturalWidth * s) / 2, y: (VIEW - image.naturalHeight * s) / 2 });
      setImg(image);
    };
    image.onerror = () => setError(t('engage.avatar.unreadable'));
    image.src = url;
    return () => URL.revokeObjectURL(url);
  }, [file, t]);

  useEffect(() => {
    const c = canvas.current;
    const ctx = c?.getContext('2d');
    if (!c || !ctx || !img) return;
    const dpr = window.devicePixelRatio || 1;
    c.width = VIEW * dpr;
    c.height = VIEW * dpr;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.clearRect(0, 0, VIEW, VIEW);
    ctx.drawImage(img, view.x, view.y, img.naturalWidth * view.s, img.naturalHeight * view.s);
  }, [img, view]);

  const zoomTo = useCallback(
    (s: number) => {
      if (!img) return;
      // Zoom about the centre of the square.
      setView((v) => {
        const cx = (VIEW / 2 - v.x) / v.s;
        const cy = (VIEW / 2 - v.y) / v.s;
        return clamp({ s, x: VIEW / 2 - cx * s, y: VIEW / 2 - cy * s }, img);
      });
    },
    [img],
  );

  const onDown = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { px: e.clientX, py: e.clientY, v: view };
  };
  const onMove = (e: ReactPointerEvent<HTMLCanvasElement>) => {
    const d = drag.current;
    if (!d || !img) return;
    setView(clamp({ s: d.v.s, x: d.v.x + e.clientX - d.px, y: d.v.y + e.clientY - d.py }, img));
  };
  const onUp = () => {
    drag.current = null;
  };

  const save = async () => {
    if (!img) return;
    setBusy(true);
    setError(null);
    try {
      const out = document.createElement('canvas');
      out.width = OUT;
      out.height = OUT;
      const ctx = out.getContext('2d');
      if (!ctx) throw new Error('canvas');
      ctx.drawImage(img, -view.x / view.s, -view.y / view.s, VIEW / view.s, VIEW / view.s, 0, 0, OUT, OUT);
      const blob = await new Promise<Blob | null>((resolve) => out.toBlob(resolve, 'image/jpeg', 0.9));
      if (!blob) throw new Error('canvas');
      const avatarId = await uploadAvatar(blob);
      await update.mutateAsync({ avatarId });
      onClose();
    } catch (err) {
      setError(err instanceof ApiError ? describeError(t, err) : t('engage.avatar.unreadable'));
    } finally {
      setBusy(false);
    }
  };

  const min = img ? Math.max(VIEW / img.naturalWidth, VIEW / img.naturalHeight) : 1;
  return (
    <Sheet open={file !== null} title={t('engage.avatar.title')} onClose={onClose}>
      <div className="avatar-crop">
        <div className="avatar-crop-frame" style={{ width: VIEW, height: VIEW }}>
          <canvas
            ref={canvas}
            data-testid="avatar-crop-canvas"
            style={{ width: VIEW, height: VIEW }}
            aria-label={t('engage.avatar.drag')}
            onPointerDown={onDown}
            onPointerMove={onMove}
            onPointerUp={onUp}
            onPointerCancel={onUp}
            onWheel={(e) => zoomTo(view.s * (e.deltaY < 0 ? 1.1 : 1 / 1.1))}
          />
          <span className="avatar-crop-ring" aria-hidden="true" />
        </div>
        <label className="avatar-crop-zoom">
          <span>{t('engage.avatar.zoom')}</span>
          <input
            type="range"
            min={1}
            max={4}
            step={0.01}
            value={view.s / min}
            disabled={!img}
            onChange={(e) => zoomTo(Number(e.target.value) * min)}
          />
        </label>
        <p className="muted small">{t('engage.avatar.hint')}</p>
        <FormAlert message={error} />
        <Button block busy={busy} disabled={!img} onClick={() => void save()}>
          {busy ? t('common.saving') : t('engage.avatar.save')}
        </Button>
      </div>
    </Sheet>
  );
}

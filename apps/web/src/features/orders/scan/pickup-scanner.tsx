// The seller's scanner on the hand-over sheet (issue 15 item 6): the back camera in a frame,
// read a few times a second until the buyer's pickup QR shows up; or an image picked from the
// album. Loaded on demand (action-sheets.tsx), with jsQR behind it only where the browser has
// no QR reader of its own. Typing the code stays: any failure here says so and steps aside.
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../ui/button.tsx';
import { decodeFile, decodeFrame, pickupCodeFrom } from './decode.ts';

const EVERY_MS = 250;

type State = 'starting' | 'scanning' | 'no_camera' | 'denied' | 'not_code';

export default function PickupScanner({ onCode, onClose }: { onCode: (code: string) => void; onClose: () => void }) {
  const { t } = useTranslation();
  const video = useRef<HTMLVideoElement>(null);
  const canvas = useRef<HTMLCanvasElement | null>(null);
  const [state, setState] = useState<State>('starting');
  const done = useRef(false);
  const codeRef = useRef(onCode);
  codeRef.current = onCode;

  // Reads refs only: stable for the whole opening.
  const found = useCallback((text: string | null) => {
    const code = pickupCodeFrom(text);
    if (code && !done.current) {
      done.current = true;
      codeRef.current(code);
    }
    return !!code;
  }, []);

  useEffect(() => {
    canvas.current ??= document.createElement('canvas');
    let stream: MediaStream | null = null;
    let timer: ReturnType<typeof setTimeout> | undefined;
    let stopped = false;
    const tick = async () => {
      const v = video.current;
      if (stopped || done.current || !v || !canvas.current) return;
      if (v.readyState >= 2) {
        const text = await decodeFrame(v, canvas.current).catch(() => null);
        if (found(text)) return;
      }
      timer = setTimeout(() => void tick(), EVERY_MS);
    };
    (async () => {
      if (!navigator.mediaDevices?.getUserMedia) {
        setState('no_camera');
        return;
      }
      try {
        stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
      } catch (err) {
        setState((err as DOMException)?.name === 'NotAllowedError' ? 'denied' : 'no_camera');
        return;
      }
      if (stopped || !video.current) {
        for (const track of stream.getTracks()) track.stop();
        return;
      }
      video.current.srcObject = stream;
      await video.current.play().catch(() => undefined);
      setState('scanning');
      void tick();
    })();
    return () => {
      stopped = true;
      clearTimeout(timer);
      for (const track of stream?.getTracks() ?? []) track.stop();
    };
  }, [found]);

  const pick = async (file: File | undefined) => {
    if (!file || !canvas.current) return;
    const text = await decodeFile(file, canvas.current).catch(() => null);
    if (!found(text)) setState('not_code');
  };

  const words: Record<State, string> = {
    starting: t('scan.starting'),
    scanning: t('scan.hint'),
    no_camera: t('scan.noCamera'),
    denied: t('scan.denied'),
    not_code: t('scan.notCode'),
  };
  const live = state === 'starting' || state === 'scanning';
  return (
    <div className="scanner" data-testid="pickup-scanner" data-state={state}>
      <div className={live ? 'scanner-view' : 'scanner-view scanner-off'}>
        <video ref={video} muted playsInline />
        <span className="scanner-frame" aria-hidden="true" />
      </div>
      <p className={live ? 'muted small' : 'form-alert'} role="status">
        {words[state]}
      </p>
      <div className="scanner-actions">
        <label className="btn btn-secondary btn-small">
          {t('scan.fromImage')}
          <input
            type="file"
            accept="image/*"
            className="sr-only"
            data-testid="scan-image-input"
            onChange={(e) => {
              void pick(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </label>
        <Button variant="ghost" className="btn-small" onClick={onClose}>
          {t('scan.close')}
        </Button>
      </div>
    </div>
  );
}

// Reading the buyer's pickup QR (issue 15 item 6). The buyer's QR (pickup-code.tsx) encodes the
// six digits and nothing else, so any reader can read it and the seller's scanner takes exactly
// that. Decoding: the browser's BarcodeDetector where it reads QR codes (Android Chrome, macOS,
// ChromeOS), else jsQR — loaded only here, when a seller opens the scanner, never on first load.

/** The pickup code in what a QR said: six digits (spaces around tolerated), or null. */
export function pickupCodeFrom(text: string | null | undefined): string | null {
  const m = /^\s*(\d{6})\s*$/.exec(text ?? '');
  return m?.[1] ?? null;
}

type Detector = { detect(source: CanvasImageSource | ImageData): Promise<{ rawValue: string }[]> };
type DetectorClass = {
  new (opts: { formats: string[] }): Detector;
  getSupportedFormats?: () => Promise<string[]>;
};

let native: Promise<Detector | null> | null = null;

/** The browser's own QR reader, when it has one. */
function nativeDetector(): Promise<Detector | null> {
  native ??= (async () => {
    const D = (globalThis as { BarcodeDetector?: DetectorClass }).BarcodeDetector;
    if (!D) return null;
    try {
      const formats = (await D.getSupportedFormats?.()) ?? ['qr_code'];
      return formats.includes('qr_code') ? new D({ formats: ['qr_code'] }) : null;
    } catch {
      return null;
    }
  })();
  return native;
}

let jsqr: Promise<typeof import('jsqr').default> | null = null;
const loadJsQR = () => {
  jsqr ??= import('jsqr').then((m) => m.default);
  return jsqr;
};

/** What the QR in this frame says, or null. The canvas is reused between frames. */
export async function decodeFrame(source: HTMLVideoElement | ImageBitmap | HTMLImageElement, canvas: HTMLCanvasElement): Promise<string | null> {
  const detector = await nativeDetector();
  if (detector) {
    try {
      const found = await detector.detect(source);
      if (found[0]) return found[0].rawValue;
      return null;
    } catch {
      // fall through to jsQR (a frame not ready, a detector that gave up)
    }
  }
  const w = source instanceof HTMLVideoElement ? source.videoWidth : source.width;
  const h = source instanceof HTMLVideoElement ? source.videoHeight : source.height;
  if (!w || !h) return null;
  // jsQR reads every pixel: at most 640 px on the long side keeps a frame in a few ms.
  const scale = Math.min(1, 640 / Math.max(w, h));
  canvas.width = Math.round(w * scale);
  canvas.height = Math.round(h * scale);
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return null;
  ctx.drawImage(source, 0, 0, canvas.width, canvas.height);
  const pixels = ctx.getImageData(0, 0, canvas.width, canvas.height);
  const read = await loadJsQR();
  return read(pixels.data, pixels.width, pixels.height, { inversionAttempts: 'attemptBoth' })?.data ?? null;
}

/** Decodes a picked image file (a screenshot of the buyer's code, or a camera photo). */
export async function decodeFile(file: File, canvas: HTMLCanvasElement): Promise<string | null> {
  const bitmap = await createImageBitmap(file);
  try {
    return await decodeFrame(bitmap, canvas);
  } finally {
    bitmap.close();
  }
}

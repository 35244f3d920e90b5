// Evidence photos for the demo's after-sale cases, drawn locally like the item photos
// (item-photos.ts): the object as a member would photograph it on a table at home, with what
// the words around the photo point at — a crack, a worn spot, a batch code — ringed in red.
// No text (CJK fonts may be missing), no network.
import { createHash } from 'node:crypto';
import sharp from 'sharp';
import { c, line, MOTIFS, p, r } from './item-photos.ts';

export type Scene =
  | 'standee_cracked' // the acrylic standee with its base snapped and a crack across the panel
  | 'parcel_crushed' // the courier box with a crushed corner
  | 'mouse_worn' // the mouse, its thumb rest ringed where it is worn shiny
  | 'mouse_scroll' // close-up of the scroll wheel the buyer says clicks
  | 'mouse_before_shipping' // the seller's frame from the video made before shipping: recording dot, time bar
  | 'mouse_packed' // the mouse in its box with bubble wrap, before it went out
  | 'bottle_compare' // two bottles side by side; the one received has its label ringed
  | 'box_batch_code'; // the outer box's bottom, the batch code ringed

const RED = '#e02424';
const ring = (cx: number, cy: number, rad: number) => c(cx, cy, rad, 'none', `stroke="${RED}" stroke-width="2.2" opacity="0.9"`);
const barcode = (x: number, y: number, w: number, h: number) =>
  Array.from({ length: Math.floor(w / 2) }, (_, i) => (i % 3 === 1 ? '' : r(x + i * 2, y, i % 4 === 0 ? 1.4 : 0.8, h, '#222'))).join('');

const SCENES: Record<Scene, (ink: string) => string> = {
  standee_cracked: (ink) =>
    // The panel, leaning, with a crack; the base in two pieces beside it.
    `<g transform="rotate(-8 50 50)">${r(30, 14, 40, 56, '#ffffffcc', 6)}${c(50, 34, 9, ink)}${p('M36 62 Q50 40 64 62 Z', ink)}</g>` +
    line('M34 22 L44 34 L40 44 L52 52 L48 64', '#333', 1.2) +
    r(22, 78, 22, 7, ink, 2) + `<g transform="rotate(14 66 80)">${r(52, 77, 24, 7, ink, 2)}</g>` +
    ring(44, 44, 14) + ring(48, 81, 10),
  parcel_crushed: () =>
    p('M18 40 L70 34 L84 46 L84 82 L30 86 L18 74 Z', '#c8a27a') + p('M18 40 L70 34 L84 46 L32 52 Z', '#d9b891') +
    p('M18 74 L26 62 L32 52 L30 86 Z', '#a98159') + r(40, 40, 8, 44, '#e9e1c9', 1) + line('M22 70 L28 60 L24 56', '#6b4f33', 1.4) +
    ring(25, 65, 13),
  mouse_worn: (ink) =>
    MOTIFS.mouse(ink, '#ffffff') + `<ellipse cx="36" cy="56" rx="5" ry="10" fill="#ffffff" opacity="0.55"/>` + ring(36, 56, 13),
  mouse_scroll: (ink) =>
    `<g transform="translate(-25 -10) scale(1.5)">${MOTIFS.mouse(ink, '#ffffff')}</g>` + r(46, 20, 8, 22, '#333', 3) +
    line('M47 24 L53 24 M47 28 L53 28 M47 32 L53 32 M47 36 L53 36', '#777', 0.8) + ring(50, 31, 14),
  mouse_before_shipping: (ink) =>
    MOTIFS.mouse(ink, '#ffffff') + c(10, 10, 3, RED) + r(16, 8.5, 14, 3, '#ffffff', 1.5) +
    r(10, 92, 80, 2, '#ffffff88', 1) + r(10, 92, 34, 2, '#ffffff', 1) + c(44, 93, 2.2, '#ffffff'),
  mouse_packed: (ink) =>
    p('M14 34 L86 34 L86 84 L14 84 Z', '#c8a27a') + p('M14 34 L4 22 L22 22 L30 34 Z', '#d9b891') + p('M86 34 L96 22 L78 22 L70 34 Z', '#d9b891') +
    [22, 32, 42, 58, 68, 78].flatMap((x) => [40, 52, 64, 76].map((y) => c(x, y, 4, '#ffffff', 'opacity="0.6"'))).join('') +
    `<g transform="translate(20 22) scale(0.6)">${MOTIFS.mouse(ink, '#ffffff')}</g>`,
  bottle_compare: (ink) =>
    `<g transform="translate(-18 0)">${MOTIFS.bottle('#2b2118', '#f3e6c8')}</g>` +
    `<g transform="translate(18 0)">${MOTIFS.bottle('#3a2d22', ink)}</g>` + ring(68, 55, 14),
  box_batch_code: (ink) =>
    r(10, 18, 80, 66, '#1f1a17', 4) + r(16, 24, 68, 54, '#2b2420', 2) + r(24, 56, 44, 14, '#f5f5f4', 1) + barcode(26, 58, 40, 10) +
    r(60, 32, 16, 5, ink, 1) + r(60, 40, 10, 3, '#a8a29e', 1) + ring(46, 63, 18),
};

const TABLES: [string, string][] = [
  ['#d9b38c', '#a9784e'], // wooden desk
  ['#e7e5e4', '#a8a29e'], // grey worktop
  ['#f5efe6', '#d6c7b0'], // light tablecloth
];

/** A PNG of the scene as a phone photo on a table; `seed` varies the table, the tint and the angle. */
export async function evidencePhotoPng(scene: Scene, seed: string, width = 720): Promise<Buffer> {
  const h = createHash('sha256').update(seed).digest();
  const [from, to] = TABLES[(h[0] ?? 0) % TABLES.length] as [string, string];
  const ink = ['#111827', '#374151', '#1e3a8a', '#7c2d12'][(h[1] ?? 0) % 4] as string;
  const tilt = ((h[2] ?? 0) % 7) - 3;
  const height = Math.round((width * 4) / 3);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 100 133">
<defs><radialGradient id="g" cx="0.45" cy="0.4" r="0.8"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></radialGradient></defs>
<rect width="100" height="133" fill="url(#g)"/>
<g transform="translate(0 16) rotate(${tilt} 50 50)"><ellipse cx="50" cy="88" rx="38" ry="5" fill="#000" opacity="0.12"/>${SCENES[scene](ink)}</g></svg>`;
  return sharp(Buffer.from(svg)).jpeg({ quality: 82 }).toBuffer();
}

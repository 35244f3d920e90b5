// Locally generated item photos for the demo: a gradient, a soft shadow and a few simple shapes
// that evoke the object. No text (CJK fonts may be missing), no network, ~10 ms each.
import { createHash } from 'node:crypto';
import sharp from 'sharp';

export type Motif =
  | 'sofa' | 'table' | 'lamp' | 'appliance' | 'books' | 'badges' | 'standee' | 'card' | 'bag' | 'stroller'
  | 'blocks' | 'phone' | 'screen' | 'mouse' | 'coat' | 'bottle' | 'shoe' | 'scarf' | 'palette' | 'camera'
  | 'lens' | 'tripod' | 'plant' | 'helmet' | 'pot' | 'mat' | 'ring' | 'crib';

const GRADIENTS: [string, string][] = [
  ['#ffe3e3', '#ffb4a2'], ['#e0f2fe', '#a5d8ff'], ['#fef3c7', '#fcd34d'], ['#dcfce7', '#86efac'],
  ['#ede9fe', '#c4b5fd'], ['#fce7f3', '#f9a8d4'], ['#f5f5f4', '#d6d3d1'], ['#ccfbf1', '#5eead4'],
];
const INKS = ['#ff2442', '#1677ff', '#722ed1', '#13a8a8', '#d46b08', '#389e0d', '#c41d7f', '#595959'];

export const r = (x: number, y: number, w: number, h: number, fill: string, rx = 0) =>
  `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${rx}" fill="${fill}"/>`;
export const c = (cx: number, cy: number, rad: number, fill: string, extra = '') =>
  `<circle cx="${cx}" cy="${cy}" r="${rad}" fill="${fill}" ${extra}/>`;
export const p = (d: string, fill: string, extra = '') => `<path d="${d}" fill="${fill}" ${extra}/>`;
export const line = (d: string, stroke: string, w = 3) =>
  `<path d="${d}" fill="none" stroke="${stroke}" stroke-width="${w}" stroke-linecap="round" stroke-linejoin="round"/>`;

/** Shapes in a 100×100 box; `a` is the object's colour, `b` a lighter detail colour. */
export const MOTIFS: Record<Motif, (a: string, b: string) => string> = {
  sofa: (a, b) => r(14, 40, 72, 22, a, 6) + r(10, 50, 14, 24, a, 5) + r(76, 50, 14, 24, a, 5) + r(22, 56, 56, 14, b, 4) + r(18, 74, 4, 6, '#444') + r(78, 74, 4, 6, '#444'),
  table: (a, b) => r(12, 38, 76, 8, a, 2) + r(18, 46, 5, 34, a) + r(77, 46, 5, 34, a) + r(30, 30, 16, 8, b, 2),
  lamp: (a, b) => p('M34 22 L66 22 L76 46 L24 46 Z', b) + r(48, 46, 4, 34, a) + r(36, 80, 28, 5, a, 2),
  appliance: (a, b) => r(28, 18, 44, 64, a, 8) + c(50, 44, 12, b) + r(38, 66, 24, 4, b, 2),
  books: (a, b) => r(20, 58, 60, 10, a, 2) + r(24, 48, 54, 10, b, 2) + r(18, 38, 58, 10, a, 2) + r(26, 28, 50, 10, b, 2),
  badges: (a, b) => c(32, 40, 14, a) + c(32, 40, 9, b) + c(66, 38, 14, b) + c(66, 38, 9, a) + c(48, 66, 14, a) + c(48, 66, 9, b),
  standee: (a, b) => r(30, 14, 40, 58, b, 6) + c(50, 34, 9, a) + p('M36 66 Q50 42 64 66 Z', a) + r(28, 74, 44, 8, a, 3),
  card: (a, b) => r(22, 14, 56, 70, '#fffdf8', 3) + r(26, 18, 48, 62, b, 2) + c(50, 42, 12, a) + line('M34 64 Q50 76 66 64', a),
  bag: (a, b) => line('M36 36 Q36 18 50 18 Q64 18 64 36', a, 4) + r(24, 34, 52, 44, a, 8) + c(40, 52, 6, b) + c(60, 52, 6, b) + c(50, 64, 6, b),
  stroller: (a, b) => p('M26 30 Q26 60 46 60 L74 60 L74 44 Q60 30 26 30 Z', a) + line('M74 44 L84 24', b, 3) + c(36, 74, 8, '#444') + c(68, 74, 8, '#444'),
  blocks: (a, b) => r(20, 56, 22, 22, a, 3) + r(44, 56, 22, 22, b, 3) + r(32, 32, 22, 22, b, 3) + r(58, 36, 20, 20, a, 3) + c(31, 56, 3, b) + c(55, 56, 3, a),
  phone: (a, b) => r(34, 12, 32, 76, a, 8) + r(37, 18, 26, 62, b, 3) + r(38, 20, 10, 10, a, 3),
  screen: (a, b) => r(14, 20, 72, 46, a, 4) + r(18, 24, 64, 38, b, 2) + r(46, 66, 8, 10, a) + r(34, 76, 32, 4, a, 2),
  mouse: (a, b) => p('M50 20 Q72 20 72 50 Q72 82 50 82 Q28 82 28 50 Q28 20 50 20 Z', a) + r(48, 24, 4, 14, b, 2),
  coat: (a, b) => p('M36 16 L64 16 L80 34 L72 42 L68 38 L68 86 L32 86 L32 38 L28 42 L20 34 Z', a) + line('M50 22 L50 86', b, 2) + c(46, 46, 2, b) + c(46, 60, 2, b),
  bottle: (a, b) => r(44, 14, 12, 12, '#333', 2) + r(34, 26, 32, 58, a, 8) + r(40, 44, 20, 22, b, 3),
  shoe: (a, b) => p('M14 66 L14 44 Q30 44 40 52 L60 58 Q86 60 86 72 L14 72 Z', a) + r(14, 70, 72, 6, b, 3) + line('M30 50 L36 56 M38 52 L44 58', b, 2),
  scarf: (a) => p('M14 30 Q32 18 50 30 Q68 42 86 30 L86 46 Q68 58 50 46 Q32 34 14 46 Z', a) + p('M30 44 L40 46 L42 82 L28 82 Z', a, 'opacity="0.7"'),
  palette: (a, b) => p('M50 16 Q86 16 86 48 Q86 64 70 62 Q58 60 60 72 Q62 84 48 84 Q14 82 14 50 Q14 16 50 16 Z', b) + c(34, 36, 5, a) + c(50, 28, 5, '#1677ff') + c(66, 36, 5, '#52c41a') + c(30, 56, 5, '#fadb14'),
  camera: (a, b) => r(16, 32, 68, 44, a, 6) + r(30, 24, 18, 10, a, 3) + c(52, 54, 15, b) + c(52, 54, 9, a) + c(74, 40, 3, b),
  lens: (a, b) => c(50, 50, 32, a) + c(50, 50, 25, '#333') + c(50, 50, 16, '#555', `stroke="${b}" stroke-width="1.5"`) + c(43, 43, 4, b),
  tripod: (a, b) => r(38, 14, 24, 12, a, 3) + line('M50 26 L24 86 M50 26 L76 86 M50 26 L50 86', a, 4) + r(46, 26, 8, 16, b, 2),
  plant: (a, b) => p('M34 60 L66 60 L62 86 L38 86 Z', b) + p('M50 60 Q26 50 24 26 Q44 32 50 60 Z', a) + p('M50 60 Q74 50 76 26 Q56 32 50 60 Z', a) + p('M50 60 Q44 36 50 16 Q56 36 50 60 Z', a),
  helmet: (a, b) => p('M16 62 Q18 26 52 24 Q84 26 86 58 L70 62 Z', a) + line('M30 40 L44 34 M50 32 L64 34', b, 3) + r(16, 60, 70, 6, b, 3),
  pot: (a, b) => r(24, 40, 52, 36, a, 10) + r(20, 36, 60, 8, a, 4) + r(10, 46, 14, 6, a, 3) + r(76, 46, 14, 6, a, 3) + c(50, 34, 4, b),
  mat: (a, b) => r(14, 42, 56, 22, a, 11) + c(70, 53, 11, b) + c(70, 53, 5, a),
  ring: (a, b) => c(50, 56, 20, 'none', `stroke="${a}" stroke-width="8"`) + r(40, 22, 20, 18, b, 4),
  crib: (a, b) => r(14, 30, 6, 50, a, 2) + r(80, 30, 6, 50, a, 2) + r(14, 60, 72, 8, a, 2) + [28, 40, 52, 64].map((x) => r(x, 34, 3, 26, b)).join(''),
};

function pick<T>(xs: readonly T[], byte: number): T {
  return xs[byte % xs.length] as T;
}

/** A PNG of the motif on a gradient; `seed` picks colours, so each item looks a little different. */
export async function itemPhotoPng(motif: Motif, seed: string, { width = 640, portrait = false } = {}): Promise<Buffer> {
  const h = createHash('sha256').update(seed).digest();
  const [from, to] = pick(GRADIENTS, h[0] ?? 0);
  const ink = pick(INKS, h[1] ?? 0);
  const vh = portrait ? 125 : 100;
  const height = Math.round((width * vh) / 100);
  const angle = (h[2] ?? 0) % 2 ? '1' : '0';
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 100 ${vh}">
<defs><linearGradient id="g" x1="0" y1="0" x2="${angle}" y2="1"><stop offset="0" stop-color="${from}"/><stop offset="1" stop-color="${to}"/></linearGradient></defs>
<rect width="100" height="${vh}" fill="url(#g)"/>
<g transform="translate(0 ${(vh - 100) / 2})"><ellipse cx="50" cy="86" rx="36" ry="5" fill="#000" opacity="0.08"/>
${MOTIFS[motif](ink, '#ffffff')}</g></svg>`;
  return sharp(Buffer.from(svg)).png({ compressionLevel: 1 }).toBuffer();
}

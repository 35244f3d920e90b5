// Photos for the demo notes: little scenes (a room corner, a bookshelf, a clothes rail, a grid
// of anime badges, moving boxes…) drawn as SVG and rasterised by sharp. Gradients and simple
// shapes only — no text, because CJK fonts may be missing — and colours drawn from a seed, so
// two notes about sofas still look different. 3:4 (portrait, as phones shoot) or 1:1.
import { createHash } from 'node:crypto';
import sharp from 'sharp';

export type Scene =
  | 'sofa'
  | 'bookshelf'
  | 'books'
  | 'rail'
  | 'sneakers'
  | 'badges'
  | 'standee'
  | 'boxes'
  | 'washer'
  | 'fridge'
  | 'desk'
  | 'plants'
  | 'bike'
  | 'camera'
  | 'kitchen'
  | 'toys'
  | 'lamp'
  | 'bag';
export type Aspect = '3:4' | '1:1';

const WALLS: [string, string][] = [
  ['#fff1e6', '#ffd8be'],
  ['#eef6ff', '#cfe3ff'],
  ['#f3fff1', '#cdeccd'],
  ['#fdf0ff', '#ecd2f7'],
  ['#fffbe6', '#ffe7a3'],
  ['#f0fbfa', '#bfe9e4'],
  ['#f6f4f0', '#e2dcd2'],
  ['#fff0f3', '#ffc9d4'],
];
const ACCENTS = [
  '#ff5a5f',
  '#2f80ed',
  '#7b61ff',
  '#00a896',
  '#f2994a',
  '#27ae60',
  '#eb5798',
  '#5d6d7e',
  '#c0392b',
  '#16a085',
];
const FLOORS = ['#d9b99b', '#c8a27c', '#bfc6cf', '#e6d5c3', '#a98467'];

type Rand = { next(): number; pick<T>(xs: readonly T[]): T; int(lo: number, hi: number): number };

function seeded(seed: string): Rand {
  const bytes = createHash('sha256').update(seed).digest();
  let i = 0;
  const next = () => {
    const b = bytes[i % bytes.length] ?? 0;
    i += 1;
    return ((b + i * 37) % 256) / 256;
  };
  return {
    next,
    pick: (xs) => xs[Math.floor(next() * xs.length)] as (typeof xs)[number],
    int: (lo, hi) => lo + Math.floor(next() * (hi - lo + 1)),
  };
}

const rect = (x: number, y: number, w: number, h: number, fill: string, rx = 0, extra = '') =>
  `<rect x="${x}" y="${y}" width="${w}" height="${h}" rx="${rx}" fill="${fill}" ${extra}/>`;
const circle = (cx: number, cy: number, r: number, fill: string, extra = '') =>
  `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${fill}" ${extra}/>`;
const path = (d: string, fill: string, extra = '') => `<path d="${d}" fill="${fill}" ${extra}/>`;
const stroke = (d: string, color: string, w = 4) =>
  `<path d="${d}" fill="none" stroke="${color}" stroke-width="${w}" stroke-linecap="round" stroke-linejoin="round"/>`;
const shadow = (cx: number, cy: number, rx: number) =>
  `<ellipse cx="${cx}" cy="${cy}" rx="${rx}" ry="${rx / 8}" fill="#000" opacity="0.10"/>`;

/** Every scene draws in a 300×300 box whose floor line is at y = 230. */
const SCENES: Record<Scene, (r: Rand, a: string, b: string) => string> = {
  sofa: (r, a, b) =>
    rect(40, 50, 90, 80, '#ffffff', 4, 'opacity="0.7"') +
    stroke('M85 50 V130 M40 90 H130', '#d0d7de', 3) +
    shadow(150, 232, 120) +
    rect(45, 140, 210, 60, a, 16) +
    rect(35, 165, 40, 60, a, 14) +
    rect(225, 165, 40, 60, a, 14) +
    rect(70, 175, 160, 35, b, 10) +
    rect(90, 150, 45, 30, r.pick(ACCENTS), 8, 'opacity="0.85"') +
    rect(52, 222, 8, 12, '#5b4636') +
    rect(240, 222, 8, 12, '#5b4636'),
  bookshelf: (r, a) => {
    let s = rect(60, 30, 180, 200, '#8d6e63', 6) + rect(68, 38, 164, 184, '#f7efe6', 3);
    for (const y of [38, 100, 162]) {
      let x = 72;
      while (x < 222) {
        const w = r.int(9, 18);
        const h = r.int(38, 56);
        s += rect(x, y + 60 - h, w, h, r.next() < 0.3 ? a : r.pick(ACCENTS), 2);
        x += w + 2;
      }
      s += rect(68, y + 60, 164, 4, '#8d6e63');
    }
    return shadow(150, 232, 100) + s;
  },
  books: (r, a, b) => {
    let s = shadow(140, 232, 110);
    for (let i = 0; i < 5; i++)
      s +=
        rect(60 + r.int(-8, 8), 200 - i * 26, 160, 24, i % 2 ? a : r.pick(ACCENTS), 3) +
        rect(64, 206 - i * 26, 150, 3, b, 1, 'opacity="0.8"');
    return (
      s +
      rect(222, 180, 40, 48, '#ffffff', 8) +
      stroke('M262 192 q18 10 0 24', '#ffffff', 6) +
      rect(226, 184, 32, 8, '#6d4c41', 3)
    );
  },
  rail: (r, a) => {
    let s = stroke('M50 40 H250 M60 40 V232 M240 40 V232', '#6b7280', 6);
    for (const x of [85, 125, 165, 205]) {
      const color = r.next() < 0.4 ? a : r.pick(ACCENTS);
      s +=
        stroke(`M${x} 40 v10 l-18 14 h36 z`, '#9ca3af', 3) +
        path(`M${x - 22} 64 h44 l10 ${r.int(90, 130)} h-64 z`, color);
    }
    return shadow(150, 234, 110) + s;
  },
  sneakers: (r, a, b) => {
    const shoe = (x: number, y: number) =>
      path(`M${x} ${y} v-40 q30 0 45 18 l40 12 q30 4 30 20 h-115 z`, a) +
      rect(x, y - 4, 115, 10, b, 5) +
      stroke(`M${x + 30} ${y - 34} l8 8 m4 -12 l8 8`, b, 3);
    return (
      shadow(150, 232, 120) + shoe(35, 190) + shoe(120, 228) + circle(250, 60, 18, r.pick(ACCENTS), 'opacity="0.5"')
    );
  },
  badges: (r, a, b) => {
    let s = rect(40, 30, 220, 200, '#ffffff', 14, 'opacity="0.85"');
    for (let row = 0; row < 3; row++) {
      for (let col = 0; col < 3; col++) {
        const cx = 80 + col * 70;
        const cy = 70 + row * 62;
        const c1 = r.next() < 0.5 ? a : r.pick(ACCENTS);
        s +=
          circle(cx, cy, 26, c1) +
          circle(cx, cy, 20, b) +
          circle(cx, cy - 4, 8, c1, 'opacity="0.8"') +
          path(`M${cx - 12} ${cy + 14} q12 -14 24 0 z`, c1, 'opacity="0.8"');
      }
    }
    return shadow(150, 234, 100) + s;
  },
  standee: (r, a, b) =>
    shadow(150, 232, 80) +
    rect(95, 30, 110, 170, '#ffffff', 10, 'opacity="0.55"') +
    circle(150, 80, 26, a) +
    path('M110 190 q40 -110 80 0 z', a) +
    circle(140, 76, 4, b) +
    circle(160, 76, 4, b) +
    path('M138 92 q12 10 24 0', 'none', `stroke="${b}" stroke-width="3"`) +
    rect(85, 200, 130, 22, r.pick(ACCENTS), 8) +
    circle(230, 60, 10, '#ffe066') +
    circle(70, 110, 6, '#ffe066'),
  boxes: (r, a) => {
    const box = (x: number, y: number, w: number, h: number) =>
      rect(x, y, w, h, '#d4a373', 4) +
      rect(x + w / 2 - 8, y, 16, h, '#e9c46a', 0, 'opacity="0.8"') +
      rect(x, y, w, 10, '#c8925e', 3);
    return (
      shadow(150, 234, 125) +
      box(30, 150, 120, 80) +
      box(155, 130, 110, 100) +
      box(55, 80, 90, 70) +
      rect(190, 70, 50, 60, a, 6) +
      stroke('M215 70 v-30', r.pick(ACCENTS), 4)
    );
  },
  washer: (r, a, b) =>
    shadow(150, 234, 90) +
    rect(75, 40, 150, 190, '#f8fafc', 14) +
    rect(75, 40, 150, 36, a, 14) +
    rect(75, 62, 150, 14, a) +
    circle(120, 58, 7, b) +
    circle(145, 58, 7, b) +
    circle(150, 150, 52, '#cbd5e1') +
    circle(150, 150, 40, r.pick(['#93c5fd', '#a5b4fc', '#99f6e4'])) +
    path('M118 160 q32 -20 64 0 v10 q-32 20 -64 0 z', '#ffffff', 'opacity="0.5"'),
  fridge: (r, a, b) =>
    shadow(150, 234, 80) +
    rect(90, 20, 120, 210, a, 12) +
    rect(90, 95, 120, 4, b) +
    rect(190, 50, 6, 30, b, 3) +
    rect(190, 115, 6, 50, b, 3) +
    circle(120, 60, 10, r.pick(ACCENTS)) +
    rect(110, 130, 24, 18, '#ffffff', 3, 'opacity="0.8"'),
  desk: (r, a, b) =>
    shadow(150, 234, 120) +
    rect(30, 150, 240, 12, '#8d6e63', 3) +
    rect(45, 162, 10, 70, '#8d6e63') +
    rect(245, 162, 10, 70, '#8d6e63') +
    rect(80, 60, 120, 76, '#374151', 6) +
    rect(86, 66, 108, 62, a, 3) +
    rect(132, 136, 16, 14, '#374151') +
    stroke('M230 150 v-60 l-24 -20', '#4b5563', 5) +
    path('M192 62 l26 -10 l8 24 z', r.pick(ACCENTS)) +
    rect(96, 138, 30, 8, b, 3),
  plants: (r, a) => {
    let s = shadow(150, 234, 120);
    for (const [x, h] of [
      [80, 90],
      [150, 130],
      [220, 70],
    ] as const) {
      const leaf = r.next() < 0.5 ? '#2f9e44' : '#66a80f';
      s +=
        path(`M${x} 190 q-40 -${h / 2} -30 -${h}  q30 ${h / 3} 30 ${h}`, leaf) +
        path(`M${x} 190 q40 -${h / 2} 30 -${h} q-30 ${h / 3} -30 ${h}`, leaf, 'opacity="0.85"');
      s += path(`M${x - 30} 185 h60 l-8 45 h-44 z`, r.next() < 0.5 ? a : r.pick(ACCENTS));
    }
    return s;
  },
  bike: (r, a) =>
    shadow(150, 236, 120) +
    circle(85, 190, 42, 'none', 'stroke="#374151" stroke-width="8"') +
    circle(215, 190, 42, 'none', 'stroke="#374151" stroke-width="8"') +
    stroke('M85 190 L130 120 L200 120 L215 190 M130 120 L150 190 L200 120 M150 190 L85 190', a, 7) +
    stroke('M200 120 L195 95 h22 M130 120 l-8 -18 h-20', '#374151', 6) +
    circle(150, 190, 8, r.pick(ACCENTS)),
  camera: (r, a, b) =>
    shadow(150, 232, 100) +
    rect(60, 90, 180, 120, a, 14) +
    rect(85, 70, 60, 26, a, 6) +
    circle(150, 150, 46, '#1f2937') +
    circle(150, 150, 34, '#374151', `stroke="${b}" stroke-width="3"`) +
    circle(138, 138, 8, '#ffffff', 'opacity="0.6"') +
    circle(212, 110, 7, r.pick(ACCENTS)),
  kitchen: (r, a, b) =>
    shadow(150, 234, 120) +
    rect(40, 150, 110, 70, a, 16) +
    rect(30, 140, 130, 14, a, 6) +
    rect(10, 160, 26, 8, a, 4) +
    rect(154, 160, 26, 8, a, 4) +
    circle(220, 190, 40, '#374151') +
    circle(220, 190, 32, '#4b5563') +
    rect(255, 184, 40, 10, '#6b7280', 4) +
    circle(95, 134, 6, b) +
    path('M200 60 q20 20 0 40 q-20 20 0 40', 'none', `stroke="${r.pick(ACCENTS)}" stroke-width="4" opacity="0.4"`),
  toys: (r, a, b) => {
    let s = shadow(150, 234, 120);
    const blocks = [
      [60, 180],
      [110, 180],
      [160, 180],
      [85, 130],
      [135, 130],
      [110, 80],
    ] as const;
    for (const [x, y] of blocks)
      s += rect(x, y, 48, 48, r.next() < 0.4 ? a : r.pick(ACCENTS), 6) + circle(x + 24, y + 24, 8, b, 'opacity="0.7"');
    return s + circle(240, 200, 28, r.pick(ACCENTS)) + stroke('M214 200 h52 M240 174 v52', b, 3);
  },
  lamp: (r, a, b) =>
    shadow(150, 234, 70) +
    path('M105 50 h90 l25 70 h-140 z', a) +
    rect(144, 120, 12, 100, '#4b5563') +
    rect(110, 218, 80, 12, '#4b5563', 5) +
    path('M90 120 h120 l40 110 h-200 z', '#fff7d6', 'opacity="0.45"') +
    circle(240, 70, 14, r.pick(ACCENTS), 'opacity="0.4"') +
    rect(118, 60, 64, 6, b, 3, 'opacity="0.6"'),
  bag: (r, a, b) =>
    shadow(150, 234, 90) +
    stroke('M110 100 q0 -50 40 -50 q40 0 40 50', a, 8) +
    rect(70, 95, 160, 135, a, 18) +
    rect(70, 140, 160, 10, b, 0, 'opacity="0.6"') +
    rect(136, 132, 28, 26, r.pick(ACCENTS), 5),
};

/** A PNG of the scene: 450×600 for 3:4, 540×540 for 1:1 — phone-card sized, quick to seed. */
export async function notePhotoPng(scene: Scene, seed: string, aspect: Aspect = '3:4'): Promise<Buffer> {
  const r = seeded(`${scene}:${seed}`);
  const [wallFrom, wallTo] = r.pick(WALLS);
  const a = r.pick(ACCENTS);
  const b = '#ffffff';
  const vh = aspect === '3:4' ? 400 : 300;
  const [w, h] = aspect === '3:4' ? [450, 600] : [540, 540];
  const dy = (vh - 300) / 2 + (aspect === '3:4' ? 20 : 0);
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 300 ${vh}">
<defs><linearGradient id="wall" x1="0" y1="0" x2="${r.next() < 0.5 ? 1 : 0}" y2="1"><stop offset="0" stop-color="${wallFrom}"/><stop offset="1" stop-color="${wallTo}"/></linearGradient></defs>
<rect width="300" height="${vh}" fill="url(#wall)"/>
<rect y="${230 + dy}" width="300" height="${vh}" fill="${r.pick(FLOORS)}" opacity="0.55"/>
<circle cx="${r.int(30, 270)}" cy="${r.int(20, 60)}" r="${r.int(30, 60)}" fill="#ffffff" opacity="0.25"/>
<g transform="translate(0 ${dy})">${SCENES[scene](r, a, b)}</g></svg>`;
  return sharp(Buffer.from(svg)).png({ compressionLevel: 1 }).toBuffer();
}

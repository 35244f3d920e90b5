// Renders the app icons (public/icons/*.png) from the bag mark in public/favicon.svg. Run once
// after changing the mark: `node apps/web/scripts/icons.mjs` (sharp comes with the API's
// dependencies). The PNGs are committed; builds do not run this.
//   icon-192/512: the rounded red tile, as in the browser tab ("any" purpose).
//   maskable-512: a full-bleed red square with the bag inside the central 60%, so a launcher's
//                 circle or squircle mask never cuts it.
//   apple-touch-icon (180): full-bleed as well; iOS rounds the corners itself.
import { mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', 'icons');
mkdirSync(out, { recursive: true });

const RED = '#ff2442';
const bag = `<path d="M18 26h28l-3 22H21z" fill="none" stroke="#fff" stroke-width="4" stroke-linejoin="round"/>
  <path d="M25 26a7 7 0 0 1 14 0" fill="none" stroke="#fff" stroke-width="4" stroke-linecap="round"/>`;

// The bag spans x 18…46, y 19…48 of the 64 grid: centre (32, 33.5).
const tile = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="14" fill="${RED}"/>${bag}</svg>`;
const fullBleed = (scale) =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" fill="${RED}"/>
  <g transform="translate(32 32) scale(${scale}) translate(-32 -33.5)">${bag}</g></svg>`;

const icons = [
  ['icon-192.png', tile, 192],
  ['icon-512.png', tile, 512],
  ['maskable-512.png', fullBleed(1.25), 512],
  ['apple-touch-icon.png', fullBleed(1.35), 180],
];
for (const [name, svg, size] of icons) {
  await sharp(Buffer.from(svg), { density: 72 * (size / 64) * 2 })
    .resize(size, size)
    .png({ compressionLevel: 9 })
    .toFile(join(out, name));
  console.log(`${name} ${size}×${size}`);
}

// Locally generated avatars: a symmetric 5×5 pattern from a hash of the name, no fonts and no
// network needed.
import { createHash } from 'node:crypto';
import sharp from 'sharp';

const PALETTE = ['#ff2442', '#ff7a45', '#ffa940', '#52c41a', '#13c2c2', '#1677ff', '#722ed1', '#eb2f96'];

export async function identiconPng(seed: string, size = 256): Promise<Buffer> {
  const h = createHash('sha256').update(seed).digest();
  const color = PALETTE[(h[0] ?? 0) % PALETTE.length];
  const cell = size / 6;
  const rects: string[] = [];
  for (let y = 0; y < 5; y++) {
    for (let x = 0; x < 3; x++) {
      if (((h[1 + y * 3 + x] ?? 0) & 1) === 0) continue;
      for (const cx of x === 2 ? [2] : [x, 4 - x]) {
        rects.push(`<rect x="${cell / 2 + cx * cell}" y="${cell / 2 + y * cell}" width="${cell}" height="${cell}" fill="${color}"/>`);
      }
    }
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${size}" height="${size}"><rect width="100%" height="100%" fill="#f7f4ef"/>${rects.join('')}</svg>`;
  return sharp(Buffer.from(svg)).png().toBuffer();
}

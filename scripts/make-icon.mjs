// Draws the extension icon (a shield with three quorum nodes) as a 128x128 PNG, with no image tools.
// Run by hand when the design changes: node scripts/make-icon.mjs
import { writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const N = 128,
  S = 4; // 4x4 supersampling for smooth edges
const inShield = (x, y) => {
  const cx = 64,
    top = 10,
    bottom = 120,
    half = 50;
  if (y < top || y > bottom) return false;
  if (y < 78) return Math.abs(x - cx) <= half;
  const t = (y - 78) / (bottom - 78); // the shield narrows to its point
  return Math.abs(x - cx) <= half * Math.sqrt(1 - t * t);
};
const nodes = [
  [64, 40],
  [40, 80],
  [88, 80],
];
const inNode = (x, y) => nodes.some(([a, b]) => (x - a) ** 2 + (y - b) ** 2 <= 11 ** 2);
const onLink = (x, y) => {
  const seg = (ax, ay, bx, by) => {
    const dx = bx - ax,
      dy = by - ay;
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)));
    return Math.hypot(x - ax - t * dx, y - ay - t * dy) <= 3;
  };
  return seg(64, 40, 40, 80) || seg(64, 40, 88, 80) || seg(40, 80, 88, 80);
};
const raw = Buffer.alloc(N * (N * 4 + 1));
for (let y = 0; y < N; y++) {
  raw[y * (N * 4 + 1)] = 0;
  for (let x = 0; x < N; x++) {
    let r = 0,
      g = 0,
      b = 0,
      a = 0;
    for (let sy = 0; sy < S; sy++)
      for (let sx = 0; sx < S; sx++) {
        const px = x + (sx + 0.5) / S,
          py = y + (sy + 0.5) / S;
        if (inNode(px, py)) {
          r += 255;
          g += 255;
          b += 255;
          a += 255;
        } else if (onLink(px, py)) {
          r += 190;
          g += 225;
          b += 255;
          a += 255;
        } else if (inShield(px, py)) {
          r += 206;
          g += 32;
          b += 41;
          a += 255;
        } // OpenStack red
      }
    const o = y * (N * 4 + 1) + 1 + x * 4,
      k = S * S;
    raw[o] = r / k;
    raw[o + 1] = g / k;
    raw[o + 2] = b / k;
    raw[o + 3] = a / k;
  }
}
const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc = (buf) => {
  let c = 0xffffffff;
  for (const byte of buf) c = crcTable[(c ^ byte) & 255] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
const chunk = (type, data) => {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const c = Buffer.alloc(4);
  c.writeUInt32BE(crc(td));
  return Buffer.concat([len, td, c]);
};
const ihdr = Buffer.alloc(13);
ihdr.writeUInt32BE(N, 0);
ihdr.writeUInt32BE(N, 4);
ihdr[8] = 8;
ihdr[9] = 6;
writeFileSync(
  'images/icon.png',
  Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]),
);

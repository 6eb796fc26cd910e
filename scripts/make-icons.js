// Draws the add-in icons (a scorecard: three RAG bars on a navy tile) as PNGs, with no image library.
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}
function chunk(type, data) {
  const len = Buffer.alloc(4); len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type), data]);
  const crc = Buffer.alloc(4); crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}
function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x + 0.5, y + 0.5, size);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r; raw[o + 1] = g; raw[o + 2] = b; raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0); ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk('IHDR', ihdr), chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}
const NAVY = [31, 56, 100, 255], CLEAR = [0, 0, 0, 0];
const BARS = [[192, 0, 0], [255, 192, 0], [0, 128, 64]];
function pixel(x, y, s) {
  const u = x / s, v = y / s, r = 0.18;
  const cx = Math.min(Math.max(u, r), 1 - r), cy = Math.min(Math.max(v, r), 1 - r);
  if (Math.hypot(u - cx, v - cy) > r) return CLEAR;
  for (let i = 0; i < 3; i++) {
    const top = 0.2 + i * 0.22, len = [0.45, 0.6, 0.75][i];
    if (v >= top && v < top + 0.14 && u >= 0.14 && u < 0.14 + len) return [...BARS[i], 255];
  }
  return NAVY;
}
// Every size the icon guidelines list for ribbon buttons (16, 20 and 32 px required; the rest for
// high-DPI screens: https://learn.microsoft.com/office/dev/add-ins/design/add-in-icons), plus 128 for the store.
for (const size of [16, 20, 24, 32, 40, 48, 64, 80, 128]) {
  fs.writeFileSync(path.join(__dirname, '..', 'assets', `icon-${size}.png`), png(size, pixel));
}

/**
 * The encodings a config file is read in: UTF-8, or UTF-16 (LE or BE) announced by its byte order
 * mark, as Windows tools write them. The mark is not part of the text (as in the editor, so ranges
 * agree); a fixed file is written back in the encoding and with the mark it had.
 */
export type TextEncoding = 'utf8' | 'utf8-bom' | 'utf16le' | 'utf16be';

export function decodeText(buf: Buffer): { text: string; encoding: TextEncoding } {
  if (buf.length >= 3 && buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf)
    return { text: buf.subarray(3).toString('utf8'), encoding: 'utf8-bom' };
  if (buf.length >= 2 && buf[0] === 0xff && buf[1] === 0xfe) return { text: utf16le(buf.subarray(2)), encoding: 'utf16le' };
  if (buf.length >= 2 && buf[0] === 0xfe && buf[1] === 0xff) return { text: utf16le(swapPairs(buf.subarray(2))), encoding: 'utf16be' };
  return { text: buf.toString('utf8'), encoding: 'utf8' };
}

export function encodeText(text: string, encoding: TextEncoding): Buffer {
  switch (encoding) {
    case 'utf8':
      return Buffer.from(text, 'utf8');
    case 'utf8-bom':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    case 'utf16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf16be':
      return Buffer.concat([Buffer.from([0xfe, 0xff]), swapPairs(Buffer.from(text, 'utf16le'))]);
  }
}

/** UTF-16LE text; an odd last byte (a file cut short) is dropped rather than read as half a character. */
function utf16le(buf: Buffer): string {
  return buf.subarray(0, buf.length & ~1).toString('utf16le');
}

/** A copy with each pair of bytes swapped: UTF-16BE to LE and back. */
function swapPairs(buf: Buffer): Buffer {
  const out = Buffer.from(buf.subarray(0, buf.length & ~1));
  out.swap16();
  return out;
}

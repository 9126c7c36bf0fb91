/**
 * Turns a file's bytes into text, detecting the encoding. Offsets everywhere else count UTF-16
 * code units into the string returned here (a byte-order mark is not part of it).
 */
import { ShijiError } from '../errors.js';

export type Encoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

export interface Decoded {
  readonly text: string;
  readonly encoding: Encoding;
  readonly bom: boolean;
}

/** Files larger than this are refused rather than analysed for minutes. */
export const MAX_BYTES = 50 * 1024 * 1024;

function tryDecode(label: Encoding, bytes: Uint8Array): string | null {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Control characters other than tab, LF, CR, FF and the escape-free ones text files carry. */
function controlShare(text: string): number {
  let bad = 0;
  const n = Math.min(text.length, 65536);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) || c === 0x7f || c === 0xfffd) bad++;
  }
  return n === 0 ? 0 : bad / n;
}

export function decodeBytes(bytes: Uint8Array, path?: string): Decoded {
  if (bytes.length === 0) throw new ShijiError('empty', 'empty file', path);
  if (bytes.length > MAX_BYTES) {
    throw new ShijiError('too-large', `file is ${(bytes.length / 1048576).toFixed(1)} MB, over the ${MAX_BYTES / 1048576} MB limit`, path);
  }
  let decoded: Decoded | null = null;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    const text = tryDecode('utf-8', bytes.subarray(3));
    if (text === null) throw new ShijiError('undecodable', 'starts with a UTF-8 byte-order mark but is not valid UTF-8', path);
    decoded = { text, encoding: 'utf-8', bom: true };
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = tryDecode('utf-16le', bytes.subarray(2));
    if (text === null) throw new ShijiError('undecodable', 'starts with a UTF-16LE byte-order mark but is not valid UTF-16', path);
    decoded = { text, encoding: 'utf-16le', bom: true };
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const text = tryDecode('utf-16be', bytes.subarray(2));
    if (text === null) throw new ShijiError('undecodable', 'starts with a UTF-16BE byte-order mark but is not valid UTF-16', path);
    decoded = { text, encoding: 'utf-16be', bom: true };
  } else {
    const head = bytes.subarray(0, 8192);
    if (head.includes(0)) throw new ShijiError('binary', 'binary file (contains NUL bytes), not a text document', path);
    const utf8 = tryDecode('utf-8', bytes);
    if (utf8 !== null) decoded = { text: utf8, encoding: 'utf-8', bom: false };
    else {
      const gb = tryDecode('gb18030', bytes);
      if (gb === null) throw new ShijiError('undecodable', 'bytes are neither valid UTF-8 nor GB18030/GBK', path);
      decoded = { text: gb, encoding: 'gb18030', bom: false };
    }
  }
  if (decoded.text.trim() === '') throw new ShijiError('empty', 'file holds no text', path);
  if (controlShare(decoded.text) > 0.02) throw new ShijiError('binary', `binary file (control bytes in ${decoded.encoding} text), not a text document`, path);
  return decoded;
}

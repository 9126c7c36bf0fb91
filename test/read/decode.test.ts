import { describe, expect, it } from 'vitest';
import { decodeBytes, ShijiError } from '../../src/index.js';

const text = '全市化解信访积案701件。';
const utf16 = (s: string, be: boolean): Uint8Array => {
  const b = Buffer.from(s, 'utf16le');
  if (be) b.swap16();
  return new Uint8Array([...(be ? [0xfe, 0xff] : [0xff, 0xfe]), ...b]);
};
// 全市化解信访积案701件。 in GBK
const gbk = Uint8Array.from([0xc8, 0xab, 0xca, 0xd0, 0xbb, 0xaf, 0xbd, 0xe2, 0xd0, 0xc5, 0xb7, 0xc3, 0xbb, 0xfd, 0xb0, 0xb8, 0x37, 0x30, 0x31, 0xbc, 0xfe, 0xa1, 0xa3]);

describe('decoding', () => {
  it.each([
    ['utf-8', new TextEncoder().encode(text), 'utf-8', false],
    ['utf-8 with BOM', new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]), 'utf-8', true],
    ['utf-16le', utf16(text, false), 'utf-16le', true],
    ['utf-16be', utf16(text, true), 'utf-16be', true],
    ['gbk', gbk, 'gb18030', false],
  ])('%s', (_name, bytes, encoding, bom) => {
    const d = decodeBytes(bytes);
    expect(d).toEqual({ text, encoding, bom });
  });

  it.each([
    ['empty', new Uint8Array(0), 'empty'],
    ['blank', new TextEncoder().encode(' \n\n '), 'empty'],
    ['binary', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), 'binary'],
    ['undecodable', new Uint8Array([0xc8, 0xab, 0xff, 0xff, 0xff, 0x41]), 'undecodable'],
  ])('refuses %s input with a clear error', (_name, bytes, code) => {
    expect(() => decodeBytes(bytes, 'x.txt')).toThrow(ShijiError);
    try { decodeBytes(bytes, 'x.txt'); } catch (e) {
      expect((e as ShijiError).code).toBe(code);
      expect((e as Error).message).toMatch(/^x\.txt: /);
      expect((e as Error).message).not.toContain('\n');
    }
  });
});

/**
 * Files derived from a source file (the index of jieba's dictionary, of its HMM model), signed
 * with the source's size, modification time and SHA-256 in bytes 48–127 of their header. A
 * derived file is used only for the very source it was made from (same size and time, else
 * same SHA-256); otherwise it is made again and written in place for the next process.
 */
import { createHash, randomBytes } from 'node:crypto';
import { threadId } from 'node:worker_threads';
import { readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';

export const HEADER_BYTES = 128;

/**
 * The value derived from `source`: parsed from `target` when that was made from this source,
 * else built (and written to `target`, when its folder can be written); null when the source
 * cannot be read or `build` refuses it.
 */
export function loadDerived<T>(source: string, target: string, build: (src: Buffer) => { value: T; bytes: Buffer } | null, parse: (bytes: Buffer) => T | null): T | null {
  let st: { size: number; mtimeMs: number };
  try { st = statSync(source); } catch { return null; }
  try {
    let bytes = readFileSync(target);
    // typed arrays over the bytes need them on an 8-byte boundary
    if (bytes.byteOffset % 8 !== 0) bytes = Buffer.from(new Uint8Array(bytes).buffer);
    if (bytes.length >= HEADER_BYTES) {
      const same = (bytes.readDoubleLE(48) === st.size && bytes.readDoubleLE(56) === st.mtimeMs)
        || bytes.toString('latin1', 64, 128) === createHash('sha256').update(readFileSync(source)).digest('hex');
      const value = same ? parse(bytes) : null;
      if (value !== null) return value;
    }
  } catch { /* not made yet, or unreadable: make it */ }
  let src: Buffer;
  try { src = readFileSync(source); } catch { return null; }
  const built = build(src);
  if (!built) return null;
  built.bytes.writeDoubleLE(st.size, 48);
  built.bytes.writeDoubleLE(st.mtimeMs, 56);
  built.bytes.write(createHash('sha256').update(src).digest('hex'), 64, 64, 'latin1');
  // a name of this thread's own (worker threads share the process id); the rename is atomic
  const tmp = `${target}.${process.pid}-${threadId}-${randomBytes(4).toString('hex')}.partial`;
  try {
    writeFileSync(tmp, built.bytes);
    renameSync(tmp, target);
  } catch {
    rmSync(tmp, { force: true });
  }
  return built.value;
}

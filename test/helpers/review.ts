import { chmodSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { analyseBytes, type AnalysedDocument } from '../../src/index.js';

export const NOTICE = 'corpus/shanxi-2017-xinfang-nominees.txt';

export function tmpDb(name = 'review.sqlite'): string {
  return join(mkdtempSync(join(tmpdir(), 'shiji-review-')), name);
}

let cached: AnalysedDocument | null = null;
export function noticeDoc(): AnalysedDocument {
  if (!cached) {
    const a = analyseBytes(readFileSync(NOTICE), NOTICE);
    cached = { result: a.result, text: a.text, cached: false };
  }
  return cached;
}

/**
 * Spawn options that run a child as an unprivileged user when the tests run as root (root ignores
 * file modes, so read-only files and folders would not be read-only to it).
 */
export function unprivileged(): { uid?: number; gid?: number } {
  return typeof process.getuid === 'function' && process.getuid() === 0 ? { uid: 65534, gid: 65534 } : {};
}

/** A temporary folder that an unprivileged user may enter. */
export function tmpDir(prefix = 'shiji-rel-'): string {
  const d = mkdtempSync(join(tmpdir(), prefix));
  chmodSync(d, 0o755);
  return d;
}

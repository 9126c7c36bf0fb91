import { mkdtempSync } from 'node:fs';
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

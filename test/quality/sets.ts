/** Where the labelled texts are, and our own YAML labels in the development set's shape. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from 'yaml';
import type { DevLabels } from './score.js';

/** The development set: $SHIJI_DEVSET, else ../shared/dev beside the project; null when absent. */
export function devSetDir(): string | null {
  const dir = process.env.SHIJI_DEVSET ?? resolve('..', 'shared', 'dev');
  return existsSync(join(dir, 'labels')) ? dir : null;
}

export function readDevLabels(path: string): DevLabels {
  return JSON.parse(readFileSync(path, 'utf8')) as DevLabels;
}

interface OwnLabel { text: string; nth?: number; value: number; approx: string; category: string; nominee: string | null }

/** Our own labels (test/labels/*.labels.yaml), each label located in the decoded text. */
export function ownLabels(): Array<{ name: string; path: string; labels: (text: string) => DevLabels }> {
  return readdirSync('test/labels').filter((f) => f.endsWith('.labels.yaml')).sort().map((f) => {
    const doc = parse(readFileSync(join('test/labels', f), 'utf8')) as { document: string; claims: OwnLabel[] };
    return {
      name: f.replace(/\.labels\.yaml$/, ''),
      path: doc.document,
      labels: (text: string): DevLabels => ({
        text: doc.document,
        nominees: [],
        claims: doc.claims.map((l) => {
          let at = -1;
          for (let k = 0; k < (l.nth ?? 1); k++) at = text.indexOf(l.text, at + 1);
          return { at, num: l.text, nominee: l.nominee ?? '', value: l.value, approx: l.approx, category: l.category, tier: 'core' as const };
        }),
        ignore: [],
        negatives: [],
        arithmetic: [],
      }),
    };
  });
}

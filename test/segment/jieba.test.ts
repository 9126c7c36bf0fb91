/**
 * jieba loaded with a part of its dictionary must segment and tag exactly as with the whole of
 * it. Each way runs in a process of its own (helpers/segment-run.mjs, over the built library), so
 * that the part is really a part.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nodejieba from 'nodejieba';
import { buildView, collectInputs, decodeBytes } from '../../src/index.js';

const tmp = mkdtempSync(join(tmpdir(), 'shiji-segment-'));

function run(mode: 'part' | 'guard' | 'whole', pieces: readonly string[]): { state: { mode: string; words: number; parts: number }; results: string[] } {
  const file = join(tmp, `${mode}.json`);
  writeFileSync(file, JSON.stringify(pieces));
  const r = spawnSync(process.execPath, ['test/helpers/segment-run.mjs', mode, file], { encoding: 'utf8', maxBuffer: 1 << 28 });
  if (r.status !== 0) throw new Error(r.stderr);
  return JSON.parse(r.stdout) as { state: { mode: string; words: number; parts: number }; results: string[] };
}

/** Sentences and overlapping windows of every text of the corpus (and of the development set when present), decoded and normalized. */
function textPieces(): string[] {
  const roots = ['corpus', ...(collectInputs(['../shared/dev/texts']).files.length > 0 ? ['../shared/dev/texts'] : [])];
  const out: string[] = [];
  for (const f of collectInputs(roots).files) {
    const text = decodeBytes(readFileSync(f.path), f.path).text;
    for (const t of [text, buildView(text).text]) {
      for (const s of t.split(/(?<=[。！？；\n])/)) if (s.trim() !== '') out.push(s);
      for (let i = 0; i < t.length; i += 11) out.push(t.slice(i, i + 24));
    }
  }
  return out;
}

/** Made-up strings of dictionary words, our user words, jieba's own user words (some listed without a frequency), digits, Latin, punctuation, astral and lone surrogates. */
function randomPieces(n: number): string[] {
  const dict = readFileSync((nodejieba as unknown as { DEFAULT_DICT: string }).DEFAULT_DICT, 'utf8').split('\n').filter(Boolean).map((l) => l.split(' ')[0] as string);
  const user = readFileSync('dictionaries/jieba-user.dict.txt', 'utf8').split('\n').filter((l) => l && !l.startsWith('#')).map((l) => l.split(' ')[0] as string);
  const extra = ['云计算', '韩玉鉴赏', '蓝翔', '区块链', '，', '。', '701', '4.5', 'AT&T', 'B超', ' ', '𠀀', '\ud800', '％', '万', '余', '件'];
  let seed = 7;
  const rnd = (k: number): number => { seed = (seed * 1103515245 + 12345) & 0x7fffffff; return seed % k; };
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let s = '';
    for (let j = 0, m = 1 + rnd(10); j < m; j++) {
      const k = rnd(10);
      s += k < 5 ? dict[rnd(dict.length)] : k < 7 ? user[rnd(user.length)] : k < 8 ? extra[rnd(extra.length)] : (dict[rnd(dict.length)] as string).slice(0, 1);
    }
    out.push(s);
  }
  return out;
}

describe('jieba with a part of its dictionary', () => {
  const pieces = [...textPieces(), ...randomPieces(2000)];
  const whole = run('whole', pieces);

  it('segments and tags every text as the whole dictionary does', () => {
    const part = run('part', pieces);
    expect(part.state.mode).toBe('part');
    expect(whole.state.mode).toBe('whole');
    const differ = pieces.filter((_, i) => part.results[i] !== whole.results[i]);
    expect(differ).toEqual([]);
  });

  it('loads the words a text not named beforehand holds, before segmenting it', () => {
    // ten pieces in a process of their own: every one is checked and may load a larger part
    const some = pieces.filter((_, i) => i % Math.ceil(pieces.length / 10) === 0);
    const guard = run('guard', some);
    expect(guard.state.mode).toBe('part');
    expect(guard.results).toEqual(some.map((p) => whole.results[pieces.indexOf(p)]));
  });

  it('gives way to the whole dictionary over a long run of texts that each need more words', () => {
    const many = randomPieces(90);
    const guard = run('guard', many);
    expect(guard.state.mode).toBe('whole');
    expect(guard.state.parts).toBeGreaterThan(20);
    expect(guard.state.parts).toBeLessThan(71);
    expect(guard.results).toEqual(run('whole', many).results);
  });
});

/**
 * Section 6 of `npm run bench`: one large document. The same write-up repeated to 1, 4 and 16 MB
 * (and 45 MB for --json), each extracted by `shiji extract FILE --jsonl --no-cache` in a fresh
 * process: its time per megabyte, its peak memory, and whether the 45 MB --json output is JSON.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, createReadStream, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SOURCE = 'corpus/liulin-wang-xiuying.standalone.txt';

/** The write-up repeated until the file holds `mb` megabytes. */
function repeated(dir: string, mb: number): string {
  const one = `${readFileSync(SOURCE, 'utf8')}\n`;
  const path = join(dir, `large-${mb}mb.txt`);
  writeFileSync(path, one.repeat(Math.ceil((mb * 1048576) / Buffer.byteLength(one))));
  return path;
}

/** Seconds and peak RSS (MB, from GNU time where there is one) of one extraction, its output written to `out`. */
function extract(path: string, flag: '--jsonl' | '--json', out: string): { s: number; rssMB: number | null } {
  const time = spawnSync('/usr/bin/time', ['--version'], { stdio: 'ignore' }).status === 0;
  const args = ['dist/cli.js', 'extract', path, flag, '--no-cache'];
  const fd = openSync(out, 'w');
  const t = performance.now();
  const r = time
    ? spawnSync('/usr/bin/time', ['-f', '%M', '-o', `${out}.rss`, process.execPath, ...args], { stdio: ['ignore', fd, 'inherit'] })
    : spawnSync(process.execPath, args, { stdio: ['ignore', fd, 'inherit'] });
  const s = (performance.now() - t) / 1000;
  closeSync(fd);
  if (r.status !== 0) throw new Error(`extract ${path} exited ${r.status}`);
  return { s, rssMB: time ? Number(readFileSync(`${out}.rss`, 'utf8').trim().split('\n').pop()) / 1024 : null };
}

/** Whether a file is one JSON value, read in pieces (a 800 MB output is not one string here). */
async function isJson(path: string): Promise<boolean> {
  if (spawnSync('python3', ['--version'], { stdio: 'ignore' }).status === 0) {
    return spawnSync('python3', ['-c', 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d["documents"][0]["claims"]))', path], { stdio: 'ignore' }).status === 0;
  }
  let depth = 0;
  let inString = false;
  let escaped = false;
  for await (const chunk of createReadStream(path, { encoding: 'utf8' })) {
    for (const ch of chunk as string) {
      if (inString) { if (escaped) escaped = false; else if (ch === '\\') escaped = true; else if (ch === '"') inString = false; continue; }
      if (ch === '"') inString = true; else if (ch === '{' || ch === '[') depth++; else if (ch === '}' || ch === ']') depth--;
    }
  }
  return depth === 0 && !inString;
}

export async function largeBench(line: (s: string) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'shiji-large-'));
  try {
    const sizes = [1, 4, 16];
    const runs = sizes.map((mb) => ({ mb, ...extract(repeated(dir, mb), '--jsonl', join(dir, `out-${mb}.jsonl`)) }));
    line('');
    line(`6. one large document: ${SOURCE} repeated, shiji extract FILE --jsonl --no-cache in a fresh process`);
    for (const r of runs) line(`   ${String(r.mb).padStart(2)} MB: ${r.s.toFixed(2)} s = ${(r.s / r.mb).toFixed(2)} s per MB, peak RSS ${r.rssMB === null ? '?' : r.rssMB.toFixed(0)} MB`);
    const [one, four, sixteen] = runs as [typeof runs[0], typeof runs[0], typeof runs[0]];
    line(`   time per MB at 16 MB / at 1 MB = ${((sixteen.s / 16) / (one.s / 1)).toFixed(2)}  (target <= 1.2); at 16 MB / at 4 MB = ${((sixteen.s / 16) / (four.s / 4)).toFixed(2)}`);
    const big = Number(process.env['SHIJI_BENCH_LARGE_MB'] ?? 45);
    if (big > 0) {
      const path = repeated(dir, big);
      const out = join(dir, 'out-big.json');
      const r = extract(path, '--json', out);
      line(`   ${big} MB --json: ${r.s.toFixed(1)} s = ${(r.s / big).toFixed(2)} s per MB, peak RSS ${r.rssMB === null ? '?' : r.rssMB.toFixed(0)} MB, ${(statSync(out).size / 1048576).toFixed(0)} MB of output, ${(await isJson(out)) ? 'valid JSON' : 'NOT valid JSON'}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

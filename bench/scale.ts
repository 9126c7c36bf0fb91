/**
 * Scale: docs/s and peak RSS of the command line at 3,000 and 30,000 generated documents, for
 * `extract --jsonl` and `export` to csv, xlsx and parquet. Each run is a fresh process, measured
 * by /usr/bin/time -v (peak RSS of the child) and the wall clock, analysing every document
 * (--no-cache). The corpora are copies of corpus/ with a number added to each, so no two
 * documents are the same; they are written to a temporary folder and deleted after.
 *
 * Run on its own: `node --import tsx bench/scale.ts`; SHIJI_SCALE_SIZES=3000,30000 and
 * SHIJI_SCALE_RUNS=jsonl,csv,xlsx,parquet choose what is measured.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync, openSync, closeSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collectInputs, decodeBytes } from '../dist/index.js';

const SIZES = (process.env['SHIJI_SCALE_SIZES'] ?? '3000,30000').split(',').map(Number);
const RUNS = (process.env['SHIJI_SCALE_RUNS'] ?? 'jsonl,csv,xlsx,parquet').split(',');
const line = (s: string): void => { process.stdout.write(`${s}\n`); };

/** A corpus of n documents: corpus/'s texts in turn, each with its own number, so each has its own hash. */
export function generate(dir: string, n: number): number {
  const texts = collectInputs(['corpus']).files.map((f) => decodeBytes(readFileSync(f.path), f.path).text);
  mkdirSync(dir, { recursive: true });
  let bytes = 0;
  for (let i = 0; i < n; i++) {
    const t = `${texts[i % texts.length] as string}\n\n（材料编号 ${i}，第 ${Math.floor(i / texts.length) + 1} 批）\n`;
    const sub = join(dir, String(Math.floor(i / 1000)).padStart(3, '0'));
    if (i % 1000 === 0) mkdirSync(sub, { recursive: true });
    writeFileSync(join(sub, `doc-${String(i).padStart(6, '0')}.txt`), t);
    bytes += Buffer.byteLength(t);
  }
  return bytes;
}

export interface Measured { readonly seconds: number; readonly cpuSeconds: number; readonly rssMB: number; readonly code: number | null }

/** One command in a fresh process: wall time and peak RSS (from /usr/bin/time -v). */
export function measure(args: readonly string[], stdoutFile: string): Measured {
  const fd = openSync(stdoutFile, 'w');
  const t = performance.now();
  const r = spawnSync('/usr/bin/time', ['-v', process.execPath, 'dist/cli.js', ...args], { stdio: ['ignore', fd, 'pipe'], encoding: 'utf8', maxBuffer: 1 << 26 });
  const seconds = (performance.now() - t) / 1000;
  closeSync(fd);
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr ?? '');
  const cpu = ['User', 'System'].map((k) => Number(new RegExp(`${k} time \\(seconds\\): ([\\d.]+)`).exec(r.stderr ?? '')?.[1] ?? Number.NaN));
  return { seconds, cpuSeconds: (cpu[0] as number) + (cpu[1] as number), rssMB: rss ? Number(rss[1]) / 1024 : Number.NaN, code: r.status };
}

function commandFor(run: string, dir: string, out: string): string[] {
  switch (run) {
    case 'jsonl': return ['extract', dir, '--jsonl', '--no-cache'];
    case 'csv': return ['export', dir, '--format', 'csv', '--out', join(out, 'x.csv'), '--no-cache'];
    case 'xlsx': return ['export', dir, '--format', 'xlsx', '--out', join(out, 'x.xlsx'), '--no-cache'];
    case 'parquet': return ['export', dir, '--format', 'parquet', '--out', join(out, 'x.parquet'), '--no-cache'];
    default: throw new Error(`unknown run ${run}`);
  }
}

const LABEL: Record<string, string> = { jsonl: 'extract --jsonl', csv: 'export --format csv', xlsx: 'export --format xlsx', parquet: 'export --format parquet' };

export function scaleBench(): void {
  if (!existsSync('/usr/bin/time')) { line('\n5. scale: skipped (/usr/bin/time is needed to measure peak RSS)'); return; }
  const work = mkdtempSync(join(tmpdir(), 'shiji-scale-'));
  try {
    const results = new Map<string, Map<number, Measured>>();
    const mb = new Map<number, number>();
    for (const n of SIZES) {
      const dir = join(work, `c${n}`);
      mb.set(n, generate(dir, n) / 1048576);
      for (const run of RUNS) {
        const out = join(work, 'out');
        mkdirSync(out, { recursive: true });
        const m = measure(commandFor(run, dir, out), join(out, 'stdout'));
        if (m.code !== 0) throw new Error(`${LABEL[run]} on ${n} documents exited with ${m.code}`);
        (results.get(run) ?? results.set(run, new Map()).get(run) as Map<number, Measured>).set(n, m);
        process.stderr.write(`${LABEL[run]} on ${n} documents: ${JSON.stringify(m)}\n`);
        rmSync(out, { recursive: true, force: true });
      }
      rmSync(dir, { recursive: true, force: true });
    }
    const [small, large] = [SIZES[0] as number, SIZES[SIZES.length - 1] as number];
    line('');
    line(`5. scale on generated corpora (${SIZES.map((n) => `${n.toLocaleString('en-US')} docs, ${(mb.get(n) ?? 0).toFixed(0)} MB`).join('; ')}), one fresh process each, --no-cache;`);
    line('   docs/s by the wall clock, and per CPU second of the process (user + system: less moved by the shared machine\'s load)');
    line(`   | run | ${SIZES.map((n) => `${n.toLocaleString('en-US')}: docs/s | docs/CPU-s | peak RSS`).join(' | ')} | RSS ratio (target ≤ 1.3) | docs/s ratio (target ≥ 0.9) | docs/CPU-s ratio |`);
    line(`   | --- | ${SIZES.map(() => '---: | ---: | ---:').join(' | ')} | ---: | ---: | ---: |`);
    for (const run of RUNS) {
      const by = results.get(run) as Map<number, Measured>;
      const a = by.get(small) as Measured; const b = by.get(large) as Measured;
      const cells = SIZES.map((n) => { const m = by.get(n) as Measured; return `${(n / m.seconds).toFixed(0)} | ${(n / m.cpuSeconds).toFixed(0)} | ${(m.rssMB / 1024).toFixed(2)} GB`; });
      line(`   | \`${LABEL[run]}\` | ${cells.join(' | ')} | ${(b.rssMB / a.rssMB).toFixed(2)} | ${((large / b.seconds) / (small / a.seconds)).toFixed(2)} | ${((large / b.cpuSeconds) / (small / a.cpuSeconds)).toFixed(2)} |`);
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

if (process.argv[1]?.endsWith('scale.ts')) scaleBench(); // run on its own; bench.ts calls scaleBench() after its own figures

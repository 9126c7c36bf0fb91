/**
 * Fault trials for the review store and the outputs (npm run stress; not part of npm test).
 * Each trial is run several times; the table at the end gives, per trial, how many runs were
 * made, how many decisions (or outputs) were at stake, how many were lost, and how many runs
 * failed a check (a crash, a stack trace, a partial output, a changed input).
 *
 *   SHIJI_STRESS_QUICK=1  fewer runs and no huge inputs (a minute or so)
 */
import { spawn, spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { ReviewStore, type Status } from '../src/index.js';

const ROOT = resolve(import.meta.dirname, '..');
const CLI = join(ROOT, 'dist/cli.js');
const NOTICE = join(ROOT, 'corpus/shanxi-2017-xinfang-nominees.txt');
const QUICK = process.env['SHIJI_STRESS_QUICK'] === '1';
const work = mkdtempSync(join(tmpdir(), 'shiji-stress-'));
chmodSync(work, 0o755);
const asNobody = typeof process.getuid === 'function' && process.getuid() === 0 ? { uid: 65534, gid: 65534 } : {};

interface Result { trial: string; runs: number; atStake: number; lost: number; failed: number; note: string }
const results: Result[] = [];
const log = (s: string): void => { process.stderr.write(`${s}\n`); };

function shiji(args: string[], opts: { uid?: number; gid?: number; env?: NodeJS.ProcessEnv; timeout?: number } = {}): SpawnSyncReturns<string> {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8', maxBuffer: 1 << 30, timeout: opts.timeout ?? 600_000, ...opts, env: { ...process.env, SHIJI_CACHE: join(work, 'cache.sqlite'), ...opts.env } });
}
/** One line on stderr, no stack trace, no internal error. */
const clean = (r: { stderr: string; status: number | null }): boolean =>
  r.status !== 70 && r.status !== null && r.status < 128 && !/internal error|\n\s+at |SqliteError|RangeError|FATAL/.test(r.stderr) && r.stderr.trim().split('\n').length <= 1;
const base = { docSha: 'a'.repeat(64), docPath: 'x.txt', nominee: 'n1', nomineeName: '甲', claimText: '1 件', note: '' };
let dirN = 0;
const dir = (): string => { const d = join(work, `t${dirN++}`); mkdirSync(d); chmodSync(d, 0o755); return d; };
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)] as T;

/** A writer that prints each decision's uid once it is committed, until killed. */
const WRITER = (db: string, reviewer: string, n: number): string => `
  import { ReviewStore } from ${JSON.stringify(join(ROOT, 'src/review/store.ts'))};
  const s = ReviewStore.open(${JSON.stringify(db)});
  const st = ['verified', 'disputed', 'needs_evidence'];
  for (let i = 0; i < ${n}; i++) {
    const d = s.record({ docSha: 'd', docPath: 'd', claimId: 'c' + (i % 7), nominee: null, nomineeName: '', claimText: String(i), status: st[i % 3], note: '', reviewer: ${JSON.stringify(reviewer)} });
    process.stdout.write(d.uid + '\\n');
  }
  s.close();`;

async function runWriter(db: string, reviewer: string, n: number, killAfterMs: number | null): Promise<string[]> {
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', WRITER(db, reviewer, n)], { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] });
  let out = '';
  child.stdout.on('data', (b: Buffer) => { out += b.toString(); });
  let started = false;
  child.stdout.once('data', () => {
    started = true;
    if (killAfterMs !== null) setTimeout(() => child.kill('SIGKILL'), killAfterMs);
  });
  await new Promise((r) => child.on('exit', r));
  if (!started && killAfterMs !== null) return [];
  // a uid printed whole is a decision the writer was told is saved
  return out.split('\n').filter((l) => /^[0-9a-f-]{36}$/.test(l));
}

const uidsIn = (db: string): Set<string> => {
  const s = ReviewStore.open(db, { readonly: true });
  const u = new Set(s.history().map((d) => d.uid));
  s.close();
  return u;
};

async function killTrials(): Promise<void> {
  const runs = QUICK ? 6 : 30;
  let stake = 0; let lost = 0; let failed = 0;
  for (let i = 0; i < runs; i++) {
    const db = join(dir(), 'r.sqlite');
    const acked = await runWriter(db, 'kim', 100000, 30 + Math.random() * 400);
    stake += acked.length;
    try {
      const have = uidsIn(db);
      lost += acked.filter((u) => !have.has(u)).length;
    } catch (e) { failed++; log(`kill: cannot read store after kill: ${(e as Error).message}`); }
  }
  results.push({ trial: 'kill -9 during writes', runs, atStake: stake, lost, failed, note: 'decisions acknowledged before the kill' });
}

async function concurrentTrials(): Promise<void> {
  const runs = QUICK ? 1 : 3; const writers = 8; const each = QUICK ? 100 : 300;
  let stake = 0; let lost = 0; let failed = 0;
  for (let i = 0; i < runs; i++) {
    const db = join(dir(), 'r.sqlite');
    ReviewStore.open(db).close();
    const all = await Promise.all(Array.from({ length: writers }, (_, w) => runWriter(db, `r${w}`, each, null)));
    const acked = all.flat();
    stake += writers * each;
    const have = uidsIn(db);
    lost += writers * each - acked.filter((u) => have.has(u)).length;
    if (have.size !== acked.length) failed++;
  }
  results.push({ trial: `${writers} concurrent writers`, runs, atStake: stake, lost, failed, note: `${each} decisions each; extra or missing rows fail the run` });
}

/** Bursts: look-alike decisions in one millisecond, merged alone, twice, and across stores in either order. */
function mergeTrials(): void {
  const runs = QUICK ? 10 : 60;
  let stake = 0; let lost = 0; let failed = 0;
  const statuses: Status[] = ['verified', 'disputed', 'needs_evidence'];
  for (let i = 0; i < runs; i++) {
    const d = dir();
    const a = join(d, 'a.sqlite'); const b = join(d, 'b.sqlite');
    const want = new Map<string, Status>();
    let rows = 0;
    const sa = ReviewStore.open(a); const sb = ReviewStore.open(b);
    const t0 = Date.UTC(2026, 2, 1, 10);
    for (let k = 0; k < 40; k++) {
      // store a holds the first half of the session, store b (another laptop) the second
      const s = k < 20 ? sa : sb;
      const claim = `c${Math.floor(Math.random() * 4)}`;
      const status = pick(statuses);
      // 8 keys per millisecond; the second store's session begins a second after the first's
      const at = new Date(t0 + (k < 20 ? 0 : 1000) + Math.floor(k / 8)).toISOString();
      s.record({ ...base, claimId: claim, status, reviewer: 'alice', at });
      want.set(claim, status);
      rows++;
    }
    sa.close(); sb.close();
    stake += rows;
    const check = (out: string): void => {
      const s = ReviewStore.open(out, { readonly: true });
      const n = s.count();
      const latest = new Map(s.latest().map((x) => [x.claimId, x.status]));
      s.close();
      lost += Math.max(0, rows - n);
      if (n !== rows || [...want].some(([c, st]) => latest.get(c) !== st)) failed++;
    };
    for (const order of [[a, b], [b, a], [a, b, a, b]]) {
      const out = join(d, `panel${order.length}${order[0] === a ? 'ab' : 'ba'}.sqlite`);
      const r = shiji(['merge', ...order, '-o', out]);
      if (r.status !== 0) { failed++; log(`merge: ${r.stderr}`); continue; }
      check(out);
    }
    // merged again into an existing panel: nothing doubled
    const again = join(d, 'panel2ab.sqlite');
    shiji(['merge', a, b, '-o', again]);
    check(again);
  }
  results.push({ trial: 'merge bursts', runs, atStake: stake, lost, failed, note: '40 decisions, 8 a millisecond, in 2 stores one after the other, 4 merge orders; latest must be the last made' });
}

/** The real UI, keys sent faster than the clock ticks; the store merged alone. */
async function uiBurstTrials(): Promise<void> {
  if (spawnSync('script', ['--version']).status !== 0) { results.push({ trial: 'UI key bursts', runs: 0, atStake: 0, lost: 0, failed: 0, note: 'skipped: no util-linux script for a terminal' }); return; }
  const runs = QUICK ? 1 : 3;
  let stake = 0; let lost = 0; let failed = 0;
  for (let i = 0; i < runs; i++) {
    const d = dir();
    const db = join(d, 'ui.sqlite');
    const cmd = `${process.execPath} ${CLI} review ${NOTICE} --db ${db} --reviewer kim --no-cache`;
    const child = spawn('script', ['-qfec', cmd, '/dev/null'], { stdio: ['pipe', 'pipe', 'ignore'], env: { ...process.env, COLUMNS: '120', LINES: '40', TERM: 'xterm-256color' } });
    let out = '';
    child.stdout.on('data', (b: Buffer) => { out += b.toString(); });
    const waitFor = async (re: RegExp): Promise<void> => { for (let k = 0; k < 200 && !re.test(out); k++) await new Promise((r) => setTimeout(r, 50)); };
    await waitFor(/reviewed/);
    // the last claim of the first nominee: every v and d of the burst lands on the same claim
    child.stdin.write('\r');
    await waitFor(/701/);
    child.stdin.write('\x1b[F'); // End
    await new Promise((r) => setTimeout(r, 200));
    const keys = `${'v'.repeat(10)}${'vd'.repeat(10)}v`;
    child.stdin.write(keys);
    await new Promise((r) => setTimeout(r, 1500));
    child.stdin.write('q');
    await new Promise((r) => { child.on('exit', r); setTimeout(() => { child.kill('SIGKILL'); r(null); }, 5000); });
    stake += keys.length;
    try {
      const s = ReviewStore.open(db, { readonly: true });
      const rows = s.history({ reviewer: 'kim' });
      const latest = s.latest({ reviewer: 'kim' });
      s.close();
      const merged = join(d, 'panel.sqlite');
      const r = shiji(['merge', db, '-o', merged]);
      const m = ReviewStore.open(merged, { readonly: true });
      const mrows = m.count();
      const mlatest = new Map(m.latest().map((x) => [x.claimId, x.status]));
      m.close();
      lost += Math.max(0, keys.length - mrows);
      const last = rows[rows.length - 1];
      if (r.status !== 0 || rows.length !== keys.length || mrows !== rows.length || !last || last.status !== 'verified'
        || latest.some((x) => mlatest.get(x.claimId) !== x.status)) { failed++; log(`ui burst: ${rows.length} rows, merged ${mrows}`); }
    } catch (e) { failed++; log(`ui burst: ${(e as Error).message}`); }
  }
  results.push({ trial: 'UI key bursts, merged alone', runs, atStake: stake, lost, failed, note: 'v×10, vd×10, v sent at once through a terminal: every key one row' });
}

const listing = (d: string): string => readdirSync(d).map((f) => `${f}:${statSync(join(d, f)).size}:${statSync(join(d, f)).mtimeMs}`).sort().join(',');

async function readOnlyTrials(): Promise<void> {
  let runs = 0; let failed = 0; let stake = 0;
  for (const live of [false, true]) {
    const d = dir();
    const db = join(d, 'alice.sqlite');
    const acked = live ? await runWriter(db, 'alice', 100000, 150) : await runWriter(db, 'alice', 200, null);
    stake += acked.length;
    for (const f of readdirSync(d)) chmodSync(join(d, f), 0o444);
    chmodSync(d, 0o555);
    const before = listing(d);
    const outDir = dir(); chmodSync(outDir, 0o777);
    for (const args of [['agreement', '--db', db], ['export', NOTICE, '--format', 'csv', '--db', db, '--no-cache'], ['merge', db, '-o', join(outDir, `m${runs}.sqlite`)]]) {
      runs++;
      const r = shiji(args, { ...asNobody });
      if (r.status !== 0 || !clean(r) || listing(d) !== before) { failed++; log(`read-only ${args[0]}: ${r.status} ${r.stderr}`); }
    }
    const merged = join(outDir, `m${runs - 1}.sqlite`);
    if (existsSync(merged)) { const have = uidsIn(merged); if (acked.some((u) => !have.has(u))) failed++; }
    chmodSync(d, 0o755);
  }
  results.push({ trial: 'read-only store, read-only folder', runs, atStake: stake, lost: 0, failed, note: `agreement, export --db, merge as an unprivileged user; clean and killed-writer stores${asNobody.uid === undefined ? ' (not root: as self)' : ''}` });
}

/** A store on a 1 MB tmpfs filled up: the writer is told, every acknowledged decision stays, the UI does not crash. */
async function diskFullTrials(): Promise<void> {
  const mnt = join(work, 'full');
  mkdirSync(mnt);
  const m = spawnSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', mnt], { encoding: 'utf8' });
  if (m.status !== 0) { results.push({ trial: 'disk full (1 MB tmpfs)', runs: 0, atStake: 0, lost: 0, failed: 0, note: `skipped: cannot mount a tmpfs (${m.stderr.trim() || 'not allowed'})` }); return; }
  let runs = 0; let stake = 0; let lost = 0; let failed = 0;
  try {
    for (let i = 0; i < (QUICK ? 2 : 5); i++) {
      runs++;
      for (const f of readdirSync(mnt)) rmSync(join(mnt, f), { recursive: true, force: true });
      const db = join(mnt, 'r.sqlite');
      // room for a store and some decisions, then nothing
      writeFileSync(join(mnt, 'filler'), Buffer.alloc(1024 * (700 + Math.floor(Math.random() * 200))));
      const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', `
        import { ReviewStore } from ${JSON.stringify(join(ROOT, 'src/review/store.ts'))};
        let s;
        try { s = ReviewStore.open(${JSON.stringify(db)}); } catch (e) { console.error('OPEN ' + e.message); process.exit(3); }
        for (let i = 0; ; i++) {
          try { const d = s.record({ docSha: 'd', docPath: 'd', claimId: 'c' + i, nominee: null, nomineeName: '', claimText: 'x', status: 'verified', note: '备注'.repeat(50), reviewer: 'kim' }); console.log(d.uid); }
          catch (e) { console.error('FULL ' + e.message.split('\\n')[0]); break; }
        }
        s.close();`], { cwd: ROOT, encoding: 'utf8', maxBuffer: 1 << 26 });
      const acked = child.stdout.split('\n').filter((l) => /^[0-9a-f-]{36}$/.test(l));
      stake += acked.length;
      if (!/FULL .*(full|disk)/i.test(child.stderr) && !/OPEN/.test(child.stderr)) { failed++; log(`disk full: writer said ${child.stderr}`); }
      if (existsSync(db)) {
        const have = uidsIn(db);
        lost += acked.filter((u) => !have.has(u)).length;
      }
      // the UI on the full disk: Enter and decisions answered on screen, no stack trace
      if (existsSync(db) && spawnSync('script', ['--version']).status === 0) {
        const cmd = `${process.execPath} ${CLI} review ${NOTICE} --db ${db} --reviewer kim --no-cache`;
        const ui = spawn('script', ['-qfec', cmd, '/dev/null'], { stdio: ['pipe', 'pipe', 'ignore'], env: { ...process.env, COLUMNS: '120', LINES: '40', TERM: 'xterm-256color' } });
        let out = '';
        ui.stdout.on('data', (b: Buffer) => { out += b.toString(); });
        const waitFor = async (re: RegExp): Promise<void> => { for (let k = 0; k < 200 && !re.test(out); k++) await new Promise((r) => setTimeout(r, 50)); };
        await waitFor(/reviewed/);
        for (const k of ['\r', 'v', 'v', 'D', '备注', '\r', 'u', '\x1b', '\x1b', '\r']) { ui.stdin.write(k); await new Promise((r) => setTimeout(r, 120)); }
        ui.stdin.write('\x1b');
        await new Promise((r) => setTimeout(r, 200));
        ui.stdin.write('q');
        await new Promise((r) => { ui.on('exit', r); setTimeout(() => { ui.kill('SIGKILL'); r(null); }, 5000); });
        runs++;
        if (/\n\s+at |ERROR|SqliteError|internal error/.test(out) || !/NOT SAVED/.test(out)) { failed++; log(`disk full UI: ${out.slice(-400)}`); }
      }
    }
  } finally {
    spawnSync('umount', [mnt]);
  }
  results.push({ trial: 'disk full (1 MB tmpfs)', runs, atStake: stake, lost, failed, note: 'writer until ENOSPC, then the UI on that disk' });
}

/** Random damage to a store: every command refuses it in one line or reads it correctly; merge leaves no partial output. */
function damageTrials(): void {
  const runs = QUICK ? 12 : 40;
  let failed = 0;
  const good = join(dir(), 'good.sqlite');
  const g = ReviewStore.open(good);
  g.record({ ...base, claimId: 'g', status: 'verified', reviewer: 'bob' });
  g.close();
  const kinds = ['empty', 'truncate', 'flip', 'zero-page', 'header'] as const;
  const counts: Record<string, number> = {};
  for (let i = 0; i < runs; i++) {
    const d = dir();
    const bad = join(d, 'bad.sqlite');
    const s = ReviewStore.open(bad);
    for (let k = 0; k < 300; k++) s.record({ ...base, claimId: `c${k}`, status: 'verified', note: '备注'.repeat(30), reviewer: 'alice' });
    s.close();
    const kind = kinds[i % kinds.length] as (typeof kinds)[number];
    counts[kind] = (counts[kind] ?? 0) + 1;
    const size = statSync(bad).size;
    const bytes = readFileSync(bad);
    if (kind === 'empty') writeFileSync(bad, '');
    else if (kind === 'truncate') truncateSync(bad, 100 + Math.floor(Math.random() * (size - 100)));
    else if (kind === 'flip') { for (let k = 0; k < 20; k++) { const at = 100 + Math.floor(Math.random() * (size - 100)); bytes[at] = (bytes[at] as number) ^ 0xff; } writeFileSync(bad, bytes); }
    else if (kind === 'zero-page') { const page = 1 + Math.floor(Math.random() * (size / 4096 - 1)); bytes.fill(0, page * 4096, page * 4096 + 4096); writeFileSync(bad, bytes); }
    else { bytes.fill(0x41, 16, 100); writeFileSync(bad, bytes); }
    const damaged = readFileSync(bad);
    const outDir = dir();
    const checks: Array<[string[], boolean]> = [
      [['review', NOTICE, '--db', bad], false],
      [['agreement', '--db', bad], false],
      [['export', NOTICE, '--format', 'json', '--db', bad], false],
      [['merge', good, bad, '-o', join(outDir, 'panel.sqlite')], true],
    ];
    for (const [args, isMerge] of checks) {
      const r = shiji(args);
      if (!clean(r) || (r.status !== 0 && r.status !== 1)) { failed++; log(`damage ${kind} ${args[0]}: ${r.status} ${r.stderr.slice(0, 300)}`); }
      if (isMerge && r.status !== 0 && readdirSync(outDir).length > 0) { failed++; log(`damage ${kind}: merge left ${readdirSync(outDir).join(' ')}`); }
    }
    if (!readFileSync(bad).equals(damaged)) { failed++; log(`damage ${kind}: the damaged input was changed`); }
  }
  results.push({ trial: 'damaged stores', runs, atStake: runs * 4, lost: 0, failed, note: `${Object.entries(counts).map(([k, n]) => `${n} ${k}`).join(', ')}; review, agreement, export, merge each` });
}

/** Huge inputs: one JSON object however large, XLSX within a memory bound, evidence rows that do not grow with the square of a sentence. */
function hugeTrials(): void {
  if (QUICK) { results.push({ trial: 'huge inputs', runs: 0, atStake: 0, lost: 0, failed: 0, note: 'skipped (SHIJI_STRESS_QUICK)' }); return; }
  const d = dir();
  const rss = (r: SpawnSyncReturns<string>): string => { const m = /Maximum resident set size \(kbytes\): (\d+)/.exec(r.stderr); return m ? `${Math.round(Number(m[1]) / 1024)} MB` : '?'; };
  const timed = (args: string[], stdoutTo?: string): SpawnSyncReturns<string> => {
    const t = existsSync('/usr/bin/time');
    const cmd = t ? '/usr/bin/time' : process.execPath;
    const argv = t ? ['-v', process.execPath, CLI, ...args] : [CLI, ...args];
    if (!stdoutTo) return spawnSync(cmd, argv, { encoding: 'utf8', maxBuffer: 1 << 20, env: { ...process.env, SHIJI_CACHE: join(work, 'cache.sqlite') } });
    return spawnSync('sh', ['-c', `"$0" "$@" > ${JSON.stringify(stdoutTo)}`, cmd, ...argv], { encoding: 'utf8', env: { ...process.env, SHIJI_CACHE: join(work, 'cache.sqlite') } });
  };
  const pyValid = (file: string): string => spawnSync('python3', ['-c', 'import json,sys; d=json.load(open(sys.argv[1])); print(len(d["documents"]), sum(len(x["claims"]) for x in d["documents"]))', file], { encoding: 'utf8' }).stdout.trim();
  let runs = 0; let failed = 0; const notes: string[] = [];

  // 1. a 19 MB file dense with claims: its --json is over V8's longest string (~512 MB)
  const dense = join(d, 'dense.txt');
  writeFileSync(dense, `关于某某的事迹\n${Array.from({ length: 230000 }, (_, i) => `全市化解信访积案${i + 1}件，接待群众${i + 3}人次，投资${i + 5}万元。`).join('\n')}\n`);
  runs++;
  let out = join(d, 'dense.json');
  let r = timed(['extract', dense, '--json', '--no-cache'], out);
  const denseOk = r.status === 0 && /^1 \d+$/.test(pyValid(out));
  if (!denseOk) failed++;
  notes.push(`dense 19 MB --json: ${(statSync(out).size / 1e6).toFixed(0)} MB of JSON, ${denseOk ? 'valid' : 'INVALID'}, ${rss(r)}`);
  rmSync(out, { force: true });

  // 2. a 45 MB file (the notice, repeated): --json and --format xlsx
  const big = join(d, 'big45.txt');
  const notice = readFileSync(NOTICE);
  writeFileSync(big, Buffer.concat(Array.from({ length: Math.ceil((45 * 1048576) / notice.length) }, () => notice)));
  runs++;
  out = join(d, 'big.json');
  r = timed(['extract', big, '--json'], out);
  const bigOk = r.status === 0 && /^1 \d+$/.test(pyValid(out));
  if (!bigOk) failed++;
  notes.push(`45 MB --json: ${bigOk ? 'valid' : 'INVALID'}, ${rss(r)}`);
  rmSync(out, { force: true });
  runs++;
  r = timed(['export', big, '--format', 'xlsx', '--out', join(d, 'big.xlsx')]);
  const xOk = r.status === 0 && existsSync(join(d, 'big.xlsx'));
  if (!xOk && !(r.status === 1 && clean(r))) failed++;
  notes.push(`45 MB xlsx: ${xOk ? `${(statSync(join(d, 'big.xlsx')).size / 1e6).toFixed(0)} MB` : `refused: ${r.stderr.trim().split('\n').pop()}`}, ${rss(r)}`);

  // 3. a 500 KB file on one line: the claims CSV stays in proportion (SHIJI_STRESS_LINE_KB for another size)
  const line = join(d, 'one-line.txt');
  const lineKb = Number(process.env['SHIJI_STRESS_LINE_KB'] ?? 500);
  let text = '某某先进事迹\n';
  for (let i = 0; Buffer.byteLength(text) < lineKb * 1000; i++) text += `化解信访积案${i + 1}件，接待群众${i + 2}人次，`;
  writeFileSync(line, `${text}\n`);
  runs++;
  r = timed(['export', line, '--format', 'csv', '--out', join(d, 'one-line.csv'), '--no-cache']);
  const claimsCsv = join(d, 'one-line.claims.csv');
  const lineOk = r.status === 0 && existsSync(claimsCsv) && statSync(claimsCsv).size < 100 * lineKb * 1000;
  if (!lineOk) failed++;
  notes.push(`${lineKb} KB one line: claims CSV ${existsSync(claimsCsv) ? `${(statSync(claimsCsv).size / 1e6).toFixed(1)} MB` : 'missing'}, ${rss(r)}`);

  // 4. a folder of 22,100 short write-ups
  const many = join(d, 'many');
  mkdirSync(many);
  for (let i = 0; i < 22100; i++) {
    if (i % 1000 === 0) mkdirSync(join(many, String(i / 1000)));
    writeFileSync(join(many, String(Math.floor(i / 1000)), `${i}.txt`), `张${i}同志先进事迹\n近三年来，张${i}同志化解信访积案${i % 97 + 1}件，接待群众${i % 13 + 2}00余人次，追回欠薪${i % 7 + 1}万元。\n`);
  }
  runs++;
  out = join(d, 'many.json');
  r = timed(['extract', many, '--json', '--no-cache'], out);
  const manyRes = pyValid(out);
  const manyOk = r.status === 0 && manyRes.startsWith('22100 ');
  if (!manyOk) failed++;
  notes.push(`22,100 files --json: ${manyOk ? 'valid' : `INVALID (${manyRes})`}, ${rss(r)}`);
  rmSync(out, { force: true });
  results.push({ trial: 'huge inputs', runs, atStake: runs, lost: 0, failed, note: notes.join('; ') });
}

async function main(): Promise<void> {
  const started = Date.now();
  const steps: Array<[string, () => Promise<void> | void]> = [
    ['kill -9 during writes', killTrials], ['concurrent writers', concurrentTrials], ['merge bursts', mergeTrials], ['UI bursts', uiBurstTrials],
    ['read-only', readOnlyTrials], ['disk full', diskFullTrials], ['damaged stores', damageTrials], ['huge inputs', hugeTrials],
  ];
  for (const [name, fn] of steps) {
    const t = Date.now();
    log(`… ${name}`);
    await fn();
    log(`  ${((Date.now() - t) / 1000).toFixed(1)} s`);
  }
  const w = [36, 6, 10, 6, 8];
  const row = (c: string[]): string => c.map((x, i) => (i < w.length ? x.padEnd(w[i] as number) : x)).join('');
  const lines = [row(['trial', 'runs', 'at stake', 'lost', 'failed', 'notes']), row(['-'.repeat(35), '----', '--------', '----', '------', '-----'])];
  for (const r of results) lines.push(row([r.trial, String(r.runs), String(r.atStake), String(r.lost), String(r.failed), r.note]));
  const lostAll = results.reduce((a, r) => a + r.lost, 0); const failedAll = results.reduce((a, r) => a + r.failed, 0);
  lines.push('', `${lostAll} lost, ${failedAll} failed runs, ${((Date.now() - started) / 1000).toFixed(0)} s`);
  process.stdout.write(`${lines.join('\n')}\n`);
  rmSync(work, { recursive: true, force: true });
  process.exitCode = lostAll + failedAll > 0 ? 1 : 0;
}

await main();

/**
 * The layout as the README promises it: stages that import only what runs before them (no import
 * cycle in src/), an entry point that reads as its stages, and no function too long to read in one
 * go (the UI reducer's exhaustive switch excepted).
 */
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSync } from 'oxc-parser';

const files = (dir: string): string[] => readdirSync(dir).flatMap((f) => {
  const p = join(dir, f);
  return statSync(p).isDirectory() ? files(p) : /\.tsx?$/.test(f) && !f.endsWith('.d.ts') ? [p] : [];
});
const SRC = files('src');
const MAX_LINES = 120;

function importsOf(path: string): string[] {
  const code = readFileSync(path, 'utf8');
  const out: string[] = [];
  for (const m of code.matchAll(/(?:import|export)\s[^'";]*?from\s+'(\.[^']+)'/g)) {
    const base = normalize(join(dirname(path), m[1] as string)).replace(/\.js$/, '');
    const hit = [`${base}.ts`, `${base}.tsx`].find((f) => SRC.includes(f));
    if (hit) out.push(hit);
  }
  return out;
}

/** Every cycle of the import graph, each as the list of files it runs through. */
function cycles(): string[][] {
  const graph = new Map(SRC.map((f) => [f, importsOf(f)]));
  const state = new Map<string, 1 | 2>();
  const stack: string[] = [];
  const found: string[][] = [];
  const visit = (u: string): void => {
    state.set(u, 1);
    stack.push(u);
    for (const v of graph.get(u) ?? []) {
      if (state.get(v) === 1) found.push([...stack.slice(stack.indexOf(v)), v]);
      else if (!state.has(v)) visit(v);
    }
    stack.pop();
    state.set(u, 2);
  };
  for (const f of SRC) if (!state.has(f)) visit(f);
  return found;
}

/** Functions longer than MAX_LINES, as "file:line name lines". */
function longFunctions(paths: readonly string[] = SRC): string[] {
  const out: string[] = [];
  for (const f of paths) {
    const code = readFileSync(f, 'utf8');
    const { program, errors } = parseSync(f, code);
    expect(errors, f).toEqual([]);
    const lineOf = (i: number): number => code.slice(0, i).split('\n').length;
    const visit = (n: unknown, name: string | undefined): void => {
      if (n === null || typeof n !== 'object') return;
      if (Array.isArray(n)) { for (const x of n) visit(x, name); return; }
      const node = n as { type?: string; start?: number; end?: number; id?: { name?: string }; body?: unknown };
      const own = node.id?.name ?? name;
      if (/Function/.test(node.type ?? '') && node.body && node.start !== undefined && node.end !== undefined) {
        const lines = lineOf(node.end) - lineOf(node.start) + 1;
        if (lines > MAX_LINES) out.push(`${f}:${lineOf(node.start)} ${own ?? '(anonymous)'} ${lines}`);
      }
      for (const [k, v] of Object.entries(node)) if (k !== 'type') visit(v, node.type === 'VariableDeclarator' ? node.id?.name : own);
    };
    visit(program, undefined);
  }
  return out;
}

describe('architecture', () => {
  it('src/ has no import cycle', () => {
    expect(cycles().map((c) => c.join(' -> '))).toEqual([]);
  });

  it(`no function is over ${MAX_LINES} lines, outside the UI reducer's exhaustive switch`, () => {
    expect(longFunctions().filter((l) => !l.startsWith(normalize('src/ui/state.ts')))).toEqual([]);
  });

  it('the entry point reads as its stages: analyse.ts is under 120 lines', () => {
    expect(readFileSync('src/analyse.ts', 'utf8').split('\n').length).toBeLessThan(120);
  });

  it('the detectors see what they look for, so that a blind one cannot pass', () => {
    expect(importsOf('src/analyse.ts')).toContain(normalize('src/types.ts'));
    const dir = mkdtempSync(join(tmpdir(), 'shiji-arch-'));
    const long = join(dir, 'long.ts');
    writeFileSync(long, `export function long(): number {\n${'  let x = 1;\n'.repeat(MAX_LINES)}  return 0;\n}\nexport const short = (): number => 1;\n`);
    expect(longFunctions([long])).toEqual([`${long}:1 long ${MAX_LINES + 3}`]);
  });
});

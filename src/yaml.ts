/**
 * YAML through a snapshot. `npm run build` parses every YAML file under dictionaries/ once and
 * keeps each result as JSON under the SHA-256 of the file's text (dist/yaml-snapshot.json).
 * `parseYaml` answers a text with that hash from the snapshot, which is several times faster
 * than parsing YAML and spares loading the yaml package at all; any other text (a changed
 * table, a --criteria file) is parsed by yaml as before. A snapshot entry is only written for a
 * result that JSON represents exactly, so both ways give equal values.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { DERIVED_DIR } from './derived.js';
import { isDeepStrictEqual } from 'node:util';

export const YAML_SNAPSHOT_PATH = join(DERIVED_DIR, 'yaml-snapshot.json');

let snapshot: Readonly<Record<string, string>> | undefined;
function entries(): Readonly<Record<string, string>> {
  if (snapshot === undefined) {
    try { snapshot = JSON.parse(readFileSync(YAML_SNAPSHOT_PATH, 'utf8')) as Record<string, string>; } catch { snapshot = {}; }
  }
  return snapshot;
}

export const yamlKey = (text: string): string => createHash('sha256').update(text).digest('hex');

let yaml: { parse: (text: string) => unknown } | undefined;
/** The yaml package's parse, loaded on first use. */
export function parseWithYaml(text: string): unknown {
  yaml ??= createRequire(import.meta.url)('yaml') as { parse: (text: string) => unknown };
  return yaml.parse(text);
}

/** The value of a YAML text (fresh objects every call); throws what yaml throws on bad YAML. */
export function parseYaml(text: string): unknown {
  const hit = entries()[yamlKey(text)];
  return hit !== undefined ? JSON.parse(hit) as unknown : parseWithYaml(text);
}

/** Forgets the snapshot read so far (after the build writes a new one). */
export function resetYamlSnapshot(): void { snapshot = undefined; }

/** Snapshot entries for YAML files: those whose value JSON represents exactly. */
export function yamlSnapshot(files: readonly string[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of files) {
    const text = readFileSync(f, 'utf8');
    const value = parseWithYaml(text);
    const json = JSON.stringify(value);
    if (json !== undefined && isDeepStrictEqual(JSON.parse(json), value)) out[yamlKey(text)] = json;
  }
  return out;
}

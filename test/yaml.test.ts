import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_DICTIONARY_DIR } from '../src/dictionaries.js';
import { parseWithYaml, parseYaml, resetYamlSnapshot, yamlKey, YAML_SNAPSHOT_PATH } from '../src/yaml.js';

const files = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(join(dir, e.name)) : /\.ya?ml$/.test(e.name) ? [join(dir, e.name)] : []));

describe('YAML through the snapshot', () => {
  resetYamlSnapshot();
  const tables = files(DEFAULT_DICTIONARY_DIR).map((f) => readFileSync(f, 'utf8'));

  it('holds every table under dictionaries/ as the build left them (npm test builds first)', () => {
    const snapshot = JSON.parse(readFileSync(YAML_SNAPSHOT_PATH, 'utf8')) as Record<string, string>;
    expect(tables.length).toBeGreaterThan(10);
    expect(tables.filter((t) => snapshot[yamlKey(t)] === undefined)).toEqual([]);
  });

  it('gives the values yaml gives, as fresh objects, and parses any other text with yaml', () => {
    for (const t of tables) expect(parseYaml(t)).toEqual(parseWithYaml(t));
    const a = parseYaml(tables[0] as string) as Record<string, unknown>;
    a['changed'] = true;
    expect(parseYaml(tables[0] as string)).not.toHaveProperty('changed');
    expect(parseYaml('- a\n- b: 1\n')).toEqual(['a', { b: 1 }]);
    expect(() => parseYaml('a: [1,')).toThrow();
  });
});

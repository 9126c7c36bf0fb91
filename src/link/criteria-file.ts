/** Reads a criteria set for `--criteria`: a YAML list of {id, group, text}, or a notice. */
import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import { parseYaml } from '../yaml.js';
import { ShijiError } from '../errors.js';
import type { LinkCriterion } from './criteria.js';

export interface CriteriaSet { readonly source: string; readonly criteria: readonly LinkCriterion[] }

/** Parses YAML criteria; returns the problems found, empty when usable. */
export function parseCriteriaYaml(text: string, source: string): CriteriaSet {
  let raw: unknown;
  try { raw = parseYaml(text); } catch (e) {
    throw new ShijiError('usage', `not valid YAML (${(e as Error).message.split('\n')[0]})`, source);
  }
  const list = Array.isArray(raw) ? raw : (raw as { criteria?: unknown } | null)?.criteria;
  if (!Array.isArray(list) || list.length === 0) throw new ShijiError('usage', 'expected a list of {id, group, text}', source);
  const seen = new Set<string>();
  const criteria = list.map((c: unknown, i: number): LinkCriterion => {
    const o = c as Record<string, unknown>;
    if (typeof o?.['id'] !== 'string' || typeof o['text'] !== 'string' || (o['group'] !== 'collective' && o['group'] !== 'individual')) {
      throw new ShijiError('usage', `entry ${i + 1} needs id, text and group (collective | individual)`, source);
    }
    if (seen.has(o['id'])) throw new ShijiError('usage', `criterion id "${o['id']}" appears twice`, source);
    seen.add(o['id']);
    return { id: o['id'], group: o['group'], text: o['text'] };
  });
  return { source, criteria };
}

/** Loads a criteria file; a notice is analysed by the caller-provided function. */
export function loadCriteriaFile(path: string, fromNotice: (bytes: Uint8Array, path: string) => readonly LinkCriterion[]): CriteriaSet {
  let bytes: Buffer;
  try { bytes = readFileSync(path); } catch {
    throw new ShijiError('missing', 'criteria file not found', path);
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.yaml' || ext === '.yml') return parseCriteriaYaml(bytes.toString('utf8'), path);
  const criteria = fromNotice(bytes, path);
  if (criteria.length === 0) throw new ShijiError('usage', 'no selection criteria (评选条件) found in this file', path);
  return { source: path, criteria };
}

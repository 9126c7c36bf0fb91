import { describe, expect, it } from 'vitest';
import { AnalysisCache, analyseFileCached, readCriteriaFile, collectInputs, analyseFileAsync, analyseText, sha256 } from '../src/index.js';
import { encodeAnalysis, decodeAnalysis } from '../src/cache.js';
import { tmpDb, NOTICE } from './helpers/review.js';
import { writeFileSync, readFileSync, mkdtempSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { cacheKey } from '../src/corpus.js';
import { loadDictionaries } from '../src/dictionaries.js';

describe('analysis cache', () => {
  it('serves unchanged content without analysing it again, and misses on other criteria', () => {
    const cache = AnalysisCache.open(tmpDb('cache.sqlite'));
    expect(cache).not.toBeNull();
    const first = analyseFileCached(NOTICE, {}, cache);
    const second = analyseFileCached(NOTICE, {}, cache);
    expect('doc' in first && first.doc.cached).toBe(false);
    expect('doc' in second && second.doc.cached).toBe(true);
    if ('doc' in first && 'doc' in second) {
      expect(second.doc.result).toEqual(first.doc.result);
      expect(second.doc.text).toBe(first.doc.text);
    }
    const other = analyseFileCached(NOTICE, { criteria: readCriteriaFile('dictionaries/criteria/xinfang-national-2017.yaml') }, cache);
    expect('doc' in other && other.doc.cached).toBe(false);
    expect(cache?.hits).toBe(1);
    cache?.close();
  });

  it('stores every corpus document so that it reads back byte for byte as the same JSON', async () => {
    let claims = 0;
    for (const f of collectInputs(['corpus', 'test/fixtures/formats']).files) {
      const r = await analyseFileAsync(f.path);
      if (!('analysis' in r)) throw new Error(`${f.path} did not analyse`);
      const value = { result: r.analysis.result, text: r.analysis.text };
      const stored = encodeAnalysis(value);
      expect(JSON.stringify(decodeAnalysis(stored)), f.path).toBe(JSON.stringify(value));
      if (r.analysis.result.claims.length > 20) expect(stored.length, f.path).toBeLessThan(Buffer.byteLength(JSON.stringify(value)) * 0.7);
      claims += r.analysis.result.claims.length;
    }
    expect(claims).toBeGreaterThan(400);
    // any code unit survives, NUL and a lone surrogate included: pieces are cut by length
    const text = `一\u0000二\ud800三 5 件`;
    const doc = analyseText(text, { path: 'odd.txt', sha256: sha256(text), encoding: 'utf-8', bom: false });
    const odd = { result: doc.result, text: doc.text };
    expect(decodeAnalysis(encodeAnalysis(odd))).toEqual(odd);
  });

  it('drops rows of other versions when opened, older layouts included, and keeps its own', () => {
    const path = tmpDb('purge.sqlite');
    const cache = AnalysisCache.open(path);
    analyseFileCached(NOTICE, {}, cache);
    cache?.close();
    const db = new Database(path);
    db.prepare('INSERT INTO analyses (key, value, at, version) VALUES (?, ?, ?, ?)').run('k-old', Buffer.from('x'), 'then', 'an older shiji');
    db.close();
    const again = AnalysisCache.open(path);
    expect(again?.purged).toBe(1);
    expect('doc' in analyseFileCached(NOTICE, {}, again) && again?.hits).toBe(1);
    again?.close();
    // a cache from before rows carried their version: opened, migrated, emptied
    const old = tmpDb('old-layout.sqlite');
    const o = new Database(old);
    o.exec('CREATE TABLE analyses (key TEXT PRIMARY KEY, value TEXT NOT NULL, at TEXT NOT NULL)');
    o.prepare('INSERT INTO analyses VALUES (?, ?, ?)').run('k', '{}', 'then');
    o.close();
    const migrated = AnalysisCache.open(old);
    expect(migrated?.purged).toBe(1);
    expect('doc' in analyseFileCached(NOTICE, {}, migrated) && migrated?.hits).toBe(0);
    expect('doc' in analyseFileCached(NOTICE, {}, migrated) && migrated?.hits).toBe(1);
    migrated?.close();
  });

  it('keys an analysis with other dictionaries apart from one with the bundled ones', () => {
    const bytes = readFileSync(NOTICE);
    const bundled = cacheKey(bytes, {});
    const same = mkdtempSync(join(tmpdir(), 'shiji-dicts-'));
    cpSync('dictionaries', same, { recursive: true });
    expect(cacheKey(bytes, { dicts: loadDictionaries(same) })).toBe(bundled); // same contents, same analysis
    const changed = mkdtempSync(join(tmpdir(), 'shiji-dicts-'));
    cpSync('dictionaries', changed, { recursive: true });
    writeFileSync(join(changed, 'hedges.yaml'), `${readFileSync(join(changed, 'hedges.yaml'), 'utf8')}\n# changed\n`);
    expect(cacheKey(bytes, { dicts: loadDictionaries(changed) })).not.toBe(bundled);
  });

  it('is not used when it cannot be opened', () => {
    const notDb = tmpDb('x.sqlite');
    writeFileSync(notDb, 'not a database at all, just text that is long enough to be read as a header');
    expect(AnalysisCache.open(notDb)).toBeNull();
    const r = analyseFileCached(NOTICE, {}, null);
    expect('doc' in r && r.doc.cached).toBe(false);
  });
});

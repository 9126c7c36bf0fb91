import { analyseText, sha256, type Claim } from '../../src/index.js';

/** Analyses a snippet as a standalone write-up and returns its claims. */
export function claimsOf(text: string): Claim[] {
  return [...analyseText(text, { path: 'snippet.txt', sha256: sha256(text), encoding: 'utf-8', bom: false }).result.claims];
}

export function brief(c: Claim): string {
  return `${c.text}|${c.value}|${c.approx}|${c.unit}|${c.category}`;
}

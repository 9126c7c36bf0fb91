/** shiji review: the review UI in a terminal, a plain summary otherwise; --chair for the chair's adjudication. */
import { userInfo } from 'node:os';
import { ReviewStore } from '../review/store.js';
import { panelRule } from '../review/panel.js';

import { fail, parse, analyseOptions, loadDocuments } from './shared.js';
import { ruleOption } from './panel.js';

/** A name given on the command line: not empty, no control characters. */
function nameOption(values: Record<string, string | boolean | undefined>, flag: 'reviewer' | 'chair'): string | undefined {
  const given = values[flag] as string | undefined;
  if (given !== undefined && (given.trim() === '' || /[\u0000-\u001f\u007f]/.test(given))) fail(`--${flag} needs a name (not empty, no control characters)`, 2);
  return given;
}

/** The review UI's modules. */
function loadUi(): Promise<[typeof import('../ui/run.js'), typeof import('../ui/state.js')]> {
  // Both ends are a terminal, so a person is at the keyboard. Ink renders only the final frame
  // when it believes it runs under CI (CI or CONTINUOUS_INTEGRATION set), which would leave the
  // reviewer looking at a blank screen; it reads those variables once, when it is first loaded.
  delete process.env['CI'];
  delete process.env['CONTINUOUS_INTEGRATION'];
  // React runs its production build (no development checks: faster to load and to render):
  // the bundle fixes process.env.NODE_ENV to "production" (scripts/bundle.mjs).
  // Yoga's loader (inside Ink) reads its WebAssembly, inlined as a data: URL, through fetch when
  // there is one, which costs the loading of Node's fetch (undici, some 20 ms) for a decoding
  // it does itself without: hide fetch while the modules load, then put it back.
  const fetchProperty = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
  if (fetchProperty?.configurable === true) Object.defineProperty(globalThis, 'fetch', { value: undefined, configurable: true, writable: true });
  const loaded = Promise.all([import('../ui/run.js'), import('../ui/state.js')] as const);
  const restore = (): void => { if (fetchProperty?.configurable === true) Object.defineProperty(globalThis, 'fetch', fetchProperty); };
  return loaded.then((m) => { restore(); return m; }, (e: unknown) => { restore(); throw e; });
}

export async function runReview(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, {
    db: { type: 'string' }, reviewer: { type: 'string' }, chair: { type: 'string' }, consensus: { type: 'string' }, criteria: { type: 'string' }, 'no-cache': { type: 'boolean' },
  });
  const given = nameOption(values, 'reviewer');
  const chair = nameOption(values, 'chair');
  if (chair !== undefined && given !== undefined) fail('give --reviewer (a member reviewing) or --chair (the chair adjudicating), not both', 2);
  const override = ruleOption(values);
  if (override !== undefined && chair === undefined) fail('--consensus goes with --chair (a member reviews without a rule)', 2);
  const opts = await analyseOptions(values);
  const terminal = process.stdin.isTTY === true && process.stdout.isTTY === true;
  // In a terminal the UI's modules (Ink, React, Yoga's WebAssembly) start loading now, beside
  // the reading of the documents, not after it: the first frame comes that much sooner.
  const ui = terminal ? loadUi() : null;
  ui?.catch(() => undefined); // a failure shows where the UI is awaited, below
  const { docs, failed } = await loadDocuments(positionals.length > 0 ? positionals : ['corpus'], opts, values['no-cache'] !== true);
  if (docs.length === 0) fail('nothing to review: no input could be analysed', 1);
  const reviewer = chair ?? given ?? (userInfo().username || 'reviewer');
  const store = ReviewStore.open((values['db'] as string | undefined) ?? 'shiji-review.sqlite', { fallbackReadonly: true });
  try {
    // chair mode: the model holds only the claims in disagreement under the rule
    const chairModel = chair === undefined ? undefined : async (m: import('../ui/state.js').ReviewModel) => (await import('../ui/chair.js')).chairModel(m, store.latest(), override ?? panelRule(store), chair);
    if (!ui) {
      const { reviewSummary, chairSummary } = await import('../ui/summary.js');
      if (chairModel) process.stdout.write(chairSummary(await chairModel((await import('../ui/state.js')).buildModel(docs)), store));
      else process.stdout.write(reviewSummary(docs, store, reviewer));
      return failed > 0 ? 1 : 0;
    }
    const [{ runReviewUi }, { buildModel }] = await ui;
    const model = chairModel ? await chairModel(buildModel(docs)) : buildModel(docs);
    const ok = await runReviewUi(model, store, reviewer);
    return failed > 0 || !ok ? 1 : 0;
  } finally {
    store.close();
  }
}

/** shiji review: the review UI in a terminal, a plain summary otherwise. */
import { userInfo } from 'node:os';
import { ReviewStore } from '../review/store.js';

import { fail, parse, analyseOptions, loadDocuments } from './shared.js';

export async function runReview(argv: string[]): Promise<number> {
  const { values, positionals } = parse(argv, { db: { type: 'string' }, reviewer: { type: 'string' }, criteria: { type: 'string' }, 'no-cache': { type: 'boolean' } });
  const given = values['reviewer'] as string | undefined;
  if (given !== undefined && (given.trim() === '' || /[\u0000-\u001f\u007f]/.test(given))) fail('--reviewer needs a name (not empty, no control characters)', 2);
  const opts = analyseOptions(values);
  const { docs, failed } = await loadDocuments(positionals.length > 0 ? positionals : ['corpus'], opts, values['no-cache'] !== true);
  if (docs.length === 0) fail('nothing to review: no input could be analysed', 1);
  const reviewer = (values['reviewer'] as string | undefined) ?? (userInfo().username || 'reviewer');
  const store = ReviewStore.open((values['db'] as string | undefined) ?? 'shiji-review.sqlite', { fallbackReadonly: true });
  try {
    if (!process.stdin.isTTY || !process.stdout.isTTY) {
      const { reviewSummary } = await import('../ui/summary.js');
      process.stdout.write(reviewSummary(docs, store, reviewer));
      return failed > 0 ? 1 : 0;
    }
    // Both ends are a terminal, so a person is at the keyboard. Ink renders only the final frame
    // when it believes it runs under CI (CI or CONTINUOUS_INTEGRATION set), which would leave the
    // reviewer looking at a blank screen; it reads those variables once, when it is first loaded.
    delete process.env['CI'];
    delete process.env['CONTINUOUS_INTEGRATION'];
    // React picks its production build (no development checks: faster to load and to render)
    // unless told otherwise; it reads this when first loaded, just below.
    process.env['NODE_ENV'] ??= 'production';
    const [{ runReviewUi }, { buildModel }] = await Promise.all([import('../ui/run.js'), import('../ui/state.js')]);
    const ok = await runReviewUi(buildModel(docs), store, reviewer);
    return failed > 0 || !ok ? 1 : 0;
  } finally {
    store.close();
  }
}


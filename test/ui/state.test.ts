import { describe, expect, it } from 'vitest';
import { buildModel, initialState, reduce, claimRows, selectedClaim, rowsToClaims, visibleNominees, progress, orphans, type State } from '../../src/ui/state.js';
import { analyseText, sha256, type Decision } from '../../src/index.js';
import { noticeDoc } from '../helpers/review.js';

const doc = noticeDoc();
const model = buildModel([doc]);
const sha = doc.result.sha256;
const start = (): State => initialState(model, [], [], null);
const run = (s: State, ...actions: Parameters<typeof reduce>[2][]): State => actions.reduce((acc, a) => reduce(model, acc, a), s);
let nextId = 1;
function decision(claimId: string, status: Decision['status'], reviewer = 'alice', note = ''): Decision {
  const id = nextId++;
  return { id, uid: `u${id}`, seq: id, docSha: sha, docPath: doc.result.path, claimId, nominee: null, nomineeName: '', claimText: '', status, note, reviewer, at: new Date().toISOString(), undoOf: null, role: 'member' };
}

describe('review reducer', () => {
  it('lists nominees and opens one', () => {
    expect(model.nominees.map((n) => n.name)).toEqual(['阳泉市信访局', '晋中市榆次区信访局', '大同市信访局接待科', '周方志', '张格平', '王连成']);
    let s = run(start(), { type: 'move', delta: 1 }, { type: 'move', delta: 10 });
    expect(s.nomineeCursor).toBe(5);
    s = run(s, { type: 'move', delta: -3 }, { type: 'open' });
    expect(s.screen).toBe('claims');
    expect(selectedClaim(model, s)?.nominee).toBe('n3');
    expect(run(s, { type: 'back' }).screen).toBe('nominees');
  });

  it('groups claims by criterion or by section', () => {
    const s = run(start(), { type: 'open' });
    const byCriterion = claimRows(model, s).filter((r) => r.kind === 'group').map((r) => (r.kind === 'group' ? r.label : ''));
    expect(byCriterion).toEqual(['collective-3', 'collective-4']);
    const t = run(s, { type: 'toggleGroup' });
    expect(claimRows(model, t).filter((r) => r.kind === 'group').length).toBe(2);
    expect(t.groupBy).toBe('section');
  });

  it('a decision advances to the next unreviewed claim, wrapping around', () => {
    let s = run(start(), { type: 'open' });
    const claims = rowsToClaims(claimRows(model, s)).map((r) => (r.kind === 'claim' ? r.claim.id : ''));
    s = run(s, { type: 'recorded', decision: decision(claims[0] as string, 'verified'), advance: true });
    expect(s.claimCursor).toBe(1);
    s = run(s, { type: 'move', delta: 5 }, { type: 'recorded', decision: decision(claims[6] as string, 'disputed'), advance: true });
    expect(s.claimCursor).toBe(7);
    s = run(s, { type: 'jump', to: 'last' }, { type: 'recorded', decision: decision(claims[claims.length - 1] as string, 'verified'), advance: true });
    expect(s.claimCursor).toBe(1); // wrapped to the first unreviewed
    expect(progress(model, s, model.nominees[0]!)).toMatchObject({ reviewed: 3, disputed: 1, total: claims.length });
  });

  it('filters by category and status, and searches', () => {
    let s = run(start(), { type: 'open' });
    const all = rowsToClaims(claimRows(model, s)).length;
    s = run(s, { type: 'cycleCategory' });
    expect(s.category).toBe('cases_resolved');
    expect(rowsToClaims(claimRows(model, s)).length).toBe(1);
    s = run(s, { type: 'clearFilters' }, { type: 'cycleStatus' });
    expect(s.status).toBe('unreviewed');
    expect(rowsToClaims(claimRows(model, s)).length).toBe(all);
    s = run(s, { type: 'clearFilters' }, { type: 'searchStart' }, { type: 'searchInput', text: '积案' }, { type: 'searchEnd', keep: true });
    expect(rowsToClaims(claimRows(model, s)).map((r) => (r.kind === 'claim' ? r.claim.text : ''))).toEqual(['701 件']);
    s = run(s, { type: 'back' });
    expect(visibleNominees(model, s).length).toBe(model.nominees.length);
  });

  it('takes a note, cancels one, and puts the cursor back on undo', () => {
    let s = run(start(), { type: 'open' }, { type: 'noteStart', status: 'disputed' }, { type: 'noteInput', text: '与原文不符' });
    expect(s.note).toEqual({ text: '与原文不符', status: 'disputed' });
    expect(run(s, { type: 'noteCancel' }).note).toBeNull();
    const id = selectedClaim(model, s)?.id as string;
    s = run(s, { type: 'recorded', decision: decision(id, 'disputed', 'alice', '与原文不符'), advance: true });
    expect(s.claimCursor).toBe(1);
    s = run(s, { type: 'undone', decision: decision(id, 'unreviewed') });
    expect(s.claimCursor).toBe(0);
    expect(s.mine[`${sha}:${id}`]?.status).toBe('unreviewed');
    expect(run(s, { type: 'undone', decision: null }).message).toBe('nothing to undo');
  });

  it('resumes at the saved position and shows other reviewers', () => {
    const claim = model.nominees[2]!.claims[3]!;
    const s = initialState(model, [], [decision(claim.id, 'verified', 'bob')], `${sha}:n3:${claim.id}`);
    expect(s.screen).toBe('claims');
    expect(selectedClaim(model, s)?.id).toBe(claim.id);
    expect(s.others[`${sha}:${claim.id}`]?.[0]?.reviewer).toBe('bob');
  });

  it('finds orphaned decisions', () => {
    const kept = decision(model.nominees[0]!.claims[0]!.id, 'verified');
    const gone = decision('0000000000000000', 'disputed');
    expect(orphans(model, [kept, gone]).map((d) => d.claimId)).toEqual(['0000000000000000']);
  });

  it('shows help, the matrix and the orphans, and quits', () => {
    expect(run(start(), { type: 'toggleHelp' }).help).toBe(true);
    expect(run(start(), { type: 'toggleHelp' }, { type: 'back' }).help).toBe(false);
    expect(run(start(), { type: 'showMatrix' }).screen).toBe('matrix');
    expect(run(start(), { type: 'showOrphans' }, { type: 'back' }).screen).toBe('nominees');
    expect(run(start(), { type: 'quit' }).quit).toBe(true);
  });
});

describe('a figure of several nominees together', () => {
  it('is listed under each of them', () => {
    const text = '父女接力守初心\n刘长河和女儿刘晓燕都是东湖县的人民调解员。刘长河从事调解工作30年,调解纠纷1200余件。刘晓燕接过父亲的接力棒,5年来调解纠纷260件。父女二人共为群众挽回经济损失500余万元。';
    const a = analyseText(text, { path: 'pair.txt', sha256: sha256(text), encoding: 'utf-8', bom: false });
    const m = buildModel([{ result: a.result, text: a.text, cached: false }]);
    const texts = (name: string): string[] => m.nominees.find((n) => n.name === name)?.claims.map((c) => c.text) ?? [];
    expect(texts('刘长河')).toContain('500余万元');
    expect(texts('刘晓燕')).toContain('500余万元');
    expect(texts('刘晓燕')).not.toContain('1200余件');
  });
});

/**
 * A panel over real corpus notices, made through the library: two members each in their own
 * store, merged, then the chair's resolutions in the merged store.
 */
import { readFileSync } from 'node:fs';
import { analyseBytes, ReviewStore, type AnalysedDocument, type Claim, type Decision, type DocumentResult, type Status } from '../../src/index.js';
import { tmpDb } from './review.js';

export const REPORT_INPUTS = ['corpus/shanxi-2017-xinfang-nominees.txt', 'corpus/pingyang-2023-lianxian-web.txt', 'corpus/hexi-2021-slips.txt'];
export const WANG = '王委员';
export const LI = '李委员';
export const CHAIR = '陈主任';
/** notes that must come through escaped and whole */
export const WANG_NOTE = '附件<表3>与正文 & "数字"一致';
export const LI_NOTE = '数字与附件不符，需核实';
export const CHAIR_NOTE = '以附件为准，予以认定';

export interface Panel {
  readonly docs: AnalysedDocument[];
  readonly path: string;
  readonly latest: Decision[];
  /** the claim the members disagree on and the chair resolved as verified */
  readonly resolved: { readonly doc: DocumentResult; readonly claim: Claim };
  /** the claim the members disagree on that nobody resolved */
  readonly open: { readonly doc: DocumentResult; readonly claim: Claim };
}

let cached: Panel | null = null;

/**
 * 王委员 verifies every claim of every document but the hexi notice's first nominee's last claim
 * (needs evidence, with a note); 李委员 verifies the shanxi notice's claims, disputes its first and
 * second claims (with a note) and leaves the rest undecided. The chair resolves the first claim as verified.
 */
export function panel(): Panel {
  if (cached) return cached;
  const docs = REPORT_INPUTS.map((p): AnalysedDocument => {
    const a = analyseBytes(readFileSync(p), p);
    return { result: a.result, text: a.text, cached: false };
  });
  const base = (d: DocumentResult, c: Claim) => ({
    docSha: d.sha256, docPath: d.path, claimId: c.id, nominee: c.nominee, nomineeName: d.nominees.find((n) => n.id === c.nominee)?.name ?? '', claimText: c.text,
  });
  const wang = ReviewStore.open(tmpDb('wang.sqlite'));
  const hexi = docs[2]!.result;
  const last = hexi.claims.filter((c) => c.nominee === hexi.nominees[0]!.id).at(-1)!;
  for (const { result: d } of docs) {
    for (const c of d.claims) {
      const status: Status = c === last ? 'needs_evidence' : 'verified';
      wang.record({ ...base(d, c), reviewer: WANG, status, note: c === last ? WANG_NOTE : '' });
    }
  }
  const li = ReviewStore.open(tmpDb('li.sqlite'));
  const shanxi = docs[0]!.result;
  shanxi.claims.forEach((c, i) => {
    li.record({ ...base(shanxi, c), reviewer: LI, status: i < 2 ? 'disputed' : 'verified', note: i < 2 ? LI_NOTE : '' });
  });
  const path = tmpDb('panel.sqlite');
  const merged = ReviewStore.open(path);
  merged.mergeAll([wang, li]);
  wang.close(); li.close();
  const first = shanxi.claims[0]!;
  merged.record({ ...base(shanxi, first), reviewer: CHAIR, role: 'chair', status: 'verified', note: CHAIR_NOTE });
  const latest = merged.latest();
  merged.close();
  cached = { docs, path, latest, resolved: { doc: shanxi, claim: first }, open: { doc: shanxi, claim: shanxi.claims[1]! } };
  return cached;
}

export const GENERATED = '2026-12-01 12:00 UTC';

/** shiji's public library API. The library never prints and never exits. */
export { analyseBytes, analyseText, claimId, sha256, readCriteriaFile, EXTRACTOR_VERSION, CRITERIA_PER_CLAIM, EVIDENCE_SCORE } from './analyse.js';
export type { Analysis, AnalyseOptions, Claim, Check, Criterion, CriterionLink, CoverageCell, DocumentResult, Nominee, RequirementResult, RequirementEvidence, Span } from './analyse.js';
export { collectInputs, analyseFile, SUPPORTED_EXTENSIONS } from './corpus.js';
export type { AnalyseOutcome, InputFile, InputProblem } from './corpus.js';
export { decodeBytes, MAX_BYTES } from './read/decode.js';
export type { Decoded, Encoding } from './read/decode.js';
export { buildView, toOriginal } from './read/view.js';
export type { TextView } from './read/view.js';
export { parseStructure, sentencesOf, paragraphsOf, markerRank } from './structure/document.js';
export { extractClaims, findPeriods, CATEGORIES } from './extract/claims.js';
export type { Category } from './extract/claims.js';
export { parseNumberAt, chineseToNumber } from './extract/numerals.js';
export { segment, ensureJieba } from './segment/jieba.js';
export type { Token } from './segment/jieba.js';
export { loadDictionaries, readDictionaryTables, validateDictionaries, DEFAULT_DICTIONARY_DIR, APPROX_VALUES } from './dictionaries.js';
export type { Approx, Dictionaries } from './dictionaries.js';
export { ShijiError } from './errors.js';

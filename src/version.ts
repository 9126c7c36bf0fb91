/**
 * What a command needs before any analysis: the extractor's version and the hash that keys the
 * cache. Kept apart from analyse.ts so that a run served from the cache never loads the analyser.
 */
import { createHash, hash as cryptoHash } from 'node:crypto';

export const EXTRACTOR_VERSION = '0.2.0';

/** SHA-256 in hex; one-shot crypto.hash where Node has it (much cheaper than a Hash object per call). */
export const sha256: (data: Uint8Array | string) => string = typeof (cryptoHash as unknown) === 'function'
  ? (data) => cryptoHash('sha256', data, 'hex')
  : (data) => createHash('sha256').update(data).digest('hex');

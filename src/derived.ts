/**
 * Where `npm run build` keeps data derived from installed files (dist/): the index of jieba's
 * dictionary and the snapshot of the YAML tables. Each is checked against its source when read.
 */
import { fileURLToPath } from 'node:url';

export const DERIVED_DIR = fileURLToPath(new URL('../dist/', import.meta.url));

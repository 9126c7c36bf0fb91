/**
 * terminal-size, for Ink, loaded on first call. Ink asks it only when its stdout reports no
 * columns, which never happens in the review UI (it runs only on a terminal); loading it up front
 * would load node:child_process with it. The bundle (scripts/bundle.mjs) gives this module to Ink
 * in place of the package.
 */
import { createRequire } from 'node:module';

export default function terminalSize(): { columns: number; rows: number } {
  return (createRequire(import.meta.url)('terminal-size') as { default: () => { columns: number; rows: number } }).default();
}

#!/usr/bin/env node
/**
 * The thin command line: one module per command under cli/, each parsing its arguments with
 * node's parseArgs, calling the library, printing and returning the exit code. Expected problems
 * print one line each on stderr; nothing but results goes to stdout.
 */
import { EXTRACTOR_VERSION } from './analyse.js';
import { ShijiError } from './errors.js';
import { fail } from './cli/shared.js';
import { COMMANDS, HELP, commandHelp } from './cli/help.js';
import { DamerauLevenshteinDistance } from 'natural/lib/natural/distance/index.js';
import { runExtract } from './cli/extract.js';
import { runReview } from './cli/review.js';
import { runExport } from './cli/export.js';
import { runMerge } from './cli/merge.js';
import { runAgreement } from './cli/agreement.js';
import { runPanel } from './cli/panel.js';
import { runReport } from './cli/report.js';

/** The command nearest a mistyped one (revew -> review), or null when none is near. */
function nearest(cmd: string): string | null {
  const best = COMMANDS.map((c) => ({ c, d: DamerauLevenshteinDistance(cmd, c) })).sort((a, b) => a.d - b.d)[0];
  return best && best.d <= Math.max(1, Math.floor(best.c.length / 3)) ? best.c : null;
}

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  // shiji review --help: the usage and options of that command
  if (cmd !== undefined && (COMMANDS as readonly string[]).includes(cmd) && rest.some((a) => a === '--help' || a === '-h')) {
    process.stdout.write(`${commandHelp(cmd)}\n`);
    return 0;
  }
  switch (cmd) {
    case undefined: case '--help': case '-h': case 'help':
      process.stdout.write(`${HELP}\n`);
      return cmd === undefined ? 2 : 0;
    case '--version': case '-v':
      process.stdout.write(`${EXTRACTOR_VERSION}\n`);
      return 0;
    case 'extract':
      return runExtract(rest);
    case 'review':
      return runReview(rest);
    case 'export':
      return runExport(rest);
    case 'merge':
      return runMerge(rest);
    case 'agreement':
      return runAgreement(rest);
    case 'panel':
      return runPanel(rest);
    case 'report':
      return runReport(rest);
    default: {
      const near = nearest(cmd);
      fail(`unknown command "${cmd}"${near ? ` (did you mean ${near}?)` : ''} (see shiji --help)`, 2);
    }
  }
}

// A closed pipe (shiji … | head) is not an error worth a stack trace.
process.stdout.on('error', (e: NodeJS.ErrnoException) => { if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0); throw e; });

main(process.argv.slice(2)).then((code) => { process.exitCode = code; }, (e: unknown) => {
  if (e instanceof ShijiError) fail(e.message, 1);
  if (process.env['SHIJI_DEBUG']) throw e;
  fail(`internal error: ${(e as Error).message.split('\n')[0]} (set SHIJI_DEBUG=1 for details)`, 70);
});

#!/usr/bin/env node
/**
 * The thin command line: one module per command under cli/, each parsing its arguments with
 * node's parseArgs, calling the library, printing and returning the exit code. Expected problems
 * print one line each on stderr; nothing but results goes to stdout.
 */
import { EXTRACTOR_VERSION } from './version.js';
import { ShijiError } from './errors.js';
import { fail, nearestOf } from './cli/shared.js';
import { COMMANDS, HELP, commandHelp } from './cli/help.js';

/** The command nearest a mistyped one (revew -> review), or null when none is near. */
function nearest(cmd: string): string | null {
  return nearestOf(cmd, COMMANDS);
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
    // each command's module is loaded when it runs: extract need not load the review store or the UI
    case 'extract':
      return (await import('./cli/extract.js')).runExtract(rest);
    case 'review':
      return (await import('./cli/review.js')).runReview(rest);
    case 'export':
      return (await import('./cli/export.js')).runExport(rest);
    case 'merge':
      return (await import('./cli/merge.js')).runMerge(rest);
    case 'agreement':
      return (await import('./cli/agreement.js')).runAgreement(rest);
    case 'panel':
      return (await import('./cli/panel.js')).runPanel(rest);
    case 'report':
      return (await import('./cli/report.js')).runReport(rest);
    case 'labels':
      return (await import('./cli/labels.js')).runLabels(rest);
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

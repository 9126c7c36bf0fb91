// Part of `npm run build`, after tsc: dist/cli.js as one ES module bundle (esbuild), so that a
// command does not resolve and read some hundred files before it starts. The library stays as
// tsc wrote it (dist/index.js and the rest); the worker threads load that.
// - Pure JavaScript packages on the extraction path and the review UI's (Ink, React, Yoga and
//   their dependencies) are bundled (the pattern below): the UI's first frame no longer waits on
//   resolving and reading some hundred files of node_modules. Every other package, the native
//   ones (nodejieba, better-sqlite3) and the big ones loaded only for some inputs or commands
//   (pdf.js, mammoth, exceljs, compromise) stays an import of its own.
// - What only some commands load (the review UI, the exports) goes into chunks beside cli.js,
//   dist/cli-HASH.js: at the same depth, so that paths taken from import.meta.url hold.
import { build } from 'esbuild';
import { chmodSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const BUNDLED = /^(@alcalzone\/ansi-tokenize|htmlparser2|entities|domhandler|domutils|dom-serializer|domelementtype|natural|underscore|ink|react|react-reconciler|scheduler|yoga-layout|string-width|strip-ansi|ansi-regex|ansi-styles|chalk|cli-boxes|cli-cursor|cli-truncate|code-excerpt|convert-to-spaces|es-toolkit|get-east-asian-width|emoji-regex|indent-string|is-in-ci|patch-console|restore-cursor|signal-exit|slice-ansi|stack-utils|escape-string-regexp|type-fest|widest-line|wrap-ansi|ws|auto-bind|is-fullwidth-code-point|onetime|mimic-fn|mimic-function|environment|ansi-escapes)(\/|$)/;
const out = 'dist';
for (const f of readdirSync(out)) if (/^cli-[A-Z0-9]+\.js(\.map)?$/.test(f)) rmSync(join(out, f));

await build({
  entryPoints: ['src/cli.ts'],
  outdir: out,
  bundle: true,
  splitting: true,
  chunkNames: 'cli-[hash]',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  logLevel: 'warning',
  // React and its reconciler in their production builds only: the development ones (half the
  // UI chunk) are neither loaded nor compiled
  define: { 'process.env.NODE_ENV': '"production"' },
  // whitespace and syntax only, names kept for stack traces: less to parse on every start
  minifyWhitespace: true,
  minifySyntax: true,
  // CommonJS packages in an ES module bundle call require: give them node's
  banner: { js: "import { createRequire as __shijiCreateRequire } from 'node:module'; const require = __shijiCreateRequire(import.meta.url);" },
  plugins: [{
    name: 'external-packages',
    setup(b) {
      // string-width, for Ink and its packages as for our own code: src/ui/string-width.ts, which
      // answers as string-width does without paying its start-up where the answer cannot differ
      b.onResolve({ filter: /^string-width$/ }, () => ({ path: fileURLToPath(new URL('../src/ui/string-width.ts', import.meta.url)) }));
      // terminal-size, which Ink calls only without a terminal (never, in the review UI): loaded on first call
      b.onResolve({ filter: /^terminal-size$/ }, () => ({ path: fileURLToPath(new URL('../src/ui/terminal-size.ts', import.meta.url)) }));
      // node:process, as the packages import it (its default export): the process object itself.
      // Node's own ES module facade for it reads every property of process, and with them loads
      // the diagnostic report's modules (some 5 ms of every start).
      b.onResolve({ filter: /^(node:)?process$/ }, (a) => (a.importer.includes('node_modules') ? { path: 'process', namespace: 'shiji-process' } : undefined));
      // (a name imported that is not listed here fails the build)
      b.onLoad({ filter: /.*/, namespace: 'shiji-process' }, () => ({ contents: 'export default process; export const env = process.env; export function cwd() { return process.cwd(); }', loader: 'js' }));
      // signal-exit 3 (under Ink's cli-cursor) loads node:assert at start for the one check it
      // makes when a handler is added: that check, with node:assert loaded when it is made
      b.onResolve({ filter: /^assert$/ }, (a) => (/node_modules[\\/]signal-exit[\\/]/.test(a.importer) ? { path: 'assert', namespace: 'shiji-assert' } : undefined));
      b.onLoad({ filter: /.*/, namespace: 'shiji-assert' }, () => ({ contents: "module.exports = { equal: (...a) => require('node:assert').equal(...a) };", loader: 'js' }));
      // ansi-tokenize's diffAnsiCodes, as Ink's output calls it for every cell of the screen:
      // src/ui/ansi-diff.ts, which answers at once where nothing changes between two cells
      b.onResolve({ filter: /^\.\/diff\.js$/ }, (a) => (/ansi-tokenize[\\/]build[\\/]styledChars\.js$/.test(a.importer) ? { path: fileURLToPath(new URL('../src/ui/ansi-diff.ts', import.meta.url)) } : undefined));
      // ink's devtools, loaded only under DEV=true, are not installed
      b.onResolve({ filter: /devtools/ }, (a) => ({ path: a.path, external: true }));
      // last (esbuild asks the callbacks in order): every other package not in BUNDLED stays an import
      b.onResolve({ filter: /^[^./#]/ }, (a) => (a.path.startsWith('node:') || BUNDLED.test(a.path) ? undefined : { path: a.path, external: true }));
    },
  }],
});

// the bundle replaces the file npm linked as the `shiji` command: keep it executable (npx shiji, node_modules/.bin/shiji)
chmodSync(join(out, 'cli.js'), 0o755);

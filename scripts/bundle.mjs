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

const BUNDLED = /^(htmlparser2|entities|domhandler|domutils|dom-serializer|domelementtype|opencc-js|natural|underscore|ink|react|react-reconciler|scheduler|yoga-layout|string-width|strip-ansi|ansi-regex|ansi-styles|chalk|cli-boxes|cli-cursor|cli-truncate|code-excerpt|convert-to-spaces|es-toolkit|get-east-asian-width|emoji-regex|indent-string|is-in-ci|patch-console|restore-cursor|signal-exit|slice-ansi|stack-utils|escape-string-regexp|type-fest|widest-line|wrap-ansi|ws|auto-bind|is-fullwidth-code-point|onetime|mimic-fn|mimic-function|environment|ansi-escapes)(\/|$)/;
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
  // CommonJS packages in an ES module bundle call require: give them node's
  banner: { js: "import { createRequire as __shijiCreateRequire } from 'node:module'; const require = __shijiCreateRequire(import.meta.url);" },
  plugins: [{
    name: 'external-packages',
    setup(b) {
      b.onResolve({ filter: /^[^./#]/ }, (a) => (a.path.startsWith('node:') || BUNDLED.test(a.path) ? undefined : { path: a.path, external: true }));
      // ink's devtools, loaded only under DEV=true, are not installed
      b.onResolve({ filter: /devtools/ }, (a) => ({ path: a.path, external: true }));
    },
  }],
});

// the bundle replaces the file npm linked as the `shiji` command: keep it executable (npx shiji, node_modules/.bin/shiji)
chmodSync(join(out, 'cli.js'), 0o755);

/**
 * Output too large to be one string: JSON and tables as a sequence of string chunks, written
 * one after another. `jsonChunks(v)` yields exactly `JSON.stringify(v, null, 2)`, piece by piece.
 */

/** Below this depth arrays and objects are streamed member by member; deeper ones are stringified whole. */
const STREAM_DEPTH = 4;

/**
 * An array given as an iterable, written as JSON as an array would be, member by member as the
 * iterable yields them: a table's rows read back from disk, say.
 */
export class JsonArray {
  constructor(readonly items: Iterable<unknown>) {}
}

/** JSON.stringify(value, null, indent) as chunks, so that no one string holds the whole document (indent 0: JSON.stringify(value), one line). */
export function* jsonChunks(value: unknown, indent = 2): Generator<string> {
  yield* chunksAt(value, 0, ' '.repeat(indent), STREAM_DEPTH);
}

/**
 * jsonChunks of a value that sits `depth` levels deep in a larger document (its lines indented to
 * match); values from depth `whole` down are stringified whole (a document's claims, one each).
 */
export function* jsonChunksAt(value: unknown, depth: number, indent = 2, whole = STREAM_DEPTH): Generator<string> {
  yield* chunksAt(value, depth, ' '.repeat(indent), whole);
}

/** Where a member starts: on a line of its own, indented, or (no indent) right after the comma. */
const lineAt = (unit: string, depth: number): string => (unit === '' ? '' : `\n${unit.repeat(depth)}`);

function* arrayChunks(items: Iterable<unknown>, depth: number, unit: string, whole: number): Generator<string> {
  const inner = lineAt(unit, depth + 1);
  let first = true;
  for (const v of items) {
    yield first ? `[${inner}` : `,${inner}`;
    first = false;
    yield* chunksAt(v === undefined || typeof v === 'function' || typeof v === 'symbol' ? null : v, depth + 1, unit, whole);
  }
  yield first ? '[]' : `${lineAt(unit, depth)}]`;
}

function* chunksAt(input: unknown, depth: number, unit: string, whole: number): Generator<string> {
  let value = input;
  if (value instanceof JsonArray) { yield* arrayChunks(value.items, depth, unit, whole); return; }
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') value = (value as { toJSON: () => unknown }).toJSON();
  if (value === null || typeof value !== 'object' || depth >= whole) {
    const s = JSON.stringify(value, null, unit);
    yield s === undefined ? 'null' : depth === 0 || unit === '' ? s : s.replace(/\n/g, `\n${unit.repeat(depth)}`);
    return;
  }
  const inner = lineAt(unit, depth + 1);
  const close = lineAt(unit, depth);
  if (Array.isArray(value)) {
    // by index: a hole is null, as JSON.stringify has it
    yield* arrayChunks(Array.from({ length: value.length }, (_, i) => (value as unknown[])[i]), depth, unit, whole);
    return;
  }
  let first = true;
  for (const [k, v] of Object.entries(value)) {
    if (v === undefined || typeof v === 'function' || typeof v === 'symbol') continue;
    yield `${first ? '{' : ','}${inner}${JSON.stringify(k)}${unit === '' ? ':' : ': '}`;
    first = false;
    yield* chunksAt(v, depth + 1, unit, whole);
  }
  yield first ? '{}' : `${close}}`;
}

/** Joins small chunks into pieces of about `size` characters, so a writer is not called per token. */
export function* batched(chunks: Iterable<string>, size = 1 << 20): Generator<string> {
  let buf: string[] = [];
  let n = 0;
  for (const c of chunks) {
    buf.push(c);
    n += c.length;
    if (n >= size) { yield buf.join(''); buf = []; n = 0; }
  }
  if (n > 0) yield buf.join('');
}

/**
 * Documents as people have them: plain text and Markdown, web pages, Word files and PDFs.
 * Each format becomes one text; claim offsets refer to that text (`shiji extract --text` prints it).
 *
 * - .html/.htm: htmlparser2; scripts, styles, navigation, headers, footers and forms are dropped;
 *   block elements become paragraph breaks.
 * - .docx: mammoth's raw text, one paragraph per line pair.
 * - .pdf: pdf.js text items, rebuilt into lines by position and into paragraphs by vertical gaps;
 *   page breaks become paragraph breaks, and the normalized view joins sentences across them.
 */
import { createRequire } from 'node:module';
import { extname } from 'node:path';
import { decodeBytes, MAX_BYTES, type Decoded } from './decode.js';
import { ShijiError } from '../errors.js';

export type Format = 'text' | 'markdown' | 'html' | 'docx' | 'pdf';

export interface Extracted {
  readonly text: string;
  /** the text encoding of the source where it has one; 'pdf' for PDF */
  readonly encoding: string;
  readonly bom: boolean;
  readonly format: Format;
}

const startsWith = (b: Uint8Array, sig: readonly number[]): boolean => sig.every((v, i) => b[i] === v);

/** The format, from the content's signature first and the extension second. */
export function formatOf(path: string, bytes: Uint8Array): Format {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  const ext = extname(path).toLowerCase();
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) {
    if (ext === '.docx' || ext === '') return 'docx';
    throw new ShijiError('unsupported', `a ZIP archive${ext ? ` named ${ext}` : ''}, not a .docx document`, path);
  }
  if (ext === '.docx') throw new ShijiError('undecodable', 'not a valid .docx file (no ZIP signature)', path);
  if (ext === '.pdf') throw new ShijiError('undecodable', 'not a valid PDF file (no %PDF signature)', path);
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return 'html';
  if (ext === '.md' || ext === '.markdown') return 'markdown';
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
  if (head.startsWith('<!doctype html') || head.startsWith('<html')) return 'html';
  return 'text';
}

const SKIP = new Set(['script', 'style', 'noscript', 'template', 'head', 'nav', 'header', 'footer', 'aside', 'form', 'button', 'select', 'iframe', 'svg', 'canvas', 'object']);
const BLOCK = new Set(['p', 'div', 'section', 'article', 'main', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'table', 'tr', 'blockquote', 'pre', 'hr', 'figure', 'figcaption', 'center', 'td', 'th']);

type HtmlParser2 = typeof import('htmlparser2');
let htmlparser2: HtmlParser2 | undefined;
/**
 * htmlparser2, loaded with the first web page (it builds its entity tables as it loads): the
 * asynchronous path imports it, the synchronous one requires it (an ES module, which Node
 * requires from 20.19 on).
 */
async function importHtmlParser(): Promise<void> { htmlparser2 ??= await import('htmlparser2'); }
function htmlParser(): HtmlParser2 { return (htmlparser2 ??= createRequire(import.meta.url)('htmlparser2') as HtmlParser2); }

/** Readable text of a web page, paragraphs separated by blank lines. */
export function htmlToText(html: string): string {
  const { Parser } = htmlParser();
  const parts: string[] = [];
  let skipDepth = 0;
  let pre = 0;
  const breakPara = (): void => { if (parts.length > 0 && parts[parts.length - 1] !== '\n\n') parts.push('\n\n'); };
  const parser = new Parser({
    onopentag(name, attrs) {
      if (SKIP.has(name) || attrs['hidden'] !== undefined || /display:\s*none/i.test(attrs['style'] ?? '')) { skipDepth++; return; }
      if (skipDepth > 0) return;
      if (name === 'pre') pre++;
      if (name === 'br') parts.push('\n');
      else if (BLOCK.has(name)) breakPara();
      else if (name === 'td' || name === 'th') parts.push(' ');
    },
    ontext(text) {
      if (skipDepth > 0) return;
      parts.push(pre > 0 ? text : text.replace(/[ \t\r\n\f]+/g, ' '));
    },
    onclosetag(name, implied) {
      if (SKIP.has(name)) { if (skipDepth > 0) skipDepth--; return; }
      if (skipDepth > 0) return;
      if (name === 'pre' && pre > 0) pre--;
      if (BLOCK.has(name) && !implied) breakPara();
    },
  }, { decodeEntities: true, lowerCaseTags: true });
  parser.write(html);
  parser.end();
  return parts.join('')
    .split('\n')
    .map((l) => l.replace(/^[ \u00a0]+|[ \u00a0]+$/g, ''))
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

function checkSize(bytes: Uint8Array, path: string): void {
  if (bytes.length === 0) throw new ShijiError('empty', 'empty file', path);
  if (bytes.length > MAX_BYTES) {
    throw new ShijiError('too-large', `file is ${(bytes.length / 1048576).toFixed(1)} MB, over the ${MAX_BYTES / 1048576} MB limit`, path);
  }
}

function nonEmpty(text: string, path: string, what: string): string {
  if (text.trim() === '') throw new ShijiError('empty', `${what} holds no text`, path);
  return text;
}

/** Text, Markdown and HTML: synchronous. Word and PDF need `extractDocument`. */
export function extractDocumentSync(bytes: Uint8Array, path: string): Extracted {
  checkSize(bytes, path);
  const format = formatOf(path, bytes);
  if (format === 'docx' || format === 'pdf') throw new ShijiError('unsupported', `${format} files are read asynchronously (extractDocument)`, path);
  const d: Decoded = decodeBytes(bytes, path);
  if (format === 'html') return { text: nonEmpty(htmlToText(d.text), path, 'the web page'), encoding: d.encoding, bom: d.bom, format };
  return { text: d.text, encoding: d.encoding, bom: d.bom, format };
}

export async function extractDocument(bytes: Uint8Array, path: string): Promise<Extracted> {
  checkSize(bytes, path);
  const format = formatOf(path, bytes);
  if (format === 'docx') return { text: nonEmpty(await docxToText(bytes, path), path, 'the Word document'), encoding: 'utf-8', bom: false, format };
  if (format === 'pdf') return { text: nonEmpty(await pdfToText(bytes, path), path, 'the PDF (it may be scanned images)'), encoding: 'pdf', bom: false, format };
  if (format === 'html') await importHtmlParser();
  return extractDocumentSync(bytes, path);
}

async function docxToText(bytes: Uint8Array, path: string): Promise<string> {
  const mammoth = await import('mammoth');
  try {
    const r = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
    return r.value.replace(/\r\n?/g, '\n').replace(/\n{3,}/g, '\n\n').trim();
  } catch (e) {
    throw new ShijiError('undecodable', `not a readable Word document (${(e as Error).message.split('\n')[0]})`, path);
  }
}

interface PdfItem { str: string; x: number; y: number; w: number; h: number }

async function pdfToText(bytes: Uint8Array, path: string): Promise<string> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc;
  try {
    doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 }).promise;
  } catch (e) {
    throw new ShijiError('undecodable', `not a readable PDF (${(e as Error).message.split('\n')[0]})`, path);
  }
  const pages: string[] = [];
  try {
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const content = await page.getTextContent();
      const items: PdfItem[] = [];
      for (const it of content.items) {
        if (!('str' in it) || it.str === '') continue;
        const t = it.transform as number[];
        items.push({ str: it.str, x: t[4] ?? 0, y: t[5] ?? 0, w: it.width, h: Math.abs(t[3] ?? it.height) || it.height || 10 });
      }
      pages.push(rebuildLines(items));
      page.cleanup();
    }
  } finally {
    await doc.destroy();
  }
  return pages.filter((p) => p.trim() !== '').join('\n\n');
}

/** Groups text items into lines by baseline, and lines into paragraphs by the gaps between them. */
export function rebuildLines(items: readonly PdfItem[]): string {
  const sorted = [...items].sort((a, b) => b.y - a.y || a.x - b.x);
  const lines: Array<{ y: number; h: number; x: number; text: string; right: number }> = [];
  for (const it of sorted) {
    const line = lines[lines.length - 1];
    if (line && Math.abs(line.y - it.y) <= Math.max(line.h, it.h) * 0.4) {
      // same line: a gap wider than a third of the type size stands for a space
      const gap = it.x - line.right;
      line.text += (gap > it.h * 0.33 && /[A-Za-z0-9]$/.test(line.text) && /^[A-Za-z0-9]/.test(it.str) ? ' ' : '') + it.str;
      line.right = it.x + it.w;
    } else {
      lines.push({ y: it.y, h: it.h, x: it.x, text: it.str, right: it.x + it.w });
    }
  }
  if (lines.length === 0) return '';
  const gaps = lines.slice(1).map((l, i) => (lines[i] as { y: number }).y - l.y).filter((g) => g > 0).sort((a, b) => a - b);
  const usual = gaps[Math.floor(gaps.length / 2)] ?? 0;
  const left = Math.min(...lines.map((l) => l.x));
  let out = (lines[0] as { text: string }).text;
  for (let i = 1; i < lines.length; i++) {
    const prev = lines[i - 1] as { y: number; h: number };
    const l = lines[i] as { y: number; h: number; x: number; text: string };
    const gap = prev.y - l.y;
    // a wider gap than usual, or a first-line indent of about two characters, starts a paragraph
    const para = (usual > 0 && gap > usual * 1.4) || l.x - left > l.h * 1.5;
    out += (para ? '\n\n' : '\n') + l.text;
  }
  return out;
}

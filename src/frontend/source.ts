// source.ts — turns the bytes of a .py file into the text the tokenizer reads.
//
// Takes: file bytes. Hands on: a SourceText (decoded text with newlines normalised to '\n') or a
// Diagnostic. Follows CPython 3.11 for string input (what `ast.parse(bytes)` does):
//  - a UTF-8 BOM is skipped and means utf-8;
//  - a PEP 263 declaration (`# -*- coding: latin-1 -*-`) on line 1, or on line 2 when line 1 holds
//    only a comment or whitespace, selects the codec;
//  - UTF-8 is not validated up front: CPython only notices bad bytes inside identifiers and string
//    literals, so an invalid byte is kept as the lone surrogate U+DC80+byte (as Python's
//    'surrogateescape' does) and the tokenizer reports it where CPython would;
//  - "\r\n" and "\r" become "\n" before tokenizing, so positions count lines as CPython does.

import { Messages, makeDiagnostic, type Diagnostic } from './diagnostics.js';

export interface SourceText {
  readonly file: string;
  readonly text: string;
  /** lines of `text`, computed on first use (diagnostics only) */
  lines(): readonly string[];
}

export type DecodeResult = { ok: true; source: SourceText } | { ok: false; diagnostic: Diagnostic };

export function makeSourceText(file: string, text: string): SourceText {
  let cached: string[] | null = null;
  return {
    file,
    text,
    lines: () => (cached ??= text.split('\n')),
  };
}

const utf8Fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** Decodes file bytes as CPython's tokenizer would; never throws. */
export function decodeSource(bytes: Uint8Array, file: string): DecodeResult {
  let offset = 0;
  let bomEncoding: string | null = null;
  if (bytes.length >= 3 && bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    offset = 3;
    bomEncoding = 'utf-8';
  }
  const body = offset ? bytes.subarray(offset) : bytes;
  const fail = (name: keyof typeof Messages, args: (string | number)[], line = 0): DecodeResult => ({
    ok: false,
    diagnostic: makeDiagnostic(Messages[name], args, file, line, -1),
  });

  const declared = findCodingSpec(body);
  let encoding = bomEncoding ?? 'utf-8';
  if (declared !== null) {
    if (bomEncoding !== null && declared !== 'utf-8') return fail('encodingWithBom', [declared]);
    encoding = declared;
  }

  let text: string;
  if (encoding === 'utf-8') {
    text = decodeUtf8Lenient(body);
  } else {
    const decoded = decodeWithCodec(body, encoding);
    if (decoded === null) return fail('unknownEncoding', [encoding]);
    text = decoded;
  }
  const nul = text.indexOf('\0');
  if (nul >= 0) {
    const line = countNewlines(text, nul) + 1;
    return fail('nullBytes', [], line);
  }
  if (text.indexOf('\r') >= 0) text = text.replace(/\r\n?/g, '\n');
  return { ok: true, source: makeSourceText(file, text) };
}

function countNewlines(text: string, end: number): number {
  let n = 0;
  for (let i = text.indexOf('\n'); i >= 0 && i < end; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

/**
 * PEP 263: `coding[:=]\s*([-\w.]+)` inside a comment that is alone on line 1, or on line 2 if line 1
 * is blank or a comment. Returns CPython's normalised name, or null.
 */
function findCodingSpec(bytes: Uint8Array): string | null {
  let lineStart = 0;
  for (let lineNo = 0; lineNo < 2 && lineStart < bytes.length; lineNo++) {
    let lineEnd = lineStart;
    while (lineEnd < bytes.length && bytes[lineEnd] !== 0x0a && bytes[lineEnd] !== 0x0d) lineEnd++;
    const spec = codingSpecInLine(bytes, lineStart, lineEnd);
    if (spec !== null) return spec;
    // Line 2 is only looked at when line 1 holds nothing but whitespace and a comment.
    for (let i = lineStart; i < lineEnd; i++) {
      const c = bytes[i];
      if (c === 0x23) break; // '#'
      if (c !== 0x20 && c !== 0x09 && c !== 0x0c) return null;
    }
    lineStart = lineEnd;
    if (bytes[lineStart] === 0x0d) lineStart++;
    if (bytes[lineStart] === 0x0a) lineStart++;
  }
  return null;
}

function codingSpecInLine(bytes: Uint8Array, start: number, end: number): string | null {
  let i = start;
  // (CPython scans up to size - 6 where size counts the newline; mirrored here.)
  const limit = end + 1 - 6;
  for (; i < limit; i++) {
    const c = bytes[i];
    if (c === 0x23) break;
    if (c !== 0x20 && c !== 0x09 && c !== 0x0c) return null;
  }
  for (; i < limit; i++) {
    if (
      bytes[i] === 0x63 && bytes[i + 1] === 0x6f && bytes[i + 2] === 0x64 &&
      bytes[i + 3] === 0x69 && bytes[i + 4] === 0x6e && bytes[i + 5] === 0x67 // "coding"
    ) {
      let t = i + 6;
      if (bytes[t] !== 0x3a && bytes[t] !== 0x3d) continue; // ':' '='
      do t++; while (bytes[t] === 0x20 || bytes[t] === 0x09);
      const begin = t;
      while (t < end && isSpecChar(bytes[t])) t++;
      if (t > begin) return normalCodingName(String.fromCharCode(...bytes.subarray(begin, t)));
    }
  }
  return null;
}

function isSpecChar(c: number): boolean {
  return (
    (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) ||
    c === 0x2d || c === 0x5f || c === 0x2e
  );
}

/** CPython's get_normal_name: only utf-8 and latin-1 spellings are canonicalised. */
function normalCodingName(name: string): string {
  const lower = name.slice(0, 12).toLowerCase().replace(/_/g, '-') + name.slice(12);
  if (lower === 'utf-8' || lower.startsWith('utf-8-')) return 'utf-8';
  for (const latin of ['latin-1', 'iso-8859-1', 'iso-latin-1']) {
    if (lower === latin || lower.startsWith(latin + '-')) return 'iso-8859-1';
  }
  return name;
}

/** UTF-8 with invalid bytes kept as U+DC80+byte, like Python's surrogateescape. */
export function decodeUtf8Lenient(bytes: Uint8Array): string {
  try {
    return utf8Fatal.decode(bytes);
  } catch {
    return decodeUtf8Escaping(bytes);
  }
}

function decodeUtf8Escaping(b: Uint8Array): string {
  const parts: string[] = [];
  let chunk: number[] = [];
  const flush = () => {
    if (chunk.length) {
      parts.push(String.fromCodePoint(...chunk));
      chunk = [];
    }
  };
  for (let i = 0; i < b.length; ) {
    const c = b[i];
    let need = 0;
    let cp = 0;
    let min = 0;
    if (c < 0x80) { chunk.push(c); i++; if (chunk.length > 4096) flush(); continue; }
    if (c >= 0xc2 && c <= 0xdf) { need = 1; cp = c & 0x1f; min = 0x80; }
    else if (c >= 0xe0 && c <= 0xef) { need = 2; cp = c & 0x0f; min = 0x800; }
    else if (c >= 0xf0 && c <= 0xf4) { need = 3; cp = c & 0x07; min = 0x10000; }
    let ok = need > 0 && i + need < b.length;
    if (ok) {
      for (let k = 1; k <= need; k++) {
        const cc = b[i + k];
        if (cc === undefined || (cc & 0xc0) !== 0x80) { ok = false; break; }
        cp = (cp << 6) | (cc & 0x3f);
      }
    }
    if (ok && (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))) ok = false;
    if (ok) {
      chunk.push(cp);
      i += need + 1;
    } else {
      chunk.push(0xdc00 + c);
      i++;
    }
    if (chunk.length > 4096) flush();
  }
  flush();
  return parts.join('');
}

/** The byte a surrogateescape'd character stands for, or -1 for an ordinary character. */
export function escapedByte(cp: number): number {
  return cp >= 0xdc80 && cp <= 0xdcff ? cp - 0xdc00 : -1;
}

function decodeWithCodec(bytes: Uint8Array, encoding: string): string | null {
  const key = encoding.toLowerCase().replace(/[_ ]/g, '-');
  if (['latin-1', 'latin1', 'iso-8859-1', 'iso8859-1', '8859', 'cp819', 'l1', 'iso-ir-100', 'latin'].includes(key)) {
    let s = '';
    for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192));
    return s;
  }
  if (['ascii', 'us-ascii', '646'].includes(key)) {
    for (const b of bytes) if (b >= 0x80) return null;
    return new TextDecoder('utf-8').decode(bytes);
  }
  const label = key.startsWith('cp125') ? 'windows-' + key.slice(2) : key;
  try {
    return new TextDecoder(label, { fatal: false, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/**
 * What Python's UTF-8 decoder says about the undecodable byte at `at`, decoding text[from, to):
 * the byte, its position (in bytes from `from`) and the reason.
 */
export function describeUtf8Error(text: string, from: number, to: number, at: number): { byte: number; position: number; reason: string } {
  const byte = escapedByte(text.charCodeAt(at));
  const position = Buffer.byteLength(text.slice(from, at), 'utf8');
  let reason = 'invalid start byte';
  if (byte >= 0xc2 && byte <= 0xf4) {
    // a lead byte: either the text ends inside its sequence, or a continuation byte is wrong
    const need = byte < 0xe0 ? 1 : byte < 0xf0 ? 2 : 3;
    let k = 0;
    while (k < need && at + 1 + k < to && isContinuation(text.charCodeAt(at + 1 + k), byte, k)) k++;
    reason = at + 1 + k >= to ? 'unexpected end of data' : 'invalid continuation byte';
  }
  return { byte, position, reason };
}

function isContinuation(c: number, lead: number, index: number): boolean {
  const b = escapedByte(c);
  if (b < 0x80 || b > 0xbf) return false;
  if (index > 0) return true;
  // the second byte's range is narrower after E0, ED, F0 and F4
  if (lead === 0xe0) return b >= 0xa0;
  if (lead === 0xed) return b <= 0x9f;
  if (lead === 0xf0) return b >= 0x90;
  if (lead === 0xf4) return b <= 0x8f;
  return true;
}

// string-literal.ts — the value of one string or bytes literal token (escapes, prefixes).
//
// Takes: the source text and one STRING token's extent. Hands on: its prefix flags, the extent of
// its body, and the decoded value (JS string, PyWideStr, or bytes), or a StringError carrying
// CPython's message. Mirrors CPython 3.11's string_parser.c: escapes are those of the
// 'unicode_escape' codec; a backslash before a non-ASCII character, or at the very end of an
// f-string's literal part, stays a backslash; `\N{…}` looks up Unicode 14 names.
// f-strings are split into literal and expression parts by parser/strings.ts.

import { PyWideStr } from './ast.js';
import { describeUtf8Error } from './source.js';
import { lookupName } from './unicode/index.js';

export interface StringToken {
  bytes: boolean;
  raw: boolean;
  fstring: boolean;
  /** the token starts with a lowercase 'u' (CPython then sets Constant.kind = 'u') */
  uPrefix: boolean;
  /** offsets of the body, between the quotes */
  bodyStart: number;
  bodyEnd: number;
}

export interface StringError {
  error: 'unicode' | 'bytes-escape' | 'non-ascii-bytes' | 'utf8';
  message: string;
}

export function isStringError(v: unknown): v is StringError {
  return typeof v === 'object' && v !== null && 'error' in v;
}

export function analyzeStringToken(text: string, start: number, end: number): StringToken {
  let i = start;
  let bytes = false;
  let raw = false;
  let fstring = false;
  const uPrefix = text.charCodeAt(start) === 0x75;
  for (;;) {
    const c = text.charCodeAt(i) | 0x20;
    if (c === 0x62) bytes = true; // b
    else if (c === 0x72) raw = true; // r
    else if (c === 0x66) fstring = true; // f
    else if (c !== 0x75) break; // u
    i++;
  }
  const quote = text.charCodeAt(i);
  const triple = end - i >= 6 && text.charCodeAt(i + 1) === quote && text.charCodeAt(i + 2) === quote;
  const q = triple ? 3 : 1;
  return { bytes, raw, fstring, uPrefix, bodyStart: i + q, bodyEnd: end - q };
}

// ---- str -------------------------------------------------------------------------------------

/** Decodes the body of a str literal (or an f-string literal part). */
export function decodeStr(text: string, from: number, to: number, raw: boolean): string | PyWideStr | StringError {
  const backslash = raw ? -1 : text.indexOf('\\', from);
  if (backslash < 0 || backslash >= to) {
    const bad = firstEscapedByte(text, from, to);
    if (bad >= 0) return utf8Error(text, from, to, bad);
    return text.slice(from, to);
  }
  return new StrDecoder(text, from, to).run();
}

/** The first lone U+DC80..U+DCFF (an undecodable byte, see source.ts), or -1. */
function firstEscapedByte(text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) i++; // a surrogate pair: a real character
    else if (c >= 0xdc80 && c <= 0xdcff) return i;
  }
  return -1;
}

function utf8Error(text: string, from: number, to: number, at: number): StringError {
  const e = describeUtf8Error(text, from, to, at);
  return {
    error: 'utf8',
    message: `(unicode error) 'utf-8' codec can't decode byte 0x${e.byte.toString(16)} in position ${e.position}: ${e.reason}`,
  };
}

class StrDecoder {
  private readonly parts: string[] = [];
  private run_start: number;
  private i: number;
  /** position in CPython's intermediate buffer (non-ASCII characters count 10), for messages */
  private bufPos = 0;
  /** the last character appended was a high surrogate written as an escape */
  private highFromEscape = false;
  /** an escaped high surrogate was followed by an escaped low one: a JS string would fuse them */
  private fused = false;

  constructor(private readonly text: string, private readonly from: number, private readonly to: number) {
    this.i = from;
    this.run_start = from;
  }

  run(): string | PyWideStr | StringError {
    const err = this.decode(null);
    if (err) return err;
    const s = this.parts.join('');
    if (!this.fused) return s;
    // Decode again into code points, keeping escaped surrogates apart.
    const cps: number[] = [];
    this.i = this.from;
    this.run_start = this.from;
    this.parts.length = 0;
    this.decode(cps);
    return new PyWideStr(cps);
  }

  /** Decodes into this.parts, or into `cps` when given. */
  private decode(cps: number[] | null): StringError | null {
    const t = this.text;
    const to = this.to;
    const literal = (a: number, b: number) => {
      if (a >= b) return;
      if (cps) {
        for (let k = a; k < b; ) {
          const cp = t.codePointAt(k)!;
          cps.push(cp);
          k += cp > 0xffff ? 2 : 1;
        }
      } else this.parts.push(t.slice(a, b));
      this.highFromEscape = false;
    };
    const escaped = (cp: number) => {
      if (cps) {
        cps.push(cp);
        return;
      }
      if (cp >= 0xdc00 && cp <= 0xdfff && this.highFromEscape) this.fused = true;
      this.highFromEscape = cp >= 0xd800 && cp <= 0xdbff;
      this.parts.push(String.fromCodePoint(cp));
    };
    while (this.i < to) {
      const c = t.charCodeAt(this.i);
      if (c !== 0x5c) {
        if (c >= 0x80) {
          if (c >= 0xdc80 && c <= 0xdcff) return utf8Error(t, this.from, this.to, this.i);
          this.bufPos += 10;
          if (c >= 0xd800 && c <= 0xdbff) this.i++;
        } else this.bufPos++;
        this.i++;
        continue;
      }
      literal(this.run_start, this.i);
      const escStart = this.bufPos;
      this.i++;
      this.bufPos++;
      if (this.i >= to) {
        // a trailing backslash (only possible in an f-string literal part) stays
        escaped(0x5c);
        this.run_start = this.i;
        break;
      }
      const e = t.charCodeAt(this.i);
      if (e >= 0x80) {
        // CPython turns "\é" into "\u005c\U000000e9": the backslash stays
        escaped(0x5c);
        this.bufPos += 5;
        this.run_start = this.i;
        continue;
      }
      this.i++;
      this.bufPos++;
      switch (e) {
        case 0x0a: break; // backslash-newline: nothing
        case 0x5c: escaped(0x5c); break;
        case 0x27: escaped(0x27); break;
        case 0x22: escaped(0x22); break;
        case 0x62: escaped(0x08); break; // \b
        case 0x66: escaped(0x0c); break; // \f
        case 0x74: escaped(0x09); break; // \t
        case 0x6e: escaped(0x0a); break; // \n
        case 0x72: escaped(0x0d); break; // \r
        case 0x76: escaped(0x0b); break; // \v
        case 0x61: escaped(0x07); break; // \a
        case 0x30: case 0x31: case 0x32: case 0x33: case 0x34: case 0x35: case 0x36: case 0x37: {
          let v = e - 0x30;
          for (let k = 0; k < 2 && this.i < to; k++) {
            const d = t.charCodeAt(this.i);
            if (d < 0x30 || d > 0x37) break;
            v = v * 8 + (d - 0x30);
            this.i++;
            this.bufPos++;
          }
          escaped(v);
          break;
        }
        case 0x78: case 0x75: case 0x55: { // \x \u \U
          const n = e === 0x78 ? 2 : e === 0x75 ? 4 : 8;
          let v = 0;
          for (let k = 0; k < n; k++) {
            const d = this.i < to ? hexValue(t.charCodeAt(this.i)) : -1;
            if (d < 0) {
              const what = e === 0x78 ? '\\xXX' : e === 0x75 ? '\\uXXXX' : '\\UXXXXXXXX';
              return unicodeError(escStart, this.bufPos - 1, `truncated ${what} escape`);
            }
            v = v * 16 + d;
            this.i++;
            this.bufPos++;
          }
          if (v > 0x10ffff) return unicodeError(escStart, this.bufPos - 1, 'illegal Unicode character');
          escaped(v);
          break;
        }
        case 0x4e: { // \N{name}
          if (this.i >= to || t.charCodeAt(this.i) !== 0x7b) {
            return unicodeError(escStart, this.bufPos - 1, 'malformed \\N character escape');
          }
          const close = t.indexOf('}', this.i + 1);
          if (close < 0 || close >= to || close === this.i + 1) {
            return unicodeError(escStart, this.bufPos - 1, 'malformed \\N character escape');
          }
          const name = t.slice(this.i + 1, close);
          this.bufPos += close + 1 - this.i;
          this.i = close + 1;
          const cp = /^[\x20-\x7e]*$/.test(name) ? lookupName(name) : undefined;
          if (cp === undefined) return unicodeError(escStart, this.bufPos - 1, 'unknown Unicode character name');
          escaped(cp);
          break;
        }
        default:
          // an unknown escape keeps its backslash (CPython warns)
          escaped(0x5c);
          escaped(e);
      }
      this.run_start = this.i;
    }
    literal(this.run_start, to);
    return null;
  }
}

function unicodeError(start: number, end: number, reason: string): StringError {
  return {
    error: 'unicode',
    message: `(unicode error) 'unicodeescape' codec can't decode bytes in position ${start}-${end}: ${reason}`,
  };
}

function hexValue(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const l = c | 0x20;
  if (l >= 0x61 && l <= 0x66) return l - 0x61 + 10;
  return -1;
}

// ---- bytes -----------------------------------------------------------------------------------

/** Decodes the body of a bytes literal (already known to be ASCII). */
export function decodeBytes(text: string, from: number, to: number, raw: boolean): Uint8Array | StringError {
  const out = new Uint8Array(to - from);
  let n = 0;
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i++);
    if (c !== 0x5c || raw) {
      out[n++] = c;
      continue;
    }
    const escPos = i - 1 - from;
    const e = text.charCodeAt(i++);
    switch (e) {
      case 0x0a: break;
      case 0x5c: case 0x27: case 0x22: out[n++] = e; break;
      case 0x62: out[n++] = 0x08; break;
      case 0x66: out[n++] = 0x0c; break;
      case 0x74: out[n++] = 0x09; break;
      case 0x6e: out[n++] = 0x0a; break;
      case 0x72: out[n++] = 0x0d; break;
      case 0x76: out[n++] = 0x0b; break;
      case 0x61: out[n++] = 0x07; break;
      case 0x30: case 0x31: case 0x32: case 0x33: case 0x34: case 0x35: case 0x36: case 0x37: {
        let v = e - 0x30;
        for (let k = 0; k < 2 && i < to; k++) {
          const d = text.charCodeAt(i);
          if (d < 0x30 || d > 0x37) break;
          v = v * 8 + (d - 0x30);
          i++;
        }
        out[n++] = v & 0xff;
        break;
      }
      case 0x78: {
        const h = i < to ? hexValue(text.charCodeAt(i)) : -1;
        const l = i + 1 < to ? hexValue(text.charCodeAt(i + 1)) : -1;
        if (h < 0 || l < 0) return { error: 'bytes-escape', message: `(value error) invalid \\x escape at position ${escPos}` };
        out[n++] = h * 16 + l;
        i += 2;
        break;
      }
      default:
        out[n++] = 0x5c;
        if (i - 1 < to) out[n++] = e;
        else i--;
    }
  }
  return out.slice(0, n);
}

/** CPython rejects non-ASCII characters anywhere in a bytes literal token. */
export function bytesHasNonAscii(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (text.charCodeAt(i) >= 0x80) return true;
  return false;
}

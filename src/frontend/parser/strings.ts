// parser/strings.ts — adjacent string tokens to one Constant or JoinedStr, f-strings included.
//
// Takes: a Parser at a STRING token. Hands on: the expression CPython 3.11 builds
// (_PyPegen_concatenate_strings and string_parser.c's f-string parser):
//  - plain strings concatenate into one Constant (kind 'u' when the first token starts with 'u');
//  - bytes concatenate; mixing bytes and str is an error;
//  - with any f-string, a JoinedStr whose Constant and FormattedValue parts all carry the span of
//    the whole concatenation; a format spec is a JoinedStr spanning its own token;
//  - an f-string expression is parsed as "(" + text + ")" by a nested parser whose first-line
//    columns are shifted to where the text sits in the file (fstring_find_expr_location), which
//    reproduces CPython's positions, including its quirks.

import { Tok } from '../tokens.js';
import { Messages } from '../diagnostics.js';
import { PyBytes, PyWideStr, type Expr } from '../ast.js';
import { makeSourceText } from '../source.js';
import { tokenize } from '../tokenizer.js';
import {
  analyzeStringToken, bytesHasNonAscii, decodeBytes, decodeStr, isStringError, type StringToken,
} from '../string-literal.js';
import { Parser, ParseError } from './core.js';
import { parseStarExpressions } from './expressions.js';
import { tokenizerErrorToParseError } from './errors.js';

// strings: STRING+
export function parseStrings(p: Parser): Expr {
  const first = p.pos;
  while (p.peek() === Tok.STRING) p.pos++;
  const last = p.pos - 1;
  const infos: StringToken[] = [];
  let anyF = false;
  for (let i = first; i <= last; i++) {
    const info = analyzeStringToken(p.text, p.ts.start[i], p.ts.end[i]);
    if (i > first && info.bytes !== infos[0].bytes) p.errorAtLastToken(Messages.mixBytes);
    if (info.fstring) anyF = true;
    infos.push(info);
  }
  const span = { lineno: p.sl(first), col_offset: p.sc(first), end_lineno: p.el(), end_col_offset: p.ec() };
  if (infos[0].bytes) return bytesConstant(p, first, infos);

  const state = new FStringState(p, first, last);
  for (let k = 0; k < infos.length; k++) {
    const info = infos[k];
    if (info.fstring) {
      state.fmode = true;
      const cursor = { pos: info.bodyStart };
      concatFString(state, first + k, info, cursor, info.bodyEnd, 0);
    } else {
      const v = decodeStr(p.text, info.bodyStart, info.bodyEnd, info.raw);
      if (isStringError(v)) p.errorAtLastToken(Messages.literalError, [v.message]);
      state.appendLiteral(v);
    }
  }
  if (!anyF) return state.constant(state.takeLiteral() ?? '', first, last);
  return { _type: 'JoinedStr', values: state.finish(first, last), ...span };
}

function bytesConstant(p: Parser, first: number, infos: StringToken[]): Expr {
  const chunks: Uint8Array[] = [];
  for (let k = 0; k < infos.length; k++) {
    const info = infos[k];
    if (bytesHasNonAscii(p.text, info.bodyStart, p.ts.end[first + k])) {
      p.errorAtToken(Messages.bytesNonAscii, [], first + k);
    }
    const v = decodeBytes(p.text, info.bodyStart, info.bodyEnd, info.raw);
    if (isStringError(v)) p.errorAtLastToken(Messages.literalError, [v.message]);
    chunks.push(v);
  }
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return {
    _type: 'Constant', value: new PyBytes(bytes), kind: null,
    lineno: p.sl(first), col_offset: p.sc(first), end_lineno: p.el(), end_col_offset: p.ec(),
  };
}

// ---- building the value ---------------------------------------------------------------------

/**
 * CPython's FstringParser: the pending literal text and the finished parts. Constants it makes
 * span the tokens it is given (the whole concatenation, or one token for a format spec's tail).
 */
class FStringState {
  fmode = false;
  private literal: (string | PyWideStr)[] = [];
  readonly values: Expr[] = [];

  constructor(
    readonly p: Parser,
    /** the first and last STRING tokens of the whole concatenation */
    readonly first: number,
    readonly last: number,
  ) {}

  appendLiteral(v: string | PyWideStr): void {
    if (typeof v === 'string' ? v.length === 0 : v.codePoints.length === 0) return;
    this.literal.push(v);
  }

  /** The pending literal as one value (null when there is none), and clears it. */
  takeLiteral(): string | PyWideStr | null {
    const parts = this.literal;
    if (parts.length === 0) return null;
    this.literal = [];
    if (parts.length === 1) return parts[0];
    return joinStrings(parts);
  }

  /** Turns the pending literal into a Constant spanning tokens a..b. */
  flushLiteral(a = this.first, b = this.last): void {
    const v = this.takeLiteral();
    if (v !== null) this.values.push(this.constant(v, a, b));
  }

  /** make_str_node_and_del: kind 'u' when token a starts with a lowercase u. */
  constant(v: string | PyWideStr, a: number, b: number): Expr {
    const p = this.p;
    const kind = p.text.charCodeAt(p.ts.start[a]) === 0x75 ? 'u' : null;
    return {
      _type: 'Constant', value: v, kind,
      lineno: p.L[a], col_offset: p.C[a], end_lineno: p.EL[b], end_col_offset: p.EC[b],
    };
  }

  finish(a: number, b: number): Expr[] {
    this.flushLiteral(a, b);
    return this.values;
  }
}

/** Concatenates str pieces; two pieces meeting at an escaped surrogate pair stay two code points. */
function joinStrings(parts: (string | PyWideStr)[]): string | PyWideStr {
  let wide = false;
  for (let i = 0; i < parts.length; i++) {
    const a = parts[i];
    if (typeof a !== 'string') { wide = true; break; }
    if (i > 0) {
      const prev = parts[i - 1] as string;
      const h = prev.charCodeAt(prev.length - 1);
      const l = a.charCodeAt(0);
      if (h >= 0xd800 && h <= 0xdbff && l >= 0xdc00 && l <= 0xdfff) { wide = true; break; }
    }
  }
  if (!wide) return (parts as string[]).join('');
  const cps: number[] = [];
  for (const part of parts) {
    if (typeof part !== 'string') cps.push(...part.codePoints);
    else for (const ch of part) cps.push(ch.codePointAt(0)!);
  }
  return new PyWideStr(cps);
}

// ---- f-strings ---------------------------------------------------------------------------------

interface Cursor {
  pos: number;
}

/**
 * _PyPegen_FstringParser_ConcatFstring: literal parts and {expressions} of one f-string token body
 * (or of a format spec when recurseLevel > 0), from cursor.pos to `end`.
 */
function concatFString(state: FStringState, ti: number, info: StringToken, cursor: Cursor, end: number, recurseLevel: number): void {
  const p: Parser = state.p;
  for (;;) {
    const doubled = findLiteral(state, info, cursor, end, recurseLevel);
    if (doubled) continue;
    if (cursor.pos >= end || p.text.charCodeAt(cursor.pos) === 0x7d) break; // '}'
    const expr = findExpression(state, ti, info, cursor, end, recurseLevel);
    state.flushLiteral();
    state.values.push(expr);
  }
  if (recurseLevel !== 0 && p.text.charCodeAt(cursor.pos) !== 0x7d) p.errorAtLastToken(Messages.fstringExpectingBrace);
}

/**
 * fstring_find_literal: literal text up to an undoubled '{' (or a '}' ending a format spec).
 * Returns true when it stopped after a doubled brace (the caller loops again).
 */
function findLiteral(state: FStringState, info: StringToken, cursor: Cursor, end: number, recurseLevel: number): boolean {
  const p: Parser = state.p;
  const t = p.text;
  let s = cursor.pos;
  const literalStart = s;
  let doubled = false;
  while (s < end) {
    let ch = t.charCodeAt(s++);
    if (!info.raw && ch === 0x5c && s < end) {
      ch = t.charCodeAt(s++);
      if (ch === 0x4e) { // \N{...}: its braces are not expression braces
        if (s < end && t.charCodeAt(s++) === 0x7b) {
          while (s < end && t.charCodeAt(s++) !== 0x7d) { /* skip the name */ }
        }
        continue;
      }
    }
    if (ch === 0x7b || ch === 0x7d) {
      if (recurseLevel === 0) {
        if (s < end && t.charCodeAt(s) === ch) {
          cursor.pos = s + 1;
          doubled = true;
          break;
        }
        if (ch === 0x7d) {
          cursor.pos = s - 1;
          p.errorAtLastToken(Messages.fstringSingleBrace);
        }
      }
      s--;
      break;
    }
  }
  if (!doubled) cursor.pos = s;
  if (literalStart !== s) {
    const v = decodeStr(t, literalStart, s, info.raw);
    if (isStringError(v)) p.errorAtLastToken(Messages.literalError, [v.message]);
    state.appendLiteral(v);
  }
  return doubled;
}

/** fstring_find_expr: one `{expression[=][!conversion][:format_spec]}` at cursor.pos. */
function findExpression(state: FStringState, ti: number, info: StringToken, cursor: Cursor, end: number, recurseLevel: number): Expr {
  const p: Parser = state.p;
  const t = p.text;
  if (recurseLevel >= 2) p.errorAtLastToken(Messages.fstringTooDeep);
  const bracePos = cursor.pos;
  let s = bracePos + 1;
  const exprStart = s;
  let quote = 0;
  let stringType = 0;
  const stack: number[] = [];
  for (; s < end; s++) {
    const ch = t.charCodeAt(s);
    if (ch === 0x5c) p.errorAtLastToken(Messages.fstringBackslash);
    if (quote) {
      if (ch === quote) {
        if (stringType === 3) {
          if (s + 2 < end && t.charCodeAt(s + 1) === ch && t.charCodeAt(s + 2) === ch) {
            s += 2;
            quote = stringType = 0;
          }
        } else {
          quote = stringType = 0;
        }
      }
      continue;
    }
    if (ch === 0x27 || ch === 0x22) {
      if (s + 2 < end && t.charCodeAt(s + 1) === ch && t.charCodeAt(s + 2) === ch) {
        stringType = 3;
        s += 2;
      } else stringType = 1;
      quote = ch;
    } else if (ch === 0x5b || ch === 0x7b || ch === 0x28) { // [ { (
      if (stack.length >= 200) p.errorAtLastToken(Messages.fstringTooManyNested);
      stack.push(ch);
    } else if (ch === 0x23) { // #
      p.errorAtLastToken(Messages.fstringComment);
    } else if (stack.length === 0 && (ch === 0x21 || ch === 0x3a || ch === 0x7d || ch === 0x3d || ch === 0x3e || ch === 0x3c)) {
      // ! : } = > <  (but not != == <= >=)
      if (s + 1 < end) {
        const next = t.charCodeAt(s + 1);
        if ((ch === 0x21 || ch === 0x3d || ch === 0x3c || ch === 0x3e) && next === 0x3d) {
          s++;
          continue;
        }
      }
      if (ch === 0x3e || ch === 0x3c) continue;
      break;
    } else if (ch === 0x5d || ch === 0x7d || ch === 0x29) { // ] } )
      if (stack.length === 0) p.errorAtLastToken(Messages.fstringUnmatched, [String.fromCharCode(ch)]);
      const opening = stack.pop()!;
      if (!((opening === 0x28 && ch === 0x29) || (opening === 0x5b && ch === 0x5d) || (opening === 0x7b && ch === 0x7d))) {
        p.errorAtLastToken(Messages.fstringClosingMismatch, [String.fromCharCode(ch), String.fromCharCode(opening)]);
      }
    }
  }
  const exprEnd = s;
  if (quote) p.errorAtLastToken(Messages.fstringUnterminatedString);
  if (stack.length) p.errorAtLastToken(Messages.fstringUnmatched, [String.fromCharCode(stack[stack.length - 1])]);
  if (s >= end) p.errorAtLastToken(Messages.fstringExpectingBrace);

  const value = compileExpression(state, ti, bracePos, exprStart, exprEnd);

  let exprText: string | null = null;
  if (t.charCodeAt(s) === 0x3d) { // '=': the expression's text goes into the literal
    s++;
    while (s < end && isAsciiSpace(t.charCodeAt(s))) s++;
    if (s >= end) p.errorAtLastToken(Messages.fstringExpectingBrace);
    exprText = t.slice(exprStart, s);
  }
  let conversion = -1;
  if (t.charCodeAt(s) === 0x21) { // '!'
    s++;
    if (s >= end) p.errorAtLastToken(Messages.fstringExpectingBrace);
    conversion = t.charCodeAt(s);
    s++;
    if (conversion !== 0x73 && conversion !== 0x72 && conversion !== 0x61) p.errorAtLastToken(Messages.fstringInvalidConversion);
  }
  let formatSpec: Expr | null = null;
  if (s < end && t.charCodeAt(s) === 0x3a) { // ':'
    s++;
    if (s >= end) p.errorAtLastToken(Messages.fstringExpectingBrace);
    const specState = new FStringState(p, state.first, state.last);
    specState.fmode = true;
    const specCursor = { pos: s };
    concatFString(specState, ti, info, specCursor, end, recurseLevel + 1);
    s = specCursor.pos;
    formatSpec = {
      _type: 'JoinedStr', values: specState.finish(ti, ti),
      lineno: p.L[ti], col_offset: p.C[ti], end_lineno: p.EL[ti], end_col_offset: p.EC[ti],
    };
  }
  if (s >= end || t.charCodeAt(s) !== 0x7d) p.errorAtLastToken(Messages.fstringExpectingBrace);
  cursor.pos = s + 1;
  if (exprText !== null) {
    state.appendLiteral(exprText);
    if (formatSpec === null && conversion === -1) conversion = 0x72; // 'r'
  }
  return {
    _type: 'FormattedValue', value, conversion, format_spec: formatSpec,
    lineno: p.L[state.first], col_offset: p.C[state.first], end_lineno: p.EL[state.last], end_col_offset: p.EC[state.last],
  };
}

function isAsciiSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

/**
 * fstring_compile_expr + fstring_find_expr_location: parses the expression text as
 * "(" + text + ")" with a nested parser, its tokens moved to where the text sits in the file.
 */
function compileExpression(state: FStringState, ti: number, bracePos: number, exprStart: number, exprEnd: number): Expr {
  const p: Parser = state.p;
  const t = p.text;
  let allSpace = true;
  for (let k = exprStart; k < exprEnd; k++) {
    const c = t.charCodeAt(k);
    if (!(c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0c)) { allSpace = false; break; }
  }
  if (allSpace) {
    const c = t.charCodeAt(exprEnd);
    if (c === 0x21 || c === 0x3a || c === 0x3d) p.errorAtLastToken(Messages.fstringExpressionRequired, [String.fromCharCode(c)]);
    p.errorAtLastToken(Messages.fstringEmptyExpression);
  }

  // Where the expression sits: `lines` newlines into the token, `cols` bytes into that line.
  const tokenStart = p.ts.start[ti];
  let lines = 0;
  for (let k = tokenStart; k < bracePos; k++) if (t.charCodeAt(k) === 0x0a) lines++;
  let newlineAfterBrace = true;
  for (let k = bracePos + 1; k < exprEnd + 1; k++) {
    const c = t.charCodeAt(k);
    if (c === 0x7d || c === 0x0a) break;
    if (c !== 0x20 && c !== 0x09 && c !== 0x0c) { newlineAfterBrace = false; break; }
  }
  let cols = 0;
  if (!newlineAfterBrace) {
    let k = bracePos;
    while (k > tokenStart && t.charCodeAt(k) !== 0x0a) k--;
    cols = Buffer.byteLength(t.slice(k, bracePos), 'utf8');
    if (t.charCodeAt(k) === 0x0a) cols -= 1;
  }
  const startingLine = p.L[ti] + lines;
  const startingCol = lines !== 0 ? cols : p.C[ti] + cols;

  const subSource = makeSourceText(p.source.file, '(' + t.slice(exprStart, exprEnd) + ')');
  const ts = tokenize(subSource);
  if (ts.error) {
    const e = ts.error;
    if (e.lineno === 1) e.col += startingCol;
    e.lineno += startingLine - 1;
    e.end_lineno += startingLine - 1;
  }
  for (let k = 0; k < ts.count; k++) {
    const endsOnFirstLine = ts.endLine[k] === 1;
    ts.line[k] += startingLine - 1;
    ts.endLine[k] += startingLine - 1;
    if (endsOnFirstLine) {
      ts.col[k] += startingCol;
      ts.endCol[k] += startingCol;
    }
  }
  const sub = new Parser(ts, subSource, { prefixErrors: true });
  try {
    if (ts.error) throw tokenizerErrorToParseError(ts.error);
    return parseStarExpressions(sub);
  } catch (first) {
    let e = first;
    if (e instanceof ParseError && e.code === Messages.invalidSyntax.code) {
      // CPython's second pass, for a more helpful message
      sub.pos = 0;
      sub.secondPass = true;
      try {
        parseStarExpressions(sub);
      } catch (second) {
        if (second instanceof ParseError && second.code !== Messages.invalidSyntax.code) e = second;
      }
    }
    if (e instanceof ParseError) {
      // a tokenizer error in the nested text takes precedence, as in the outer parser
      if (ts.error && sub.maxPos >= ts.error.tokenIndex) throw tokenizerErrorToParseError(ts.error).withPrefix('f-string: ');
      throw e.withPrefix('f-string: ');
    }
    throw e;
  }
}

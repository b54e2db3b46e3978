// parse.ts — the frontend's entry point: file bytes to a Module AST, or diagnostics.
//
// Takes: the bytes of a .py file and its name. Hands on: a ParseResult with the Module (when the
// file is valid) and the diagnostics. The first diagnostic is the one CPython would raise; after
// it the parser skips to the next top-level statement and reports further independent errors,
// up to MAX_ERRORS. Nothing here throws for bad input.

import { Tok } from './tokens.js';
import { tokenize } from './tokenizer.js';
import { decodeSource, type SourceText } from './source.js';
import type { ModuleNode, Stmt } from './ast.js';
import { Messages, makeDiagnostic, type Diagnostic } from './diagnostics.js';
import { Parser, ParseError } from './parser/core.js';
import { parseStatement } from './parser/statements.js';
import { resolveParseError, tokenizerErrorToParseError } from './parser/errors.js';

const MAX_ERRORS = 5;

export interface ParseResult {
  /** null when there were errors */
  module: ModuleNode | null;
  diagnostics: Diagnostic[];
  /** null when the bytes could not be decoded */
  source: SourceText | null;
}

/** Parses a file's bytes (decoding them as CPython does). */
export function parseBytes(bytes: Uint8Array, file: string): ParseResult {
  const decoded = decodeSource(bytes, file);
  if (!decoded.ok) return { module: null, diagnostics: [decoded.diagnostic], source: null };
  return parseSource(decoded.source);
}

/** Parses decoded source text. */
export function parseSource(source: SourceText): ParseResult {
  const ts = tokenize(source);
  const p = new Parser(ts, source);
  const body: Stmt[] = [];
  const errors: ParseError[] = [];
  while (p.peek() !== Tok.ENDMARKER) {
    const start = p.pos;
    try {
      parseStatement(p, body);
    } catch (e) {
      let err = asParseError(e, p);
      if (err.code === Messages.invalidSyntax.code) err = secondPass(p, start) ?? err;
      errors.push(errors.length === 0 ? resolveParseError(p, err) : err);
      if (errors.length >= MAX_ERRORS || !recover(p, start)) break;
    }
  }
  // (A stream with a tokenizer error ends in ERRORTOKEN, so the loop above always fails on it.)
  if (ts.error && errors.length === 0) errors.push(tokenizerErrorToParseError(ts.error));
  const diagnostics = errors.map((e) => toDiagnostic(e, source.file));
  if (diagnostics.length > 0) return { module: null, diagnostics, source };
  return { module: { _type: 'Module', body, type_ignores: [] }, diagnostics, source };
}

/**
 * CPython's second pass: re-parses the failed statement with the rules that look for common
 * mistakes enabled; returns the specific error they find, or null.
 */
function secondPass(p: Parser, start: number): ParseError | null {
  p.pos = start;
  p.secondPass = true;
  try {
    parseStatement(p, []);
    return null;
  } catch (e) {
    if (!(e instanceof ParseError) || e.code === Messages.invalidSyntax.code) return null;
    return e;
  } finally {
    p.secondPass = false;
  }
}

function asParseError(e: unknown, p: Parser): ParseError {
  if (e instanceof ParseError) return e;
  if (e instanceof RangeError) {
    // The JS stack ran out: CPython gives up on such input too ("too complex").
    const i = Math.min(p.pos, p.ts.count - 1);
    return ParseError.from(Messages.tooComplex, [], p.L[i], p.C[i], p.EL[i], p.EC[i]);
  }
  throw e;
}

/**
 * Moves past the failed top-level statement that began at `start`: to the first token after the
 * error that begins a new top-level statement. Returns false when there is none.
 */
function recover(p: Parser, start: number): boolean {
  const kinds = p.kinds;
  const errorAt = Math.max(p.pos, p.maxPos);
  let depth = 0;
  for (let i = start; i < p.ts.count; i++) {
    const k = kinds[i];
    if (k === Tok.ENDMARKER || k === Tok.ERRORTOKEN) return false;
    if (k === Tok.INDENT) depth++;
    else if (k === Tok.DEDENT) depth--;
    const boundary = (k === Tok.NEWLINE || k === Tok.DEDENT) && depth <= 0;
    if (boundary && i >= errorAt) {
      const next = kinds[i + 1];
      if (next !== Tok.INDENT && next !== Tok.DEDENT) {
        p.pos = i + 1;
        p.maxPos = p.pos;
        return true;
      }
    }
  }
  return false;
}

function toDiagnostic(e: ParseError, file: string): Diagnostic {
  return {
    ...makeDiagnostic(Messages.literalError, [e.message], file, e.lineno, e.col, e.end_lineno, e.end_col),
    code: e.code,
    pyClass: e.pyClass,
  };
}

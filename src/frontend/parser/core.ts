// parser/core.ts — the parser's state and the small helpers every grammar rule is built from.
//
// Takes: a TokenStream. The rules (statements.ts, expressions.ts, targets.ts, patterns.ts,
// strings.ts) are plain functions of a Parser; this file owns the cursor, look-ahead, positions
// and errors.
//
// Positions follow CPython's pegen exactly: a node spans from the first to the last *token* its
// rule consumed, so in `(a) + b` the BinOp starts at the parenthesis while the Name starts at `a`.
// A rule records `const s = p.pos` on entry and builds its node with p.sl(s), p.sc(s), p.el(),
// p.ec(). The parser also remembers the furthest token it ever looked at: like CPython, a
// generic "invalid syntax" is reported there.

import { Tok, TOKEN_TEXT, TokenStream } from '../tokens.js';
import { Messages, type MessageTemplate } from '../diagnostics.js';
import type { SourceText } from '../source.js';

/** A syntax error found while parsing; carries its own location. Caught by parse(). */
export class ParseError {
  constructor(
    readonly code: string,
    readonly message: string,
    readonly pyClass: string,
    readonly lineno: number,
    readonly col: number,
    readonly end_lineno: number,
    readonly end_col: number,
  ) {}

  static from(
    t: MessageTemplate,
    args: readonly (string | number)[],
    lineno: number,
    col: number,
    end_lineno: number,
    end_col: number,
  ): ParseError {
    const message = t.text.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
    return new ParseError(t.code, message, t.pyClass ?? 'SyntaxError', lineno, col, end_lineno, end_col);
  }

  /** CPython prefixes errors inside an f-string's expression with "f-string: ". */
  withPrefix(prefix: string): ParseError {
    return new ParseError(this.code, prefix + this.message, this.pyClass, this.lineno, this.col, this.end_lineno, this.end_col);
  }
}

/** Set when the parser is decoding the expression part of an f-string. */
export interface FStringContext {
  /** error messages get CPython's "f-string: " prefix */
  readonly prefixErrors: true;
}

export class Parser {
  pos = 0;
  /** the furthest token index looked at (CPython reports generic errors there) */
  maxPos = 0;
  /**
   * Set while re-parsing a statement that failed, to find a more helpful message than "invalid
   * syntax" (CPython's second pass, which enables its invalid_* rules).
   */
  secondPass = false;
  readonly kinds: Uint8Array;
  readonly L: Int32Array;
  readonly C: Int32Array;
  readonly EL: Int32Array;
  readonly EC: Int32Array;
  readonly text: string;

  constructor(
    readonly ts: TokenStream,
    readonly source: SourceText,
    readonly fstring: FStringContext | null = null,
  ) {
    this.kinds = ts.kind;
    this.L = ts.line;
    this.C = ts.col;
    this.EL = ts.endLine;
    this.EC = ts.endCol;
    this.text = source.text;
  }

  // ---- look-ahead ---------------------------------------------------------------------------

  /** The kind of the current token. */
  peek(): Tok {
    const i = this.pos;
    if (i > this.maxPos) this.maxPos = i;
    return this.kinds[i] as Tok;
  }

  /** The kind of the token `k` ahead of the current one. */
  peekAt(k: number): Tok {
    const i = Math.min(this.pos + k, this.ts.count - 1);
    if (i > this.maxPos) this.maxPos = i;
    return this.kinds[i] as Tok;
  }

  at(kind: Tok): boolean {
    return this.peek() === kind;
  }

  /** Consumes the current token if it is `kind`. */
  eat(kind: Tok): boolean {
    if (this.peek() === kind) {
      this.pos++;
      return true;
    }
    return false;
  }

  /** Consumes a token of `kind` or fails with "expected 'x'" (CPython's forced token, `&&'x'`). */
  expectForced(kind: Tok): void {
    if (this.eat(kind)) return;
    this.errorAtToken(Messages.expectedToken, [TOKEN_TEXT[kind] ?? '?'], this.pos);
  }

  /** Consumes a token of `kind` or fails with a generic syntax error. */
  expect(kind: Tok): void {
    if (!this.eat(kind)) this.fail();
  }

  /** The source text of token i. */
  tokenText(i: number): string {
    return this.text.slice(this.ts.start[i], this.ts.end[i]);
  }

  /** Whether the current token is the NAME `word` (for soft keywords). */
  atSoftKeyword(word: string): boolean {
    if (this.peek() !== Tok.NAME) return false;
    const i = this.pos;
    const start = this.ts.start[i];
    return this.ts.end[i] - start === word.length && this.text.startsWith(word, start);
  }

  /** The identifier of NAME token i, NFKC-normalised as CPython does for non-ASCII names. */
  identifier(i: number): string {
    const name = this.tokenText(i);
    for (let k = 0; k < name.length; k++) {
      if (name.charCodeAt(k) >= 128) return name.normalize('NFKC');
    }
    return name;
  }

  // ---- positions (token-based, see the header) ----------------------------------------------

  sl(s: number): number { return this.L[s]; }
  sc(s: number): number { return this.C[s]; }
  /** end line of the last consumed token (NEWLINE, INDENT, DEDENT and ENDMARKER not counted) */
  el(): number { return this.EL[this.lastToken()]; }
  /** end column of the last consumed token (likewise) */
  ec(): number { return this.EC[this.lastToken()]; }

  /** CPython's _PyPegen_get_last_nonnwhitespace_token. */
  private lastToken(): number {
    let i = this.pos - 1;
    for (;;) {
      const k = this.kinds[i];
      if (k !== Tok.NEWLINE && k !== Tok.DEDENT && k !== Tok.INDENT && k !== Tok.ENDMARKER) return i;
      if (i === 0) return 0;
      i--;
    }
  }

  /**
   * Runs `rule`; if it fails with a syntax error, puts the cursor back and returns null (a PEG
   * alternative that does not match). Used where an error message needs to know what follows.
   */
  tryParse<T>(rule: (p: Parser) => T): T | null {
    const save = this.pos;
    try {
      return rule(this);
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      this.pos = save;
      return null;
    }
  }

  // ---- errors -------------------------------------------------------------------------------

  /**
   * A generic error at the furthest token looked at: "invalid syntax", or CPython's
   * "unexpected indent" / "unexpected unindent" when that token is an INDENT or DEDENT.
   */
  fail(): never {
    const i = Math.min(this.maxPos, this.ts.count - 1);
    const k = this.kinds[i];
    const t = k === Tok.INDENT ? Messages.unexpectedIndent : k === Tok.DEDENT ? Messages.unexpectedUnindent : Messages.invalidSyntax;
    throw ParseError.from(t, [], this.L[i], this.C[i], this.EL[i], this.EC[i]);
  }

  /** An error at the last token fetched (where CPython's RAISE_SYNTAX_ERROR points). */
  errorAtLastToken(t: MessageTemplate, args: readonly (string | number)[] = []): never {
    this.errorAtToken(t, args, Math.min(this.maxPos, this.ts.count - 1));
  }

  errorAtToken(t: MessageTemplate, args: readonly (string | number)[], i: number): never {
    throw ParseError.from(t, args, this.L[i], this.C[i], this.EL[i], this.EC[i]);
  }

  errorAtNode(
    t: MessageTemplate,
    args: readonly (string | number)[],
    node: { lineno: number; col_offset: number; end_lineno: number; end_col_offset: number },
    endNode: { end_lineno: number; end_col_offset: number } = node,
  ): never {
    throw ParseError.from(t, args, node.lineno, node.col_offset, endNode.end_lineno, endNode.end_col_offset);
  }

  errorAt(t: MessageTemplate, args: readonly (string | number)[], lineno: number, col: number): never {
    throw ParseError.from(t, args, lineno, col, lineno, col);
  }
}

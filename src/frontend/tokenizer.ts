// tokenizer.ts — Python 3.11 source text to a token stream, the way CPython's tokenizer does it.
//
// Takes: a SourceText (decoded, newlines normalised). Hands on: a TokenStream (see tokens.ts),
// whose last token is ENDMARKER, or ERRORTOKEN with `stream.error` describing what went wrong
// (the tokenizer stops at its first error, as CPython's does).
//
// Mirrors CPython's tok_get: INDENT/DEDENT from a stack of columns, with tabs to multiples of 8
// and a second "alternate" column (tabs = 1) to detect inconsistent tabs and spaces; form feed
// resets the column; blank and comment-only lines and lines inside brackets are not indented;
// backslash continuation; every number and string form; soft keywords stay NAMEs. Strings,
// f-strings included, are single STRING tokens: the parser decodes them (strings.ts).
// Columns are UTF-8 byte offsets, computed cheaply while the current line is ASCII.

import { Tok, KEYWORDS, TokErrorKind, TokenStream, type TokenizerError } from './tokens.js';
import { Messages, type MessageTemplate } from './diagnostics.js';
import { isIdentifierStartChar, isIdentifierContinueChar, isPrintableChar } from './chars.js';
import { describeUtf8Error, escapedByte, type SourceText } from './source.js';

const TABSIZE = 8;
const MAXINDENT = 100;
const MAXLEVEL = 200;

const enum C {
  TAB = 9, LF = 10, FF = 12, SPACE = 32, BANG = 33, DQUOTE = 34, HASH = 35, PERCENT = 37,
  AMP = 38, SQUOTE = 39, LPAR = 40, RPAR = 41, STAR = 42, PLUS = 43, COMMA = 44, MINUS = 45,
  DOT = 46, SLASH = 47, ZERO = 48, SEVEN = 55, NINE = 57, COLON = 58, SEMI = 59, LT = 60, EQ = 61,
  GT = 62, AT = 64, A_UP = 65, B_UP = 66, E_UP = 69, F_UP = 70, J_UP = 74, O_UP = 79, R_UP = 82,
  U_UP = 85, X_UP = 88, Z_UP = 90, LSQB = 91, BACKSLASH = 92, RSQB = 93, CARET = 94,
  UNDERSCORE = 95, A = 97, B = 98, E = 101, F = 102, J = 106, O = 111, R = 114, U = 117, X = 120,
  Z = 122, LBRACE = 123, VBAR = 124, RBRACE = 125, TILDE = 126,
}

/** Thrown internally to stop at the first error; never escapes `tokenize`. */
class StopTokenizing {}

function isDigit(c: number): boolean {
  return c >= C.ZERO && c <= C.NINE;
}
function isHexDigit(c: number): boolean {
  return (c >= C.ZERO && c <= C.NINE) || (c >= C.A && c <= C.F) || (c >= C.A_UP && c <= C.F_UP);
}
/** CPython's is_potential_identifier_start: ASCII letters, '_' and every non-ASCII character. */
function isPotentialIdStart(c: number): boolean {
  return (c >= C.A && c <= C.Z) || (c >= C.A_UP && c <= C.Z_UP) || c === C.UNDERSCORE || c >= 128;
}
function isPotentialIdChar(c: number): boolean {
  return isPotentialIdStart(c) || isDigit(c);
}

export function tokenize(source: SourceText): TokenStream {
  return new Tokenizer(source).run();
}

class Tokenizer {
  private readonly text: string;
  private readonly len: number;
  private readonly out: TokenStream;
  private pos = 0;
  private lineno = 1;
  private lineStart = 0;
  private prevLineStart = 0;
  /** set once a non-ASCII character is seen on the current line: columns then need UTF-8 counting */
  private lineNonAscii = false;
  private colCachePos = 0;
  private colCacheBytes = 0;

  private atBol = true;
  /** the current line held only whitespace and a comment when its indentation was measured */
  private blankLine = false;
  private indstack: number[] = [0];
  private altindstack: number[] = [0];
  private pendin = 0;
  private readonly parenStack: { ch: number; lineno: number; col: number }[] = [];

  constructor(private readonly source: SourceText) {
    this.text = source.text;
    this.len = this.text.length;
    this.out = new TokenStream((this.len >> 2) + 16);
  }

  run(): TokenStream {
    try {
      while (this.next()) { /* one token per call */ }
    } catch (e) {
      if (!(e instanceof StopTokenizing)) throw e;
    }
    return this.out;
  }

  // ---- positions ----------------------------------------------------------------------------

  private byteCol(pos: number): number {
    if (!this.lineNonAscii) return pos - this.lineStart;
    let p = this.lineStart;
    let bytes = 0;
    if (this.colCachePos >= this.lineStart && this.colCachePos <= pos) {
      p = this.colCachePos;
      bytes = this.colCacheBytes;
    }
    const t = this.text;
    for (; p < pos; p++) {
      const c = t.charCodeAt(p);
      if (c < 0x80) bytes += 1;
      else if (c < 0x800) bytes += 2;
      else if (c >= 0xd800 && c <= 0xdbff && p + 1 < pos) {
        const d = t.charCodeAt(p + 1);
        if (d >= 0xdc00 && d <= 0xdfff) { bytes += 4; p++; } else bytes += 3;
      } else if (c >= 0xdc80 && c <= 0xdcff) bytes += 1; // an undecodable byte kept as itself
      else bytes += 3;
    }
    this.colCachePos = pos;
    this.colCacheBytes = bytes;
    return bytes;
  }

  private newLine(nextLineStart: number): void {
    this.lineno++;
    this.prevLineStart = this.lineStart;
    this.lineStart = nextLineStart;
    this.lineNonAscii = false;
  }

  private emit(kind: Tok, start: number, startLine: number, startCol: number): void {
    this.out.push(kind, start, this.pos, startLine, startCol, this.lineno, this.byteCol(this.pos));
  }

  // ---- errors ---------------------------------------------------------------------------------

  private fail(
    kind: TokErrorKind,
    template: MessageTemplate,
    args: (string | number)[],
    lineno: number,
    col: number,
    extra?: Partial<TokenizerError>,
  ): never {
    const message = template.text.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)]));
    const index = this.out.push(Tok.ERRORTOKEN, this.pos, this.pos, lineno, col, lineno, col);
    this.out.error = {
      kind,
      code: template.code,
      message,
      lineno,
      col,
      end_lineno: lineno,
      end_col: col,
      tokenIndex: index,
      ...extra,
    };
    throw new StopTokenizing();
  }

  private failHere(template: MessageTemplate, args: (string | number)[] = [], pos = this.pos): never {
    this.fail(TokErrorKind.Raised, template, args, this.lineno, this.byteCol(pos));
  }

  // ---- the main loop --------------------------------------------------------------------------

  /** Emits one token (or several DEDENTs); returns false after ENDMARKER. */
  private next(): boolean {
    const t = this.text;
    if (this.atBol) {
      this.atBol = false;
      if (!this.indentation()) return true;
    }
    if (this.pendin !== 0) {
      const col = this.byteCol(this.pos);
      if (this.pendin < 0) {
        this.pendin++;
        this.out.push(Tok.DEDENT, this.pos, this.pos, this.lineno, col, this.lineno, col);
      } else {
        this.pendin--;
        this.out.push(Tok.INDENT, this.lineStart, this.pos, this.lineno, 0, this.lineno, col);
      }
      return true;
    }

    // skip spaces, tabs, form feeds, and a comment
    let c = t.charCodeAt(this.pos);
    while (c === C.SPACE || c === C.TAB || c === C.FF) c = t.charCodeAt(++this.pos);
    if (c === C.HASH) {
      while (this.pos < this.len && t.charCodeAt(this.pos) !== C.LF) this.pos++;
      c = t.charCodeAt(this.pos);
    }

    if (this.pos >= this.len) return this.endOfFile();

    const start = this.pos;
    const startCol = this.byteCol(start);
    const line = this.lineno;

    if (isPotentialIdStart(c)) return this.nameOrString(start, line, startCol);

    if (c === C.LF) {
      this.pos++;
      const skip = this.blankLine || this.parenStack.length > 0;
      if (!skip) this.out.push(Tok.NEWLINE, start, this.pos, line, startCol, line, startCol + 1);
      this.newLine(this.pos);
      this.atBol = true;
      return true;
    }

    if (c === C.DOT) {
      const c1 = t.charCodeAt(start + 1);
      if (isDigit(c1)) return this.number(start, line, startCol);
      if (c1 === C.DOT && t.charCodeAt(start + 2) === C.DOT) {
        this.pos += 3;
        this.emit(Tok.ELLIPSIS, start, line, startCol);
        return true;
      }
      this.pos++;
      this.emit(Tok.DOT, start, line, startCol);
      return true;
    }

    if (isDigit(c)) return this.number(start, line, startCol);

    if (c === C.SQUOTE || c === C.DQUOTE) return this.string(start, line, startCol);

    if (c === C.BACKSLASH) {
      const c1 = t.charCodeAt(start + 1);
      if (start + 1 >= this.len) {
        // CPython adds the missing final newline, so this is a continuation into the end of file
        this.pos = this.len;
        this.fail(TokErrorKind.Eof, Messages.unexpectedEof, [], this.lineno, this.byteCol(start + 1));
      }
      if (c1 !== C.LF) {
        this.pos++;
        this.fail(TokErrorKind.Indentation, Messages.unexpectedCharAfterContinuation, [], this.lineno, this.byteCol(this.pos));
      }
      this.pos += 2;
      this.newLine(this.pos);
      if (this.pos >= this.len) {
        this.fail(TokErrorKind.Eof, Messages.unexpectedEof, [], this.lineno, 0);
      }
      return true;
    }

    return this.operator(c, start, line, startCol);
  }

  /**
   * At the beginning of a logical line: measure the indentation and queue INDENT/DEDENT.
   * Returns false if it emitted nothing and the caller should go on.
   */
  private indentation(): boolean {
    const t = this.text;
    let col = 0;
    let altcol = 0;
    let p = this.pos;
    for (;;) {
      const c = t.charCodeAt(p);
      if (c === C.SPACE) { col++; altcol++; }
      else if (c === C.TAB) { col = (Math.floor(col / TABSIZE) + 1) * TABSIZE; altcol++; }
      else if (c === C.FF) { col = altcol = 0; }
      else break;
      p++;
    }
    const c = t.charCodeAt(p);
    // Lines with only whitespace and/or a comment, and the end of the file, do not count.
    // (At the end of the file the remaining DEDENTs come from endOfFile.)
    const blank = c === C.HASH || c === C.LF || p >= this.len;
    this.blankLine = blank;
    if (blank || this.parenStack.length > 0) return true;
    this.pos = p;
    const ind = this.indstack;
    const alt = this.altindstack;
    let top = ind.length - 1;
    if (col === ind[top]) {
      if (altcol !== alt[top]) this.indentError(p);
    } else if (col > ind[top]) {
      if (ind.length >= MAXINDENT) {
        this.fail(TokErrorKind.Indentation, Messages.tooDeepIndent, [], this.lineno, 0);
      }
      if (altcol <= alt[top]) this.indentError(p);
      this.pendin++;
      ind.push(col);
      alt.push(altcol);
    } else {
      while (top > 0 && col < ind[top]) {
        this.pendin--;
        ind.pop();
        alt.pop();
        top--;
      }
      if (col !== ind[top]) {
        this.fail(TokErrorKind.Indentation, Messages.unindentMismatch, [], this.lineno, this.byteCol(p), {
          end_col: -1,
        });
      }
      if (altcol !== alt[top]) this.indentError(p);
    }
    return true;
  }

  private indentError(_p: number): never {
    this.fail(TokErrorKind.Indentation, Messages.inconsistentTabs, [], this.lineno, 0);
  }

  private endOfFile(): boolean {
    const col = this.byteCol(this.pos);
    if (this.parenStack.length > 0) {
      const b = this.parenStack[this.parenStack.length - 1];
      this.fail(TokErrorKind.EofInBrackets, Messages.neverClosed, [String.fromCharCode(b.ch)], this.lineno, col, {
        bracket: { char: String.fromCharCode(b.ch), lineno: b.lineno, col: b.col },
      });
    }
    // The last line may lack its newline: CPython adds one, so a NEWLINE comes first.
    const last = this.out.count > 0 ? this.out.kind[this.out.count - 1] : Tok.NEWLINE;
    if (last !== Tok.NEWLINE && last !== Tok.DEDENT && last !== Tok.INDENT) {
      this.out.push(Tok.NEWLINE, this.pos, this.pos, this.lineno, col, this.lineno, col + 1);
    }
    // CPython puts the end-of-file DEDENTs and ENDMARKER at the end of the last line read.
    let endLine = this.lineno;
    let endCol = col;
    if (this.pos === this.lineStart && this.lineno > 1) {
      endLine = this.lineno - 1;
      endCol = Buffer.byteLength(this.text.slice(this.prevLineStart, this.lineStart - 1), 'utf8');
    }
    while (this.indstack.length > 1) {
      this.indstack.pop();
      this.altindstack.pop();
      this.out.push(Tok.DEDENT, this.pos, this.pos, endLine, endCol, endLine, endCol);
    }
    this.out.push(Tok.ENDMARKER, this.pos, this.pos, endLine, endCol, endLine, endCol);
    return false;
  }

  // ---- names, keywords and string prefixes ----------------------------------------------------

  private nameOrString(start: number, line: number, startCol: number): boolean {
    const t = this.text;
    let p = start;
    // String prefixes: b, r, u, f and the combinations CPython allows (br, rb, fr, rf).
    let sawB = false, sawR = false, sawU = false, sawF = false;
    for (;;) {
      const c = t.charCodeAt(p);
      if (!(sawB || sawU || sawF) && (c === C.B || c === C.B_UP)) sawB = true;
      else if (!(sawB || sawU || sawR || sawF) && (c === C.U || c === C.U_UP)) sawU = true;
      else if (!(sawR || sawU) && (c === C.R || c === C.R_UP)) sawR = true;
      else if (!(sawF || sawB || sawU) && (c === C.F || c === C.F_UP)) sawF = true;
      else break;
      p++;
      const q = t.charCodeAt(p);
      if (q === C.SQUOTE || q === C.DQUOTE) {
        this.pos = p;
        return this.string(start, line, startCol);
      }
    }
    let nonAscii = false;
    for (;;) {
      const c = t.charCodeAt(p);
      if ((c >= C.A && c <= C.Z) || (c >= C.A_UP && c <= C.Z_UP) || c === C.UNDERSCORE || isDigit(c)) {
        p++;
      } else if (c >= 128 && p < this.len) {
        nonAscii = true;
        p++;
      } else break;
    }
    if (nonAscii) {
      this.lineNonAscii = true;
      this.verifyIdentifier(start, p);
    }
    this.pos = p;
    let kind = Tok.NAME;
    const n = p - start;
    if (n >= 2 && n <= 8) {
      const kw = KEYWORDS.get(t.slice(start, p));
      if (kw !== undefined) kind = kw;
    }
    this.emit(kind, start, line, startCol);
    return true;
  }

  /** CPython's verify_identifier: the raw characters must be XID_Start / XID_Continue. */
  private verifyIdentifier(start: number, end: number): void {
    const t = this.text;
    let first = true;
    for (let p = start; p < end; ) {
      const cp = t.codePointAt(p)!;
      const size = cp > 0xffff ? 2 : 1;
      if (escapedByte(cp) >= 0) {
        const e = describeUtf8Error(t, start, end, p);
        this.pos = p;
        this.failHere(Messages.invalidUtf8, [e.byte.toString(16), e.position, e.reason], p);
      }
      const ok = first ? isIdentifierStartChar(cp) : isIdentifierContinueChar(cp);
      if (!ok) {
        this.pos = p + size;
        const hex = cp.toString(16).toUpperCase().padStart(4, '0');
        if (isPrintableChar(cp)) this.failHere(Messages.invalidCharacter, [String.fromCodePoint(cp), hex], p);
        this.failHere(Messages.invalidNonPrintable, [hex], p);
      }
      first = false;
      p += size;
    }
  }

  // ---- numbers --------------------------------------------------------------------------------
  // The scanning functions below advance this.pos and return the character found there.

  private peek(): number {
    return this.text.charCodeAt(this.pos);
  }
  private advance(): number {
    return this.text.charCodeAt(++this.pos);
  }

  /** Digits with single underscores between them; returns the character after them. */
  private decimalTail(): number {
    let c = this.peek();
    for (;;) {
      while (isDigit(c)) c = this.advance();
      if (c !== C.UNDERSCORE) return c;
      c = this.advance();
      if (!isDigit(c)) this.failHere(Messages.invalidNumber, ['decimal']);
    }
  }

  private number(start: number, line: number, startCol: number): boolean {
    let c = this.peek();
    if (c === C.ZERO) {
      c = this.advance();
      if (c === C.X || c === C.X_UP) return this.radixNumber(16, 'hexadecimal', start, line, startCol);
      if (c === C.O || c === C.O_UP) return this.radixNumber(8, 'octal', start, line, startCol);
      if (c === C.B || c === C.B_UP) return this.radixNumber(2, 'binary', start, line, startCol);
      // zeros, then maybe an old-style octal (an error) or a float
      for (;;) {
        if (c === C.UNDERSCORE) {
          c = this.advance();
          if (!isDigit(c)) this.failHere(Messages.invalidNumber, ['decimal']);
        }
        if (c !== C.ZERO) break;
        c = this.advance();
      }
      const afterZeros = this.pos;
      const nonzero = isDigit(c);
      if (nonzero) c = this.decimalTail();
      if (c !== C.DOT && c !== C.E && c !== C.E_UP && c !== C.J && c !== C.J_UP) {
        if (nonzero) {
          this.fail(TokErrorKind.Raised, Messages.leadingZeros, [], this.lineno, this.byteCol(start), {
            end_col: this.byteCol(afterZeros),
          });
        }
        this.verifyEndOfNumber(c, 'decimal');
        this.emit(Tok.NUMBER, start, line, startCol);
        return true;
      }
    } else if (c !== C.DOT) {
      c = this.decimalTail();
    }
    if (c === C.DOT) {
      c = this.advance();
      if (isDigit(c)) c = this.decimalTail();
    }
    if (c === C.E || c === C.E_UP) {
      const ePos = this.pos;
      c = this.advance();
      if (c === C.PLUS || c === C.MINUS) {
        c = this.advance();
        if (!isDigit(c)) this.failHere(Messages.invalidNumber, ['decimal']);
      } else if (!isDigit(c)) {
        // `1else`: the number ends before the 'e'
        this.pos = ePos;
        this.verifyEndOfNumber(this.peek(), 'decimal');
        this.emit(Tok.NUMBER, start, line, startCol);
        return true;
      }
      c = this.decimalTail();
    }
    if (c === C.J || c === C.J_UP) {
      c = this.advance();
      this.verifyEndOfNumber(c, 'imaginary');
    } else {
      this.verifyEndOfNumber(c, 'decimal');
    }
    this.emit(Tok.NUMBER, start, line, startCol);
    return true;
  }

  /** After the 0x / 0o / 0b prefix. */
  private radixNumber(radix: number, kind: string, start: number, line: number, startCol: number): boolean {
    const isRadixDigit =
      radix === 16 ? isHexDigit : radix === 8 ? (d: number) => d >= C.ZERO && d <= C.SEVEN : (d: number) => d === C.ZERO || d === C.ZERO + 1;
    let c = this.advance();
    const badDigit = (d: number): never => {
      this.pos++;
      this.failHere(Messages.invalidDigit, [String.fromCharCode(d), kind]);
    };
    do {
      if (c === C.UNDERSCORE) c = this.advance();
      if (!isRadixDigit(c)) {
        if (radix !== 16 && isDigit(c)) badDigit(c);
        this.failHere(Messages.invalidNumber, [kind]);
      }
      do c = this.advance(); while (isRadixDigit(c));
    } while (c === C.UNDERSCORE);
    if (radix !== 16 && isDigit(c)) badDigit(c);
    this.verifyEndOfNumber(c, kind);
    this.emit(Tok.NUMBER, start, line, startCol);
    return true;
  }

  /**
   * CPython's verify_end_of_number: a number directly followed by `and`, `else`, `for`, `if`,
   * `in`, `is`, `not` or `or` is accepted (CPython warns); followed by any other identifier
   * character it is an "invalid ... literal".
   */
  private verifyEndOfNumber(c: number, kind: string): void {
    const t = this.text;
    const p = this.pos;
    const follows = (s: string) => t.startsWith(s, p + 1);
    let keyword = false;
    if (c === C.A) keyword = follows('nd');
    else if (c === C.E) keyword = follows('lse');
    else if (c === C.F) keyword = follows('or');
    else if (c === 105 /* i */) {
      const c2 = t.charCodeAt(p + 1);
      keyword = c2 === C.F || c2 === 110 || c2 === 115; // f n s
    } else if (c === C.O) keyword = follows('r');
    else if (c === 110 /* n */) keyword = follows('ot');
    if (keyword) return;
    // (Only ASCII: CPython 3.11 lets a number be followed directly by a non-ASCII identifier.)
    if (p < this.len && c < 128 && isPotentialIdChar(c)) this.failHere(Messages.invalidNumber, [kind]);
  }

  // ---- strings --------------------------------------------------------------------------------

  /** At the opening quote (this.pos), with any prefix starting at `start`. */
  private string(start: number, line: number, startCol: number): boolean {
    const t = this.text;
    const quote = t.charCodeAt(this.pos);
    let p = this.pos + 1;
    let quoteSize = 1;
    if (t.charCodeAt(p) === quote) {
      if (t.charCodeAt(p + 1) === quote) {
        quoteSize = 3;
        p += 2;
      } else {
        // the empty string
        this.pos = p + 1;
        this.emit(Tok.STRING, start, line, startCol);
        return true;
      }
    }
    const firstLine = this.lineno;
    const firstLineStart = this.lineStart;
    const quotePos = this.pos;
    let endQuotes = 0;
    for (;;) {
      if (p >= this.len) return this.unterminated(quoteSize, firstLine, firstLineStart, quotePos);
      const c = t.charCodeAt(p);
      if (c === quote) {
        p++;
        if (++endQuotes === quoteSize) break;
        continue;
      }
      endQuotes = 0;
      if (c === C.LF) {
        if (quoteSize === 1) return this.unterminated(quoteSize, firstLine, firstLineStart, quotePos);
        p++;
        this.newLine(p);
        continue;
      }
      if (c === C.BACKSLASH) {
        const d = t.charCodeAt(p + 1);
        if (d === C.LF) {
          p += 2;
          this.newLine(p);
          continue;
        }
        if (d >= 128) this.lineNonAscii = true;
        p += p + 1 < this.len ? 2 : 1;
        continue;
      }
      if (c >= 128) this.lineNonAscii = true;
      p++;
    }
    this.pos = p;
    this.emit(Tok.STRING, start, line, startCol);
    return true;
  }

  private unterminated(quoteSize: number, firstLine: number, firstLineStart: number, quotePos: number): never {
    // at the end of the file the last line read is the one the final newline ended
    const atEofAfterNewline = this.lineStart >= this.len && this.lineno > firstLine;
    const detectedAt = atEofAfterNewline ? this.lineno - 1 : this.lineno;
    this.lineno = firstLine;
    this.lineStart = firstLineStart;
    this.lineNonAscii = true; // recompute columns from the start of the string's line
    this.colCachePos = -1;
    const template = quoteSize === 3 ? Messages.unterminatedTripleString : Messages.unterminatedString;
    this.pos = quotePos + 1;
    this.fail(TokErrorKind.Raised, template, [detectedAt], firstLine, this.byteCol(quotePos));
  }

  // ---- operators and brackets -------------------------------------------------------------------

  private operator(c: number, start: number, line: number, startCol: number): boolean {
    const t = this.text;
    const c1 = t.charCodeAt(start + 1);
    const c2 = t.charCodeAt(start + 2);
    let kind: Tok;
    let size = 1;
    switch (c) {
      case C.LPAR: case C.LSQB: case C.LBRACE: {
        if (this.parenStack.length >= MAXLEVEL) {
          this.pos = start + 1;
          this.failHere(Messages.tooManyNestedBrackets, [], start);
        }
        this.parenStack.push({ ch: c, lineno: line, col: startCol });
        kind = c === C.LPAR ? Tok.LPAR : c === C.LSQB ? Tok.LSQB : Tok.LBRACE;
        break;
      }
      case C.RPAR: case C.RSQB: case C.RBRACE: {
        const closing = String.fromCharCode(c);
        if (this.parenStack.length === 0) {
          this.pos = start + 1;
          this.failHere(Messages.unmatchedBracket, [closing], start);
        }
        const open = this.parenStack.pop()!;
        const expected = open.ch === C.LPAR ? C.RPAR : open.ch === C.LSQB ? C.RSQB : C.RBRACE;
        if (c !== expected) {
          this.pos = start + 1;
          const opening = String.fromCharCode(open.ch);
          if (open.lineno !== line) {
            this.failHere(Messages.mismatchedBracketOnLine, [closing, opening, open.lineno], start);
          }
          this.failHere(Messages.mismatchedBracket, [closing, opening], start);
        }
        kind = c === C.RPAR ? Tok.RPAR : c === C.RSQB ? Tok.RSQB : Tok.RBRACE;
        break;
      }
      case C.COLON: if (c1 === C.EQ) { kind = Tok.COLONEQUAL; size = 2; } else kind = Tok.COLON; break;
      case C.COMMA: kind = Tok.COMMA; break;
      case C.SEMI: kind = Tok.SEMI; break;
      case C.PLUS: if (c1 === C.EQ) { kind = Tok.PLUSEQUAL; size = 2; } else kind = Tok.PLUS; break;
      case C.MINUS:
        if (c1 === C.EQ) { kind = Tok.MINEQUAL; size = 2; }
        else if (c1 === C.GT) { kind = Tok.ARROW; size = 2; }
        else kind = Tok.MINUS;
        break;
      case C.STAR:
        if (c1 === C.STAR) {
          if (c2 === C.EQ) { kind = Tok.DOUBLESTAREQUAL; size = 3; } else { kind = Tok.DOUBLESTAR; size = 2; }
        } else if (c1 === C.EQ) { kind = Tok.STAREQUAL; size = 2; } else kind = Tok.STAR;
        break;
      case C.SLASH:
        if (c1 === C.SLASH) {
          if (c2 === C.EQ) { kind = Tok.DOUBLESLASHEQUAL; size = 3; } else { kind = Tok.DOUBLESLASH; size = 2; }
        } else if (c1 === C.EQ) { kind = Tok.SLASHEQUAL; size = 2; } else kind = Tok.SLASH;
        break;
      case C.VBAR: if (c1 === C.EQ) { kind = Tok.VBAREQUAL; size = 2; } else kind = Tok.VBAR; break;
      case C.AMP: if (c1 === C.EQ) { kind = Tok.AMPEREQUAL; size = 2; } else kind = Tok.AMPER; break;
      case C.LT:
        if (c1 === C.LT) {
          if (c2 === C.EQ) { kind = Tok.LEFTSHIFTEQUAL; size = 3; } else { kind = Tok.LEFTSHIFT; size = 2; }
        } else if (c1 === C.EQ) { kind = Tok.LESSEQUAL; size = 2; }
        else if (c1 === C.GT) { kind = Tok.LTGT; size = 2; }
        else kind = Tok.LESS;
        break;
      case C.GT:
        if (c1 === C.GT) {
          if (c2 === C.EQ) { kind = Tok.RIGHTSHIFTEQUAL; size = 3; } else { kind = Tok.RIGHTSHIFT; size = 2; }
        } else if (c1 === C.EQ) { kind = Tok.GREATEREQUAL; size = 2; } else kind = Tok.GREATER;
        break;
      case C.EQ: if (c1 === C.EQ) { kind = Tok.EQEQUAL; size = 2; } else kind = Tok.EQUAL; break;
      case C.BANG: if (c1 === C.EQ) { kind = Tok.NOTEQUAL; size = 2; } else kind = Tok.OP_OTHER; break;
      case C.PERCENT: if (c1 === C.EQ) { kind = Tok.PERCENTEQUAL; size = 2; } else kind = Tok.PERCENT; break;
      case C.TILDE: kind = Tok.TILDE; break;
      case C.CARET: if (c1 === C.EQ) { kind = Tok.CIRCUMFLEXEQUAL; size = 2; } else kind = Tok.CIRCUMFLEX; break;
      case C.AT: if (c1 === C.EQ) { kind = Tok.ATEQUAL; size = 2; } else kind = Tok.AT; break;
      default: {
        if (!isPrintableChar(c)) {
          this.pos = start + 1;
          const hex = c.toString(16).toUpperCase().padStart(4, '0');
          this.failHere(Messages.invalidNonPrintable, [hex], start);
        }
        kind = Tok.OP_OTHER;
      }
    }
    this.pos = start + size;
    this.out.depth = this.parenStack.length;
    this.emit(kind, start, line, startCol);
    return true;
  }
}

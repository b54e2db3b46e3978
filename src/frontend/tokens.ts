// tokens.ts — token kinds and the token stream the tokenizer hands to the parser.
//
// The stream is stored as parallel typed arrays (one entry per token) rather than one object per
// token: the tokenizer fills it in one pass, the parser reads it by index and can look ahead or
// back up freely, and nothing is allocated per token. Positions follow CPython: 1-based lines,
// 0-based columns in UTF-8 bytes; `start`/`end` are offsets into the decoded source string.

export const enum Tok {
  ENDMARKER,
  NAME,
  NUMBER,
  STRING,
  NEWLINE,
  INDENT,
  DEDENT,
  /** a tokenizer error: see TokenStream.error */
  ERRORTOKEN,
  // operators
  LPAR, RPAR, LSQB, RSQB, LBRACE, RBRACE,
  COLON, COMMA, SEMI, DOT, ELLIPSIS, ARROW, COLONEQUAL, AT, ATEQUAL,
  PLUS, MINUS, STAR, SLASH, VBAR, AMPER, LESS, GREATER, EQUAL, PERCENT, TILDE, CIRCUMFLEX,
  EQEQUAL, NOTEQUAL, LESSEQUAL, GREATEREQUAL, LEFTSHIFT, RIGHTSHIFT, DOUBLESTAR, DOUBLESLASH,
  PLUSEQUAL, MINEQUAL, STAREQUAL, SLASHEQUAL, PERCENTEQUAL, AMPEREQUAL, VBAREQUAL, CIRCUMFLEXEQUAL,
  LEFTSHIFTEQUAL, RIGHTSHIFTEQUAL, DOUBLESTAREQUAL, DOUBLESLASHEQUAL,
  /** `<>`: a token CPython's tokenizer knows but its grammar never accepts */
  LTGT,
  /** any other single punctuation character (`$`, `?`, `!`, `` ` ``): never accepted */
  OP_OTHER,
  // keywords (soft keywords `match`, `case`, `_` stay NAME)
  KW_FALSE, KW_NONE, KW_TRUE, KW_AND, KW_AS, KW_ASSERT, KW_ASYNC, KW_AWAIT, KW_BREAK, KW_CLASS,
  KW_CONTINUE, KW_DEF, KW_DEL, KW_ELIF, KW_ELSE, KW_EXCEPT, KW_FINALLY, KW_FOR, KW_FROM, KW_GLOBAL,
  KW_IF, KW_IMPORT, KW_IN, KW_IS, KW_LAMBDA, KW_NONLOCAL, KW_NOT, KW_OR, KW_PASS, KW_RAISE,
  KW_RETURN, KW_TRY, KW_WHILE, KW_WITH, KW_YIELD,
}

export const KEYWORDS: ReadonlyMap<string, Tok> = new Map([
  ['False', Tok.KW_FALSE], ['None', Tok.KW_NONE], ['True', Tok.KW_TRUE], ['and', Tok.KW_AND],
  ['as', Tok.KW_AS], ['assert', Tok.KW_ASSERT], ['async', Tok.KW_ASYNC], ['await', Tok.KW_AWAIT],
  ['break', Tok.KW_BREAK], ['class', Tok.KW_CLASS], ['continue', Tok.KW_CONTINUE], ['def', Tok.KW_DEF],
  ['del', Tok.KW_DEL], ['elif', Tok.KW_ELIF], ['else', Tok.KW_ELSE], ['except', Tok.KW_EXCEPT],
  ['finally', Tok.KW_FINALLY], ['for', Tok.KW_FOR], ['from', Tok.KW_FROM], ['global', Tok.KW_GLOBAL],
  ['if', Tok.KW_IF], ['import', Tok.KW_IMPORT], ['in', Tok.KW_IN], ['is', Tok.KW_IS],
  ['lambda', Tok.KW_LAMBDA], ['nonlocal', Tok.KW_NONLOCAL], ['not', Tok.KW_NOT], ['or', Tok.KW_OR],
  ['pass', Tok.KW_PASS], ['raise', Tok.KW_RAISE], ['return', Tok.KW_RETURN], ['try', Tok.KW_TRY],
  ['while', Tok.KW_WHILE], ['with', Tok.KW_WITH], ['yield', Tok.KW_YIELD],
]);

/** The spelling of each fixed token, for `emit tokens` and for diagnostics ("expected ':'"). */
export const TOKEN_TEXT: Readonly<Partial<Record<Tok, string>>> = {
  [Tok.LPAR]: '(', [Tok.RPAR]: ')', [Tok.LSQB]: '[', [Tok.RSQB]: ']', [Tok.LBRACE]: '{', [Tok.RBRACE]: '}',
  [Tok.COLON]: ':', [Tok.COMMA]: ',', [Tok.SEMI]: ';', [Tok.DOT]: '.', [Tok.ELLIPSIS]: '...',
  [Tok.ARROW]: '->', [Tok.COLONEQUAL]: ':=', [Tok.AT]: '@', [Tok.ATEQUAL]: '@=', [Tok.PLUS]: '+',
  [Tok.MINUS]: '-', [Tok.STAR]: '*', [Tok.SLASH]: '/', [Tok.VBAR]: '|', [Tok.AMPER]: '&',
  [Tok.LESS]: '<', [Tok.GREATER]: '>', [Tok.EQUAL]: '=', [Tok.PERCENT]: '%', [Tok.TILDE]: '~',
  [Tok.CIRCUMFLEX]: '^', [Tok.EQEQUAL]: '==', [Tok.NOTEQUAL]: '!=', [Tok.LESSEQUAL]: '<=',
  [Tok.GREATEREQUAL]: '>=', [Tok.LEFTSHIFT]: '<<', [Tok.RIGHTSHIFT]: '>>', [Tok.DOUBLESTAR]: '**',
  [Tok.DOUBLESLASH]: '//', [Tok.PLUSEQUAL]: '+=', [Tok.MINEQUAL]: '-=', [Tok.STAREQUAL]: '*=',
  [Tok.SLASHEQUAL]: '/=', [Tok.PERCENTEQUAL]: '%=', [Tok.AMPEREQUAL]: '&=', [Tok.VBAREQUAL]: '|=',
  [Tok.CIRCUMFLEXEQUAL]: '^=', [Tok.LEFTSHIFTEQUAL]: '<<=', [Tok.RIGHTSHIFTEQUAL]: '>>=',
  [Tok.DOUBLESTAREQUAL]: '**=', [Tok.DOUBLESLASHEQUAL]: '//=', [Tok.LTGT]: '<>',
};

/** CPython's token type names, for `pync emit tokens`. */
export function tokenTypeName(kind: Tok): string {
  switch (kind) {
    case Tok.ENDMARKER: return 'ENDMARKER';
    case Tok.NAME: return 'NAME';
    case Tok.NUMBER: return 'NUMBER';
    case Tok.STRING: return 'STRING';
    case Tok.NEWLINE: return 'NEWLINE';
    case Tok.INDENT: return 'INDENT';
    case Tok.DEDENT: return 'DEDENT';
    case Tok.ERRORTOKEN: return 'ERRORTOKEN';
    default:
      return kind >= Tok.KW_FALSE ? 'NAME' : 'OP';
  }
}

/** How a tokenizer error interacts with parse errors (mirrors CPython's pegen). */
export const enum TokErrorKind {
  /** raised by the tokenizer itself: reported whatever the parser did before reaching it */
  Raised,
  /** end of file inside brackets: reported as "'(' was never closed" */
  EofInBrackets,
  /** end of file after a line continuation or inside a statement */
  Eof,
  /** reported only when the parser reaches the token (IndentationError / TabError) */
  Indentation,
}

export interface TokenizerError {
  kind: TokErrorKind;
  code: string;
  message: string;
  lineno: number;
  /** 0-based UTF-8 byte column */
  col: number;
  end_lineno: number;
  end_col: number;
  /** the index of the ERRORTOKEN in the stream */
  tokenIndex: number;
  /** for EofInBrackets: the innermost unclosed bracket */
  bracket?: { char: string; lineno: number; col: number };
}

export class TokenStream {
  kind: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  line: Int32Array;
  col: Int32Array;
  endLine: Int32Array;
  endCol: Int32Array;
  /** bracket depth after each token (CPython's token->level) */
  level: Uint8Array;
  /** the depth the next pushed token records; kept by the tokenizer */
  depth = 0;
  count = 0;
  error: TokenizerError | null = null;

  constructor(capacity: number) {
    capacity = Math.max(16, capacity);
    this.kind = new Uint8Array(capacity);
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.line = new Int32Array(capacity);
    this.col = new Int32Array(capacity);
    this.endLine = new Int32Array(capacity);
    this.endCol = new Int32Array(capacity);
    this.level = new Uint8Array(capacity);
  }

  push(kind: Tok, start: number, end: number, line: number, col: number, endLine: number, endCol: number): number {
    if (this.count === this.kind.length) this.grow();
    const i = this.count++;
    this.kind[i] = kind;
    this.start[i] = start;
    this.end[i] = end;
    this.line[i] = line;
    this.col[i] = col;
    this.endLine[i] = endLine;
    this.endCol[i] = endCol;
    this.level[i] = this.depth;
    return i;
  }

  private grow(): void {
    const n = this.kind.length * 2;
    const growU8 = (a: Uint8Array) => { const b = new Uint8Array(n); b.set(a); return b; };
    const growI32 = (a: Int32Array) => { const b = new Int32Array(n); b.set(a); return b; };
    this.kind = growU8(this.kind);
    this.start = growI32(this.start);
    this.end = growI32(this.end);
    this.line = growI32(this.line);
    this.col = growI32(this.col);
    this.endLine = growI32(this.endLine);
    this.endCol = growI32(this.endCol);
    this.level = growU8(this.level);
  }
}

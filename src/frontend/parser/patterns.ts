// parser/patterns.ts — the `match` statement and its patterns (PEP 634).
//
// Takes: a Parser at the soft keyword `match`. Hands on: a Match statement, or null when the
// line is not a match statement after all (`match = 1`, `match(x)`), in which case the caller
// parses it as an ordinary statement — as CPython's PEG parser does by trying match_stmt first.

import { Tok } from '../tokens.js';
import { Messages } from '../diagnostics.js';
import { PyComplex, type Expr, type MatchCaseNode, type Pattern, type Stmt } from '../ast.js';
import { Parser, ParseError } from './core.js';
import { parseNamedExpression, parseStarNamedExpression } from './expressions.js';
import { parseNumber } from './numbers.js';
import { parseStrings } from './strings.js';
import { parseBlock } from './statements.js';

// match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT
export function parseMatchStatement(p: Parser): Stmt | null {
  const s = p.pos;
  p.pos++;
  let subject: Expr;
  try {
    subject = parseSubject(p);
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    p.pos = s;
    return null;
  }
  if (p.peek() !== Tok.COLON || p.peekAt(1) !== Tok.NEWLINE) {
    p.pos = s;
    return null;
  }
  p.pos += 2;
  if (!p.eat(Tok.INDENT)) {
    p.peek();
    p.errorAtToken(Messages.expectedIndentedBlock, ["'match' statement", p.L[s]], p.pos);
  }
  const cases: MatchCaseNode[] = [];
  while (p.atSoftKeyword('case')) cases.push(parseCaseBlock(p));
  if (cases.length === 0 || p.peek() !== Tok.DEDENT) p.fail();
  p.pos++;
  return { _type: 'Match', subject, cases, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
}

// subject_expr:
//     | star_named_expression ',' star_named_expressions?
//     | named_expression
function parseSubject(p: Parser): Expr {
  const s = p.pos;
  const first = p.peek() === Tok.STAR ? parseStarNamedExpression(p) : parseNamedExpression(p);
  if (p.peek() !== Tok.COMMA) {
    if (first._type === 'Starred') p.fail();
    return first;
  }
  const elts = [first];
  while (p.eat(Tok.COMMA)) {
    if (p.peek() === Tok.COLON) break;
    elts.push(parseStarNamedExpression(p));
  }
  return { _type: 'Tuple', elts, ctx: 'Load', lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
}

// case_block: "case" patterns guard? ':' block
// guard: 'if' named_expression
function parseCaseBlock(p: Parser): MatchCaseNode {
  const s = p.pos++;
  const pattern = parsePatterns(p);
  const guard = p.eat(Tok.KW_IF) ? parseNamedExpression(p) : null;
  if (!p.eat(Tok.COLON)) {
    if (p.peek() === Tok.NEWLINE) p.errorAtToken(Messages.expectedToken, [':'], p.pos);
    p.fail();
  }
  const body = parseBlock(p, "'case' statement", p.L[s]);
  return { _type: 'match_case', pattern, guard, body };
}

// patterns: open_sequence_pattern | pattern
// open_sequence_pattern: maybe_star_pattern ',' maybe_sequence_pattern?
function parsePatterns(p: Parser): Pattern {
  const s = p.pos;
  const first = parseMaybeStarPattern(p);
  if (p.peek() !== Tok.COMMA) {
    if (first._type === 'MatchStar') p.fail();
    return first;
  }
  const patterns = [first];
  while (p.eat(Tok.COMMA)) {
    const k = p.peek();
    if (k === Tok.COLON || k === Tok.KW_IF) break;
    patterns.push(parseMaybeStarPattern(p));
  }
  return { _type: 'MatchSequence', patterns, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
}

// maybe_star_pattern: star_pattern | pattern
// star_pattern: '*' pattern_capture_target | '*' wildcard_pattern
function parseMaybeStarPattern(p: Parser): Pattern {
  if (p.peek() !== Tok.STAR) return parsePattern(p);
  const s = p.pos++;
  if (p.peek() !== Tok.NAME) p.fail();
  const name = p.identifier(p.pos++);
  return { _type: 'MatchStar', name: name === '_' ? null : name, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
}

// pattern: as_pattern | or_pattern
// as_pattern: or_pattern 'as' pattern_capture_target
function parsePattern(p: Parser): Pattern {
  const s = p.pos;
  const pattern = parseOrPattern(p);
  if (!p.eat(Tok.KW_AS)) return pattern;
  if (p.peek() !== Tok.NAME) p.errorAtToken(Messages.invalidPatternTarget, [], p.pos);
  const t = p.pos;
  const name = p.identifier(p.pos++);
  if (name === '_') p.errorAtToken(Messages.literalError, ["cannot use '_' as a target"], t);
  return { _type: 'MatchAs', pattern, name, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
}

// or_pattern: '|'.closed_pattern+
function parseOrPattern(p: Parser): Pattern {
  const s = p.pos;
  const first = parseClosedPattern(p);
  if (p.peek() !== Tok.VBAR) return first;
  const patterns = [first];
  while (p.eat(Tok.VBAR)) patterns.push(parseClosedPattern(p));
  return { _type: 'MatchOr', patterns, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
}

// closed_pattern:
//     | literal_pattern | capture_pattern | wildcard_pattern | value_pattern | group_pattern
//     | sequence_pattern | mapping_pattern | class_pattern
function parseClosedPattern(p: Parser): Pattern {
  const s = p.pos;
  switch (p.peek()) {
    case Tok.NUMBER: case Tok.MINUS: case Tok.STRING: {
      const value = parseLiteralExpr(p);
      return { _type: 'MatchValue', value, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
    }
    case Tok.KW_NONE: case Tok.KW_TRUE: case Tok.KW_FALSE: {
      const k = p.kinds[p.pos++];
      const value = k === Tok.KW_NONE ? null : k === Tok.KW_TRUE;
      return { _type: 'MatchSingleton', value, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
    }
    case Tok.NAME:
      return parseNamePattern(p);
    case Tok.LPAR:
      return parseParenPattern(p);
    case Tok.LSQB: {
      p.pos++;
      const patterns = parseMaybeSequence(p, Tok.RSQB);
      p.expect(Tok.RSQB);
      return { _type: 'MatchSequence', patterns, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
    }
    case Tok.LBRACE:
      return parseMappingPattern(p);
    default:
      return p.fail();
  }
}

// maybe_sequence_pattern: ','.maybe_star_pattern+ ','?
function parseMaybeSequence(p: Parser, close: Tok): Pattern[] {
  const patterns: Pattern[] = [];
  while (p.peek() !== close) {
    patterns.push(parseMaybeStarPattern(p));
    if (!p.eat(Tok.COMMA)) break;
  }
  return patterns;
}

// group_pattern: '(' pattern ')'
// sequence_pattern: '(' open_sequence_pattern? ')'
function parseParenPattern(p: Parser): Pattern {
  const s = p.pos++;
  if (p.eat(Tok.RPAR)) {
    return { _type: 'MatchSequence', patterns: [], lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
  }
  const first = parseMaybeStarPattern(p);
  if (p.peek() === Tok.RPAR && first._type !== 'MatchStar') {
    p.pos++;
    return first;
  }
  if (!p.eat(Tok.COMMA)) p.fail();
  const patterns = [first, ...parseMaybeSequence(p, Tok.RPAR)];
  p.expect(Tok.RPAR);
  return { _type: 'MatchSequence', patterns, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
}

// capture_pattern: pattern_capture_target            (!"_" NAME !('.' | '(' | '='))
// wildcard_pattern: "_"
// value_pattern: attr !('.' | '(' | '=')
// class_pattern: name_or_attr '(' [positional_patterns] [keyword_patterns] ')'
function parseNamePattern(p: Parser): Pattern {
  const s = p.pos;
  const name = p.identifier(p.pos++);
  if (name === '_') {
    return { _type: 'MatchAs', pattern: null, name: null, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
  }
  let cls: Expr = { _type: 'Name', id: name, ctx: 'Load', lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
  const k = p.peek();
  if (k === Tok.EQUAL) p.fail();
  if (k !== Tok.DOT && k !== Tok.LPAR) {
    return { _type: 'MatchAs', pattern: null, name, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
  }
  while (p.eat(Tok.DOT)) {
    if (p.peek() !== Tok.NAME) p.fail();
    const attr = p.identifier(p.pos++);
    cls = { _type: 'Attribute', value: cls, attr, ctx: 'Load', lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
  }
  if (p.peek() !== Tok.LPAR) {
    if (p.peek() === Tok.EQUAL) p.fail();
    return { _type: 'MatchValue', value: cls, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
  }
  return parseClassPattern(p, s, cls);
}

// class_pattern:
//     | name_or_attr '(' ')'
//     | name_or_attr '(' positional_patterns ','? ')'
//     | name_or_attr '(' keyword_patterns ','? ')'
//     | name_or_attr '(' positional_patterns ',' keyword_patterns ','? ')'
// keyword_pattern: NAME '=' pattern
function parseClassPattern(p: Parser, s: number, cls: Expr): Pattern {
  p.pos++; // '('
  const patterns: Pattern[] = [];
  const kwd_attrs: string[] = [];
  const kwd_patterns: Pattern[] = [];
  while (p.peek() !== Tok.RPAR) {
    if (p.peek() === Tok.NAME && p.peekAt(1) === Tok.EQUAL) {
      kwd_attrs.push(p.identifier(p.pos));
      p.pos += 2;
      kwd_patterns.push(parsePattern(p));
    } else {
      const a = p.pos;
      const pattern = parsePattern(p);
      if (kwd_attrs.length > 0) p.errorAtToken(Messages.positionalPatternAfterKeyword, [], a);
      patterns.push(pattern);
    }
    if (!p.eat(Tok.COMMA)) break;
  }
  p.expect(Tok.RPAR);
  return { _type: 'MatchClass', cls, patterns, kwd_attrs, kwd_patterns, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
}

// mapping_pattern:
//     | '{' '}'
//     | '{' double_star_pattern ','? '}'
//     | '{' items_pattern ',' double_star_pattern ','? '}'
//     | '{' items_pattern ','? '}'
// key_value_pattern: (literal_expr | attr) ':' pattern
// double_star_pattern: '**' pattern_capture_target
function parseMappingPattern(p: Parser): Pattern {
  const s = p.pos++;
  const keys: Expr[] = [];
  const patterns: Pattern[] = [];
  let rest: string | null = null;
  while (p.peek() !== Tok.RBRACE) {
    if (p.eat(Tok.DOUBLESTAR)) {
      if (p.peek() !== Tok.NAME) p.fail();
      rest = p.identifier(p.pos++);
      if (rest === '_') p.fail();
      p.eat(Tok.COMMA);
      break;
    }
    keys.push(parseMappingKey(p));
    if (!p.eat(Tok.COLON)) p.fail();
    patterns.push(parsePattern(p));
    if (!p.eat(Tok.COMMA)) break;
  }
  p.expect(Tok.RBRACE);
  return { _type: 'MatchMapping', keys, patterns, rest, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
}

function parseMappingKey(p: Parser): Expr {
  const s = p.pos;
  if (p.peek() === Tok.NAME) {
    let e: Expr = { _type: 'Name', id: p.identifier(p.pos++), ctx: 'Load', lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
    if (p.peek() !== Tok.DOT) p.fail();
    while (p.eat(Tok.DOT)) {
      if (p.peek() !== Tok.NAME) p.fail();
      const attr = p.identifier(p.pos++);
      e = { _type: 'Attribute', value: e, attr, ctx: 'Load', lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
    }
    return e;
  }
  const k = p.peek();
  if (k === Tok.KW_NONE || k === Tok.KW_TRUE || k === Tok.KW_FALSE) {
    p.pos++;
    const value = k === Tok.KW_NONE ? null : k === Tok.KW_TRUE;
    return { _type: 'Constant', value, kind: null, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
  }
  return parseLiteralExpr(p);
}

// literal_expr (numbers and strings):
//     | signed_number !('+' | '-')
//     | complex_number
//     | strings
// signed_number: NUMBER | '-' NUMBER
// complex_number: signed_real_number ('+' | '-') imaginary_number
function parseLiteralExpr(p: Parser): Expr {
  if (p.peek() === Tok.STRING) return parseStrings(p);
  const s = p.pos;
  const left = parseSignedNumber(p);
  const k = p.peek();
  if (k !== Tok.PLUS && k !== Tok.MINUS) return left;
  const leftNumber = left._type === 'UnaryOp' ? left.operand : left;
  if (leftNumber._type === 'Constant' && leftNumber.value instanceof PyComplex) {
    p.errorAtNode(Messages.realNumberRequired, [], leftNumber);
  }
  p.pos++;
  if (p.peek() !== Tok.NUMBER) p.fail();
  const r = p.pos++;
  const value = parseNumber(p, r);
  const right: Expr = { _type: 'Constant', value, kind: null, lineno: p.sl(r), col_offset: p.sc(r), end_lineno: p.el(), end_col_offset: p.ec() };
  if (!(value instanceof PyComplex)) p.errorAtNode(Messages.imaginaryNumberRequired, [], right);
  return { _type: 'BinOp', left, op: k === Tok.PLUS ? 'Add' : 'Sub', right, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
}

function parseSignedNumber(p: Parser): Expr {
  const s = p.pos;
  const negative = p.eat(Tok.MINUS);
  if (p.peek() !== Tok.NUMBER) p.fail();
  const n = p.pos++;
  const number: Expr = { _type: 'Constant', value: parseNumber(p, n), kind: null, lineno: p.sl(n), col_offset: p.sc(n), end_lineno: p.el(), end_col_offset: p.ec() };
  if (!negative) return number;
  return { _type: 'UnaryOp', op: 'USub', operand: number, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
}

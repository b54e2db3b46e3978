// parser/expressions.ts — the expression half of the Python 3.11 grammar.
//
// Takes: a Parser positioned at an expression. Hands on: Expr nodes. Each parseX implements the
// grammar rule quoted above it (Grammar/python.gram of CPython 3.11); left-recursive rules become
// loops, right-recursive unary chains are built iteratively so deep inputs cannot exhaust the
// stack. Rules that may fail without consuming input return null (PEG-style); definite errors
// throw a ParseError.

import { Tok } from '../tokens.js';
import { Messages } from '../diagnostics.js';
import { PyEllipsis } from '../ast.js';
import type {
  ArgNode, ArgumentsNode, BoolOperator, CmpOperator, ComprehensionNode, Expr, KeywordNode, Operator,
  UnaryOperator,
} from '../ast.js';
import { Parser, ParseError } from './core.js';
import { parseNumber } from './numbers.js';
import { parseStrings } from './strings.js';
import { parseStarTargets } from './targets.js';
import { exprName } from './names.js';

/** Tokens that can begin an expression (used to decide between alternatives and for messages). */
export function startsExpression(k: Tok): boolean {
  switch (k) {
    case Tok.NAME: case Tok.NUMBER: case Tok.STRING: case Tok.LPAR: case Tok.LSQB: case Tok.LBRACE:
    case Tok.MINUS: case Tok.PLUS: case Tok.TILDE: case Tok.KW_NOT: case Tok.KW_LAMBDA:
    case Tok.KW_AWAIT: case Tok.KW_TRUE: case Tok.KW_FALSE: case Tok.KW_NONE: case Tok.ELLIPSIS:
      return true;
    default:
      return false;
  }
}

// ---- top-level expression forms ------------------------------------------------------------

// star_expressions:
//     | star_expression (',' star_expression )+ [',']
//     | star_expression ','
//     | star_expression
export function parseStarExpressions(p: Parser): Expr {
  const s = p.pos;
  const first = parseStarExpression(p);
  if (p.peek() !== Tok.COMMA) return first;
  const elts = [first];
  while (p.eat(Tok.COMMA)) {
    if (!startsStarExpression(p.peek())) break;
    elts.push(parseStarExpression(p));
  }
  return { _type: 'Tuple', elts, ctx: 'Load', lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
}

function startsStarExpression(k: Tok): boolean {
  return k === Tok.STAR || startsExpression(k);
}

// star_expression:
//     | '*' bitwise_or
//     | expression
export function parseStarExpression(p: Parser): Expr {
  if (p.peek() === Tok.STAR) {
    const s = p.pos++;
    const value = parseBitwiseOr(p);
    return { _type: 'Starred', value, ctx: 'Load', lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
  }
  return parseExpression(p);
}

// star_named_expressions: ','.star_named_expression+ [',']
// (the caller knows the closing bracket)
function parseStarNamedExpressionsUntil(p: Parser, close: Tok, first: Expr | null): Expr[] {
  const elts: Expr[] = first ? [first] : [];
  if (first) {
    if (!p.eat(Tok.COMMA)) return elts;
  }
  while (p.peek() !== close) {
    elts.push(parseStarNamedExpression(p));
    if (!p.eat(Tok.COMMA)) break;
  }
  return elts;
}

// star_named_expression:
//     | '*' bitwise_or
//     | named_expression
export function parseStarNamedExpression(p: Parser): Expr {
  if (p.peek() === Tok.STAR) {
    const s = p.pos++;
    const value = parseBitwiseOr(p);
    return { _type: 'Starred', value, ctx: 'Load', lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
  }
  return parseNamedExpression(p);
}

// named_expression:
//     | assignment_expression
//     | invalid_named_expression
//     | expression !':='
// assignment_expression:
//     | NAME ':=' ~ expression
export function parseNamedExpression(p: Parser): Expr {
  const s = p.pos;
  if (p.peek() === Tok.NAME && p.peekAt(1) === Tok.COLONEQUAL) {
    const id = p.identifier(s);
    p.pos += 2;
    const target: Expr = { _type: 'Name', id, ctx: 'Store', lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.EL[s], end_col_offset: p.EC[s] };
    const value = parseExpression(p);
    return { _type: 'NamedExpr', target, value, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
  }
  if (p.secondPass) invalidNamedExpression(p);
  const e = parseExpression(p);
  if (p.peek() === Tok.COLONEQUAL) invalidWalrusTarget(p, e);
  return e;
}

// invalid_named_expression: a=expression ':=' expression → "cannot use assignment expressions with %s"
function invalidWalrusTarget(p: Parser, target: Expr): void {
  const save = p.pos++;
  const value = p.tryParse(parseExpression);
  p.pos = save;
  if (value !== null) p.errorAtNode(Messages.walrusTarget, [exprName(target)], target);
}

// invalid_named_expression (second pass):
//     | a=NAME '=' b=bitwise_or !('='|':=') → "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"
//     | !(list|tuple|genexp|'True'|'None'|'False') a=bitwise_or b='=' bitwise_or !('='|':=')
//       → "cannot assign to %s here. Maybe you meant '==' instead of '='?"
export function invalidNamedExpression(p: Parser): void {
  // The look-ahead parses below run without these checks (else nesting would make them
  // exponential); the checks run once per position, in the real parse.
  const was = p.secondPass;
  p.secondPass = false;
  try {
    invalidAssignmentInExpression(p);
  } finally {
    p.secondPass = was;
  }
}

function invalidAssignmentInExpression(p: Parser): void {
  const s = p.pos;
  if (p.peek() === Tok.NAME && p.peekAt(1) === Tok.EQUAL) {
    p.pos += 2;
    const b = p.tryParse(parseBitwiseOr);
    const k = p.peek();
    if (b !== null && k !== Tok.EQUAL && k !== Tok.COLONEQUAL) {
      p.errorAtToken(Messages.maybeEquals, [], s);
    }
    p.pos = s;
  }
  const k0 = p.peek();
  if (k0 === Tok.KW_TRUE || k0 === Tok.KW_NONE || k0 === Tok.KW_FALSE) return;
  if (k0 === Tok.LSQB || k0 === Tok.LPAR) {
    const atom = p.tryParse(parseAtom);
    p.pos = s;
    if (atom !== null && (atom._type === 'List' || atom._type === 'Tuple' || atom._type === 'GeneratorExp' || atom._type === 'ListComp')) return;
  }
  const a = p.tryParse(parseBitwiseOr);
  if (a !== null && p.eat(Tok.EQUAL)) {
    const b = p.tryParse(parseBitwiseOr);
    const k = p.peek();
    if (b !== null && k !== Tok.EQUAL && k !== Tok.COLONEQUAL) p.errorAtNode(Messages.cannotAssignHere, [exprName(a)], a);
  }
  p.pos = s;
}

// expression:
//     | disjunction 'if' disjunction 'else' expression
//     | disjunction
//     | lambdef
export function parseExpression(p: Parser): Expr {
  if (p.peek() === Tok.KW_LAMBDA) return parseLambda(p);
  const s = p.pos;
  const body = parseDisjunction(p);
  if (p.secondPass) checkForgottenComma(p, s, body);
  if (p.peek() !== Tok.KW_IF) return body;
  const ifPos = p.pos++;
  const test = parseDisjunction(p);
  if (!p.eat(Tok.KW_ELSE)) {
    // invalid_expression: disjunction 'if' disjunction !('else'|':')
    if (p.peek() !== Tok.COLON) p.errorAtNode(Messages.expectedElse, [], body, test);
    p.pos = ifPos;
    return body;
  }
  const orelse = parseExpression(p);
  return { _type: 'IfExp', test, body, orelse, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
}

// invalid_expression (second pass only):
//     | !(NAME STRING | SOFT_KEYWORD) a=disjunction b=expression_without_invalid
//       → inside brackets: "invalid syntax. Perhaps you forgot a comma?"
function checkForgottenComma(p: Parser, s: number, a: Expr): void {
  if (!startsExpression(p.peek())) return;
  if (p.kinds[s] === Tok.NAME) {
    if (p.kinds[s + 1] === Tok.STRING) return;
    const word = p.tokenText(s);
    if (word === 'match' || word === 'case' || word === '_') return;
    if (a._type === 'Name' && (a.id === 'print' || a.id === 'exec')) return;
  }
  const save = p.pos;
  p.secondPass = false;
  let b: Expr;
  try {
    b = parseExpression(p);
  } catch (e) {
    if (!(e instanceof ParseError)) throw e;
    p.pos = save;
    return;
  } finally {
    p.secondPass = true;
  }
  if (p.ts.level[p.pos - 1] === 0) {
    p.pos = save;
    return;
  }
  p.errorAtNode(Messages.invalidSyntaxForgotComma, [], a, b);
}

// yield_expr:
//     | 'yield' 'from' expression
//     | 'yield' [star_expressions]
export function parseYieldExpr(p: Parser): Expr {
  const s = p.pos++;
  if (p.eat(Tok.KW_FROM)) {
    const value = parseExpression(p);
    return { _type: 'YieldFrom', value, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
  }
  const value = startsStarExpression(p.peek()) ? parseStarExpressions(p) : null;
  return { _type: 'Yield', value, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
}

// ---- boolean and comparison operators -------------------------------------------------------

// disjunction: conjunction ('or' conjunction )+ | conjunction
export function parseDisjunction(p: Parser): Expr {
  const s = p.pos;
  const first = parseConjunction(p);
  if (p.peek() !== Tok.KW_OR) return first;
  return boolChain(p, s, first, Tok.KW_OR, 'Or', parseConjunction);
}

// conjunction: inversion ('and' inversion )+ | inversion
function parseConjunction(p: Parser): Expr {
  const s = p.pos;
  const first = parseInversion(p);
  if (p.peek() !== Tok.KW_AND) return first;
  return boolChain(p, s, first, Tok.KW_AND, 'And', parseInversion);
}

function boolChain(p: Parser, s: number, first: Expr, tok: Tok, op: BoolOperator, next: (p: Parser) => Expr): Expr {
  const values = [first];
  while (p.eat(tok)) values.push(next(p));
  return { _type: 'BoolOp', op, values, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
}

// inversion: 'not' inversion | comparison
function parseInversion(p: Parser): Expr {
  if (p.peek() !== Tok.KW_NOT) return parseComparison(p);
  const starts: number[] = [];
  while (p.peek() === Tok.KW_NOT) starts.push(p.pos++);
  let operand = parseComparison(p);
  for (let i = starts.length - 1; i >= 0; i--) {
    const s = starts[i];
    operand = { _type: 'UnaryOp', op: 'Not', operand, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
  }
  return operand;
}

// comparison: bitwise_or compare_op_bitwise_or_pair+ | bitwise_or
// compare_op_bitwise_or_pair: '==' | '!=' | '<=' | '<' | '>=' | '>' | 'not' 'in' | 'in' | 'is' 'not' | 'is'
function parseComparison(p: Parser): Expr {
  const s = p.pos;
  const left = parseBitwiseOr(p);
  let op = comparisonOperator(p);
  if (op === null) return left;
  const ops: CmpOperator[] = [];
  const comparators: Expr[] = [];
  while (op !== null) {
    ops.push(op);
    comparators.push(parseBitwiseOr(p));
    op = comparisonOperator(p);
  }
  return { _type: 'Compare', left, ops, comparators, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
}

/** Consumes a comparison operator if one is next. */
function comparisonOperator(p: Parser): CmpOperator | null {
  switch (p.peek()) {
    case Tok.EQEQUAL: p.pos++; return 'Eq';
    case Tok.NOTEQUAL: p.pos++; return 'NotEq';
    case Tok.LESSEQUAL: p.pos++; return 'LtE';
    case Tok.LESS: p.pos++; return 'Lt';
    case Tok.GREATEREQUAL: p.pos++; return 'GtE';
    case Tok.GREATER: p.pos++; return 'Gt';
    case Tok.KW_IN: p.pos++; return 'In';
    case Tok.KW_NOT:
      if (p.peekAt(1) !== Tok.KW_IN) return null;
      p.pos += 2;
      return 'NotIn';
    case Tok.KW_IS:
      p.pos++;
      if (p.eat(Tok.KW_NOT)) return 'IsNot';
      return 'Is';
    default:
      return null;
  }
}

// ---- binary operators (left-associative loops) ---------------------------------------------

// bitwise_or: bitwise_or '|' bitwise_xor | bitwise_xor
export function parseBitwiseOr(p: Parser): Expr {
  const s = p.pos;
  let left = parseBitwiseXor(p);
  while (p.peek() === Tok.VBAR) {
    p.pos++;
    const right = parseBitwiseXor(p);
    left = binOp(p, s, left, 'BitOr', right);
  }
  return left;
}

// bitwise_xor: bitwise_xor '^' bitwise_and | bitwise_and
function parseBitwiseXor(p: Parser): Expr {
  const s = p.pos;
  let left = parseBitwiseAnd(p);
  while (p.peek() === Tok.CIRCUMFLEX) {
    p.pos++;
    const right = parseBitwiseAnd(p);
    left = binOp(p, s, left, 'BitXor', right);
  }
  return left;
}

// bitwise_and: bitwise_and '&' shift_expr | shift_expr
function parseBitwiseAnd(p: Parser): Expr {
  const s = p.pos;
  let left = parseShift(p);
  while (p.peek() === Tok.AMPER) {
    p.pos++;
    const right = parseShift(p);
    left = binOp(p, s, left, 'BitAnd', right);
  }
  return left;
}

// shift_expr: shift_expr '<<' sum | shift_expr '>>' sum | sum
function parseShift(p: Parser): Expr {
  const s = p.pos;
  let left = parseSum(p);
  for (;;) {
    const k = p.peek();
    if (k !== Tok.LEFTSHIFT && k !== Tok.RIGHTSHIFT) return left;
    p.pos++;
    const right = parseSum(p);
    left = binOp(p, s, left, k === Tok.LEFTSHIFT ? 'LShift' : 'RShift', right);
  }
}

// sum: sum '+' term | sum '-' term | term
function parseSum(p: Parser): Expr {
  const s = p.pos;
  let left = parseTerm(p);
  for (;;) {
    const k = p.peek();
    if (k !== Tok.PLUS && k !== Tok.MINUS) return left;
    p.pos++;
    const right = parseTerm(p);
    left = binOp(p, s, left, k === Tok.PLUS ? 'Add' : 'Sub', right);
  }
}

// term: term '*' factor | term '/' factor | term '//' factor | term '%' factor | term '@' factor | factor
function parseTerm(p: Parser): Expr {
  const s = p.pos;
  let left = parseFactor(p);
  for (;;) {
    let op: Operator;
    switch (p.peek()) {
      case Tok.STAR: op = 'Mult'; break;
      case Tok.SLASH: op = 'Div'; break;
      case Tok.DOUBLESLASH: op = 'FloorDiv'; break;
      case Tok.PERCENT: op = 'Mod'; break;
      case Tok.AT: op = 'MatMult'; break;
      default: return left;
    }
    p.pos++;
    const right = parseFactor(p);
    left = binOp(p, s, left, op, right);
  }
}

function binOp(p: Parser, s: number, left: Expr, op: Operator, right: Expr): Expr {
  return { _type: 'BinOp', left, op, right, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
}

// factor: '+' factor | '-' factor | '~' factor | power
export function parseFactor(p: Parser): Expr {
  let k = p.peek();
  if (k !== Tok.PLUS && k !== Tok.MINUS && k !== Tok.TILDE) return parsePower(p);
  const starts: number[] = [];
  while (k === Tok.PLUS || k === Tok.MINUS || k === Tok.TILDE) {
    starts.push(p.pos++);
    k = p.peek();
  }
  let operand = parsePower(p);
  for (let i = starts.length - 1; i >= 0; i--) {
    const s = starts[i];
    const t = p.kinds[s];
    const op: UnaryOperator = t === Tok.PLUS ? 'UAdd' : t === Tok.MINUS ? 'USub' : 'Invert';
    operand = { _type: 'UnaryOp', op, operand, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
  }
  return operand;
}

// power: await_primary '**' factor | await_primary
function parsePower(p: Parser): Expr {
  const s = p.pos;
  const left = parseAwaitPrimary(p);
  if (p.peek() !== Tok.DOUBLESTAR) return left;
  p.pos++;
  const right = parseFactor(p);
  return binOp(p, s, left, 'Pow', right);
}

// await_primary: AWAIT primary | primary
function parseAwaitPrimary(p: Parser): Expr {
  if (p.peek() !== Tok.KW_AWAIT) return parsePrimary(p);
  const s = p.pos++;
  const value = parsePrimary(p);
  return { _type: 'Await', value, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
}

// ---- primaries ------------------------------------------------------------------------------

// primary:
//     | primary '.' NAME
//     | primary genexp
//     | primary '(' [arguments] ')'
//     | primary '[' slices ']'
//     | atom
export function parsePrimary(p: Parser): Expr {
  const s = p.pos;
  let e = parseAtom(p);
  for (;;) {
    const k = p.peek();
    if (k !== Tok.DOT && k !== Tok.LPAR && k !== Tok.LSQB) return e;
    const trailerStart = p.pos;
    try {
      e = parseTrailer(p, s, e, k);
    } catch (err) {
      // PEG: a trailer that does not parse is not part of the primary (`a[]` is `a` then `[]`);
      // whatever follows then fails, at the same furthest token.
      if (!(err instanceof ParseError) || err.code !== Messages.invalidSyntax.code) throw err;
      p.pos = trailerStart;
      return e;
    }
  }
}

function parseTrailer(p: Parser, s: number, e: Expr, k: Tok): Expr {
  switch (k) {
    case Tok.DOT: {
      p.pos++;
      if (p.peek() !== Tok.NAME) p.fail();
      const attr = p.identifier(p.pos++);
      return { _type: 'Attribute', value: e, attr, ctx: 'Load', lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
    }
    case Tok.LPAR:
      return parseCall(p, s, e);
    default: {
      p.pos++;
      const slice = parseSlices(p);
      p.expect(Tok.RSQB);
      return { _type: 'Subscript', value: e, slice, ctx: 'Load', lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
    }
  }
}

// slices:
//     | slice !','
//     | ','.(slice | starred_expression)+ [',']
export function parseSlices(p: Parser): Expr {
  const s = p.pos;
  const first = parseSliceOrStarred(p);
  if (p.peek() !== Tok.COMMA) {
    if (first._type !== 'Starred') return first;
  }
  const elts = [first];
  while (p.eat(Tok.COMMA)) {
    if (p.peek() === Tok.RSQB) break;
    elts.push(parseSliceOrStarred(p));
  }
  return { _type: 'Tuple', elts, ctx: 'Load', lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
}

// slice:
//     | [expression] ':' [expression] [':' [expression] ]
//     | named_expression
// starred_expression: '*' expression
function parseSliceOrStarred(p: Parser): Expr {
  const s = p.pos;
  if (p.peek() === Tok.STAR) {
    p.pos++;
    const value = parseExpression(p);
    return { _type: 'Starred', value, ctx: 'Load', lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
  }
  let lower: Expr | null = null;
  if (p.peek() !== Tok.COLON) {
    // `x := v` is a whole slice (named_expression); only a plain expression may precede ':'
    if (p.peek() === Tok.NAME && p.peekAt(1) === Tok.COLONEQUAL) return parseNamedExpression(p);
    lower = parseExpression(p);
    if (p.peek() === Tok.COLONEQUAL) invalidWalrusTarget(p, lower);
    if (p.peek() !== Tok.COLON) return lower;
  }
  p.pos++; // ':'
  const upper = startsExpression(p.peek()) ? parseExpression(p) : null;
  let step: Expr | null = null;
  if (p.eat(Tok.COLON)) step = startsExpression(p.peek()) ? parseExpression(p) : null;
  return { _type: 'Slice', lower, upper, step, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
}

// atom:
//     | NAME | 'True' | 'False' | 'None' | &STRING strings | NUMBER
//     | &'(' (tuple | group | genexp) | &'[' (list | listcomp)
//     | &'{' (dict | set | dictcomp | setcomp) | '...'
export function parseAtom(p: Parser): Expr {
  const s = p.pos;
  switch (p.peek()) {
    case Tok.NAME: {
      p.pos++;
      return { _type: 'Name', id: p.identifier(s), ctx: 'Load', lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
    }
    case Tok.NUMBER: {
      p.pos++;
      const value = parseNumber(p, s);
      return { _type: 'Constant', value, kind: null, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
    }
    case Tok.STRING:
      return parseStrings(p);
    case Tok.KW_TRUE: case Tok.KW_FALSE: case Tok.KW_NONE: {
      const k = p.kinds[p.pos++];
      const value = k === Tok.KW_NONE ? null : k === Tok.KW_TRUE;
      return { _type: 'Constant', value, kind: null, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
    }
    case Tok.ELLIPSIS:
      p.pos++;
      return { _type: 'Constant', value: PyEllipsis, kind: null, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
    case Tok.LPAR:
      return parseParenthesized(p);
    case Tok.LSQB:
      return parseListDisplay(p);
    case Tok.LBRACE:
      return parseBraceDisplay(p);
    default:
      return p.fail();
  }
}

// tuple: '(' [star_named_expression ',' [star_named_expressions]  ] ')'
// group: '(' (yield_expr | named_expression) ')' | invalid_group
// genexp: '(' ( assignment_expression | expression !':=') for_if_clauses ')'
function parseParenthesized(p: Parser): Expr {
  const s = p.pos++;
  const k = p.peek();
  if (k === Tok.RPAR) {
    p.pos++;
    return { _type: 'Tuple', elts: [], ctx: 'Load', lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
  }
  if (k === Tok.KW_YIELD) {
    const y = parseYieldExpr(p);
    p.expect(Tok.RPAR);
    return y;
  }
  if (k === Tok.DOUBLESTAR) {
    // invalid_group: '(' '**' expression ')'
    const t = p.pos++;
    parseExpression(p);
    if (p.peek() === Tok.RPAR) p.errorAtToken(Messages.cannotUseDoubleStarredExpr, [], t);
    p.fail();
  }
  const first = parseStarNamedExpression(p);
  const next = p.peek();
  if (next === Tok.KW_FOR || next === Tok.KW_ASYNC) {
    if (first._type === 'Starred') p.errorAtNode(Messages.iterableUnpackInComprehension, [], first);
    const generators = parseForIfClauses(p);
    p.expect(Tok.RPAR);
    return { _type: 'GeneratorExp', elt: first, generators, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
  }
  if (next === Tok.RPAR) {
    if (first._type === 'Starred') p.errorAtNode(Messages.cannotUseStarredExpr, [], first);
    p.pos++;
    return first;
  }
  if (next !== Tok.COMMA) p.fail();
  const elts = parseStarNamedExpressionsUntil(p, Tok.RPAR, first);
  p.expect(Tok.RPAR);
  return { _type: 'Tuple', elts, ctx: 'Load', lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
}

// list: '[' [star_named_expressions] ']'
// listcomp: '[' named_expression for_if_clauses ']'
function parseListDisplay(p: Parser): Expr {
  const s = p.pos++;
  if (p.eat(Tok.RSQB)) {
    return { _type: 'List', elts: [], ctx: 'Load', lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
  }
  const first = parseStarNamedExpression(p);
  const next = p.peek();
  if (next === Tok.KW_FOR || next === Tok.KW_ASYNC) {
    if (first._type === 'Starred') p.errorAtNode(Messages.iterableUnpackInComprehension, [], first);
    const generators = parseForIfClauses(p);
    p.expect(Tok.RSQB);
    return { _type: 'ListComp', elt: first, generators, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
  }
  const elts = parseStarNamedExpressionsUntil(p, Tok.RSQB, first);
  forgottenComprehensionParens(p, elts);
  p.expect(Tok.RSQB);
  return { _type: 'List', elts, ctx: 'Load', lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
}

// invalid_comprehension:
//     | ('[' | '{') a=star_named_expression ',' b=star_named_expressions for_if_clauses
//     | ('[' | '{') a=star_named_expression b=',' for_if_clauses
function forgottenComprehensionParens(p: Parser, elts: Expr[]): void {
  const k = p.peek();
  if ((k === Tok.KW_FOR || k === Tok.KW_ASYNC) && elts.length > 0) {
    const last = elts[elts.length - 1];
    p.errorAtNode(Messages.unparenthesizedTuple, [], elts[0], elts.length > 1 ? last : { end_lineno: p.el(), end_col_offset: p.ec() });
  }
}

// dict: '{' [double_starred_kvpairs] '}'
// set: '{' star_named_expressions '}'
// dictcomp: '{' kvpair for_if_clauses '}'
// setcomp: '{' named_expression for_if_clauses '}'
// double_starred_kvpair: '**' bitwise_or | kvpair
// kvpair: expression ':' expression
function parseBraceDisplay(p: Parser): Expr {
  const s = p.pos++;
  if (p.eat(Tok.RBRACE)) {
    return { _type: 'Dict', keys: [], values: [], lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
  }
  const k = p.peek();
  if (k === Tok.DOUBLESTAR) return parseDictRest(p, s, null, null);
  if (k === Tok.STAR || (k === Tok.NAME && p.peekAt(1) === Tok.COLONEQUAL)) return parseSetRest(p, s, parseStarNamedExpression(p));
  const first = parseExpression(p);
  if (p.peek() === Tok.COLON) {
    p.pos++;
    expectDictValue(p);
    const value = parseExpression(p);
    const next = p.peek();
    if (next === Tok.KW_FOR || next === Tok.KW_ASYNC) {
      const generators = parseForIfClauses(p);
      p.expect(Tok.RBRACE);
      return { _type: 'DictComp', key: first, value, generators, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
    }
    return parseDictRest(p, s, first, value);
  }
  if (p.peek() === Tok.COLONEQUAL) invalidWalrusTarget(p, first);
  return parseSetRest(p, s, first);
}

function parseDictRest(p: Parser, s: number, firstKey: Expr | null, firstValue: Expr | null): Expr {
  const keys: (Expr | null)[] = [];
  const values: Expr[] = [];
  if (firstValue !== null) {
    keys.push(firstKey);
    values.push(firstValue);
    if (!p.eat(Tok.COMMA)) {
      p.expect(Tok.RBRACE);
      return { _type: 'Dict', keys, values, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
    }
  }
  while (p.peek() !== Tok.RBRACE) {
    if (p.eat(Tok.DOUBLESTAR)) {
      keys.push(null);
      values.push(parseBitwiseOr(p));
      if (keys.length === 1 && (p.peek() === Tok.KW_FOR || p.peek() === Tok.KW_ASYNC)) {
        p.errorAtToken(Messages.dictUnpackInComprehension, [], s + 1);
      }
    } else {
      const key = parseExpression(p);
      keys.push(key);
      if (!p.eat(Tok.COLON)) {
        // invalid_kvpair: a=expression !(':')
        const k = p.peek();
        if (k === Tok.COMMA || k === Tok.RBRACE) p.errorAt(Messages.colonExpectedAfterKey, [], key.end_lineno, key.end_col_offset - 1);
        p.fail();
      }
      expectDictValue(p);
      values.push(parseExpression(p));
    }
    if (!p.eat(Tok.COMMA)) break;
  }
  p.expect(Tok.RBRACE);
  return { _type: 'Dict', keys, values, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
}

// invalid_kvpair: expression ':' &('}'|',')
// invalid_kvpair: expression ':' a='*' bitwise_or
function expectDictValue(p: Parser): void {
  const k = p.peek();
  if (k === Tok.RBRACE || k === Tok.COMMA) p.errorAtToken(Messages.expressionExpectedAfterDictKey, [], p.pos - 1);
  if (k === Tok.STAR) p.errorAtToken(Messages.starredDictValue, [], p.pos);
}

function parseSetRest(p: Parser, s: number, first: Expr): Expr {
  const next = p.peek();
  if (next === Tok.KW_FOR || next === Tok.KW_ASYNC) {
    if (first._type === 'Starred') p.errorAtNode(Messages.iterableUnpackInComprehension, [], first);
    const generators = parseForIfClauses(p);
    p.expect(Tok.RBRACE);
    return { _type: 'SetComp', elt: first, generators, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
  }
  const elts = parseStarNamedExpressionsUntil(p, Tok.RBRACE, first);
  forgottenComprehensionParens(p, elts);
  p.expect(Tok.RBRACE);
  return { _type: 'Set', elts, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
}

// for_if_clauses: for_if_clause+
// for_if_clause:
//     | ASYNC 'for' star_targets 'in' ~ disjunction ('if' disjunction )*
//     | 'for' star_targets 'in' ~ disjunction ('if' disjunction )*
export function parseForIfClauses(p: Parser): ComprehensionNode[] {
  const generators: ComprehensionNode[] = [];
  for (;;) {
    let isAsync = 0;
    if (p.peek() === Tok.KW_ASYNC) {
      if (p.peekAt(1) !== Tok.KW_FOR) break;
      p.pos++;
      isAsync = 1;
    } else if (p.peek() !== Tok.KW_FOR) break;
    p.pos++;
    const target = parseStarTargets(p, 'for');
    if (!p.eat(Tok.KW_IN)) p.fail();
    const iter = parseDisjunction(p);
    const ifs: Expr[] = [];
    while (p.eat(Tok.KW_IF)) ifs.push(parseDisjunction(p));
    generators.push({ _type: 'comprehension', target, iter, ifs, is_async: isAsync });
  }
  return generators;
}

// ---- calls ------------------------------------------------------------------------------------

// primary genexp | primary '(' [arguments] ')'
function parseCall(p: Parser, s: number, func: Expr): Expr {
  const { args, keywords } = parseArgumentList(p, true);
  return { _type: 'Call', func, args, keywords, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
}

// '(' [arguments] ')', also for class bases; a lone generator expression argument (`f(x for x
// in y)`) is a GeneratorExp spanning the parentheses.
// arguments: args [','] &')'
// args:
//     | ','.(starred_expression | ( assignment_expression | expression !':=') !'=')+ [',' kwargs ]
//     | kwargs
// kwarg_or_starred: NAME '=' expression | starred_expression
// kwarg_or_double_starred: NAME '=' expression | '**' expression
export function parseArgumentList(p: Parser, allowGenexp: boolean): { args: Expr[]; keywords: KeywordNode[] } {
  const open = p.pos++;
  const args: Expr[] = [];
  const keywords: KeywordNode[] = [];
  let sawKeyword = false;
  let sawDoubleStar = false;
  let count = 0;
  while (p.peek() !== Tok.RPAR) {
    const a = p.pos;
    const k = p.peek();
    count++;
    if (k === Tok.STAR) {
      if (sawDoubleStar) p.errorAtToken(Messages.iterableUnpackingAfterKeywordUnpacking, [], a);
      p.pos++;
      const value = parseExpression(p);
      args.push({ _type: 'Starred', value, ctx: 'Load', lineno: p.sl(a), col_offset: p.sc(a), end_lineno: p.el(), end_col_offset: p.ec() });
    } else if (k === Tok.DOUBLESTAR) {
      p.pos++;
      const value = parseExpression(p);
      sawDoubleStar = true;
      keywords.push({ _type: 'keyword', arg: null, value, lineno: p.sl(a), col_offset: p.sc(a), end_lineno: p.el(), end_col_offset: p.ec() });
    } else if (k === Tok.NAME && p.peekAt(1) === Tok.EQUAL) {
      const name = p.identifier(a);
      p.pos += 2;
      const value = parseExpression(p);
      sawKeyword = true;
      keywords.push({ _type: 'keyword', arg: name, value, lineno: p.sl(a), col_offset: p.sc(a), end_lineno: p.el(), end_col_offset: p.ec() });
    } else {
      const value = parseNamedExpression(p);
      const next = p.peek();
      if (next === Tok.EQUAL) invalidKeywordArgument(p, value);
      if ((next === Tok.KW_FOR || next === Tok.KW_ASYNC) && allowGenexp) {
        const generators = parseForIfClauses(p);
        if (count > 1 || p.peek() !== Tok.RPAR) {
          p.errorAtNode(Messages.genexpMustBeParenthesized, [], value, { end_lineno: p.el(), end_col_offset: p.ec() });
        }
        p.pos++; // ')'
        const genexp: Expr = { _type: 'GeneratorExp', elt: value, generators, lineno: p.sl(open), col_offset: p.sc(open), end_lineno: p.el(), end_col_offset: p.ec() };
        return { args: [genexp], keywords: [] };
      }
      if (sawDoubleStar) p.errorAtNode(Messages.positionalAfterKeywordUnpacking, [], value);
      if (sawKeyword) p.errorAtNode(Messages.positionalAfterKeyword, [], value);
      args.push(value);
    }
    if (!p.eat(Tok.COMMA)) break;
  }
  p.expect(Tok.RPAR);
  return { args, keywords };
}

// invalid_kwarg:
//     | a[Token*]=('True'|'False'|'None') b='=' → "cannot assign to %s"
//     | !(NAME '=') a=expression b='=' → 'expression cannot contain assignment, perhaps you meant "=="?'
function invalidKeywordArgument(p: Parser, value: Expr): never {
  if (value._type === 'Constant' && (value.value === null || value.value === true || value.value === false)) {
    p.errorAtNode(Messages.cannotAssign, [exprName(value)], value);
  }
  p.errorAtNode(Messages.keywordCantBeExpression, [], value, { end_lineno: p.EL[p.pos], end_col_offset: p.EC[p.pos] });
}

// ---- lambda -----------------------------------------------------------------------------------

// lambdef: 'lambda' [lambda_params] ':' expression
export function parseLambda(p: Parser): Expr {
  const s = p.pos++;
  const args = p.peek() === Tok.COLON ? emptyArguments() : parseParameters(p, Tok.COLON, false);
  p.expect(Tok.COLON);
  const body = parseExpression(p);
  return { _type: 'Lambda', args, body, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
}

export function emptyArguments(): ArgumentsNode {
  return { _type: 'arguments', posonlyargs: [], args: [], vararg: null, kwonlyargs: [], kw_defaults: [], kwarg: null, defaults: [] };
}

/**
 * parameters / lambda_parameters, up to (not including) `close`:
 *     | slash_no_default param_no_default* param_with_default* [star_etc]
 *     | slash_with_default param_with_default* [star_etc]
 *     | param_no_default+ param_with_default* [star_etc]
 *     | param_with_default+ [star_etc]
 *     | star_etc
 * star_etc:
 *     | '*' param_no_default param_maybe_default* [kwds]
 *     | '*' param_no_default_star_annotation param_maybe_default* [kwds]   (def only: `*args: *Ts`)
 *     | '*' ',' param_maybe_default+ [kwds]
 *     | kwds
 * kwds: '**' param_no_default
 * Annotations (`param: NAME annotation?`) are allowed only when `annotated`.
 */
export function parseParameters(p: Parser, close: Tok, annotated: boolean): ArgumentsNode {
  const result = emptyArguments();
  let positional: ArgNode[] = [];
  let sawDefault = false;
  let sawSlash = false;
  let sawStar = false;
  let starPos = -1;
  while (p.peek() !== close) {
    const k = p.peek();
    if (k === Tok.SLASH) {
      const t = p.pos++;
      if (sawSlash) p.errorAtToken(Messages.slashOnce, [], t);
      if (sawStar) p.errorAtToken(Messages.slashAfterStar, [], t);
      if (positional.length === 0) {
        if (p.peek() === Tok.COMMA) p.errorAtToken(Messages.atLeastOneBeforeSlash, [], t);
        p.fail();
      }
      sawSlash = true;
      result.posonlyargs = positional;
      positional = [];
    } else if (k === Tok.STAR) {
      const t = p.pos++;
      if (sawStar) p.errorAtToken(Messages.duplicateStar, [], t);
      sawStar = true;
      starPos = t;
      if (p.peek() === Tok.COMMA) {
        // bare '*': keyword-only parameters must follow
        if (p.peekAt(1) === close || p.peekAt(1) === Tok.DOUBLESTAR) p.errorAtToken(Messages.namedArgsAfterBareStar, [], t);
      } else if (p.peek() === close) {
        p.errorAtToken(Messages.namedArgsAfterBareStar, [], t);
      } else {
        result.vararg = parseParam(p, annotated, true);
        if (p.peek() === Tok.EQUAL) p.errorAtToken(Messages.varPositionalDefault, [], p.pos);
      }
    } else if (k === Tok.DOUBLESTAR) {
      p.pos++;
      result.kwarg = parseParam(p, annotated, false);
      if (p.peek() === Tok.EQUAL) p.errorAtToken(Messages.varKeywordDefault, [], p.pos);
      p.eat(Tok.COMMA);
      if (p.peek() !== close) p.errorAtToken(Messages.argumentsAfterVarKeyword, [], p.pos);
      break;
    } else if (k === Tok.NAME) {
      const arg = parseParam(p, annotated, false);
      let def: Expr | null = null;
      if (p.eat(Tok.EQUAL)) {
        if (!startsExpression(p.peek())) p.errorAtToken(Messages.expectedDefaultValue, [], p.pos - 1);
        def = parseExpression(p);
      }
      if (sawStar) {
        result.kwonlyargs.push(arg);
        result.kw_defaults.push(def);
      } else {
        if (def) {
          sawDefault = true;
          result.defaults.push(def);
        } else if (sawDefault) {
          p.errorAtNode(Messages.nonDefaultAfterDefault, [], arg);
        }
        positional.push(arg);
      }
    } else if (k === Tok.LPAR) {
      // invalid_parameters: '(' param_no_default+ ','? ')'
      const open = p.pos++;
      let names = 0;
      while (p.peek() === Tok.NAME) {
        parseParam(p, annotated, false);
        names++;
        if (!p.eat(Tok.COMMA)) break;
      }
      if (names > 0 && p.peek() === Tok.RPAR) {
        p.errorAtToken(annotated ? Messages.functionParamsNoParens : Messages.lambdaNoParens, [], open);
      }
      p.fail();
    } else {
      p.fail();
    }
    if (!p.eat(Tok.COMMA)) break;
  }
  if (sawStar && result.vararg === null && result.kwonlyargs.length === 0) {
    p.errorAtToken(Messages.namedArgsAfterBareStar, [], starPos);
  }
  result.args = positional;
  return result;
}

// param: NAME annotation?
// annotation: ':' expression
// star_annotation: ':' star_expression
function parseParam(p: Parser, annotated: boolean, star: boolean): ArgNode {
  const s = p.pos;
  if (p.peek() !== Tok.NAME) p.fail();
  const name = p.identifier(p.pos++);
  let annotation: Expr | null = null;
  if (annotated && p.eat(Tok.COLON)) {
    annotation = star && p.peek() === Tok.STAR ? parseStarExpression(p) : parseExpression(p);
  }
  return { _type: 'arg', arg: name, annotation, type_comment: null, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
}

// parser/statements.ts — the statement half of the Python 3.11 grammar.
//
// Takes: a Parser at the start of a statement. Hands on: Stmt nodes. Compound statements own
// their blocks; a block is either an indented suite or simple statements on the same line.
// The left side of `=`, `+=` and `:` is parsed as an expression and then checked as a target
// (targets.ts), which accepts what CPython's star_targets rules accept.

import { Tok } from '../tokens.js';
import { Messages } from '../diagnostics.js';
import type {
  AliasNode, ExceptHandlerNode, Expr, Operator, Stmt, WithItemNode,
} from '../ast.js';
import { Parser, ParseError } from './core.js';
import {
  emptyArguments, parseArgumentList, parseExpression, parseNamedExpression, parseParameters,
  parseStarExpressions, parseYieldExpr, startsExpression,
} from './expressions.js';
import { invalidTarget, parseStarTarget, parseStarTargets, raiseInvalidTarget, setContext } from './targets.js';
import { parsePrimary } from './expressions.js';
import { exprName } from './names.js';
import { invalidNamedExpression } from './expressions.js';
import { parseMatchStatement } from './patterns.js';

// statements: statement+
// (until `end`: DEDENT for a block, ENDMARKER for the file)
export function parseStatementsUntil(p: Parser, end: Tok): Stmt[] {
  const body: Stmt[] = [];
  while (p.peek() !== end) parseStatement(p, body);
  return body;
}

// statement: compound_stmt | simple_stmts
export function parseStatement(p: Parser, out: Stmt[]): void {
  const k = p.peek();
  switch (k) {
    case Tok.KW_DEF: case Tok.AT: case Tok.KW_IF: case Tok.KW_CLASS: case Tok.KW_WITH:
    case Tok.KW_FOR: case Tok.KW_TRY: case Tok.KW_WHILE:
      out.push(parseCompoundStatement(p));
      return;
    case Tok.KW_ASYNC: {
      const n = p.peekAt(1);
      if (n === Tok.KW_DEF || n === Tok.KW_WITH || n === Tok.KW_FOR) {
        out.push(parseCompoundStatement(p));
        return;
      }
      break;
    }
    case Tok.NAME:
      if (p.atSoftKeyword('match')) {
        const m = parseMatchStatement(p);
        if (m) {
          out.push(m);
          return;
        }
      }
      break;
  }
  parseSimpleStatements(p, out);
}

// compound_stmt:
//     | &('def' | '@' | ASYNC) function_def
//     | &'if' if_stmt
//     | &('class' | '@') class_def
//     | &('with' | ASYNC) with_stmt
//     | &('for' | ASYNC) for_stmt
//     | &'try' try_stmt
//     | &'while' while_stmt
//     | match_stmt
function parseCompoundStatement(p: Parser): Stmt {
  switch (p.peek()) {
    case Tok.AT: return parseDecorated(p);
    case Tok.KW_DEF: return parseFunctionDef(p, []);
    case Tok.KW_CLASS: return parseClassDef(p, []);
    case Tok.KW_IF: return parseIf(p);
    case Tok.KW_WHILE: return parseWhile(p);
    case Tok.KW_FOR: return parseFor(p);
    case Tok.KW_WITH: return parseWith(p);
    case Tok.KW_TRY: return parseTry(p);
    case Tok.KW_ASYNC: {
      const n = p.peekAt(1);
      if (n === Tok.KW_DEF) return parseFunctionDef(p, []);
      if (n === Tok.KW_WITH) return parseWith(p);
      return parseFor(p);
    }
    default:
      return p.fail();
  }
}

// ---- blocks ---------------------------------------------------------------------------------

// block: NEWLINE INDENT statements DEDENT | simple_stmts | invalid_block
// `what` names the statement for "expected an indented block after 'if' statement on line N".
export function parseBlock(p: Parser, what: string, line: number): Stmt[] {
  if (!p.eat(Tok.NEWLINE)) {
    const out: Stmt[] = [];
    parseSimpleStatements(p, out);
    return out;
  }
  if (!p.eat(Tok.INDENT)) {
    p.peek();
    p.errorAtToken(Messages.expectedIndentedBlock, [what, line], p.pos);
  }
  const body = parseStatementsUntil(p, Tok.DEDENT);
  p.pos++; // DEDENT
  return body;
}

/** The ':' ending a compound statement's header. `forced` mirrors the grammar's &&':'. */
function expectColon(p: Parser, forced: boolean): void {
  if (p.eat(Tok.COLON)) return;
  if (forced || p.peek() === Tok.NEWLINE) p.errorAtToken(Messages.expectedToken, [':'], p.pos);
  p.fail();
}

// ---- simple statements ------------------------------------------------------------------------

// simple_stmts:
//     | simple_stmt !';' NEWLINE
//     | ';'.simple_stmt+ [';'] NEWLINE
export function parseSimpleStatements(p: Parser, out: Stmt[]): void {
  for (;;) {
    out.push(parseSimpleStatement(p));
    if (p.eat(Tok.NEWLINE)) return;
    if (!p.eat(Tok.SEMI)) statementEndError(p, out[out.length - 1]);
    if (p.eat(Tok.NEWLINE)) return;
  }
}

/** A simple statement is not followed by ';' or a newline: say why as CPython would. */
function statementEndError(p: Parser, last: Stmt): never {
  // invalid_legacy_expression: `print "x"` / `exec "code"`
  if (last._type === 'Expr' && last.value._type === 'Name' && (last.value.id === 'print' || last.value.id === 'exec')) {
    const k = p.peek();
    if (k !== Tok.LPAR && startsExpression(k)) {
      const name = last.value;
      try {
        parseStarExpressions(p);
      } catch (e) {
        if (!(e instanceof ParseError)) throw e;
        p.fail();
      }
      p.errorAtNode(Messages.missingParensPrint, [name.id], name, { end_lineno: p.el(), end_col_offset: p.ec() });
    }
  }
  p.fail();
}

// simple_stmt:
//     | assignment | star_expressions | return_stmt | import_stmt | raise_stmt | 'pass'
//     | del_stmt | yield_stmt | assert_stmt | 'break' | 'continue' | global_stmt | nonlocal_stmt
function parseSimpleStatement(p: Parser): Stmt {
  const s = p.pos;
  switch (p.peek()) {
    case Tok.KW_PASS:
      p.pos++;
      return { _type: 'Pass', lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
    case Tok.KW_BREAK:
      p.pos++;
      return { _type: 'Break', lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
    case Tok.KW_CONTINUE:
      p.pos++;
      return { _type: 'Continue', lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
    case Tok.KW_RETURN: {
      // return_stmt: 'return' [star_expressions]
      p.pos++;
      const value = startsStatementExpression(p.peek()) ? parseStarExpressions(p) : null;
      return { _type: 'Return', value, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
    }
    case Tok.KW_RAISE: {
      // raise_stmt: 'raise' expression ['from' expression ] | 'raise'
      p.pos++;
      let exc: Expr | null = null;
      let cause: Expr | null = null;
      if (startsExpression(p.peek())) {
        exc = parseExpression(p);
        if (p.eat(Tok.KW_FROM)) cause = parseExpression(p);
      }
      return { _type: 'Raise', exc, cause, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
    }
    case Tok.KW_GLOBAL: case Tok.KW_NONLOCAL: {
      // global_stmt: 'global' ','.NAME+ ; nonlocal_stmt: 'nonlocal' ','.NAME+
      const isGlobal = p.kinds[p.pos++] === Tok.KW_GLOBAL;
      const names: string[] = [];
      do {
        if (p.peek() !== Tok.NAME) p.fail();
        names.push(p.identifier(p.pos++));
      } while (p.eat(Tok.COMMA));
      return { _type: isGlobal ? 'Global' : 'Nonlocal', names, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
    }
    case Tok.KW_DEL:
      return parseDel(p);
    case Tok.KW_ASSERT: {
      // assert_stmt: 'assert' expression [',' expression ]
      p.pos++;
      const test = parseExpression(p);
      const msg = p.eat(Tok.COMMA) ? parseExpression(p) : null;
      return { _type: 'Assert', test, msg, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
    }
    case Tok.KW_IMPORT:
      return parseImport(p);
    case Tok.KW_FROM:
      return parseImportFrom(p);
    default:
      return parseExpressionStatement(p);
  }
}

function startsStatementExpression(k: Tok): boolean {
  return k === Tok.STAR || startsExpression(k);
}

const AUG_OPERATORS: Partial<Record<Tok, Operator>> = {
  [Tok.PLUSEQUAL]: 'Add', [Tok.MINEQUAL]: 'Sub', [Tok.STAREQUAL]: 'Mult', [Tok.ATEQUAL]: 'MatMult',
  [Tok.SLASHEQUAL]: 'Div', [Tok.PERCENTEQUAL]: 'Mod', [Tok.AMPEREQUAL]: 'BitAnd', [Tok.VBAREQUAL]: 'BitOr',
  [Tok.CIRCUMFLEXEQUAL]: 'BitXor', [Tok.LEFTSHIFTEQUAL]: 'LShift', [Tok.RIGHTSHIFTEQUAL]: 'RShift',
  [Tok.DOUBLESTAREQUAL]: 'Pow', [Tok.DOUBLESLASHEQUAL]: 'FloorDiv',
};

// assignment:
//     | NAME ':' expression ['=' annotated_rhs ]
//     | ('(' single_target ')' | single_subscript_attribute_target) ':' expression ['=' annotated_rhs ]
//     | (star_targets '=' )+ (yield_expr | star_expressions) !'=' [TYPE_COMMENT]
//     | single_target augassign ~ (yield_expr | star_expressions)
// star_expressions
// yield_stmt: yield_expr
function parseExpressionStatement(p: Parser): Stmt {
  const s = p.pos;
  if (p.peek() === Tok.NAME && p.peekAt(1) === Tok.COLON) {
    const target: Expr = { _type: 'Name', id: p.identifier(s), ctx: 'Store', lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.EL[s], end_col_offset: p.EC[s] };
    p.pos += 2;
    return parseAnnotation(p, s, target, 1);
  }
  const first = parseRightHandSide(p);
  const k = p.peek();
  if (k === Tok.EQUAL) return parseAssignment(p, s, first);
  if (k === Tok.COLON) {
    // the parenthesised or attribute/subscript annotation targets
    if (first._type === 'Attribute' || first._type === 'Subscript' || (first._type === 'Name' && p.kinds[s] === Tok.LPAR)) {
      setContext(first, 'Store');
      p.pos++;
      return parseAnnotation(p, s, first, 0);
    }
    // invalid_assignment: the annotation must parse for these messages to apply
    p.pos++;
    if (p.tryParse(parseExpression) === null) p.fail();
    if (first._type === 'Tuple' || first._type === 'List') {
      p.errorAtNode(Messages.onlySingleTargetAnnotated, [exprName(first)], first);
    }
    p.errorAtNode(Messages.illegalAnnotationTarget, [], first);
  }
  const op = AUG_OPERATORS[k];
  if (op !== undefined) {
    // single_target: single_subscript_attribute_target | NAME | '(' single_target ')'
    if (first._type !== 'Name' && first._type !== 'Attribute' && first._type !== 'Subscript') {
      p.pos++;
      if (p.tryParse(parseRightHandSide) === null) p.fail();
      p.errorAtNode(Messages.illegalAugAssign, [exprName(first)], first);
    }
    setContext(first, 'Store');
    p.pos++;
    const value = parseRightHandSide(p);
    return { _type: 'AugAssign', target: first, op, value, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
  }
  return { _type: 'Expr', value: first, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
}

// annotated_rhs: yield_expr | star_expressions
function parseRightHandSide(p: Parser): Expr {
  return p.peek() === Tok.KW_YIELD ? parseYieldExpr(p) : parseStarExpressions(p);
}

function parseAnnotation(p: Parser, s: number, target: Expr, simple: number): Stmt {
  const annotation = parseExpression(p);
  const value = p.eat(Tok.EQUAL) ? parseRightHandSide(p) : null;
  return { _type: 'AnnAssign', target, annotation, value, simple, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
}

function parseAssignment(p: Parser, s: number, first: Expr): Stmt {
  const targets = [first];
  const starts = [s];
  let value: Expr;
  for (;;) {
    p.pos++; // '='
    starts.push(p.pos);
    value = parseRightHandSide(p);
    if (p.peek() !== Tok.EQUAL) break;
    targets.push(value);
  }
  for (const t of targets) {
    if (invalidTarget(t, 'assign') !== null) invalidAssignment(p, s, targets, starts);
    setContext(t, 'Store');
  }
  return { _type: 'Assign', targets, value, type_comment: null, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
}

/**
 * An assignment with a target that cannot be assigned to, reported as CPython's
 * invalid_assignment does, trying its alternatives in order.
 */
function invalidAssignment(p: Parser, s: number, targets: Expr[], starts: number[]): never {
  p.pos = s;
  invalidNamedExpression(p);
  for (let i = 0; i < targets.length; i++) {
    const t = targets[i];
    if (invalidTarget(t, 'assign') === null) continue;
    // (star_targets '=')* a=yield_expr '=' → a bare `yield` as a target
    if (p.kinds[starts[i]] === Tok.KW_YIELD) p.errorAtNode(Messages.yieldAssign, [], t);
    raiseInvalidTarget(p, t, 'assign');
  }
  return p.fail();
}

// del_stmt: 'del' del_targets &(';' | NEWLINE) | invalid_del_stmt
// del_targets: ','.del_target+ [',']
function parseDel(p: Parser): Stmt {
  const s = p.pos++;
  const targets: Expr[] = [];
  do {
    const k = p.peek();
    if (k === Tok.SEMI || k === Tok.NEWLINE) break;
    const t0 = p.pos;
    const target = startsExpression(k) ? parsePrimary(p) : null;
    const next = p.peek();
    if (target === null || invalidTarget(target, 'del') !== null || (next !== Tok.COMMA && next !== Tok.SEMI && next !== Tok.NEWLINE)) {
      // invalid_del_stmt: 'del' star_expressions
      p.pos = t0;
      const whole = parseStarExpressions(p);
      if (invalidTarget(whole, 'del') === null) p.fail();
      raiseInvalidTarget(p, whole, 'del');
    }
    setContext(target, 'Del');
    targets.push(target);
  } while (p.eat(Tok.COMMA));
  if (targets.length === 0) p.fail();
  return { _type: 'Delete', targets, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
}

// import_name: 'import' dotted_as_names
// dotted_as_name: dotted_name ['as' NAME ]
function parseImport(p: Parser): Stmt {
  const s = p.pos++;
  const names: AliasNode[] = [];
  do {
    const a = p.pos;
    const name = parseDottedName(p);
    const asname = parseAsName(p);
    names.push({ _type: 'alias', name, asname, lineno: p.sl(a), col_offset: p.sc(a), end_lineno: p.el(), end_col_offset: p.ec() });
  } while (p.eat(Tok.COMMA));
  return { _type: 'Import', names, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
}

// dotted_name: dotted_name '.' NAME | NAME
function parseDottedName(p: Parser): string {
  if (p.peek() !== Tok.NAME) p.fail();
  let name = p.identifier(p.pos++);
  while (p.peek() === Tok.DOT) {
    p.pos++;
    if (p.peek() !== Tok.NAME) p.fail();
    name += '.' + p.identifier(p.pos++);
  }
  return name;
}

function parseAsName(p: Parser): string | null {
  if (!p.eat(Tok.KW_AS)) return null;
  if (p.peek() !== Tok.NAME) p.fail();
  return p.identifier(p.pos++);
}

// import_from:
//     | 'from' ('.' | '...')* dotted_name 'import' import_from_targets
//     | 'from' ('.' | '...')+ 'import' import_from_targets
// import_from_targets:
//     | '(' import_from_as_names [','] ')'
//     | import_from_as_names !','
//     | '*'
//     | invalid_import_from_targets
function parseImportFrom(p: Parser): Stmt {
  const s = p.pos++;
  let level = 0;
  for (;;) {
    const k = p.peek();
    if (k === Tok.DOT) level += 1;
    else if (k === Tok.ELLIPSIS) level += 3;
    else break;
    p.pos++;
  }
  const module = level > 0 && p.peek() === Tok.KW_IMPORT ? null : parseDottedName(p);
  if (!p.eat(Tok.KW_IMPORT)) p.fail();
  const names: AliasNode[] = [];
  if (p.peek() === Tok.STAR) {
    const a = p.pos++;
    names.push({ _type: 'alias', name: '*', asname: null, lineno: p.sl(a), col_offset: p.sc(a), end_lineno: p.el(), end_col_offset: p.ec() });
  } else {
    const parenthesized = p.eat(Tok.LPAR);
    for (;;) {
      const a = p.pos;
      if (p.peek() !== Tok.NAME) p.fail();
      const name = p.identifier(p.pos++);
      const asname = parseAsName(p);
      names.push({ _type: 'alias', name, asname, lineno: p.sl(a), col_offset: p.sc(a), end_lineno: p.el(), end_col_offset: p.ec() });
      if (!p.eat(Tok.COMMA)) break;
      if (parenthesized && p.peek() === Tok.RPAR) break;
      if (!parenthesized && p.peek() === Tok.NEWLINE) p.errorAtToken(Messages.importTrailingComma, [], p.pos - 1);
    }
    if (parenthesized) p.expect(Tok.RPAR);
  }
  return { _type: 'ImportFrom', module, names, level, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
}

// ---- function and class definitions -----------------------------------------------------------

// decorators: ('@' named_expression NEWLINE )+
function parseDecorated(p: Parser): Stmt {
  const decorators: Expr[] = [];
  while (p.eat(Tok.AT)) {
    decorators.push(parseNamedExpression(p));
    p.expect(Tok.NEWLINE);
  }
  const k = p.peek();
  if (k === Tok.KW_DEF || (k === Tok.KW_ASYNC && p.peekAt(1) === Tok.KW_DEF)) return parseFunctionDef(p, decorators);
  if (k === Tok.KW_CLASS) return parseClassDef(p, decorators);
  return p.fail();
}

// function_def_raw:
//     | 'def' NAME &&'(' [params] ')' ['->' expression ] &&':' [func_type_comment] block
//     | ASYNC 'def' NAME &&'(' [params] ')' ['->' expression ] &&':' [func_type_comment] block
function parseFunctionDef(p: Parser, decorators: Expr[]): Stmt {
  const s = p.pos;
  const isAsync = p.eat(Tok.KW_ASYNC);
  p.pos++; // 'def'
  if (p.peek() !== Tok.NAME) p.fail();
  const name = p.identifier(p.pos++);
  p.expectForced(Tok.LPAR);
  const args = p.peek() === Tok.RPAR ? emptyArguments() : parseParameters(p, Tok.RPAR, true);
  p.expect(Tok.RPAR);
  const returns = p.eat(Tok.ARROW) ? parseExpression(p) : null;
  expectColon(p, true);
  const body = parseBlock(p, 'function definition', p.L[s]);
  return {
    _type: isAsync ? 'AsyncFunctionDef' : 'FunctionDef', name, args, body, decorator_list: decorators, returns,
    type_comment: null, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec(),
  };
}

// class_def_raw: 'class' NAME ['(' [arguments] ')' ] ':' block
function parseClassDef(p: Parser, decorators: Expr[]): Stmt {
  const s = p.pos++;
  if (p.peek() !== Tok.NAME) p.fail();
  const name = p.identifier(p.pos++);
  let bases: Expr[] = [];
  let keywords: import('../ast.js').KeywordNode[] = [];
  if (p.peek() === Tok.LPAR) ({ args: bases, keywords } = parseArgumentList(p, false));
  expectColon(p, false);
  const body = parseBlock(p, 'class definition', p.L[s]);
  return { _type: 'ClassDef', name, bases, keywords, body, decorator_list: decorators, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
}

// ---- control flow -------------------------------------------------------------------------------

// if_stmt:
//     | 'if' named_expression ':' block elif_stmt
//     | 'if' named_expression ':' block [else_block]
// elif_stmt: the same with 'elif'
function parseIf(p: Parser): Stmt {
  const s = p.pos;
  const keyword = p.kinds[p.pos++] === Tok.KW_IF ? 'if' : 'elif';
  const test = parseNamedExpression(p);
  expectColon(p, false);
  const body = parseBlock(p, `'${keyword}' statement`, p.L[s]);
  let orelse: Stmt[] = [];
  if (p.peek() === Tok.KW_ELIF) orelse = [parseIf(p)];
  else if (p.peek() === Tok.KW_ELSE) orelse = parseElse(p);
  return { _type: 'If', test, body, orelse, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
}

// else_block: 'else' &&':' block
function parseElse(p: Parser): Stmt[] {
  const s = p.pos++;
  expectColon(p, true);
  return parseBlock(p, "'else' statement", p.L[s]);
}

// while_stmt: 'while' named_expression ':' block [else_block]
function parseWhile(p: Parser): Stmt {
  const s = p.pos++;
  const test = parseNamedExpression(p);
  expectColon(p, false);
  const body = parseBlock(p, "'while' statement", p.L[s]);
  const orelse = p.peek() === Tok.KW_ELSE ? parseElse(p) : [];
  return { _type: 'While', test, body, orelse, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
}

// for_stmt:
//     | 'for' star_targets 'in' ~ star_expressions &&':' [TYPE_COMMENT] block [else_block]
//     | ASYNC 'for' star_targets 'in' ~ star_expressions &&':' [TYPE_COMMENT] block [else_block]
function parseFor(p: Parser): Stmt {
  const s = p.pos;
  const isAsync = p.eat(Tok.KW_ASYNC);
  p.pos++; // 'for'
  const t0 = p.pos;
  const target = parseStarTargets(p, 'for');
  if (!p.eat(Tok.KW_IN)) {
    // invalid_for_target: name the part that cannot be assigned to
    p.pos = t0;
    const whole = parseStarExpressions(p);
    if (invalidTarget(whole, 'for') !== null) raiseInvalidTarget(p, whole, 'for');
    p.fail();
  }
  const iter = parseStarExpressions(p);
  expectColon(p, false);
  const body = parseBlock(p, "'for' statement", p.L[s]);
  const orelse = p.peek() === Tok.KW_ELSE ? parseElse(p) : [];
  return {
    _type: isAsync ? 'AsyncFor' : 'For', target, iter, body, orelse, type_comment: null,
    lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec(),
  };
}

// with_stmt:
//     | 'with' '(' ','.with_item+ ','? ')' ':' block
//     | 'with' ','.with_item+ ':' [TYPE_COMMENT] block
//     | ASYNC 'with' '(' ','.with_item+ ','? ')' ':' block
//     | ASYNC 'with' ','.with_item+ ':' [TYPE_COMMENT] block
function parseWith(p: Parser): Stmt {
  const s = p.pos;
  const isAsync = p.eat(Tok.KW_ASYNC);
  p.pos++; // 'with'
  let items: WithItemNode[] | null = null;
  if (p.peek() === Tok.LPAR) {
    const save = p.pos;
    try {
      p.pos++;
      const list: WithItemNode[] = [];
      do {
        if (p.peek() === Tok.RPAR && list.length > 0) break;
        list.push(parseWithItem(p));
      } while (p.eat(Tok.COMMA));
      p.expect(Tok.RPAR);
      if (p.peek() !== Tok.COLON) p.fail();
      items = list;
    } catch (e) {
      if (!(e instanceof ParseError)) throw e;
      p.pos = save;
    }
  }
  if (items === null) {
    items = [];
    do items.push(parseWithItem(p));
    while (p.eat(Tok.COMMA));
  }
  expectColon(p, false);
  const body = parseBlock(p, "'with' statement", p.L[s]);
  return {
    _type: isAsync ? 'AsyncWith' : 'With', items, body, type_comment: null,
    lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec(),
  };
}

// with_item:
//     | expression 'as' star_target &(',' | ')' | ':')
//     | invalid_with_item
//     | expression
function parseWithItem(p: Parser): WithItemNode {
  const context_expr = parseExpression(p);
  let optional_vars: Expr | null = null;
  if (p.eat(Tok.KW_AS)) {
    const t0 = p.pos;
    optional_vars = parseStarTarget(p, 'assign');
    const k = p.peek();
    if (k !== Tok.COMMA && k !== Tok.RPAR && k !== Tok.COLON) {
      p.pos = t0;
      const whole = parseExpression(p);
      const k2 = p.peek();
      if ((k2 === Tok.COMMA || k2 === Tok.RPAR || k2 === Tok.COLON) && invalidTarget(whole, 'assign') !== null) {
        raiseInvalidTarget(p, whole, 'assign');
      }
      p.fail();
    }
  }
  return { _type: 'withitem', context_expr, optional_vars };
}

// try_stmt:
//     | 'try' &&':' block finally_block
//     | 'try' &&':' block except_block+ [else_block] [finally_block]
//     | 'try' &&':' block except_star_block+ [else_block] [finally_block]
function parseTry(p: Parser): Stmt {
  const s = p.pos++;
  expectColon(p, true);
  const body = parseBlock(p, "'try' statement", p.L[s]);
  const handlers: ExceptHandlerNode[] = [];
  let star: boolean | null = null;
  while (p.peek() === Tok.KW_EXCEPT) {
    const isStar = p.peekAt(1) === Tok.STAR;
    if (star !== null && isStar !== star) p.errorAtToken(Messages.cannotMixExceptStar, [], p.pos);
    star = isStar;
    handlers.push(parseExceptHandler(p, isStar));
  }
  let orelse: Stmt[] = [];
  let finalbody: Stmt[] = [];
  if (handlers.length > 0 && p.peek() === Tok.KW_ELSE) orelse = parseElse(p);
  if (p.peek() === Tok.KW_FINALLY) {
    const f = p.pos++;
    expectColon(p, true);
    finalbody = parseBlock(p, "'finally' statement", p.L[f]);
  }
  if (handlers.length === 0 && finalbody.length === 0) {
    p.peek();
    p.errorAtToken(Messages.tryNeedsExceptOrFinally, [], p.pos);
  }
  return {
    _type: star ? 'TryStar' : 'Try', body, handlers, orelse, finalbody,
    lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec(),
  };
}

// except_block:
//     | 'except' expression ['as' NAME ] ':' block
//     | 'except' ':' block
// except_star_block: 'except' '*' expression ['as' NAME ] ':' block
function parseExceptHandler(p: Parser, isStar: boolean): ExceptHandlerNode {
  const s = p.pos++;
  if (isStar) p.pos++;
  let type: Expr | null = null;
  let name: string | null = null;
  if (p.peek() !== Tok.COLON || isStar) {
    if (isStar && (p.peek() === Tok.COLON || p.peek() === Tok.NEWLINE)) p.errorAtToken(Messages.exceptStarNeedsType, [], s);
    if (p.peek() === Tok.NEWLINE) p.errorAtToken(Messages.expectedToken, [':'], p.pos);
    type = parseExpression(p);
    if (p.peek() === Tok.COMMA) {
      // invalid_except_stmt: 'except' expression ',' expressions ['as' NAME ] ':'
      const save = p.pos;
      p.pos++;
      parseStarExpressions(p);
      if (p.eat(Tok.KW_AS)) p.pos++;
      if (p.peek() === Tok.COLON) p.errorAtNode(Messages.exceptMultipleUnparenthesized, [], type, { end_lineno: p.EL[p.pos - 1], end_col_offset: p.EC[p.pos - 1] });
      p.pos = save;
      p.fail();
    }
    if (p.eat(Tok.KW_AS)) {
      if (p.peek() !== Tok.NAME) p.fail();
      name = p.identifier(p.pos++);
    }
  }
  expectColon(p, false);
  const body = parseBlock(p, isStar ? "'except*' statement" : "'except' statement", p.L[s]);
  return { _type: 'ExceptHandler', type, name, body, lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
}

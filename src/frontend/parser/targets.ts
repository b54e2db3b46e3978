// parser/targets.ts — assignment and deletion targets.
//
// Takes: a Parser (for star_targets) or an already-parsed expression (statements parse the left
// side of `=` as an expression first, then turn it into a target here, which accepts exactly the
// forms CPython's star_targets / del_targets rules accept). Hands on: the same nodes with their
// context set to Store or Del, or a ParseError with CPython's message.

import { Tok } from '../tokens.js';
import { Messages } from '../diagnostics.js';
import type { Expr } from '../ast.js';
import type { Parser } from './core.js';
import { parsePrimary, parseStarExpressions, startsExpression } from './expressions.js';
import { exprName } from './names.js';

export type TargetKind = 'assign' | 'for' | 'del';

/**
 * The first sub-expression of `e` that cannot be a target, or null when `e` is a valid target
 * (CPython's _PyPegen_get_invalid_target).
 */
export function invalidTarget(e: Expr, kind: TargetKind): Expr | null {
  switch (e._type) {
    case 'Name': case 'Attribute': case 'Subscript':
      return null;
    case 'Starred':
      return kind === 'del' ? e : invalidTarget(e.value, kind);
    case 'Tuple': case 'List':
      for (const elt of e.elts) {
        const bad = invalidTarget(elt, kind);
        if (bad) return bad;
      }
      return null;
    case 'Compare':
      // `for a in b`: the `in` made a comparison of it; the target is on the left
      if (kind === 'for') return e.ops[0] === 'In' ? invalidTarget(e.left, kind) : null;
      return e;
    default:
      return e;
  }
}

/** Sets Store/Del context throughout a target already checked by invalidTarget. */
export function setContext(e: Expr, ctx: 'Store' | 'Del'): void {
  switch (e._type) {
    case 'Name': case 'Attribute': case 'Subscript':
      e.ctx = ctx;
      return;
    case 'Starred':
      e.ctx = ctx;
      setContext(e.value, ctx);
      return;
    case 'Tuple': case 'List':
      e.ctx = ctx;
      for (const elt of e.elts) setContext(elt, ctx);
      return;
    default:
      return;
  }
}

/** Raises CPython's "cannot assign to …" / "cannot delete …" for an invalid target. */
export function raiseInvalidTarget(p: Parser, e: Expr, kind: TargetKind): never {
  const bad = invalidTarget(e, kind) ?? e;
  p.errorAtNode(kind === 'del' ? Messages.cannotDelete : Messages.cannotAssign, [exprName(bad)], bad);
}

// star_targets:
//     | star_target !','
//     | star_target (',' star_target )* [',']
// Used where a target is followed by a keyword (`for x in`, comprehensions, `with … as x`).
export function parseStarTargets(p: Parser, kind: TargetKind): Expr {
  const s = p.pos;
  const first = parseStarTarget(p, kind);
  if (p.peek() !== Tok.COMMA) return first;
  const elts = [first];
  while (p.eat(Tok.COMMA)) {
    const k = p.peek();
    if (k !== Tok.STAR && !startsExpression(k)) break;
    elts.push(parseStarTarget(p, kind));
  }
  return { _type: 'Tuple', elts, ctx: 'Store', lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
}

// star_target:
//     | '*' (!'*' star_target)
//     | target_with_star_atom
// target_with_star_atom:
//     | t_primary '.' NAME !t_lookahead
//     | t_primary '[' slices ']' !t_lookahead
//     | star_atom
// The primary is parsed as an expression (atom and trailers), then checked as a target.
export function parseStarTarget(p: Parser, kind: TargetKind): Expr {
  const s = p.pos;
  if (p.peek() === Tok.STAR) {
    p.pos++;
    if (p.peek() === Tok.STAR) p.fail();
    const value = parseStarTarget(p, kind);
    return { _type: 'Starred', value, ctx: 'Store', lineno: p.sl(s), col_offset: p.sc(s), end_lineno: p.el(), end_col_offset: p.ec() };
  }
  const e = parsePrimary(p);
  if (invalidTarget(e, kind) !== null) {
    // invalid_for_target / invalid_with_item: name the offending part of the whole expression
    p.pos = s;
    const whole = parseStarExpressions(p);
    raiseInvalidTarget(p, whole, kind);
  }
  setContext(e, 'Store');
  return e;
}

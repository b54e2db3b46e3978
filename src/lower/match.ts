// lower/match.ts — the match statement.
//
// Not compiled yet: a compile-time error, never a wrong answer.

import type * as A from '../frontend/ast.js';
import { Lowerer } from './lowerer.js';

export function lowerMatch(L: Lowerer, s: A.MatchNode): void {
  L.unsupported(s, "the 'match' statement", 'structural pattern matching is not compiled by this version of pync yet; use if/elif');
}

// lower/docstrings.ts — the docstring of a module, class or function body.

import type * as A from '../frontend/ast.js';

export function docstringOf(body: readonly A.Stmt[]): string | null {
  const first = body[0];
  if (first && first._type === 'Expr' && first.value._type === 'Constant' && typeof first.value.value === 'string') {
    return first.value.value;
  }
  return null;
}

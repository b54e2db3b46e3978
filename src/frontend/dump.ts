// dump.ts — an AST as text, exactly as CPython 3.11's `ast.dump(tree, include_attributes=True)`.
//
// Takes: a node from ast.ts. Hands on: one line of text. Fields come in ASDL order from SCHEMA;
// optional fields that are None are left out, as ast.dump does; operator and context values
// print as `Add()` / `Load()`.

import { SCHEMA, type AnyNode, type ConstantValue } from './ast.js';
import { pyRepr, strRepr } from './pyrepr.js';

/** Fields whose values are operator or context names, not identifiers. */
const ENUM_FIELDS = new Set(['ctx', 'op', 'ops']);
const LOCATION = ['lineno', 'col_offset', 'end_lineno', 'end_col_offset'] as const;

export function dumpAst(node: AnyNode): string {
  const out: string[] = [];
  dumpNode(node, out);
  return out.join('');
}

function dumpNode(node: AnyNode, out: string[]): void {
  const record = node as unknown as Record<string, unknown>;
  const schema = SCHEMA[node._type];
  out.push(node._type, '(');
  let first = true;
  for (const [name, optional] of schema.fields) {
    const value = record[name];
    if (value === null && optional) continue;
    if (!first) out.push(', ');
    first = false;
    out.push(name, '=');
    if (node._type === 'Constant' || node._type === 'MatchSingleton') {
      if (name === 'value') {
        out.push(pyRepr(value as ConstantValue));
        continue;
      }
    }
    dumpValue(value, ENUM_FIELDS.has(name), out);
  }
  if (schema.located) {
    for (const name of LOCATION) {
      if (!first) out.push(', ');
      first = false;
      out.push(name, '=', String(record[name]));
    }
  }
  out.push(')');
}

function dumpValue(value: unknown, isEnum: boolean, out: string[]): void {
  if (value === null) {
    out.push('None');
  } else if (typeof value === 'string') {
    out.push(isEnum ? value + '()' : strRepr(value));
  } else if (typeof value === 'number') {
    out.push(String(value));
  } else if (Array.isArray(value)) {
    out.push('[');
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out.push(', ');
      dumpValue(value[i], isEnum, out);
    }
    out.push(']');
  } else {
    dumpNode(value as AnyNode, out);
  }
}

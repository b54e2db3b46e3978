// parser/numbers.ts — the value of a NUMBER token, as CPython's parsenumber computes it.
//
// ints stay JS numbers while they are safe integers and become bigints beyond; floats are
// wrapped in PyFloat so 1 and 1.0 stay distinct; imaginary literals are PyComplex(0, x). JS's
// Number() parses decimal text with correct rounding, as CPython's float parser does.

import { PyComplex, PyFloat, type ConstantValue } from '../ast.js';
import { Messages } from '../diagnostics.js';
import type { Parser } from './core.js';

/** CPython 3.11's limit on decimal digits converted to an int (sys.get_int_max_str_digits()). */
const INT_MAX_STR_DIGITS = 4300;

export function parseNumber(p: Parser, i: number): ConstantValue {
  let text = p.tokenText(i);
  if (text.indexOf('_') >= 0) text = text.replace(/_/g, '');
  const last = text.charCodeAt(text.length - 1);
  if (last === 0x6a || last === 0x4a) return new PyComplex(0, Number(text.slice(0, -1))); // j J
  const c1 = text.charCodeAt(1);
  if (text.charCodeAt(0) === 0x30 && text.length > 1 && (c1 | 0x20) >= 0x61 && (c1 | 0x20) !== 0x65) {
    // 0x… 0o… 0b… (not 0e5)
    const big = BigInt(text);
    return big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
  }
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c === 0x2e || c === 0x65 || c === 0x45) return new PyFloat(Number(text)); // . e E
  }
  if (text.length <= 15) return Number(text);
  const digits = text.replace(/^0+(?=.)/, '').length;
  if (digits > INT_MAX_STR_DIGITS) p.errorAtToken(Messages.intTooLong, [digits], i);
  const big = BigInt(text);
  return big <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(big) : big;
}

// pyrepr.ts — Python's repr() of the constants the parser produces, byte-exact with CPython 3.11.
//
// Used by `pync emit ast` (ast.dump prints constants with repr) and by diagnostics.

import { PyBytes, PyComplex, PyEllipsis, PyFloat, PyWideStr, type ConstantValue } from './ast.js';
import { isPrintableChar } from './chars.js';

export function pyRepr(v: ConstantValue): string {
  if (v === null) return 'None';
  switch (typeof v) {
    case 'boolean': return v ? 'True' : 'False';
    case 'number': return String(v);
    case 'bigint': return v.toString();
    case 'string': return strRepr(v);
  }
  if (v instanceof PyFloat) return floatRepr(v.value);
  if (v instanceof PyComplex) return complexRepr(v);
  if (v instanceof PyBytes) return bytesRepr(v.bytes);
  if (v instanceof PyWideStr) return codePointsRepr(v.codePoints);
  if (v === PyEllipsis) return 'Ellipsis';
  throw new Error('unknown constant');
}

/** repr(float): the shortest round-trip digits, fixed notation for 1e-4 <= |x| < 1e16. */
export function floatRepr(x: number): string {
  return formatShortest(x, true);
}

/** CPython's repr of a complex whose real part is +0.0: the imaginary part without '.0', then 'j'. */
export function complexRepr(c: PyComplex): string {
  if (c.real === 0 && !Object.is(c.real, -0)) return formatShortest(c.imag, false) + 'j';
  const re = formatShortest(c.real, false);
  const im = formatShortest(c.imag, false);
  const sign = im.startsWith('-') || Number.isNaN(c.imag) && im.startsWith('-') ? '' : '+';
  return `(${re}${sign}${im}j)`;
}

function formatShortest(x: number, addDotZero: boolean): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return (Object.is(x, -0) ? '-0' : '0') + (addDotZero ? '.0' : '');
  const sign = x < 0 ? '-' : '';
  const [mant, expText] = Math.abs(x).toExponential().split('e');
  const digits = mant.replace('.', '');
  const exp = Number(expText);
  if (exp < -4 || exp >= 16) {
    const frac = digits.length > 1 ? '.' + digits.slice(1) : '';
    const e = Math.abs(exp);
    return `${sign}${digits[0]}${frac}e${exp < 0 ? '-' : '+'}${e < 10 ? '0' + e : e}`;
  }
  const point = exp + 1;
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return `${sign}${digits}${'0'.repeat(point - digits.length)}${addDotZero ? '.0' : ''}`;
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

const PLAIN = /^[\x20-\x26\x28-\x5b\x5d-\x7e]*$/; // printable ASCII but ' and \

/** repr(str) */
export function strRepr(s: string): string {
  if (PLAIN.test(s)) return `'${s}'`;
  const cps: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        cps.push(((c - 0xd800) << 10) + (d - 0xdc00) + 0x10000);
        i++;
        continue;
      }
    }
    cps.push(c);
  }
  return codePointsRepr(cps);
}

function codePointsRepr(cps: readonly number[]): string {
  const quote = cps.includes(0x27) && !cps.includes(0x22) ? 0x22 : 0x27;
  const out: string[] = [String.fromCharCode(quote)];
  for (const cp of cps) {
    if (cp === quote || cp === 0x5c) out.push('\\' + String.fromCharCode(cp));
    else if (cp === 0x09) out.push('\\t');
    else if (cp === 0x0a) out.push('\\n');
    else if (cp === 0x0d) out.push('\\r');
    else if (cp < 0x20 || cp === 0x7f) out.push('\\x' + hex(cp, 2));
    else if (cp < 0x7f || isPrintableChar(cp)) out.push(String.fromCodePoint(cp));
    else if (cp <= 0xff) out.push('\\x' + hex(cp, 2));
    else if (cp <= 0xffff) out.push('\\u' + hex(cp, 4));
    else out.push('\\U' + hex(cp, 8));
  }
  out.push(String.fromCharCode(quote));
  return out.join('');
}

/** repr(bytes) */
export function bytesRepr(b: Uint8Array): string {
  const quote = b.includes(0x27) && !b.includes(0x22) ? 0x22 : 0x27;
  let out = 'b' + String.fromCharCode(quote);
  for (const c of b) {
    if (c === quote || c === 0x5c) out += '\\' + String.fromCharCode(c);
    else if (c === 0x09) out += '\\t';
    else if (c === 0x0a) out += '\\n';
    else if (c === 0x0d) out += '\\r';
    else if (c < 0x20 || c >= 0x7f) out += '\\x' + hex(c, 2);
    else out += String.fromCharCode(c);
  }
  return out + String.fromCharCode(quote);
}

function hex(n: number, width: number): string {
  return n.toString(16).padStart(width, '0');
}

// codegen/llvm-text.ts — spelling things in LLVM IR's text syntax: quoted names, byte-string
// constants, double literals, and the LLVM type of each pync IR type for a target.

import type { Ty } from '../ir/ir.js';

/** `@name` with the name quoted and escaped when it is not a plain identifier. */
export function globalName(name: string): string {
  return `@${quoteName(name)}`;
}

export function quoteName(name: string): string {
  if (/^[A-Za-z_.$][A-Za-z0-9_.$]*$/.test(name)) return name;
  let out = '"';
  for (const byte of Buffer.from(name, 'utf8')) {
    const ch = String.fromCharCode(byte);
    out += byte >= 0x20 && byte < 0x7f && ch !== '"' && ch !== '\\' ? ch : `\\${byte.toString(16).padStart(2, '0').toUpperCase()}`;
  }
  return `${out}"`;
}

/** `c"..."` for bytes, NUL-terminated when asked; returns the text and the array length. */
export function byteString(bytes: Uint8Array, nulTerminated: boolean): { text: string; length: number } {
  let out = 'c"';
  for (const byte of bytes) {
    out += byte >= 0x20 && byte < 0x7f && byte !== 0x22 && byte !== 0x5c
      ? String.fromCharCode(byte)
      : `\\${byte.toString(16).padStart(2, '0').toUpperCase()}`;
  }
  if (nulTerminated) out += '\\00';
  return { text: `${out}"`, length: bytes.length + (nulTerminated ? 1 : 0) };
}

/**
 * A string as UTF-8; lone surrogates (Python allows them in str literals) are encoded as the
 * generalised 3-byte form, which the runtime's str keeps as it is.
 */
export function wtf8(s: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < s.length; i++) {
    let c = s.charCodeAt(i);
    if (c >= 0xd800 && c < 0xdc00 && i + 1 < s.length) {
      const d = s.charCodeAt(i + 1);
      if (d >= 0xdc00 && d < 0xe000) {
        c = 0x10000 + ((c - 0xd800) << 10) + (d - 0xdc00);
        i++;
      }
    }
    if (c < 0x80) out.push(c);
    else if (c < 0x800) out.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) out.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else out.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  return Uint8Array.from(out);
}

/** A double as LLVM's exact hexadecimal literal. */
export function doubleLiteral(v: number): string {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, v);
  return `0x${view.getBigUint64(0).toString(16).padStart(16, '0').toUpperCase()}`;
}

/** The LLVM type of a pync IR type; `word` is the target's pointer-sized integer (i64/i32). */
export function llvmType(ty: Ty, word: string): string {
  switch (ty) {
    case 'obj': case 'size': return word;
    case 'bool': return 'i1';
    case 'i32': return 'i32';
    case 'i64': return 'i64';
    case 'f64': return 'double';
    case 'c128': return '{ double, double }';
    case 'ptr': return 'ptr';
    case 'void': return 'void';
  }
}

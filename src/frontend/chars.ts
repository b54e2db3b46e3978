// chars.ts — the character classes the tokenizer and repr need, with an ASCII fast path.
//
// Non-ASCII answers come from the Unicode 14.0 tables in ./unicode (CPython 3.11's Unicode
// version), so identifiers and repr() escapes match CPython exactly.

import { isIdentifierStart, isIdentifierContinue, isPrintable } from './unicode/index.js';

/** XID_Start or '_' */
export function isIdentifierStartChar(cp: number): boolean {
  if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || cp === 95;
  return isIdentifierStart(cp);
}

/** XID_Continue */
export function isIdentifierContinueChar(cp: number): boolean {
  if (cp < 128) return (cp >= 97 && cp <= 122) || (cp >= 65 && cp <= 90) || cp === 95 || (cp >= 48 && cp <= 57);
  return isIdentifierContinue(cp);
}

/** str.isprintable() of one code point */
export function isPrintableChar(cp: number): boolean {
  if (cp < 128) return cp >= 32 && cp < 127;
  return isPrintable(cp);
}

#!/usr/bin/env node
// Generates pync's Unicode character tables from the Unicode Character Database.
//
//   node scripts/gen-unicode-tables.mjs [UCD_DIR]
//
// UCD_DIR defaults to /usr/share/unicode (Debian's `unicode-data` package). The outputs are
// committed, so building pync never needs the package:
//
//   src/frontend/unicode/tables.ts   identifier / printable range tables and the character
//                                    name table (brotli-compressed, decoded on first use)
//   src/runtime/lib/unicode_tables.h compressed per-code-point records for the C runtime
//
// pync follows CPython 3.11, which uses Unicode 14.0.0. The installed database may be newer
// (Debian 12 ships 15.0): every code point whose Age (DerivedAge.txt) is newer than 14.0 is
// treated as unassigned, exactly as if the character did not exist yet, and the few changes the
// newer version made to older characters are undone (REVERTS below).
//
// The rules mirror what CPython's str methods compute (Objects/unicodectype.c):
//   alpha        category Lu Ll Lt Lm Lo
//   decimal      UnicodeData field 6;  digit: field 7;  numeric: field 8, or the Unihan numeric
//                value (kPrimaryNumeric / kAccountingNumeric / kOtherNumeric, as listed in
//                extracted/DerivedNumericValues.txt)
//   space        bidirectional class WS, B or S, or category Zs
//   (linebreak   bidirectional class B or category Zl, plus \v \f for str.splitlines: a fixed
//                list of ten code points, written out in unicode_db.c)
//   lower/upper  derived properties Lowercase / Uppercase
//   title        category Lt
//   printable    ' ' or a category outside C* and Z*
//   cased, case-ignorable, XID_Start, XID_Continue: DerivedCoreProperties.txt
//   case mappings: UnicodeData simple mappings (title defaults to upper), replaced by the
//                unconditional entries of SpecialCasing.txt; case folding: CaseFolding.txt
//                status C and F, otherwise the character itself.
// Everything is computed only for assigned characters: an unassigned code point has no
// property at all and maps to itself.

import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zc } from 'node:zlib';

const UCD = resolve(process.argv[2] ?? '/usr/share/unicode');
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TS_OUT = join(ROOT, 'src/frontend/unicode/tables.ts');
const C_OUT = join(ROOT, 'src/runtime/lib/unicode_tables.h');
const COMMAND = 'node scripts/gen-unicode-tables.mjs';
const TARGET_VERSION = '14.0.0';
const TARGET_AGE = [14, 0];
const N = 0x110000;

// ---------------------------------------------------------------------------------------------
// Reading the database

function readUcd(rel) {
  return readFileSync(join(UCD, rel), 'utf8');
}

/** Data lines of a UCD file, comments stripped, split on ';' and trimmed. */
function records(rel) {
  const out = [];
  for (const raw of readUcd(rel).split('\n')) {
    const line = raw.split('#', 1)[0];
    if (line.trim() === '') continue;
    out.push(line.split(';').map((f) => f.trim()));
  }
  return out;
}

/** "0041" or "0041..005A" → [first, last]. */
function range(field) {
  const [a, b] = field.split('..');
  return [parseInt(a, 16), parseInt(b ?? a, 16)];
}

function codes(field) {
  return field === '' ? [] : field.split(/\s+/).map((h) => parseInt(h, 16));
}

// The version of the database read, from DerivedAge.txt's first line ("# DerivedAge-15.0.0.txt").
const sourceVersion = /DerivedAge-(\d+\.\d+\.\d+)/.exec(readUcd('DerivedAge.txt'))?.[1];
if (!sourceVersion) throw new Error(`cannot tell the version of the database in ${UCD}`);

// Besides adding characters, a new Unicode version occasionally changes a property of a
// character that already existed. Those changes must be undone too; they are listed here per
// source version, and found by the test suite's comparison with CPython 3.11
// (tests/unicode.test.ts). Only the versions listed are supported.
const REVERTS = {
  '14.0.0': {},
  '15.0.0': {
    // Unicode 15.0 gave these modifier letters Other_Lowercase (so Lowercase and Cased):
    // U+10FC MODIFIER LETTER GEORGIAN NAR, U+A7F2..U+A7F4 MODIFIER LETTER CAPITAL C..Q,
    // U+AB69 MODIFIER LETTER SMALL TURNED W.
    Lowercase: [[0x10fc, 0x10fc], [0xa7f2, 0xa7f4], [0xab69, 0xab69]],
    Cased: [[0x10fc, 0x10fc], [0xa7f2, 0xa7f4], [0xab69, 0xab69]],
    // Name aliases added in 15.0 for older characters.
    aliases: ['EM', 'ARABIC SMALL HIGH LIGATURE ALEF WITH YEH BARREE', 'SUNDANESE LETTER ARCHAIC I'],
  },
};
const reverts = REVERTS[sourceVersion];
if (!reverts) {
  throw new Error(`Unicode ${sourceVersion} is not supported: list its changes to ${TARGET_VERSION} characters in REVERTS`);
}

// Age: code points newer than the target version count as unassigned.
const tooNew = new Uint8Array(N);
for (const [r, age] of records('DerivedAge.txt')) {
  const [maj, min] = age.split('.').map(Number);
  if (maj > TARGET_AGE[0] || (maj === TARGET_AGE[0] && min > TARGET_AGE[1])) {
    const [a, b] = range(r);
    tooNew.fill(1, a, b + 1);
  }
}

const CATEGORIES = [
  'Cn', 'Lu', 'Ll', 'Lt', 'Lm', 'Lo', 'Mn', 'Mc', 'Me', 'Nd', 'Nl', 'No', 'Pc', 'Pd', 'Ps',
  'Pe', 'Pi', 'Pf', 'Po', 'Sm', 'Sc', 'Sk', 'So', 'Zs', 'Zl', 'Zp', 'Cc', 'Cf', 'Cs', 'Co',
];
const catIndex = new Map(CATEGORIES.map((c, i) => [c, i]));

const category = new Uint8Array(N); // 0 = Cn
const bidi = new Array(N); // only for assigned code points
const simpleUpper = new Int32Array(N).fill(-1);
const simpleLower = new Int32Array(N).fill(-1);
const simpleTitle = new Int32Array(N).fill(-1);
const decimal = new Int8Array(N).fill(-1);
const digit = new Int8Array(N).fill(-1);
const numeric = new Map(); // cp → "num/den" or "num"
const names = new Map(); // cp → explicit character name
const cjkRanges = []; // algorithmically named "CJK UNIFIED IDEOGRAPH-XXXX" ranges
let hangulRange = null;

{
  let rangeStart = -1;
  for (const f of records('UnicodeData.txt')) {
    const cp = parseInt(f[0], 16);
    const name = f[1];
    let first = cp;
    if (name.endsWith(', First>')) {
      rangeStart = cp;
      continue;
    }
    if (name.endsWith(', Last>')) {
      first = rangeStart;
      const what = name.slice(1, -', Last>'.length);
      if (what.startsWith('CJK Ideograph')) cjkRanges.push([first, cp]);
      if (what === 'Hangul Syllable') hangulRange = [first, cp];
    } else if (!name.startsWith('<')) {
      if (!tooNew[cp]) names.set(cp, name);
    }
    for (let c = first; c <= cp; c++) {
      if (tooNew[c]) continue;
      const ci = catIndex.get(f[2]);
      if (ci === undefined) throw new Error(`unknown category ${f[2]}`);
      category[c] = ci;
      bidi[c] = f[4];
      if (f[6] !== '') decimal[c] = Number(f[6]);
      if (f[7] !== '') digit[c] = Number(f[7]);
      if (f[8] !== '') numeric.set(c, f[8]);
      if (f[12] !== '') simpleUpper[c] = parseInt(f[12], 16);
      if (f[13] !== '') simpleLower[c] = parseInt(f[13], 16);
      if (f[14] !== '') simpleTitle[c] = parseInt(f[14], 16);
    }
  }
}

const assigned = (cp) => category[cp] !== 0;

// Clip the algorithmic ranges to what the target version had assigned.
function clipRanges(ranges) {
  const out = [];
  for (const [a, b] of ranges) {
    let s = -1;
    for (let c = a; c <= b + 1; c++) {
      const ok = c <= b && assigned(c);
      if (ok && s < 0) s = c;
      if (!ok && s >= 0) {
        out.push([s, c - 1]);
        s = -1;
      }
    }
  }
  return out;
}
const cjk = clipRanges(cjkRanges);
if (!hangulRange || hangulRange[0] !== 0xac00 || hangulRange[1] !== 0xd7a3) {
  throw new Error('unexpected Hangul syllable range');
}

// Unihan numeric values (the only numeric values that are not in UnicodeData.txt).
for (const [r, , , rational] of records('extracted/DerivedNumericValues.txt')) {
  const [a, b] = range(r);
  for (let c = a; c <= b; c++) {
    if (assigned(c) && !numeric.has(c)) numeric.set(c, rational);
  }
}

// Binary properties.
const P_LOWER = 1, P_UPPER = 2, P_CASED = 4, P_CASE_IGNORABLE = 8, P_XID_START = 16, P_XID_CONTINUE = 32;
const props = new Uint8Array(N);
{
  const wanted = {
    Lowercase: P_LOWER, Uppercase: P_UPPER, Cased: P_CASED, Case_Ignorable: P_CASE_IGNORABLE,
    XID_Start: P_XID_START, XID_Continue: P_XID_CONTINUE,
  };
  for (const [r, prop] of records('DerivedCoreProperties.txt')) {
    const bit = wanted[prop];
    if (!bit) continue;
    const [a, b] = range(r);
    for (let c = a; c <= b; c++) if (assigned(c)) props[c] |= bit;
  }
  for (const [prop, ranges] of Object.entries(reverts)) {
    if (prop === 'aliases') continue;
    const bit = wanted[prop];
    if (!bit) throw new Error(`REVERTS: unknown property ${prop}`);
    for (const [a, b] of ranges) for (let c = a; c <= b; c++) props[c] &= ~bit;
  }
}

// Full case mappings: SpecialCasing's unconditional entries override the simple ones.
const special = new Map(); // cp → {lower, title, upper}
for (const f of records('SpecialCasing.txt')) {
  if (f[4] !== '') continue; // language- or context-dependent
  const cp = parseInt(f[0], 16);
  if (!assigned(cp)) continue;
  special.set(cp, { lower: codes(f[1]), title: codes(f[2]), upper: codes(f[3]) });
}
const folding = new Map(); // cp → code points (status C or F)
for (const f of records('CaseFolding.txt')) {
  if (f[1] !== 'C' && f[1] !== 'F') continue;
  const cp = parseInt(f[0], 16);
  if (assigned(cp)) folding.set(cp, codes(f[2]));
}

function fullUpper(cp) {
  const s = special.get(cp);
  if (s) return s.upper;
  return [simpleUpper[cp] >= 0 ? simpleUpper[cp] : cp];
}
function fullLower(cp) {
  const s = special.get(cp);
  if (s) return s.lower;
  return [simpleLower[cp] >= 0 ? simpleLower[cp] : cp];
}
function fullTitle(cp) {
  const s = special.get(cp);
  if (s) return s.title;
  if (simpleTitle[cp] >= 0) return [simpleTitle[cp]];
  return fullUpper(cp);
}
function fullFold(cp) {
  return folding.get(cp) ?? [cp];
}

// Name aliases (all types: correction, control, alternate, figment, abbreviation).
const aliases = [];
for (const [cpHex, alias] of records('NameAliases.txt')) {
  const cp = parseInt(cpHex, 16);
  if (assigned(cp) && !(reverts.aliases ?? []).includes(alias)) aliases.push([cp, alias]);
}
for (const alias of reverts.aliases ?? []) {
  if (!aliases.every(([, a]) => a !== alias)) throw new Error(`REVERTS: alias ${alias} still present`);
}

// ---------------------------------------------------------------------------------------------
// Derived per-code-point predicates

const isSpace = (cp) => {
  const b = bidi[cp];
  return b === 'WS' || b === 'B' || b === 'S' || CATEGORIES[category[cp]] === 'Zs';
};
const isPrintable = (cp) => {
  const c = CATEGORIES[category[cp]];
  return cp === 0x20 || (c[0] !== 'C' && c[0] !== 'Z');
};

// ---------------------------------------------------------------------------------------------
// Table compression helpers

/** Sorted, disjoint [start, end) boundaries of the code points where pred holds. */
function boundaries(pred) {
  const out = [];
  let inside = false;
  for (let c = 0; c <= N; c++) {
    const v = c < N && pred(c);
    if (v !== inside) {
      out.push(c);
      inside = v;
    }
  }
  return out;
}

/** Boundaries as comma-separated base-36 deltas (decoded by src/frontend/unicode/index.ts). */
function encodeBoundaries(bs) {
  let prev = 0;
  return bs.map((b) => {
    const d = b - prev;
    prev = b;
    return d.toString(36);
  }).join(',');
}

const bytesFor = (max) => (max < 256 ? 1 : max < 65536 ? 2 : 4);
const maxOf = (a) => a.reduce((m, v) => (v > m ? v : m), 0);

/**
 * Splits table t into index + data so that t[i] == data[(index[i >> shift] << shift) + (i & mask)],
 * sharing identical blocks of 2^shift entries.
 */
function splitBins(t, shift) {
  const size = 1 << shift;
  const seen = new Map();
  const index = [];
  const data = [];
  for (let i = 0; i < t.length; i += size) {
    const block = t.slice(i, i + size);
    const key = block.join(',');
    let at = seen.get(key);
    if (at === undefined) {
      at = data.length >> shift;
      seen.set(key, at);
      for (const v of block) data.push(v);
    }
    index.push(at);
  }
  return { index, data };
}

/**
 * Compresses a per-code-point table into two or three levels, trying every pair of shifts and
 * keeping the smallest:
 *   2 levels: data[(top[cp >> s1] << s1) + (cp & (2^s1 - 1))]
 *   3 levels: mid = mid[(top[cp >> (s1 + s2)] << s2) + ((cp >> s1) & (2^s2 - 1))];
 *             data[(mid << s1) + (cp & (2^s1 - 1))]
 */
function compress(t, elemBytes) {
  let best = null;
  for (let s1 = 2; s1 <= 9; s1++) {
    const inner = splitBins(t, s1);
    const dataBytes = inner.data.length * elemBytes;
    const midBytes = bytesFor(maxOf(inner.index));
    const two = inner.index.length * midBytes + dataBytes;
    if (!best || two < best.bytes) best = { levels: 2, s1, top: inner.index, data: inner.data, bytes: two };
    for (let s2 = 2; s2 <= 9; s2++) {
      const outer = splitBins(inner.index, s2);
      const three = outer.index.length * bytesFor(maxOf(outer.index)) + outer.data.length * midBytes + dataBytes;
      if (three < best.bytes) {
        best = { levels: 3, s1, s2, top: outer.index, mid: outer.data, data: inner.data, bytes: three };
      }
    }
  }
  return best;
}

// ---------------------------------------------------------------------------------------------
// The TypeScript tables

function genTypeScript() {
  const xidStart = boundaries((c) => (props[c] & P_XID_START) !== 0);
  const xidContinue = boundaries((c) => (props[c] & P_XID_CONTINUE) !== 0);
  const printable = boundaries(isPrintable);

  // Names in code point order, front-coded by whole words against the previous name:
  //   [<gap in base 36> ':'] <shared word count as char(48 + n)> <remaining words> '\n'
  // where the gap is omitted when the code point follows the previous one. Aliases follow,
  // after an empty line, as "<code point in hex>;<alias>".
  let text = '';
  let prevCp = -1;
  let prevWords = [];
  for (const cp of [...names.keys()].sort((a, b) => a - b)) {
    const words = names.get(cp).split(' ');
    let k = 0;
    while (k < words.length && k < prevWords.length && words[k] === prevWords[k]) k++;
    if (k > 70) throw new Error('too many shared words');
    if (cp !== prevCp + 1) text += (cp - prevCp).toString(36) + ':';
    text += String.fromCharCode(48 + k) + words.slice(k).join(' ') + '\n';
    prevCp = cp;
    prevWords = words;
  }
  text += '\n';
  for (const [cp, alias] of aliases) text += `${cp.toString(16)};${alias}\n`;
  const raw = Buffer.from(text, 'latin1');
  const packed = brotliCompressSync(raw, {
    params: {
      [zc.BROTLI_PARAM_QUALITY]: 11,
      [zc.BROTLI_PARAM_LGWIN]: 24,
      [zc.BROTLI_PARAM_SIZE_HINT]: raw.length,
    },
  });
  const b64 = packed.toString('base64');
  const chunks = [];
  for (let i = 0; i < b64.length; i += 100) chunks.push(b64.slice(i, i + 100));

  const wrap = (s) => {
    const parts = [];
    for (let i = 0; i < s.length; i += 100) parts.push(JSON.stringify(s.slice(i, i + 100)));
    return parts.join(' +\n  ');
  };

  const out = `// GENERATED FILE — do not edit. Regenerate with: ${COMMAND}
// Source: Unicode Character Database ${sourceVersion}, restricted to Unicode ${TARGET_VERSION}
// (characters of a later Age are unassigned, later changes to older ones undone), as in
// CPython 3.11.
// The API over these tables is ./index.ts.

export const UNICODE_VERSION = '${TARGET_VERSION}';

// Range tables: comma-separated base-36 deltas between sorted boundaries; a code point has the
// property when an odd number of boundaries are <= it.
export const XID_START_BOUNDARIES =
  ${wrap(encodeBoundaries(xidStart))};

export const XID_CONTINUE_BOUNDARIES =
  ${wrap(encodeBoundaries(xidContinue))};

export const PRINTABLE_BOUNDARIES =
  ${wrap(encodeBoundaries(printable))};

// Code point ranges named "CJK UNIFIED IDEOGRAPH-<hex>" (inclusive).
export const CJK_UNIFIED_RANGES: ReadonlyArray<readonly [number, number]> = [
${cjk.map(([a, b]) => `  [0x${a.toString(16).toUpperCase()}, 0x${b.toString(16).toUpperCase()}],`).join('\n')}
];

// Character names and name aliases, brotli-compressed (${raw.length} bytes unpacked).
// Format (latin-1 text): one line per named character in code point order,
//   [<gap from previous code point, base 36> ':'] <char(48 + words shared with previous name)> <rest of the name>
// (gap omitted when it is 1), then an empty line, then "<hex code point>;<alias>" lines.
export const NAMES_BROTLI_BASE64 =
  ${chunks.map((c) => JSON.stringify(c)).join(' +\n  ')};
`;
  mkdirSync(dirname(TS_OUT), { recursive: true });
  writeFileSync(TS_OUT, out);
  return { bytes: Buffer.byteLength(out), namesPacked: packed.length, namesRaw: raw.length };
}

// ---------------------------------------------------------------------------------------------
// The C tables
//
// Three per-code-point tables, each compressed into two or three levels (see compress()):
//   ctype   → record: general category + flags (+ decimal/digit value)
//   casing  → case entry: upper, lower, title, folded mappings as deltas or pool references
//             (for the few characters with a multi-code-point mapping: a sorted search list)
// and a sorted list for the numeric values that are not digit values (mostly Unihan).

// Record flags (the meaning is documented again in unicode_db.c).
const F_SPACE = 1 << 0;
const F_LOWER = 1 << 1;
const F_UPPER = 1 << 2;
const F_CASED = 1 << 3;
const F_CASE_IGNORABLE = 1 << 4;
const F_XID_START = 1 << 5;
const F_XID_CONTINUE = 1 << 6;
const F_DECIMAL = 1 << 7; // the digit value is also the decimal value
const DIGIT_SHIFT = 8; // bits 8..11: digit value
const F_DIGIT = 1 << 12;
const CASE_EXT = 0x40000000; // case map word >= this: pool reference (length << 20 | offset)
const CASING_SEARCH = 255; // casing table value: look the code point up in the search list

const cType = (max) => (max < 256 ? 'uint8_t' : max < 65536 ? 'uint16_t' : 'uint32_t');

function cArray(type, name, values, perLine = 16) {
  const lines = [];
  for (let i = 0; i < values.length; i += perLine) lines.push('    ' + values.slice(i, i + perLine).join(',') + ',');
  return `static const ${type} ${name}[${values.length}] = {\n${lines.join('\n')}\n};\n`;
}

/** Emits a compressed per-code-point table and its accessor pync_ucd_<name>_at(cp). */
function cTable(name, values) {
  const t = compress(values, bytesFor(maxOf(values)));
  let out = `/* ${name}: ${t.levels}-level table, ${t.bytes} bytes */\n`;
  const m1 = (1 << t.s1) - 1;
  out += cArray(cType(maxOf(t.top)), `pync_ucd_${name}_top`, t.top, 32);
  if (t.levels === 3) {
    const m2 = (1 << t.s2) - 1;
    out += cArray(cType(maxOf(t.mid)), `pync_ucd_${name}_mid`, t.mid, 32);
    out += cArray(cType(maxOf(t.data)), `pync_ucd_${name}_data`, t.data, 32);
    out += `static inline unsigned pync_ucd_${name}_at(uint32_t cp) {
    unsigned mid = pync_ucd_${name}_mid[((unsigned)pync_ucd_${name}_top[cp >> ${t.s1 + t.s2}] << ${t.s2}) + ((cp >> ${t.s1}) & ${m2}u)];
    return pync_ucd_${name}_data[(mid << ${t.s1}) + (cp & ${m1}u)];
}
`;
  } else {
    out += cArray(cType(maxOf(t.data)), `pync_ucd_${name}_data`, t.data, 32);
    out += `static inline unsigned pync_ucd_${name}_at(uint32_t cp) {
    return pync_ucd_${name}_data[((unsigned)pync_ucd_${name}_top[cp >> ${t.s1}] << ${t.s1}) + (cp & ${m1}u)];
}
`;
  }
  return { text: out, bytes: t.bytes, desc: `${t.levels} levels, shifts ${t.s1}${t.s2 ? '/' + t.s2 : ''}` };
}

function genC() {
  const sizes = {};
  // ctype records
  const recs = [[0, 0]]; // [category, flags]
  const recIndex = new Map([['0,0', 0]]);
  const ctype = new Array(N).fill(0);
  // case entries
  const pool = [];
  const poolIndex = new Map();
  const poolRef = (seq) => {
    const key = seq.join(',');
    let at = poolIndex.get(key);
    if (at === undefined) {
      at = pool.length;
      pool.push(...seq);
      poolIndex.set(key, at);
    }
    return CASE_EXT | (seq.length << 20) | at;
  };
  const cases = [[0, 0, 0, 0]];
  const caseIndex = new Map([['0,0,0,0', 0]]);
  const casing = new Array(N).fill(0);
  // numeric values other than digit values
  const numCps = [];
  const numVals = [];
  const numValIndex = new Map();

  for (let cp = 0; cp < N; cp++) {
    if (!assigned(cp)) continue;
    let flags = 0;
    const p = props[cp];
    if (isSpace(cp)) flags |= F_SPACE;
    if (p & P_LOWER) flags |= F_LOWER;
    if (p & P_UPPER) flags |= F_UPPER;
    if (p & P_CASED) flags |= F_CASED;
    if (p & P_CASE_IGNORABLE) flags |= F_CASE_IGNORABLE;
    if (p & P_XID_START) flags |= F_XID_START;
    if (p & P_XID_CONTINUE) flags |= F_XID_CONTINUE;
    if (digit[cp] >= 0) {
      flags |= F_DIGIT | (digit[cp] << DIGIT_SHIFT);
      if (numeric.get(cp) !== String(digit[cp])) throw new Error(`digit ≠ numeric at ${cp.toString(16)}`);
    } else if (numeric.has(cp)) {
      const v = numeric.get(cp);
      let vi = numValIndex.get(v);
      if (vi === undefined) {
        vi = numVals.length;
        numVals.push(v);
        numValIndex.set(v, vi);
      }
      numCps.push([cp, vi]);
    }
    if (decimal[cp] >= 0 && digit[cp] !== decimal[cp]) throw new Error(`decimal ≠ digit at ${cp.toString(16)}`);
    if (decimal[cp] >= 0) flags |= F_DECIMAL;
    const rec = [category[cp], flags];
    const rk = rec.join(',');
    let ri = recIndex.get(rk);
    if (ri === undefined) {
      ri = recs.length;
      recs.push(rec);
      recIndex.set(rk, ri);
    }
    ctype[cp] = ri;

    const entry = [fullUpper(cp), fullLower(cp), fullTitle(cp), fullFold(cp)].map((seq) =>
      seq.length === 1 ? seq[0] - cp : poolRef(seq));
    const ck = entry.join(',');
    let ci = caseIndex.get(ck);
    if (ci === undefined) {
      ci = cases.length;
      cases.push(entry);
      caseIndex.set(ck, ci);
    }
    casing[cp] = ci;
  }
  if (recs.length > 256) throw new Error('too many ctype records');
  if (numVals.length > 256) throw new Error('too many numeric values');
  if (pool.some((v) => v > 0xffff) || pool.length >= 1 << 20) throw new Error('case pool needs wider entries');

  const ctypeTable = cTable('ctype', ctype);
  // Entries with a multi-code-point mapping each serve one or a few characters. Those characters
  // get the casing value CASING_SEARCH and are found by binary search in a short sorted list,
  // which keeps the per-code-point table within a byte.
  const isExt = (e) => e.some((w) => w >= CASE_EXT);
  const order = [...cases.keys()].sort((a, b) => Number(isExt(cases[a])) - Number(isExt(cases[b])) || a - b);
  const renumber = new Array(cases.length);
  order.forEach((old, i) => (renumber[old] = i));
  const plainCount = cases.filter((e) => !isExt(e)).length;
  if (plainCount > CASING_SEARCH) throw new Error('too many single-code-point case entries');
  const searchCps = [];
  for (let cp = 0; cp < N; cp++) {
    const e = casing[cp];
    if (isExt(cases[e])) {
      searchCps.push([cp, renumber[e]]);
      casing[cp] = CASING_SEARCH;
    } else {
      casing[cp] = renumber[e];
    }
  }
  const sortedCases = order.map((i) => cases[i]);
  const casingTable = cTable('casing', casing);
  sizes.ctype = ctypeTable.bytes + recs.length * 3;
  sizes.casing = casingTable.bytes + cases.length * 16 + pool.length * 2 + searchCps.length * 6;
  sizes.numeric = numCps.length * 5 + numVals.length * 8;
  const total = sizes.ctype + sizes.casing + sizes.numeric;

  const numericLiteral = (v) => {
    const lit = (s) => (/^-?\d+$/.test(s) ? `${s}.0` : s);
    const [n, d] = v.split('/');
    return d === undefined ? lit(n) : `${lit(n)} / ${lit(d)}`;
  };
  const hex = (v) => `0x${v.toString(16).toUpperCase()}`;
  const caseWord = (v) => (v >= CASE_EXT ? `PYNC_UCD_CASE_EXT|${hex(v - CASE_EXT)}` : String(v));

  const out = `/* GENERATED FILE — do not edit. Regenerate with: ${COMMAND}
 * Source: Unicode Character Database ${sourceVersion}, restricted to Unicode ${TARGET_VERSION}
 * (characters of a later Age are unassigned, later changes to older ones undone), as in
 * CPython 3.11.
 * Included only by unicode_db.c, which holds the lookups and documents the encoding.
 * Const data: ${total} bytes (ctype ${sizes.ctype}, casing ${sizes.casing}, numeric ${sizes.numeric}). */
#ifndef PYNC_UNICODE_TABLES_H
#define PYNC_UNICODE_TABLES_H

#include <stdint.h>

#define PYNC_UCD_VERSION_STRING "${TARGET_VERSION}"

/* ctype record flags */
#define PYNC_UCD_F_SPACE ${F_SPACE}u
#define PYNC_UCD_F_LOWER ${F_LOWER}u
#define PYNC_UCD_F_UPPER ${F_UPPER}u
#define PYNC_UCD_F_CASED ${F_CASED}u
#define PYNC_UCD_F_CASE_IGNORABLE ${F_CASE_IGNORABLE}u
#define PYNC_UCD_F_XID_START ${F_XID_START}u
#define PYNC_UCD_F_XID_CONTINUE ${F_XID_CONTINUE}u
#define PYNC_UCD_F_DECIMAL ${F_DECIMAL}u
#define PYNC_UCD_F_DIGIT ${F_DIGIT}u
#define PYNC_UCD_DIGIT_SHIFT ${DIGIT_SHIFT}

/* General category names, indexed by enum pync_ucd_category. */
static const char pync_ucd_category_names[${CATEGORIES.length}][3] = {
${CATEGORIES.map((c) => `    "${c}",`).join('\n')}
};

/* ${recs.length} ctype records: general category and flags */
${cArray('uint8_t', 'pync_ucd_record_category', recs.map((r) => r[0]), 32)}
${cArray('uint16_t', 'pync_ucd_record_flags', recs.map((r) => hex(r[1])), 16)}
${ctypeTable.text}
/* Case entries: {upper, lower, title, folded}. A word below PYNC_UCD_CASE_EXT is the delta from
 * the code point to its single-code-point mapping; otherwise bits 20..27 hold the length and
 * bits 0..19 the offset of the mapping in pync_ucd_case_pool. */
#define PYNC_UCD_CASE_EXT ${hex(CASE_EXT)}
static const int32_t pync_ucd_cases[${sortedCases.length}][4] = {
${sortedCases.map((e) => `    {${e.map(caseWord).join(', ')}},`).join('\n')}
};
${cArray('uint16_t', 'pync_ucd_case_pool', pool.map(hex), 12)}
${casingTable.text}
/* Code points whose case entry has a multi-code-point mapping (casing value
 * PYNC_UCD_CASING_SEARCH), sorted, with their entries. */
#define PYNC_UCD_CASING_SEARCH ${CASING_SEARCH}u
#define PYNC_UCD_CASE_SEARCH_COUNT ${searchCps.length}
${cArray('uint32_t', 'pync_ucd_case_search_cps', searchCps.map(([c]) => hex(c)), 12)}
${cArray(cType(sortedCases.length - 1), 'pync_ucd_case_search_entry', searchCps.map(([, e]) => e), 16)}
/* Numeric values of the characters that are numeric without a digit value, sorted by code point. */
#define PYNC_UCD_NUMERIC_COUNT ${numCps.length}
${cArray('uint32_t', 'pync_ucd_numeric_cps', numCps.map(([c]) => hex(c)), 12)}
${cArray('uint8_t', 'pync_ucd_numeric_index', numCps.map(([, v]) => v), 32)}
static const double pync_ucd_numeric_values[${numVals.length}] = {
${numVals.map((v) => `    ${numericLiteral(v)},`).join('\n')}
};

#endif /* PYNC_UNICODE_TABLES_H */
`;
  mkdirSync(dirname(C_OUT), { recursive: true });
  writeFileSync(C_OUT, out);
  return { total, sizes, records: recs.length, cases: cases.length, pool: pool.length, numeric: numCps.length,
    numVals: numVals.length, ctype: ctypeTable.desc, casing: casingTable.desc };
}

const ts = genTypeScript();
const c = genC();
console.log(`${TS_OUT}: ${ts.bytes} bytes (names: ${ts.namesRaw} → ${ts.namesPacked} bytes brotli)`);
console.log(`${C_OUT}: ${c.total} bytes of const data: ctype ${c.sizes.ctype} (${c.records} records, ${c.ctype}), ` +
  `casing ${c.sizes.casing} (${c.cases} entries, ${c.pool} pool words, ${c.casing}), ` +
  `numeric ${c.sizes.numeric} (${c.numeric} code points, ${c.numVals} values)`);

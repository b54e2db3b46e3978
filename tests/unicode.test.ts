// Unicode character data (src/frontend/unicode, src/runtime/lib/unicode_db.c) against CPython
// 3.11 as the oracle, for every code point 0..0x10FFFF. python3 is spawned at test time to give
// CPython's answers; pync itself never depends on it. The C side is compiled natively with
// clang-19 in a temporary directory and prints its answers in the same compact format.

import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  explicitNames,
  isIdentifierContinue,
  isIdentifierStart,
  isPrintable,
  isValidIdentifier,
  lookupName,
  UNICODE_VERSION,
} from '../src/frontend/unicode/index.js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const LIB = join(ROOT, 'src/runtime/lib');
const MAX = 0x110000;

function probe(cmd: string, args: string[]): string | undefined {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return r.status === 0 ? r.stdout.trim() : undefined;
}

// CPython's answers are only meaningful from a CPython whose database is Unicode 14.0.0 (3.11).
const pythonUnicode = probe('python3', ['-c', 'import unicodedata; print(unicodedata.unidata_version)']);
const haveOracle = pythonUnicode === '14.0.0';
const haveClang = probe('clang-19', ['--version']) !== undefined;
if (!haveOracle) {
  console.warn(`tests/unicode.test.ts: skipped, needs python3 with Unicode 14.0.0 (CPython 3.11); found ${pythonUnicode ?? 'none'}`);
}

/** Runs a command, resolving with its stdout (rejecting on failure). */
function run(cmd: string, args: string[], input?: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => err.push(d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else reject(new Error(`${cmd} ${args.join(' ')} exited with ${code}:\n${Buffer.concat(err).toString('utf8')}`));
    });
    child.stdin.end(input ?? '');
  });
}

// ---------------------------------------------------------------------------------------------
// The oracle. Per-code-point lines have the format of tests/runtime/unicode_driver.c (see
// there); cased / case-ignorable are not exposed by Python, so they are observed through
// str.title() (which lowers a letter after a cased character) and str.lower()'s final-sigma
// rule (which skips case-ignorable characters and looks for a cased one). The re module's
// single-code-point case mappings come from _sre.unicode_tolower / unicode_iscased.

const ORACLE = String.raw`
import _sre, json, sys, unicodedata as u
req = json.load(open(sys.argv[1], encoding='utf-8'))
out = []
w = out.append

w('@props\n')
prev = None
SIG, FS = '\u03a3', '\u03c2'
cat_, dec_, dig_, num_ = u.category, u.decimal, u.digit, u.numeric
for cp in range(0x110000):
    c = chr(cp)
    cased = (c + 'A').title()[-1] == 'a'
    if cased:
        ign = ('A' + SIG + c).lower()[1] == FS
    else:
        ign = ('A' + SIG + c + 'A').lower()[1] != FS
    f = ''.join((
        'a' if c.isalpha() else '.', 'd' if c.isdecimal() else '.', 'g' if c.isdigit() else '.',
        'n' if c.isnumeric() else '.', 'm' if c.isalnum() else '.', 's' if c.isspace() else '.',
        'l' if c.islower() else '.', 'u' if c.isupper() else '.',
        't' if cat_(c) == 'Lt' else '.',  # Py_UNICODE_ISTITLE (str.istitle() also accepts upper)
        'p' if c.isprintable() else '.', 'c' if cased else '.', 'i' if ign else '.',
        'S' if c.isidentifier() else '.', 'C' if ('a' + c).isidentifier() else '.',
        'b' if len(('a' + c + 'b').splitlines()) == 2 else '.',
        'r' if _sre.unicode_iscased(cp) else '.'))
    maps = ' '.join(','.join(str(ord(x) - cp) for x in m) for m in (c.upper(), c.lower(), c.title(), c.casefold()))
    maps += ' %d' % (_sre.unicode_tolower(cp) - cp)
    line = '%s %s %d %d %.17g %s' % (cat_(c), f, dec_(c, -1), dig_(c, -1), num_(c, -1), maps)
    if line != prev:
        w('%X %s\n' % (cp, line))
        prev = line

def lookup(name):
    try:
        r = u.lookup(name)
    except KeyError:
        return '-'
    return '%X' % ord(r) if len(r) == 1 else 'seq'

# Every character name, and what its ASCII-lower-cased form looks up to.
w('@names\n')
for cp in range(0x110000):
    n = u.name(chr(cp), None)
    if n is not None:
        w('%X %s %s\n' % (cp, lookup(n.lower()), n))

# Our explicit names and aliases, looked up by CPython.
w('@ours\n')
for n in req['ours']:
    w(lookup(n) + '\n')

# Probes for the \N{...} escape itself.
w('@escapes\n')
for n in req['escapes']:
    try:
        r = eval('"\\N{' + n + '}"')
        w('%X\n' % ord(r))
    except SyntaxError:
        w('-\n')

# str.isidentifier(), and whether the tokenizer takes the text as a name ('-' for keywords and
# text with white space, which the tokenizer would split).
w('@identifiers\n')
import keyword
for s in req['identifiers']:
    try:
        compile(s + '=1', '<probe>', 'exec')
        tok = '1'
    except (SyntaxError, ValueError):
        tok = '0'
    n = u.normalize('NFKC', s)
    if keyword.iskeyword(n) or keyword.issoftkeyword(n) or any(ch.isspace() for ch in s):
        tok = '-'
    w(('1' if s.isidentifier() else '0') + tok + '\n')
sys.stdout.write(''.join(out))
`;

// ---------------------------------------------------------------------------------------------
// Probe strings

/** Small deterministic PRNG (mulberry32). */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const JAMO = ['', 'G', 'GG', 'N', 'D', 'DD', 'R', 'M', 'B', 'BB', 'S', 'SS', 'J', 'JJ', 'C', 'K', 'T', 'P', 'H', 'A',
  'AE', 'YA', 'YAE', 'EO', 'E', 'YEO', 'YE', 'O', 'WA', 'WAE', 'OE', 'YO', 'U', 'WEO', 'WE', 'WI', 'YU', 'EU', 'YI',
  'I', 'GS', 'NJ', 'NH', 'L', 'LG', 'LM', 'LB', 'LS', 'LT', 'LP', 'LH', 'BS', 'NG', 'X', 'a', 'ga'];

function escapeProbes(): string[] {
  const r = rng(1);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const out = new Set<string>([
    '', ' ', 'A', 'a', 'LATIN SMALL LETTER A', 'latin small letter a', 'Latin Small Letter A',
    'LATIN SMALL LETTER A ', ' LATIN SMALL LETTER A', 'LATIN SMALL  LETTER A', 'LATIN SMALL LETTER',
    'LATIN_SMALL_LETTER_A', 'LATIN SMALL LETTER \u0130', 'LAT\u0130N SMALL LETTER A', '\u017fPACE', 'SPACE',
    'space', 'NULL', 'null', 'LF', 'lf', 'NBSP', 'BOM', 'BYTE ORDER MARK', 'ZWJ', 'VS1', 'VS256', 'VS257',
    'END OF LINE', 'LINE FEED (LF)', 'PRIVATE USE-1', 'TANGUT IDEOGRAPH-17000', 'TANGUT IDEOGRAPH-18D00',
    'KHITAN SMALL SCRIPT CHARACTER-18B00', 'khitan small script character-18b00', 'NUSHU CHARACTER-1B170',
    'CJK COMPATIBILITY IDEOGRAPH-F900', 'cjk compatibility ideograph-f900',
    // named sequences: unicodedata.lookup accepts them, "\N{...}" does not
    'LATIN CAPITAL LETTER A WITH MACRON AND GRAVE', 'KEYCAP NUMBER SIGN', 'TAMIL CONSONANT K',
    'latin capital letter a with macron and grave',
    // Unicode 15.0 characters (unassigned in 14.0)
    'KANNADA SIGN COMBINING ANUSVARA ABOVE RIGHT', 'KAWI SIGN CANDRABINDU', 'CJK UNIFIED IDEOGRAPH-31350',
    'CJK UNIFIED IDEOGRAPH-2B739', 'SHAKING FACE',
    'HANGUL SYLLABLE', 'HANGUL SYLLABLE ', 'HANGUL SYLLABLE GA', 'hangul syllable ga', 'Hangul Syllable GA',
    'HANGUL SYLLABLE ga', 'HANGUL SYLLABLE GA ', 'HANGUL SYLLABLE  GA', 'HANGUL SYLLABLE-GA',
    'CJK UNIFIED IDEOGRAPH-', 'CJK UNIFIED IDEOGRAPH', 'CJK UNIFIED IDEOGRAPH-4e00', 'cjk unified ideograph-4E00',
    'CJK UNIFIED IDEOGRAPH-4E0', 'CJK UNIFIED IDEOGRAPH-04E00', 'CJK UNIFIED IDEOGRAPH-004E00',
    'CJK UNIFIED IDEOGRAPH-+4E00', 'CJK UNIFIED IDEOGRAPH- 4E00', 'CJK UNIFIED IDEOGRAPH-4E00 ',
    'CJK UNIFIED IDEOGRAPH-0041', 'CJK UNIFIED IDEOGRAPH-AC00', 'CJK UNIFIED IDEOGRAPH-0x4E0',
  ]);
  // Around every CJK unified ideograph range edge (assigned or not).
  for (const [a, b] of [[0x3400, 0x4dbf], [0x4e00, 0x9fff], [0x20000, 0x2a6df], [0x2a700, 0x2b73f],
    [0x2b740, 0x2b81d], [0x2b820, 0x2cea1], [0x2ceb0, 0x2ebe0], [0x30000, 0x3134a], [0x31350, 0x323af]] as const) {
    for (const cp of [a - 1, a, a + 1, b - 1, b, b + 1]) {
      const digits = cp.toString(16).toUpperCase();
      out.add(`CJK UNIFIED IDEOGRAPH-${digits}`);
      out.add(`CJK UNIFIED IDEOGRAPH-${digits.padStart(5, '0')}`);
    }
  }
  // Random jamo strings after the Hangul prefix: exercises the greedy parse.
  for (let i = 0; i < 3000; i++) {
    let s = '';
    const n = 1 + Math.floor(r() * 4);
    for (let k = 0; k < n; k++) s += pick(JAMO);
    out.add(`HANGUL SYLLABLE ${s}`);
  }
  return [...out];
}

function identifierProbes(): string[] {
  const r = rng(2);
  const pool: number[] = [0x5f, 0x41, 0x61, 0x30, 0x39, 0x20, 0x24, 0xaa, 0xb5, 0xb7, 0xba, 0x2118, 0x212e,
    0x309b, 0x309c, 0x1885, 0x1886, 0x0387, 0x1369, 0x19da, 0x0e33, 0x00b2, 0x2160, 0x3007, 0x0300, 0x200c,
    0x200d, 0x2028, 0xff3f, 0xfe33, 0x1d7ce, 0x10ffff, 0xd800, 0xdc00, 0x1f600, 0x4e00, 0x0660, 0x20000, 0xfb1e];
  for (let i = 0; i < 300; i++) pool.push(Math.floor(r() * 0x30000));
  const out = ['', '_', 'a', '1', 'a1', '_1', '\ud800', '\ud83d\ude00', 'x\udc00', '\u2118x', '\u2160\u2161'];
  for (let i = 0; i < 5000; i++) {
    let s = '';
    const n = 1 + Math.floor(r() * 4);
    for (let k = 0; k < n; k++) s += String.fromCodePoint(pool[Math.floor(r() * pool.length)]!);
    out.push(s);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Comparing per-code-point descriptions

const FIELDS = ['category', 'flags', 'decimal', 'digit', 'numeric', 'upper', 'lower', 'title', 'casefold', 'to_lower1'];
const FLAG_NAMES: Record<string, string> = {
  a: 'isalpha', d: 'isdecimal', g: 'isdigit', n: 'isnumeric', m: 'isalnum', s: 'isspace', l: 'islower',
  u: 'isupper', t: 'istitle', p: 'isprintable', c: 'is_cased', i: 'is_case_ignorable', S: 'isidentifier_start',
  C: 'isidentifier_continue', b: 'islinebreak', r: 're cased (to_upper1/to_lower1)',
};
const FLAG_LETTERS = 'adgnmsltupciSCbr';

/** Parses "<hex> <description>" run lines into sorted [start, description] pairs. */
function parseRuns(text: string): Array<[number, string]> {
  const runs: Array<[number, string]> = [];
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const sp = line.indexOf(' ');
    runs.push([parseInt(line.slice(0, sp), 16), line.slice(sp + 1)]);
  }
  return runs;
}

interface Mismatches {
  counts: Map<string, number>;
  examples: string[];
}

/** Counts a mismatch under prop; detail (e.g. the argument) only goes into the example line. */
function note(m: Mismatches, cp: number, prop: string, ours: string, theirs: string, detail = ''): void {
  m.counts.set(prop, (m.counts.get(prop) ?? 0) + 1);
  if (m.examples.length < 40) {
    m.examples.push(`U+${hex(cp)} ${prop}${detail}: ours ${ours}, CPython ${theirs}`);
  }
}

function hex(cp: number | undefined): string {
  return cp === undefined ? 'none' : cp.toString(16).toUpperCase().padStart(4, '0');
}

function report(m: Mismatches): string {
  if (m.counts.size === 0) return '';
  const counts = [...m.counts].map(([k, v]) => `${k}: ${v}`).join(', ');
  return `mismatches per property: ${counts}\n${m.examples.join('\n')}`;
}

/** Compares two run-length descriptions code point by code point, property by property. */
function compareRuns(ours: Array<[number, string]>, theirs: Array<[number, string]>): Mismatches {
  const m: Mismatches = { counts: new Map(), examples: [] };
  let i = 0;
  let j = 0;
  for (let cp = 0; cp < MAX; cp++) {
    while (i + 1 < ours.length && ours[i + 1]![0] <= cp) i++;
    while (j + 1 < theirs.length && theirs[j + 1]![0] <= cp) j++;
    const a = ours[i]![1];
    const b = theirs[j]![1];
    if (a === b) continue;
    const fa = a.split(' ');
    const fb = b.split(' ');
    for (let k = 0; k < FIELDS.length; k++) {
      if (fa[k] === fb[k]) continue;
      if (k === 1) {
        for (let x = 0; x < FLAG_LETTERS.length; x++) {
          const ca = fa[1]?.[x] ?? '?';
          const cb = fb[1]?.[x] ?? '?';
          if (ca !== cb) note(m, cp, FLAG_NAMES[FLAG_LETTERS[x]!]!, String(ca !== '.'), String(cb !== '.'));
        }
      } else {
        note(m, cp, FIELDS[k]!, fa[k] ?? '?', fb[k] ?? '?');
      }
    }
  }
  return m;
}

// ---------------------------------------------------------------------------------------------

describe.skipIf(!haveOracle)('Unicode data vs CPython 3.11', () => {
  let dir = '';
  const sections = new Map<string, string[]>();
  let propsText = '';
  let ourNames: Array<[string, number]> = [];
  const escapes = escapeProbes();
  const identifiers = identifierProbes();
  let driverOutput: Promise<string> | undefined;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pync-unicode-'));
    // Build and run the C driver while CPython computes its answers.
    if (haveClang) {
      const exe = join(dir, 'unicode_driver');
      driverOutput = run('clang-19', ['-std=c11', '-O2', '-Wall', '-Wextra', '-Werror', '-fuse-ld=lld', `-I${LIB}`,
        join(ROOT, 'tests/runtime/unicode_driver.c'), join(LIB, 'unicode_db.c'), '-o', exe])
        .then(() => run(exe, []));
      driverOutput.catch(() => undefined); // reported by its test
    }
    ourNames = [...explicitNames()];
    const reqFile = join(dir, 'request.json');
    writeFileSync(reqFile, JSON.stringify({ ours: ourNames.map(([n]) => n), escapes, identifiers }));
    const scriptFile = join(dir, 'oracle.py');
    writeFileSync(scriptFile, ORACLE);
    const text = await run('python3', [scriptFile, reqFile]);
    let current: string[] = [];
    for (const line of text.split('\n')) {
      if (line.startsWith('@')) {
        current = [];
        sections.set(line.slice(1), current);
      } else if (line !== '') {
        current.push(line);
      }
    }
    propsText = (sections.get('props') ?? []).join('\n');
  });

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('uses Unicode 14.0.0', () => {
    expect(UNICODE_VERSION).toBe('14.0.0');
    expect(readFileSync(join(LIB, 'unicode_tables.h'), 'utf8')).toContain('#define PYNC_UCD_VERSION_STRING "14.0.0"');
  });

  it.skipIf(!haveClang)('C runtime: every property of every code point', async () => {
    const ours = parseRuns(await driverOutput!);
    const theirs = parseRuns(propsText);
    expect(theirs.length).toBeGreaterThan(1000);
    expect(report(compareRuns(ours, theirs))).toBe('');
  });

  it('frontend: identifier and printable predicates for every code point', () => {
    const theirs = parseRuns(propsText);
    const m: Mismatches = { counts: new Map(), examples: [] };
    let j = 0;
    const S = FLAG_LETTERS.indexOf('S');
    const C = FLAG_LETTERS.indexOf('C');
    const P = FLAG_LETTERS.indexOf('p');
    for (let cp = 0; cp < MAX; cp++) {
      while (j + 1 < theirs.length && theirs[j + 1]![0] <= cp) j++;
      const flags = theirs[j]![1].split(' ')[1]!;
      const checks: Array<[string, boolean, boolean]> = [
        ['isIdentifierStart', isIdentifierStart(cp), flags[S] !== '.'],
        ['isIdentifierContinue', isIdentifierContinue(cp), flags[C] !== '.'],
        ['isPrintable', isPrintable(cp), flags[P] !== '.'],
      ];
      for (const [prop, ours, cpy] of checks) if (ours !== cpy) note(m, cp, prop, String(ours), String(cpy));
    }
    expect(report(m)).toBe('');
  });

  it('frontend: isValidIdentifier agrees with str.isidentifier and the tokenizer', () => {
    const theirs = sections.get('identifiers') ?? [];
    expect(theirs.length).toBe(identifiers.length);
    const bad: string[] = [];
    identifiers.forEach((s, k) => {
      const ours = isValidIdentifier(s);
      const [isId, tok] = theirs[k] ?? '';
      if (ours !== (isId === '1')) bad.push(`${JSON.stringify(s)}: ours ${ours}, str.isidentifier ${!ours}`);
      if (tok !== '-' && ours !== (tok === '1')) bad.push(`${JSON.stringify(s)}: ours ${ours}, tokenizer ${!ours}`);
    });
    expect(bad.slice(0, 40).join('\n')).toBe('');
  });

  it('frontend: lookupName finds every character name CPython has, in either case', () => {
    const lines = sections.get('names') ?? [];
    expect(lines.length).toBeGreaterThan(130000);
    const m: Mismatches = { counts: new Map(), examples: [] };
    for (const line of lines) {
      const [cpHex, lowerResult] = line.split(' ', 2) as [string, string];
      const name = line.slice(cpHex.length + lowerResult.length + 2);
      const cp = parseInt(cpHex, 16);
      const found = lookupName(name);
      if (found !== cp) note(m, cp, 'lookupName', hex(found), hex(cp), `(${JSON.stringify(name)})`);
      const lower = name.toLowerCase();
      const foundLower = lookupName(lower);
      const expected = lowerResult === '-' ? undefined : parseInt(lowerResult, 16);
      if (foundLower !== expected) {
        note(m, cp, 'lookupName(lower case)', hex(foundLower), hex(expected), `(${JSON.stringify(lower)})`);
      }
    }
    expect(report(m)).toBe('');
  });

  it('frontend: every name and alias in the table means the same code point to CPython', () => {
    const theirs = sections.get('ours') ?? [];
    expect(theirs.length).toBe(ourNames.length);
    expect(ourNames.length).toBeGreaterThan(34000);
    const bad: string[] = [];
    ourNames.forEach(([name, cp], k) => {
      const t = theirs[k]!;
      if (t !== cp.toString(16).toUpperCase()) bad.push(`${JSON.stringify(name)}: ours U+${cp.toString(16).toUpperCase()}, CPython ${t}`);
    });
    expect(bad.slice(0, 40).join('\n')).toBe('');
  });

  it('frontend: "\\N{...}" probes (algorithmic names, aliases, named sequences, malformed names)', () => {
    const theirs = sections.get('escapes') ?? [];
    expect(theirs.length).toBe(escapes.length);
    const bad: string[] = [];
    escapes.forEach((name, k) => {
      const found = lookupName(name);
      const ours = found === undefined ? '-' : found.toString(16).toUpperCase();
      if (ours !== theirs[k]) bad.push(`${JSON.stringify(name)}: ours ${ours}, CPython ${theirs[k]}`);
    });
    expect(bad.slice(0, 40).join('\n')).toBe('');
  });
});

describe('Unicode data without the oracle', () => {
  it.skipIf(!haveClang)('C runtime compiles warning-free as freestanding C for every target, with no external calls', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pync-unicode-cc-'));
    try {
      const targets = [['--target=x86_64-linux-gnu'], ['--target=aarch64-linux-gnu'], ['--target=armv7a-linux-gnueabihf'],
        ['--target=riscv64-linux-gnu'], ['--target=thumbv7m-none-eabi', '-mcpu=cortex-m3', '-mfloat-abi=soft']];
      const haveNm = probe('llvm-nm-19', ['--version']) !== undefined;
      for (const t of targets) {
        const obj = join(dir, `${t[0]!.slice(9)}.o`);
        await run('clang-19', ['-std=c11', '-Wall', '-Wextra', '-Werror', '-ffreestanding', '-fno-builtin', '-O2', '-c',
          ...t, join(LIB, 'unicode_db.c'), '-o', obj]);
        if (haveNm) expect((await run('llvm-nm-19', ['-u', obj])).trim(), t[0]).toBe('');
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('answers ASCII and a few known characters', () => {
    expect(isIdentifierStart(0x5f)).toBe(true);
    expect(isIdentifierStart(0x31)).toBe(false);
    expect(isIdentifierContinue(0x31)).toBe(true);
    expect(isIdentifierStart(0x4e00)).toBe(true);
    expect(isIdentifierContinue(0x0300)).toBe(true);
    expect(isIdentifierStart(0x0300)).toBe(false);
    expect(isPrintable(0x20)).toBe(true);
    expect(isPrintable(0xa0)).toBe(false);
    expect(isPrintable(0x0cf3)).toBe(false); // Unicode 15.0: unassigned in 14.0
    expect(isValidIdentifier('名前_1')).toBe(true);
    expect(isValidIdentifier('1x')).toBe(false);
    expect(lookupName('LATIN SMALL LETTER A')).toBe(0x61);
    expect(lookupName('latin small letter sharp s')).toBe(0xdf);
    expect(lookupName('BOM')).toBe(0xfeff);
    expect(lookupName('HANGUL SYLLABLE GAG')).toBe(0xac01);
    expect(lookupName('CJK UNIFIED IDEOGRAPH-4E00')).toBe(0x4e00);
    expect(lookupName('CJK UNIFIED IDEOGRAPH-2B739')).toBeUndefined();
    expect(lookupName('KEYCAP NUMBER SIGN')).toBeUndefined();
  });
});

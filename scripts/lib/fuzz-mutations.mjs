// scripts/lib/fuzz-mutations.mjs — deterministic mutations of Python source for the parser fuzzer.
//
// generateCases(seeds, count, seed) returns [{ kind, src: Buffer }]: fixed deep-nesting inputs
// first, then `count` mutations of the seed files chosen by a seeded PRNG (so a failing case can
// be reproduced from its seed and index).

const TOKENS = [
  '(', ')', '[', ']', '{', '}', ':', ',', ';', '.', '...', '->', ':=', '@', '=', '==', '!=', '*', '**',
  '/', '//', '%', '+', '-', '~', '<', '>', '|', '&', '^', '<<', '>>', '+=', '\\', '#', '"', "'", '"""',
  'f"', "b'", 'r"', '{x}', 'if', 'else', 'elif', 'for', 'in', 'not', 'and', 'or', 'is', 'lambda',
  'yield', 'await', 'async', 'def', 'class', 'return', 'import', 'from', 'as', 'with', 'try',
  'except', 'finally', 'while', 'break', 'continue', 'pass', 'del', 'global', 'nonlocal', 'match',
  'case', '_', 'None', 'True', 'False', 'print', 'x', '0', '1.5e3', '0x_1', '09', '1j', '\n', '\t',
  '    ', '\f', '\r', '\x00',
];

const UNICODE = ['é', 'ß', '€', '\u00a0', '\u200b', '\u2028', '\ufeff', '𝔘', '😀', '\u0301', 'ℌ', 'Ⅸ', '٣', '\u0000', '\ud800'];

/** A small, fast, seeded PRNG (mulberry32). */
function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function deepNestingCases() {
  const n = 10000;
  return [
    ['nested parentheses', 'x = ' + '('.repeat(n) + '1' + ')'.repeat(n)],
    ['nested brackets', 'x = ' + '['.repeat(n) + ']'.repeat(n)],
    ['nested braces', 'x = ' + '{'.repeat(n) + '}'.repeat(n)],
    ['unclosed parentheses', 'x = ' + '('.repeat(n)],
    ['unary minus chain', 'x = ' + '-'.repeat(100000) + '1'],
    ['not chain', 'x = ' + 'not '.repeat(n) + 'y'],
    ['lambda chain', 'x = ' + 'lambda: '.repeat(n) + '1'],
    ['conditional chain', 'x = ' + 'a if b else '.repeat(n) + 'c'],
    ['power chain', 'x = ' + '2**'.repeat(n) + '2'],
    ['attribute chain', 'x = a' + '.b'.repeat(100000)],
    ['call chain', 'x = f' + '()'.repeat(100000)],
    ['subscript chain', 'x = a' + '[0]'.repeat(100000)],
    ['long sum', 'x = 1' + ' + 1'.repeat(100000)],
    ['long comparison', 'x = 1' + ' < 1'.repeat(100000)],
    ['deep indentation', Array.from({ length: 150 }, (_, i) => ' '.repeat(i) + 'if x:').join('\n') + '\n' + ' '.repeat(150) + 'pass\n'],
    ['nested f-strings', 'x = ' + 'f"{'.repeat(100) + '1' + '}"'.repeat(100)],
    ['nested f-string specs', "x = f'{a:{b:{c:{d}}}}'"],
    ['many decorators', '@d\n'.repeat(n) + 'def f(): pass\n'],
    ['many statements on a line', 'x = 1; '.repeat(n) + '\n'],
    ['long string', 'x = "' + 'a'.repeat(1000000) + '"\n'],
    ['unterminated triple string', 'x = """' + 'a\n'.repeat(n)],
    ['many parameters', 'def f(' + Array.from({ length: n }, (_, i) => 'a' + i).join(', ') + '): pass\n'],
    ['nested comprehensions', 'x = ' + '[y for y in '.repeat(150) + 'z' + ']'.repeat(150)],
    ['nested lambdas in parentheses', 'x = ' + '(lambda: '.repeat(150) + '1' + ')'.repeat(150)],
    ['starred chain', 'x = ' + '*'.repeat(n) + 'a'],
    ['backslashes', 'x = 1 \\\n'.repeat(n) + '+ 1\n'],
    ['empty', ''],
    ['only a BOM', '\ufeff'],
    ['null byte', 'x = 1\0\n'],
  ].map(([kind, text]) => ({ kind, src: Buffer.from(text, 'utf8') }));
}

/** Token-ish boundaries of a source, for token-level mutations. */
function boundaries(text) {
  const out = [];
  const re = /[A-Za-z_][A-Za-z0-9_]*|\d[\w.]*|"""|'''|\*\*=?|\/\/=?|<<=?|>>=?|[-+*\/%&|^@:<>=!]=|->|\.\.\.|\s+|./gsu;
  let m;
  while ((m = re.exec(text)) !== null) out.push([m.index, m.index + m[0].length]);
  return out;
}

export function generateCases(seeds, count, seed) {
  const rand = prng(seed);
  const pick = (xs) => xs[Math.floor(rand() * xs.length)];
  const cases = deepNestingCases();
  const texts = seeds.map((b) => b.toString('utf8'));
  const mutators = {
    'byte flip': (b) => {
      const c = Buffer.from(b);
      const flips = 1 + Math.floor(rand() * 3);
      for (let i = 0; i < flips && c.length > 0; i++) c[Math.floor(rand() * c.length)] = Math.floor(rand() * 256);
      return c;
    },
    truncate: (b) => b.subarray(0, Math.floor(rand() * b.length)),
    'delete token': (_b, t) => {
      const bs = boundaries(t);
      if (bs.length === 0) return Buffer.from(t);
      const [s, e] = pick(bs);
      return Buffer.from(t.slice(0, s) + t.slice(e));
    },
    'duplicate token': (_b, t) => {
      const bs = boundaries(t);
      if (bs.length === 0) return Buffer.from(t);
      const [s, e] = pick(bs);
      return Buffer.from(t.slice(0, e) + t.slice(s, e) + t.slice(e));
    },
    'insert token': (_b, t) => {
      const bs = boundaries(t);
      const at = bs.length ? pick(bs)[0] : 0;
      return Buffer.from(t.slice(0, at) + pick(TOKENS) + t.slice(at));
    },
    'random unicode': (_b, t) => {
      const at = Math.floor(rand() * (t.length + 1));
      const ch = rand() < 0.5 ? pick(UNICODE) : String.fromCodePoint(Math.floor(rand() * 0x30000));
      return Buffer.from(t.slice(0, at) + ch + t.slice(at));
    },
    'change indentation': (_b, t) => {
      const lines = t.split('\n');
      const i = Math.floor(rand() * lines.length);
      lines[i] = rand() < 0.5 ? lines[i].replace(/^\s+/, '') : pick([' ', '\t', '    ', '        ']) + lines[i];
      return Buffer.from(lines.join('\n'));
    },
    'swap lines': (_b, t) => {
      const lines = t.split('\n');
      const i = Math.floor(rand() * lines.length);
      const j = Math.floor(rand() * lines.length);
      [lines[i], lines[j]] = [lines[j], lines[i]];
      return Buffer.from(lines.join('\n'));
    },
  };
  const kinds = Object.keys(mutators);
  for (let n = 0; n < count; n++) {
    const k = Math.floor(rand() * seeds.length);
    // Small windows of big files keep each case fast while still covering every construct.
    let text = texts[k];
    if (text.length > 6000) {
      const lines = text.split('\n');
      const start = Math.floor(rand() * lines.length);
      text = lines.slice(start, start + 80).join('\n');
    }
    const kind = pick(kinds);
    cases.push({ kind, src: mutators[kind](Buffer.from(text, 'utf8'), text) });
  }
  return cases;
}

// The tokenizer on its own: token kinds, CPython's positions (UTF-8 byte columns) and errors.

import { describe, expect, it } from 'vitest';
import { makeSourceText, tokenize } from '../../src/frontend/index.js';
import { tokenTypeName, type Tok } from '../../src/frontend/tokens.js';

function tokens(text: string): string[] {
  const ts = tokenize(makeSourceText('t.py', text));
  const out: string[] = [];
  for (let i = 0; i < ts.count; i++) {
    const kind = tokenTypeName(ts.kind[i] as Tok);
    out.push(`${kind} ${JSON.stringify(text.slice(ts.start[i], ts.end[i]))} ${ts.line[i]},${ts.col[i]}-${ts.endLine[i]},${ts.endCol[i]}`);
  }
  return out;
}

function error(text: string): string {
  const e = tokenize(makeSourceText('t.py', text)).error;
  return e ? `${e.lineno}: ${e.message}` : 'none';
}

describe('tokenizer', () => {
  it('produces INDENT and DEDENT from indentation, ignoring blank and comment lines', () => {
    expect(tokens('if x:\n    y\n\n  # c\n    z\nw\n').map((t) => t.split(' ')[0])).toEqual([
      'NAME', 'NAME', 'OP', 'NEWLINE', 'INDENT', 'NAME', 'NEWLINE', 'NAME', 'NEWLINE', 'DEDENT', 'NAME', 'NEWLINE', 'ENDMARKER',
    ]);
  });

  // (End-of-file tokens sit at the end of the last line read, as in CPython's C tokenizer.)
  it('counts columns in UTF-8 bytes', () => {
    expect(tokens('é = "ü"\n')).toEqual(['NAME "é" 1,0-1,2', 'OP "=" 1,3-1,4', 'STRING "\\"ü\\"" 1,5-1,9', 'NEWLINE "\\n" 1,9-1,10', 'ENDMARKER "" 1,9-1,9']);
  });

  it('expands tabs to multiples of 8 and rejects inconsistent tabs and spaces', () => {
    expect(error('if x:\n\ty\n        z\n')).toBe('3: inconsistent use of tabs and spaces in indentation');
    expect(error('if x:\n\ty\n\tz\n')).toBe('none');
  });

  it('joins lines inside brackets and after a backslash', () => {
    expect(tokens('x = (1,\n  2)\ny = 1 + \\\n 2\n').filter((t) => t.startsWith('NEWLINE')).length).toBe(2);
  });

  it('reads every number form', () => {
    const kinds = tokens('0 00 1_000 0x_Ff 0o17 0b1_0 1. .5 1e5 1E-5 1.5j 1J 0_0\n').filter((t) => t.startsWith('NUMBER'));
    expect(kinds.length).toBe(13);
  });

  it('reports malformed numbers as CPython does', () => {
    expect(error('x = 0777\n')).toBe('1: leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers');
    expect(error('x = 1_\n')).toBe('1: invalid decimal literal');
    expect(error('x = 0b12\n')).toBe("1: invalid digit '2' in binary literal");
    expect(error('x = 0x\n')).toBe('1: invalid hexadecimal literal');
    expect(error('x = 1abc\n')).toBe('1: invalid decimal literal');
    expect(error('x = 1if y else 2\n')).toBe('none');
  });

  it('keeps string prefixes and triple quotes in one STRING token', () => {
    expect(tokens("rb'a' f\"{x}\" '''a\nb'''\n").filter((t) => t.startsWith('STRING')).length).toBe(3);
  });

  it('reports unterminated strings with the line they were detected at', () => {
    expect(error("x = 'abc\n")).toBe('1: unterminated string literal (detected at line 1)');
    expect(error('x = """abc\n\ndef\n')).toBe('1: unterminated triple-quoted string literal (detected at line 3)');
  });

  it('reports bracket errors', () => {
    expect(error('x = [1, 2)\n')).toBe("1: closing parenthesis ')' does not match opening parenthesis '['");
    expect(error('x = )\n')).toBe("1: unmatched ')'");
    const eof = tokenize(makeSourceText('t.py', 'x = (\n')).error!;
    expect([eof.message, eof.bracket]).toEqual(["'(' was never closed", { char: '(', lineno: 1, col: 4 }]);
    expect(error('x = ' + '('.repeat(201))).toBe('1: too many nested parentheses');
  });

  it('rejects characters that cannot start a token', () => {
    expect(error('x = €\n')).toBe("1: invalid character '€' (U+20AC)");
    expect(error('x = a\u00a0b\n')).toBe('1: invalid non-printable character U+00A0');
    expect(error('x = 1\x01\n')).toBe('1: invalid non-printable character U+0001');
  });

  it('keeps soft keywords as names', () => {
    expect(tokens('match case _\n').slice(0, 3).map((t) => t.split(' ')[0])).toEqual(['NAME', 'NAME', 'NAME']);
  });
});

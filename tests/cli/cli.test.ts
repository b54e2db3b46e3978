// The pync command line: help, version, `emit`, diagnostics and exit statuses.

import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const pync = join(import.meta.dirname, '../../bin/pync');

function run(args: string[], cwd?: string) {
  const r = spawnSync(process.execPath, [pync, ...args], { encoding: 'utf8', cwd });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function tempFile(name: string, text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'pync-cli-'));
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

describe('pync CLI', () => {
  it('prints help and version', () => {
    const help = run(['--help']);
    expect(help.status).toBe(0);
    expect(help.stdout).toContain('pync emit');
    const version = run(['--version']);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')).version);
    expect(run(['emit', '--help']).stdout).toContain('--out-dir');
  });

  it('rejects unknown commands and options in one line', () => {
    const r = run(['frobnicate']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/^pync: error: /);
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('emits the AST of a file', () => {
    const file = tempFile('a.py', 'x = 1\n');
    const r = run(['emit', 'ast', file]);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe(
      "Module(body=[Assign(targets=[Name(id='x', ctx=Store(), lineno=1, col_offset=0, end_lineno=1, end_col_offset=1)], value=Constant(value=1, lineno=1, col_offset=4, end_lineno=1, end_col_offset=5), lineno=1, col_offset=0, end_lineno=1, end_col_offset=5)], type_ignores=[])\n",
    );
  });

  it('emits tokens', () => {
    const r = run(['emit', 'tokens', tempFile('t.py', 'x = 1\n')]);
    expect(r.stdout.split('\n')[0]).toMatch(/^1,0-1,1:\s+NAME\s+'x'$/);
  });

  it('writes one .ast per file with --out-dir, relative to the current folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pync-cli-'));
    mkdirSync(join(dir, 'pkg'));
    writeFileSync(join(dir, 'pkg', 'm.py'), 'y = 2\n');
    writeFileSync(join(dir, 'top.py'), 'z = 3\n');
    const r = run(['emit', 'ast', '--out-dir', 'out', 'pkg/m.py', 'top.py'], dir);
    expect(r.status).toBe(0);
    expect(readFileSync(join(dir, 'out', 'pkg', 'm.ast'), 'utf8')).toContain("id='y'");
    expect(readFileSync(join(dir, 'out', 'top.ast'), 'utf8')).toContain("id='z'");
  });

  it('reports syntax errors as file:line:col with the source line and a caret, exit 1', () => {
    const file = tempFile('bad.py', 'x = 1\nif x\n    pass\n');
    const r = run(['emit', 'ast', file]);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(`${file}:2:5: error: expected ':'\n    if x\n        ^\n`);
  });

  it('reports several independent errors', () => {
    const file = tempFile('bad.py', 'x = (1,\ny = 2\ndef f(:\n    pass\nz = 3 +\n');
    const r = run(['emit', 'ast', file]);
    expect(r.status).toBe(1);
    expect(r.stderr.match(/: error: /g)?.length).toBeGreaterThanOrEqual(1);
    const two = tempFile('two.py', 'x = 1 +\ny = 2\nclass A(:\n    pass\n');
    expect(run(['emit', 'ast', two]).stderr.match(/: error: /g)?.length).toBe(2);
  });

  it('says so in one line when a file cannot be read', () => {
    const r = run(['emit', 'ast', '/nonexistent/x.py']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe('pync: error: cannot read /nonexistent/x.py: ENOENT\n');
  });
});

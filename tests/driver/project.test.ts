// Project builds: [tool.pync] in pyproject.toml read by src/driver/project.ts (defaults, paths,
// every kind of mistake as one line naming the file and line), and `pync build` with no file
// through bin/pync — from the project's folder and from below it, for the host and with
// `pync --target aarch64-linux-gnu build`, several targets at once, options overriding the file.

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { findProjectFile, loadProject, projectOutput } from '../../src/driver/project.js';
import { ensureTestSysroot, pyncBin, testCacheDir } from '../toolchain/support.js';

function project(pyproject: string, files: Record<string, string> = { 'app.py': 'print("hi")\n' }): string {
  const dir = mkdtempSync(join(tmpdir(), 'pync-project-'));
  writeFileSync(join(dir, 'pyproject.toml'), pyproject);
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return dir;
}

function loadError(pyproject: string): string {
  const dir = project(pyproject);
  try {
    loadProject(join(dir, 'pyproject.toml'));
  } catch (e) {
    return (e as Error).message.replace(join(dir, 'pyproject.toml'), 'pyproject.toml');
  }
  return 'no error';
}

describe('reading [tool.pync]', () => {
  it('every key, paths against the project folder', () => {
    const dir = project(
      [
        '[project]',
        'name = "ignored-when-output-given"',
        '',
        '[tool.pync]',
        'entry = "src/main.py"',
        'output = "bin/tool"',
        'targets = ["x86_64-linux-gnu", "arm64-linux"]',
        'opt-level = 3',
        'static = true',
        'debug = false',
        '',
      ].join('\n'),
      { 'src/main.py': 'print(1)\n' },
    );
    const p = loadProject(join(dir, 'pyproject.toml'));
    expect(p).toMatchObject({ dir, entry: join(dir, 'src/main.py'), output: join(dir, 'bin/tool'), outputGiven: true, targets: ['x86_64-linux-gnu', 'arm64-linux'], board: null, optLevel: 3, static: true, debug: false });
    expect(projectOutput(p, 'aarch64-linux-gnu', '', true)).toBe(join(dir, 'bin/tool-aarch64-linux-gnu'));
    expect(projectOutput(p, 'aarch64-linux-gnu', '', false)).toBe(join(dir, 'bin/tool'));
    expect(projectOutput(p, 'x', '.elf', false, '/tmp/out')).toBe('/tmp/out');
  });

  it('defaults: output from [project].name, else the entry\'s name; no targets; options unset', () => {
    const named = loadProject(join(project('[project]\nname = "greeter"\n[tool.pync]\nentry = "app.py"\n'), 'pyproject.toml'));
    expect(named).toMatchObject({ outputGiven: false, targets: [], optLevel: null, static: null, debug: null, board: null });
    expect(named.output).toBe(join(named.dir, 'greeter'));
    expect(projectOutput(named, 't', '.elf', false)).toBe(join(named.dir, 'greeter.elf'));
    const unnamed = loadProject(join(project('[tool.pync]\nentry = "app.py"\n'), 'pyproject.toml'));
    expect(unnamed.output).toBe(join(unnamed.dir, 'app'));
  });

  it('dotted keys and a single target string', () => {
    const p = loadProject(join(project('tool.pync.entry = "app.py"\ntool.pync.targets = "aarch64-linux-gnu"\n'), 'pyproject.toml'));
    expect(p.targets).toEqual(['aarch64-linux-gnu']);
  });

  it.each([
    ['[tool.pync]\nentry = "app.py"\nopt_level = 2\n', "pyproject.toml:3: unknown key 'opt_level' in [tool.pync] (known: entry, output, targets, board, opt-level, static, debug)"],
    ['[tool.pync]\nentry = "app.py"\n\n[tool.pync.extra]\nx = 1\n', "pyproject.toml:4: unknown key 'extra' in [tool.pync] (known: entry, output, targets, board, opt-level, static, debug)"],
    ['[tool]\npync.entry = "app.py"\npync.colour = "red"\n', "pyproject.toml:3: unknown key 'colour' in [tool.pync] (known: entry, output, targets, board, opt-level, static, debug)"],
    ['[tool.pync]\nentry = "app.py"\nopt-level = 5\n', 'pyproject.toml:3: opt-level must be 0, 1, 2 or 3'],
    ['[tool.pync]\nentry = "app.py"\n"static" = "yes"\n', 'pyproject.toml:3: static must be true or false'],
    ['[tool.pync]\nentry = "app.py"\ntargets = []\n', 'pyproject.toml:3: targets must be a non-empty list of target names (["x86_64-linux-gnu", "aarch64-linux-gnu"])'],
    ['[tool.pync]\noutput = "x"\n', 'pyproject.toml:1: entry must be given: the program\'s main .py file, relative to the project (entry = "app.py")'],
    ['[tool.pync]\nentry = "missing.py"\n', /^pyproject\.toml:2: entry 'missing\.py' is not a file in \/\S+$/],
    ['[tool.pync]\nentry = "app.py"\nstatic = tru\n', 'pyproject.toml:3:10: invalid TOML: invalid value'],
    ['[tool.pync]\nentry = "app.py"\nentry = "b.py"\n', /^pyproject\.toml:3:\d+: invalid TOML: /],
    ['[project]\nname = "x"\n', 'pyproject.toml has no [tool.pync] table: add one with entry = "app.py", or give the program\'s .py file'],
  ])('%j → one line naming the file and line', (text, expected) => {
    const message = loadError(text);
    expect(message).not.toContain('\n');
    if (typeof expected === 'string') expect(message).toBe(expected);
    else expect(message).toMatch(expected);
  });

  it('finds the nearest pyproject.toml above a folder', () => {
    const dir = project('[tool.pync]\nentry = "app.py"\n');
    mkdirSync(join(dir, 'a', 'b'), { recursive: true });
    expect(findProjectFile(join(dir, 'a', 'b'))).toBe(join(dir, 'pyproject.toml'));
  });
});

describe('pync build with no file', () => {
  const PROGRAM = 'import sys\nprint("hello from", sys.argv[0].rsplit("/", 1)[-1])\n';
  let sysroot = '';

  beforeAll(() => {
    sysroot = ensureTestSysroot();
  });

  function pync(args: string[], cwd: string) {
    const r = spawnSync(process.execPath, [pyncBin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, PYNC_CACHE_DIR: testCacheDir() } });
    return { status: r.status, stdout: r.stdout, stderr: r.stderr };
  }

  it('builds the project from its folder or below, for the host and for --target', () => {
    const dir = project('[project]\nname = "greet"\n\n[tool.pync]\nentry = "src/greet.py"\nopt-level = 1\n', { 'src/greet.py': PROGRAM });
    mkdirSync(join(dir, 'docs'));
    const r = pync(['build'], join(dir, 'docs'));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    expect(spawnSync(join(dir, 'greet'), { encoding: 'utf8' }).stdout).toBe('hello from greet\n');

    const cross = pync(['--target', 'aarch64-linux-gnu', 'build', '-o', 'greet-arm64'], dir);
    expect(cross.status, cross.stderr).toBe(0);
    const run = spawnSync('qemu-aarch64', ['-L', sysroot, join(dir, 'greet-arm64')], { encoding: 'utf8' });
    expect(run.stdout).toBe('hello from greet-arm64\n');
  }, 300_000);

  it('the project\'s targets: one executable per target, named -TARGET; --static from the file', () => {
    const dir = project('[tool.pync]\nentry = "app.py"\noutput = "out/app"\ntargets = ["x86_64-linux-gnu", "aarch64-linux-gnu"]\nstatic = true\n', { 'app.py': PROGRAM });
    const r = pync(['build'], dir);
    expect(r.status, r.stderr).toBe(0);
    const x86 = join(dir, 'out', 'app-x86_64-linux-gnu');
    const arm = join(dir, 'out', 'app-aarch64-linux-gnu');
    expect(existsSync(x86) && existsSync(arm)).toBe(true);
    // static: runs under qemu without -L
    expect(spawnSync('qemu-aarch64', [arm], { encoding: 'utf8' }).stdout).toBe('hello from app-aarch64-linux-gnu\n');
    if (process.arch === 'x64') expect(spawnSync(x86, { encoding: 'utf8' }).stdout).toBe('hello from app-x86_64-linux-gnu\n');
  }, 300_000);

  it('builds firmware for the board the project names', () => {
    ensureTestSysroot('thumbv7m-none-eabi');
    const dir = project('[tool.pync]\nentry = "app.py"\noutput = "fw.elf"\ntargets = ["thumbv7m-none-eabi"]\nboard = "mps2-an386"\n');
    const r = pync(['build'], dir);
    expect(r.status, r.stderr).toBe(0);
    for (const f of ['fw.elf', 'fw.bin', 'fw.hex']) expect(existsSync(join(dir, f))).toBe(true);
    // built for that board's memory map: it runs on it
    const run = spawnSync('qemu-system-arm', ['-machine', 'mps2-an386', '-display', 'none', '-monitor', 'none', '-serial', 'none',
      '-semihosting-config', 'enable=on,target=native', '-kernel', join(dir, 'fw.elf')], { encoding: 'utf8', timeout: 60_000 });
    expect(run.stdout).toBe('hi\n');
    expect(run.status).toBe(0);
  }, 300_000);

  it('one-line errors: no project, a bad key, a bad target in the file, a board', () => {
    const empty = mkdtempSync(join(tmpdir(), 'pync-noproject-'));
    const none = pync(['build'], empty);
    expect(none.status).toBe(1);
    expect(none.stderr).toMatch(/^pync: error: no program given and no pyproject\.toml in \S+ or above: give the program's \.py file, or make a pyproject\.toml with a \[tool\.pync\] table \(entry = "app\.py"\)\n$/);

    const badKey = pync(['build'], project('[tool.pync]\nentry = "app.py"\nentrypoint = "x"\n'));
    expect(badKey.status).toBe(1);
    expect(badKey.stderr).toBe("pync: error: pyproject.toml:3: unknown key 'entrypoint' in [tool.pync] (known: entry, output, targets, board, opt-level, static, debug)\n");

    const badTarget = pync(['build'], project('[tool.pync]\nentry = "app.py"\ntargets = ["sparc-linux-gnu"]\n'));
    expect(badTarget.status).toBe(1);
    expect(badTarget.stderr).toMatch(/^pync: error: pyproject\.toml:3: unknown target 'sparc-linux-gnu': supported targets are /);

    const board = pync(['build'], project('[tool.pync]\nentry = "app.py"\nboard = "mps2-an385"\n'));
    expect(board.status).toBe(1);
    expect(board.stderr).toBe("pync: error: pyproject.toml:3: board = 'mps2-an385': none of the project's targets takes a board (bare-metal targets do)\n");

    const badBoard = pync(['build'], project('[tool.pync]\nentry = "app.py"\ntargets = ["thumbv7m-none-eabi"]\nboard = "pdp-11"\n'));
    expect(badBoard.status).toBe(1);
    expect(badBoard.stderr).toMatch(/^pync: error: pyproject\.toml:4: .*pdp-11.*\n$/);
  });
});

// The build-related commands through bin/pync (run `npm run build` first): build (one target,
// several targets, --static for every Linux target), run (arguments, stdin, exit status, the run
// cache, qemu), emit llvm, targets, sysroot path, and the one-line errors with their exit
// statuses (unknown target 2, everything else a user can cause 1).

import { spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveTarget } from '../../targets/index.js';
import { elfInterpreter, ensureTestSysroot, pyncBin, testCacheDir } from '../toolchain/support.js';

let work = '';
let sysroot = '';

function pync(args: string[], options: { cwd?: string; input?: string; cache?: string } = {}) {
  const r = spawnSync(process.execPath, [pyncBin, ...args], {
    cwd: options.cwd ?? work,
    input: options.input ?? '',
    encoding: 'utf8',
    env: { ...process.env, PYNC_CACHE_DIR: options.cache ?? testCacheDir() },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

function expectOneLineError(r: { status: number | null; stderr: string; stdout: string }, status: number, pattern: RegExp): void {
  expect(r.status, r.stderr).toBe(status);
  expect(r.stderr.trimEnd().split('\n').filter((l) => !l.startsWith("Run 'pync --help'"))).toHaveLength(1);
  expect(r.stderr).toMatch(/^pync: error: /);
  expect(r.stderr).toMatch(pattern);
  expect(r.stderr).not.toMatch(/\n\s+at /);
}

const PROGRAM = [
  'import sys',
  'print("args:", sys.argv[1:])',
  'name = input()',
  'print("hello,", name)',
  'sys.exit(len(sys.argv) - 1)',
  '',
].join('\n');

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'pync-cli-build-'));
  writeFileSync(join(work, 'greet.py'), PROGRAM);
  sysroot = ensureTestSysroot();
});

describe('pync build', () => {
  it('writes ./NAME by default, and the program runs', () => {
    const r = pync(['build', 'greet.py']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toBe('');
    const run = spawnSync(join(work, 'greet'), ['x'], { input: 'Ada\n', encoding: 'utf8' });
    expect(run.stdout).toBe("args: ['x']\nhello, Ada\n");
    expect(run.status).toBe(1);
  }, 300_000);

  it('-o, -O0, --static, --keep-temps and --verbose', () => {
    const out = join(work, 'out', 'greet-static');
    const r = pync(['build', 'greet.py', '-o', out, '-O0', '--static', '--keep-temps', '--verbose']);
    expect(r.status, r.stderr).toBe(0);
    for (const step of ['compile', 'llvm', 'runtime', 'link', 'total']) expect(r.stderr).toMatch(new RegExp(`^pync: ${step} +\\d+ ms`, 'm'));
    expect(r.stderr).toContain('(-O0)');
    const temps = readdirSync(`${out}.pync-temps`);
    expect(temps).toContain('m.__main__.ll');
    expect(temps).toContain('program.ll');
    expect(temps.filter((f) => f.endsWith('.o'))).toHaveLength(2);
    const file = spawnSync('file', ['-b', out], { encoding: 'utf8' });
    if (file.status === 0) expect(file.stdout).toContain('statically linked');
    expect(spawnSync(out, [], { input: 'B\n', encoding: 'utf8' }).stdout).toBe('args: []\nhello, B\n');
  }, 300_000);

  it('cross-compiles for aarch64 (the output runs under qemu-aarch64 -L SYSROOT)', () => {
    const out = join(work, 'greet-arm64');
    const r = pync(['build', 'greet.py', '--target', 'arm64-linux-gnu', '-o', out]);
    expect(r.status, r.stderr).toBe(0);
    const run = spawnSync('qemu-aarch64', ['-L', sysroot, out, 'p', 'q'], { input: 'Arm\n', encoding: 'utf8' });
    expect(run.stdout).toBe("args: ['p', 'q']\nhello, Arm\n");
    expect(run.status).toBe(2);
  }, 300_000);

  it('prints diagnostics and exits 1 when the program has errors', () => {
    writeFileSync(join(work, 'bad.py'), 'x = (\n');
    const r = pync(['build', 'bad.py']);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^bad\.py:1:\d+: error: /);
    expect(r.stderr).not.toContain('pync: error');
    expect(existsSync(join(work, 'bad'))).toBe(false);
  });

  it('reports a missing input in one line', () => {
    expectOneLineError(pync(['build', 'nothere.py']), 1, /cannot read nothere\.py: no such file/);
    expectOneLineError(pync(['build', '.']), 1, /is a folder/);
    expectOneLineError(pync(['build', 'greet.py', '-o', '.']), 1, /the output \. is a folder; give a file name with -o/);
  });

  it('rejects a bad -O level as a usage error', () => {
    expectOneLineError(pync(['build', 'greet.py', '-O7']), 2, /-O takes 0, 1, 2 or 3/);
  });
});

describe('pync build for several targets', () => {
  it('writes OUT-<target> for each target given, and each runs', () => {
    ensureTestSysroot('armv7-linux-gnueabihf');
    const out = join(work, 'dist', 'greet');
    const r = pync(['build', 'greet.py', '--target', 'x86_64-linux-gnu,armv7-linux-gnueabihf', '-o', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(join(work, 'dist')).sort()).toEqual(['greet-armv7-linux-gnueabihf', 'greet-x86_64-linux-gnu']);
    for (const name of ['x86_64-linux-gnu', 'armv7-linux-gnueabihf']) {
      const target = resolveTarget(name);
      const command = target.runCommand(`${out}-${name}`, ['a'], ensureTestSysroot(target.sysroot ?? 'aarch64-linux-gnu'))!;
      const run = spawnSync(command.command, command.args, { input: 'Multi\n', encoding: 'utf8' });
      expect(run.stdout, name).toBe("args: ['a']\nhello, Multi\n");
      expect(run.status).toBe(1);
    }
  }, 600_000);

  it('reports a target that fails in one line, builds the others, and exits 1', () => {
    // a cache with the runtime archives but no riscv64 sysroot
    const cache = mkdtempSync(join(tmpdir(), 'pync-cache-partial-'));
    mkdirSync(join(testCacheDir(), 'runtime'), { recursive: true });
    symlinkSync(join(testCacheDir(), 'runtime'), join(cache, 'runtime'));
    const r = pync(['build', 'greet.py', '--target', 'riscv64-linux-gnu', '--target', 'x86_64-linux-gnu', '-o', join(work, 'partial', 'greet')], { cache });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^pync: error: riscv64-linux-gnu: the riscv64-linux-gnu sysroot is not installed .*: install it with pync sysroot install riscv64-linux-gnu$/m);
    expect(r.stderr).toMatch(/^pync: built for 1 of 2 targets; failed: riscv64-linux-gnu$/m);
    expect(readdirSync(join(work, 'partial'))).toEqual(['greet-x86_64-linux-gnu']);
  }, 600_000);

  it('--target before the command works for build too', () => {
    const out = join(work, 'greet-before');
    expect(pync(['--target', 'aarch64-linux-gnu', 'build', 'greet.py', '-o', out]).status).toBe(0);
    expect(elfInterpreter(out)).toBe('/lib/ld-linux-aarch64.so.1');
  }, 300_000);

  it('an unknown name builds nothing; run and emit take one target', () => {
    expectOneLineError(pync(['build', 'greet.py', '--target', 'x86_64-linux-gnu,mips-linux-gnu', '-o', join(work, 'none', 'g')]), 2,
      /unknown target 'mips-linux-gnu'/);
    expect(existsSync(join(work, 'none'))).toBe(false);
    expectOneLineError(pync(['run', '--target', 'x86_64-linux-gnu,aarch64-linux-gnu', 'greet.py']), 2, /give one --target here/);
  });
});

describe.each(['x86_64-linux-gnu', 'aarch64-linux-gnu', 'armv7-linux-gnueabihf', 'riscv64-linux-gnu'])('pync build --static for %s', (name) => {
  it('makes an executable without a dynamic loader that runs without the sysroot', () => {
    const target = resolveTarget(name);
    if (target.sysroot) ensureTestSysroot(target.sysroot);
    const out = join(work, `greet-static-${name}`);
    const r = pync(['build', 'greet.py', '--static', '--target', name, '-o', out]);
    expect(r.status, r.stderr).toBe(0);
    expect(elfInterpreter(out)).toBeNull();
    // no -L: nothing of the sysroot is needed at run time
    const command = target.runCommand(out, ['s'], null)!;
    const run = spawnSync(command.command, command.args, { input: 'Static\n', encoding: 'utf8' });
    expect(run.stdout, run.stderr).toBe("args: ['s']\nhello, Static\n");
    expect(run.status).toBe(1);
  }, 600_000);
});

describe('pync run', () => {
  it('passes arguments (after --), stdin, stdout and the exit status through', () => {
    const r = pync(['run', 'greet.py', 'one', '--', '--two', '-3'], { input: 'Run\n' });
    expect(r.stdout).toBe("args: ['one', '--two', '-3']\nhello, Run\n");
    expect(r.status).toBe(3);
  }, 300_000);

  it('reuses the cached build until a source changes', () => {
    writeFileSync(join(work, 'cached.py'), 'print("v1")\n');
    expect(pync(['run', 'cached.py']).stdout).toBe('v1\n');
    const again = pync(['run', 'cached.py', '--verbose']);
    expect(again.stdout).toBe('v1\n');
    expect(again.stderr).toMatch(/^pync: cached /m);
    appendFileSync(join(work, 'cached.py'), 'print("v2")\n');
    const edited = pync(['run', 'cached.py', '--verbose']);
    expect(edited.stdout).toBe('v1\nv2\n');
    expect(edited.stderr).toMatch(/^pync: compile /m);
  }, 300_000);

  it('runs aarch64 output under qemu, with --target before or after the command', () => {
    for (const args of [['--target', 'aarch64-linux-gnu', 'run', 'greet.py', 'z'], ['run', '--target=aarch64-unknown-linux-gnu', 'greet.py', 'z']]) {
      const r = pync(args, { input: 'Q\n' });
      expect(r.stdout, r.stderr).toBe("args: ['z']\nhello, Q\n");
      expect(r.status).toBe(1);
    }
  }, 300_000);

  it('says in one line which command installs a missing sysroot', () => {
    const empty = mkdtempSync(join(tmpdir(), 'pync-nocache-'));
    const r = pync(['--target', 'aarch64-linux-gnu', 'run', 'greet.py'], { cache: empty });
    expectOneLineError(r, 1, /the aarch64-linux-gnu sysroot is not installed .*: install it with pync sysroot install aarch64-linux-gnu$/m);
  });
});

describe('unknown targets', () => {
  it.each([
    [['build', 'greet.py', '--target', 'sparc-linux-gnu']],
    [['--target', 'sparc-linux-gnu', 'run', 'greet.py']],
    [['emit', 'llvm', 'greet.py', '--target', 'sparc-linux-gnu']],
    [['sysroot', 'path', 'sparc-linux-gnu']],
  ])('pync %j: one line, exit 2', (args) => {
    expectOneLineError(pync(args), 2, /unknown target 'sparc-linux-gnu': supported targets are x86_64-linux-gnu, aarch64-linux-gnu/);
  });

  it('suggests the closest name', () => {
    expectOneLineError(pync(['build', 'greet.py', '--target', 'aarch64-linux-gn']), 2, /did you mean 'aarch64-linux-gnu'\?/);
  });
});

describe('pync emit llvm', () => {
  it('prints the entry module for the target, with clang\'s triple and data layout', () => {
    const r = pync(['emit', 'llvm', 'greet.py', '--target', 'aarch64-linux-gnu']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('target triple = "aarch64-unknown-linux-gnu"');
    expect(r.stdout).toContain('target datalayout = "e-m:e-i8:8:32-i16:16:32-i64:64-i128:128-n32:64-S128-Fn32"');
    const host = pync(['emit', 'llvm', 'greet.py']);
    expect(host.stdout).toMatch(/target triple = "(x86_64|aarch64)-unknown-linux-gnu"/);
  });

  it('keeps emit tokens and ast working', () => {
    expect(pync(['emit', 'tokens', 'greet.py']).status).toBe(0);
    expect(pync(['emit', 'ast', 'greet.py']).stdout).toMatch(/^Module\(body=\[Import/);
  });
});

describe('pync targets and pync sysroot path', () => {
  it('lists every target with aliases, how it runs here and its sysroot', () => {
    const r = pync(['targets']);
    expect(r.status).toBe(0);
    const [header, ...rows] = r.stdout.trimEnd().split('\n');
    expect(header).toMatch(/^TARGET +ALIASES +RUNS HERE +SYSROOT$/);
    const x86 = rows.find((l) => l.startsWith('x86_64-linux-gnu'))!;
    const arm = rows.find((l) => l.startsWith('aarch64-linux-gnu'))!;
    expect(x86).toContain('x86_64-unknown-linux-gnu');
    expect(arm).toContain('arm64-linux-gnu');
    if (process.arch === 'x64') {
      expect(x86).toMatch(/\(host\).*natively.*host libraries/);
      expect(arm).toContain('qemu-aarch64 -L sysroot');
    }
    expect(arm).toContain(sysroot);
    const empty = mkdtempSync(join(tmpdir(), 'pync-nocache-'));
    expect(pync(['targets'], { cache: empty }).stdout).toContain('missing: pync sysroot install aarch64-linux-gnu');
  });

  it('prints an installed sysroot\'s folder, for any spelling of the target', () => {
    for (const name of ['aarch64-linux-gnu', 'arm64-linux-gnu', 'aarch64-unknown-linux-gnu']) {
      const r = pync(['sysroot', 'path', name]);
      expect(r.status).toBe(0);
      expect(r.stdout).toBe(`${sysroot}\n`);
    }
    expect(statSync(sysroot).isDirectory()).toBe(true);
  });

  it('a missing sysroot, or a target without one, is a one-line error', () => {
    const empty = mkdtempSync(join(tmpdir(), 'pync-nocache-'));
    expectOneLineError(pync(['sysroot', 'path', 'aarch64-linux-gnu'], { cache: empty }), 1, /install it with pync sysroot install aarch64-linux-gnu/);
    expectOneLineError(pync(['sysroot', 'path', 'x86_64-linux-gnu']), 1, /x86_64-linux-gnu links against this machine's own libraries and has no sysroot/);
  });
});

// Bare-metal Cortex-M: target options (--board, --heap-size, --stdout), the generated linker
// script, and programs built for thumbv7m-none-eabi and run on the emulated board
// (qemu-system-arm -machine mps2-an385 with semihosting): CPython's stdout for the runtime-error
// suite (tests/programs/errors) and a few core programs, an uncaught exception's traceback on
// stderr with status 1, sys.exit's status, MemoryError when the static heap is exhausted, output
// on the UART, a program too big for the lm3s6965evb, hard-float code on the Cortex-M4F, and the
// firmware images. Needs `npm run build`,
// qemu-system-arm and the thumbv7m sysroot (scripts/setup installs both; the test makes the
// sysroot in its cache when missing).

import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { resolveTarget, TargetError } from '../../targets/index.js';
import { mapLimit, runTool, type ToolResult } from '../../src/toolchain/run.js';
import { pyncBin, repoRoot, testCacheDir } from '../toolchain/support.js';

const TARGET = 'thumbv7m-none-eabi';

describe('target options', () => {
  const target = resolveTarget(TARGET);

  it('resolves the aliases and defaults to mps2-an385 with semihosting', () => {
    expect(resolveTarget('armv7m-none-eabi').name).toBe(TARGET);
    expect(resolveTarget('thumbv7m-unknown-none-eabi').name).toBe(TARGET);
    expect(target.variant).toBe('board=mps2-an385 heap=2097152 stdout=semihosting');
    expect(target.runCommand('fw.elf', [], null)!.args).toContain('mps2-an385');
  });

  it('generates the linker script from the board memory map', () => {
    const small = target.configure!({ board: 'lm3s6965evb', heapSize: 20 * 1024 });
    expect(small.linkerScript).toMatch(/FLASH \(rx\)\s+: ORIGIN = 0x00000000, LENGTH = 0x00040000/);
    expect(small.linkerScript).toMatch(/RAM\s+\(rwx\) : ORIGIN = 0x20000000, LENGTH = 0x00010000/);
    expect(small.linkerScript).toContain('. += 0x00005000;');
    expect(small.runtime.defines.PYNC_UART_PL011).toBe('1');
    expect(small.runCommand('fw.elf', [], null)!.args).toContain('lm3s6965evb');
    // without --heap-size, this small board's heap is all the RAM the program leaves, at least 16K
    const rest = target.configure!({ board: 'lm3s6965evb' });
    expect(rest.variant).toBe('board=lm3s6965evb heap=rest stdout=semihosting');
    expect(rest.linkerScript).toContain('. = MAX(., ORIGIN(RAM) + LENGTH(RAM));');
    expect(rest.linkerScript).toContain("ASSERT(pync_heap_end - pync_heap_start >= 0x00004000, \"pync: the program leaves less than 16 KiB of the board's RAM for the heap (try a board with more RAM; docs/targets.md lists the boards)\")");
    expect(rest.runtime.defines.PYNC_GC_SEGMENT_SHIFT).toBe('10');
  });

  it('passes program arguments through semihosting, commas doubled', () => {
    const args = target.runCommand('fw.elf', ['a,b', 'c'], null)!.args;
    expect(args[args.indexOf('-semihosting-config') + 1]).toBe('enable=on,target=native,arg=fw.elf,arg=a,,b,arg=c');
  });

  it('refuses what the board or target cannot do, in one line', () => {
    expect(() => target.configure!({ board: 'pdp11' })).toThrow(/unknown board 'pdp11' for thumbv7m-none-eabi: supported boards are mps2-an385, mps2-an386, lm3s6965evb/);
    expect(() => resolveTarget('thumbv7em-none-eabihf').configure!({ board: 'mps2-an385' })).toThrow(/needs a core with an FPU/);
    expect(() => target.configure!({ heapSize: 1000 })).toThrow(TargetError);
    expect(() => target.configure!({ stdout: 'lcd' })).toThrow(/--stdout must be semihosting or uart/);
  });
});

// ---- programs on the board --------------------------------------------------------------------

let work = '';
const cacheDir = testCacheDir();

function pync(args: readonly string[], cwd: string): Promise<ToolResult> {
  return runTool(pyncBin, args, { cwd, env: { ...process.env, PYNC_CACHE_DIR: cacheDir }, timeoutMs: 300_000 });
}

/** Builds `source` for the board (extra options: --board ...) and runs it under qemu. */
async function buildAndRun(source: string, name: string, options: readonly string[] = [], runArgs: readonly string[] = []): Promise<ToolResult> {
  const out = join(work, `${name}.elf`);
  const built = await pync(['build', source, '--target', TARGET, ...options, '-o', out], work);
  if (built.status !== 0) return { ...built, stdout: '', stderr: `pync build failed: ${built.stderr}` };
  let target = resolveTarget(TARGET);
  if (options.length > 0) {
    const o: Record<string, string> = {};
    for (let i = 0; i < options.length; i += 2) o[options[i]!.replace(/^--/, '')] = options[i + 1]!;
    target = target.configure!({ board: o.board, stdout: o.stdout, heapSize: o['heap-size'] ? Number(o['heap-size']) : undefined });
  }
  const command = target.runCommand(out, runArgs, null)!;
  return runTool(command.command, command.args, { cwd: work, timeoutMs: 60_000 });
}

function program(name: string, text: string): string {
  const file = join(work, `${name}.py`);
  writeFileSync(file, text);
  return file;
}

beforeAll(() => {
  if (!existsSync(join(repoRoot, 'dist', 'pync.mjs'))) throw new Error('dist/pync.mjs is missing: run `npm run build` first');
  work = mkdtempSync(join(tmpdir(), 'pync-baremetal-'));
  execFileSync(join(repoRoot, 'scripts', 'make-sysroot'), ['--no-tarball', TARGET], {
    env: { ...process.env, PYNC_CACHE_DIR: cacheDir },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
});

afterAll(() => {
  if (work) rmSync(work, { recursive: true, force: true });
});

describe(`${TARGET} on mps2-an385 (qemu-system-arm)`, () => {
  const errorsDir = join(repoRoot, 'tests', 'programs', 'errors');
  const coreDir = join(repoRoot, 'tests', 'programs', 'core');
  const core = ['dict_arguments.py', 'builtin_subclassing.py', 'namedtuple_fields.py', 'exception_values.py'];
  const suite = [
    ...readdirSync(errorsDir).filter((f) => f.endsWith('.py')).sort().map((f) => join(errorsDir, f)),
    ...core.map((f) => join(coreDir, f)),
  ];

  it('prints what CPython prints for the runtime-error suite and some core programs', async () => {
    const results = await mapLimit(suite, 2, async (source) => {
      const r = await buildAndRun(source, basename(source, '.py'));
      const expected = readFileSync(source.replace(/\.py$/, '.exp'), 'utf8');
      return { source: basename(source), ok: r.status === 0 && r.stdout === expected, status: r.status, stderr: r.stderr.slice(0, 300) };
    });
    expect(results.filter((r) => !r.ok)).toEqual([]);
  }, 900_000);

  it('reports an uncaught exception as CPython does: traceback on stderr, status 1', async () => {
    const source = program('uncaught', 'def f(n):\n    return 10 // n\n\nprint("start")\nf(0)\n');
    const r = await buildAndRun(source, 'uncaught');
    expect(r.status).toBe(1);
    expect(r.stdout).toBe('start\n');
    expect(r.stderr).toBe(
      `Traceback (most recent call last):\n  File "${source}", line 5, in <module>\n    f(0)\n` +
        `  File "${source}", line 2, in f\n    return 10 // n\nZeroDivisionError: integer division or modulo by zero\n`,
    );
  }, 300_000);

  it('exits with sys.exit\'s status and sees its arguments', async () => {
    const source = program('exits', 'import sys\nprint(sys.argv[1:])\nsys.exit(int(sys.argv[1]))\n');
    const r = await buildAndRun(source, 'exits', [], ['7', 'x']);
    expect([r.status, r.stdout]).toEqual([7, "['7', 'x']\n"]);
  }, 300_000);

  it('raises MemoryError when the static heap is exhausted', async () => {
    const source = program('heap', 'try:\n    big = [0] * 100000\nexcept MemoryError:\n    print("MemoryError")\nsmall = [0] * 1000\nprint(len(small))\n');
    const r = await buildAndRun(source, 'heap', ['--heap-size', String(192 * 1024)]);
    expect([r.status, r.stdout]).toEqual([0, 'MemoryError\n1000\n']);
  }, 300_000);

  it('writes to the UART with --stdout uart', async () => {
    const source = program('uart', 'print("over the wire", 6 * 7)\n');
    const r = await buildAndRun(source, 'uart', ['--stdout', 'uart']);
    expect([r.status, r.stdout]).toEqual([0, 'over the wire 42\n']);
  }, 300_000);

  it('runs on the lm3s6965evb (256 KiB of flash, 64 KiB of RAM) and says what does not fit', async () => {
    // constant type objects, types made on first use and per-program method lists (docs/targets.md,
    // firmware size) let a program fit the board's flash, with the rest of its RAM as heap
    const recorded = join(repoRoot, 'tests', 'programs', 'core', 'bind_args_order');
    const r = await buildAndRun(`${recorded}.py`, 'small', ['--board', 'lm3s6965evb']);
    expect([r.status, r.stdout]).toEqual([0, readFileSync(`${recorded}.exp`, 'utf8')]);
    const source = program('small', 'print("hi")\n');
    // a heap that leaves no room for the stack and static data
    const bigHeap = await pync(['build', source, '--target', TARGET, '--board', 'lm3s6965evb', '--heap-size', '60K', '-o', join(work, 'x.elf')], work);
    expect(bigHeap.status).toBe(1);
    expect(bigHeap.stderr).toMatch(/^pync: error: the program does not fit the board's RAM: \.heap overflows it by \d+ bytes \(try a smaller --heap-size or a board with more RAM; docs\/targets\.md lists the boards\)\n$/);
    // computed attribute names keep every method of every built-in type: more than its flash
    const dynamic = program('dynamic', 'import sys\nprint(getattr("x", sys.argv[0][:0] + "upper")())\n');
    const tooBig = await pync(['build', dynamic, '--target', TARGET, '--board', 'lm3s6965evb', '-o', join(work, 'x.elf')], work);
    expect(tooBig.status).toBe(1);
    expect(tooBig.stderr).toMatch(/^pync: error: the program does not fit the board's FLASH: \.text overflows it by \d+ bytes \(try a board with more flash; docs\/targets\.md lists the boards\)\n$/);
  }, 300_000);

  it('starts hello world with the smallest heap (16K) and keeps static RAM within 4 KiB', async () => {
    const source = program('hello', 'print("Hello, world!")\n');
    const r = await buildAndRun(source, 'hello', ['--heap-size', String(16 * 1024)]);
    expect([r.status, r.stdout]).toEqual([0, 'Hello, world!\n']);
    // .data + .bss apart from the stack and heap sections (the goal of docs/targets.md)
    const sections = execFileSync('llvm-size-19', ['-A', join(work, 'hello.elf')], { encoding: 'utf8' });
    const size = (name: string) => Number(new RegExp(`^\\${name}\\s+(\\d+)`, 'm').exec(sections)![1]);
    expect(size('.data') + size('.bss')).toBeLessThanOrEqual(4096);
  }, 300_000);

  it('runs hard-float code on the Cortex-M4F (thumbv7em-none-eabihf on mps2-an386)', async () => {
    execFileSync(join(repoRoot, 'scripts', 'make-sysroot'), ['--no-tarball', 'thumbv7em-none-eabihf'], {
      env: { ...process.env, PYNC_CACHE_DIR: cacheDir },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const source = program('m4f', 'import math\nx = [math.sqrt(i) * 1.5 for i in range(4)]\nprint(x, sum(x) / 3, complex(1, 2) ** 2, f"{math.pi:.6f}")\n');
    const out = join(work, 'm4f.elf');
    const built = await pync(['build', source, '--target', 'thumbv7em-none-eabihf', '-o', out], work);
    expect(built.stderr).toBe('');
    const command = resolveTarget('thumbv7em-none-eabihf').runCommand(out, [], null)!;
    const r = await runTool(command.command, command.args, { cwd: work, timeoutMs: 60_000 });
    expect([r.status, r.stdout]).toEqual([0, '[0.0, 1.5, 2.121320343559643, 2.598076211353316] 2.0731321849709863 (-3+4j) 3.141593\n']);
  }, 600_000);

  it('writes firmware images beside the ELF', () => {
    const elf = join(work, 'uart.elf');
    const bin = join(work, 'uart.bin');
    expect(existsSync(join(work, 'uart.hex'))).toBe(true);
    // the raw image runs from address 0: it starts with the vector table (initial SP in RAM)
    const image = readFileSync(bin);
    expect(image.readUInt32LE(0) >>> 24).toBe(0x20);
    expect(statSync(bin).size).toBeLessThan(statSync(elf).size);
  });
});

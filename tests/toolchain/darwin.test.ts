// The macOS targets, checked without a Mac: programs (hello world, classes + exceptions + big
// ints, nbody) are built for aarch64-apple-darwin and x86_64-apple-darwin, and the Mach-O files
// are read back — load commands (LC_MAIN, LC_LOAD_DYLIB libSystem, LC_BUILD_VERSION macOS 11.0)
// with llvm-objdump, every imported symbol against the libSystem stub, and the ad-hoc code
// signature with our own verifier (tests/toolchain/macho.ts), which must also catch one changed
// byte. The stub must list exactly what the runtime archives leave undefined.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveTarget } from '../../targets/index.js';
import { findLlvm, type Llvm } from '../../src/toolchain/llvm.js';
import { ensureRuntime } from '../../src/toolchain/runtime.js';
import { CORPUS_ROOT } from '../differential/harness.js';
import { CS_ADHOC, CS_LINKER_SIGNED, readMachO, verifyAdhocSignature } from './macho.js';
import { ensureTestSysroot, pyncBin, repoRoot, testCacheDir } from './support.js';

const CPU_TYPE = { 'aarch64-apple-darwin': 0x0100000c, 'x86_64-apple-darwin': 0x01000007 } as const;
const NBODY = join(CORPUS_ROOT, 'bench', 'pyperformance', 'nbody.py');

let llvm: Llvm;
let work: string;
let sysroot: string;
let stubSymbols: Set<string>;

/** An LLVM tool of the version pync uses (llvm-nm, llvm-objdump): beside its llvm-ar. */
function llvmTool(name: string): string {
  const ar = realpathSync(llvm.ar);
  return join(dirname(ar), basename(ar).replace(/^llvm-ar/, name));
}

function pync(args: string[], cacheDir = testCacheDir()) {
  return spawnSync(pyncBin, args, { env: { ...process.env, PYNC_CACHE_DIR: cacheDir }, encoding: 'utf8' });
}

function build(target: string, source: string, output: string): Buffer {
  const r = pync(['build', '--target', target, source, '-o', output]);
  expect(r.status, r.stderr).toBe(0);
  return readFileSync(output);
}

/** The symbols the TAPI stub exports ('      - '_write'' lines). */
function tbdSymbols(tbd: string): Set<string> {
  return new Set([...tbd.matchAll(/^\s+- '([^']+)'$/gm)].map((m) => m[1]!));
}

function nm(args: string[], file: string): string[] {
  return execFileSync(llvmTool('llvm-nm'), [...args, '-j', file], { encoding: 'utf8' })
    .split('\n')
    .filter((l) => l !== '' && !l.endsWith(':'));
}

beforeAll(async () => {
  llvm = await findLlvm();
  work = mkdtempSync(join(tmpdir(), 'pync-darwin-'));
  sysroot = ensureTestSysroot('macos-libsystem');
  stubSymbols = tbdSymbols(readFileSync(join(sysroot, 'usr', 'lib', 'libSystem.tbd'), 'utf8'));
  writeFileSync(join(work, 'hello.py'), 'print("hello, macOS")\n');
}, 600_000);

describe('the libSystem stub', () => {
  it('is a TAPI v4 stub of /usr/lib/libSystem.B.dylib for arm64 and x86_64 macOS', () => {
    const tbd = readFileSync(join(sysroot, 'usr', 'lib', 'libSystem.tbd'), 'utf8');
    expect(tbd).toMatch(/^--- !tapi-tbd\ntbd-version: +4\n/);
    expect(tbd).toContain("install-name:    '/usr/lib/libSystem.B.dylib'");
    expect(tbd).toMatch(/^targets: +\[ x86_64-macos, arm64-macos \]$/m);
    expect(stubSymbols.has('dyld_stub_binder')).toBe(true);
  });

  it.each([['aarch64-apple-darwin'], ['x86_64-apple-darwin']])('lists exactly what the %s runtime archive leaves undefined', async (name) => {
    const archive = (await ensureRuntime(resolveTarget(name), llvm, { cacheDir: testCacheDir() })).path;
    const defined = new Set(nm(['--defined-only'], archive));
    const needed = new Set(nm(['-u'], archive).filter((s) => !defined.has(s) && !s.startsWith('_pync_')));
    needed.add('dyld_stub_binder');
    expect([...stubSymbols].sort()).toEqual([...needed].sort());
  }, 300_000);
});

describe.each([['aarch64-apple-darwin'], ['x86_64-apple-darwin']] as const)('%s', (name) => {
  const programs = () => [
    ['hello', join(work, 'hello.py')],
    ['classes-exceptions-bigints', join(repoRoot, 'tests', 'toolchain', 'fixtures', 'classes-exceptions-bigints.py')],
    ...(existsSync(NBODY) ? [['nbody', NBODY]] : []),
  ];

  it('builds Mach-O executables with LC_MAIN, libSystem, macOS 11.0 and only stub symbols', () => {
    for (const [stem, source] of programs()) {
      const exe = join(work, `${stem}-${name}`);
      const file = build(name, source!, exe);
      const macho = readMachO(file);
      expect(macho.cputype, stem).toBe(CPU_TYPE[name]);
      expect(macho.filetype, stem).toBe(2); // MH_EXECUTE

      const headers = execFileSync(llvmTool('llvm-objdump'), ['--macho', '--private-headers', exe], { encoding: 'utf8' });
      expect(headers).toMatch(/cmd LC_MAIN\n\s+cmdsize 24\n\s+entryoff [1-9]/);
      expect(headers).toMatch(/cmd LC_LOAD_DYLIB\n\s+cmdsize \d+\n\s+name \/usr\/lib\/libSystem\.B\.dylib /);
      expect(headers).toMatch(/cmd LC_BUILD_VERSION\n\s+cmdsize \d+\n\s+platform macos\n\s+sdk [\d.]+\n\s+minos 11\.0\n/);
      expect(headers).toMatch(/cmd LC_LOAD_DYLINKER\n\s+cmdsize \d+\n\s+name \/usr\/lib\/dyld /);
      expect(headers.match(/cmd LC_LOAD_DYLIB\n/g)).toHaveLength(1);

      const imported = nm(['-u'], exe);
      expect(imported.length, stem).toBeGreaterThan(5);
      expect(imported.filter((s) => !stubSymbols.has(s)), stem).toEqual([]);
      expect(nm(['--defined-only'], exe)).toContain('_main');
    }
  }, 300_000);

  it('signs them ad hoc: every page hash and special slot checks out', () => {
    for (const [stem] of programs()) {
      const file = readFileSync(join(work, `${stem}-${name}`));
      const sig = verifyAdhocSignature(file);
      expect(sig.identifier).toBe(`${stem}-${name}`);
      expect(sig.version).toBe(0x20400);
      expect(sig.flags & (CS_ADHOC | CS_LINKER_SIGNED)).toBe(CS_ADHOC | CS_LINKER_SIGNED);
      expect(sig.pageSize).toBe(4096);
      expect(sig.codeSlots).toBe(Math.ceil(readMachO(file).codeSignature!.dataoff / 4096));
    }
  });

  it('the verifier notices one changed byte, in code or in the last page', () => {
    const file = readFileSync(join(work, `hello-${name}`));
    const signatureAt = readMachO(file).codeSignature!.dataoff;
    for (const at of [0x1000 + 123, signatureAt - 1]) {
      const tampered = Buffer.from(file);
      tampered[at] ^= 0x40;
      expect(() => verifyAdhocSignature(tampered)).toThrow(/page \d+ .* does not match its hash/);
    }
    const badHash = Buffer.from(file);
    badHash[badHash.length - 1] ^= 1; // the last code slot's hash itself
    expect(() => verifyAdhocSignature(badHash)).toThrow(/does not match/);
  });

  it('emits IR with the darwin triple and Mach-O data layout', () => {
    const target = resolveTarget(name);
    const r = pync(['emit', 'llvm', '--target', name, join(work, 'hello.py')]);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain(`target triple = "${target.llvmTriple}"`);
    expect(r.stdout).toContain(`target datalayout = "${target.dataLayout}"`);
    expect(target.llvmTriple).toMatch(/^(arm64|x86_64)-apple-macosx11\.0\.0$/);
    expect(target.dataLayout).toMatch(/^e-m:o-/); // Mach-O mangling: C names get a leading _
  });

  it('pync run says in one line that the program cannot run here, before building', () => {
    const empty = mkdtempSync(join(tmpdir(), 'pync-darwin-cache-'));
    const r = pync(['--target', name, 'run', join(work, 'hello.py')], empty);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`pync: error: ${name} programs cannot run on this machine; use pync build and copy the output to such a machine\n`);
    expect(existsSync(join(empty, 'runtime'))).toBe(false);
  });

  it('--static is refused in one line', () => {
    const r = pync(['build', '--static', '--target', name, join(work, 'hello.py'), '-o', join(work, 'static')]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/^pync: error: --static is not possible for .*: macOS has no static executables[^\n]*\n$/);
  });
});

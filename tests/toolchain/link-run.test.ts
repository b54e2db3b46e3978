// IR → object → executable → run, on both targets, without the compiler: a hand-written LLVM
// module (tests/toolchain/fixtures) that prints through the runtime and exits with
// SystemExit(number of arguments). x86_64 runs natively, aarch64 under qemu-aarch64 -L SYSROOT;
// both dynamic and static links.

import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveTarget } from '../../targets/index.js';
import { compileIr } from '../../src/toolchain/compile.js';
import { linkExecutable } from '../../src/toolchain/link.js';
import { findLlvm, type Llvm } from '../../src/toolchain/llvm.js';
import { runTool } from '../../src/toolchain/run.js';
import { ensureRuntime } from '../../src/toolchain/runtime.js';
import { ensureTestSysroot, fixtureIr, testCacheDir } from './support.js';

let llvm: Llvm;
let work: string;

beforeAll(async () => {
  llvm = await findLlvm();
  work = mkdtempSync(join(tmpdir(), 'pync-link-'));
});

describe.each([['x86_64-linux-gnu'], ['aarch64-linux-gnu']])('%s', (name) => {
  const target = resolveTarget(name);
  let objects: string[] = [];
  let runtime = '';
  let sysrootDir: string | null = null;

  beforeAll(async () => {
    sysrootDir = target.sysroot ? ensureTestSysroot(target.sysroot) : null;
    runtime = (await ensureRuntime(target, llvm, { cacheDir: testCacheDir() })).path;
    objects = [];
    for (const unit of ['hello-module', 'hello-program']) {
      const ir = join(work, `${name}-${unit}.ll`);
      writeFileSync(ir, fixtureIr(`${unit}.ll.in`, target));
      const object = join(work, `${name}-${unit}.o`);
      await compileIr(llvm, target, ir, object, { optLevel: 2, debug: false });
      objects.push(object);
    }
  }, 600_000);

  it.each([['dynamic', false], ['static', true]])('links %s and runs, passing arguments and the exit status', async (_, isStatic) => {
    const exe = join(work, `${name}-hello-${isStatic ? 'static' : 'dynamic'}`);
    await linkExecutable(llvm, target, objects, runtime, exe, { static: isStatic, sysrootDir, debug: false });
    const file = await runTool('file', ['-b', exe]).catch(() => null);
    if (file) {
      expect(file.stdout).toContain(name.startsWith('x86_64') ? 'x86-64' : 'ARM aarch64');
      expect(file.stdout).toContain(isStatic ? 'statically linked' : 'dynamically linked');
    }
    const command = target.runCommand(exe, ['one', 'two words'], sysrootDir)!;
    const r = await runTool(command.command, command.args);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('hello from pync\none\ntwo words\n');
    expect(r.status).toBe(2);
    const quiet = target.runCommand(exe, [], sysrootDir)!;
    expect(await runTool(quiet.command, quiet.args)).toMatchObject({ status: 0, stdout: 'hello from pync\n' });
  });

  it('compiles IR whose triple matches clang\'s without any warning', async () => {
    const ir = join(work, `${name}-warn.ll`);
    writeFileSync(ir, fixtureIr('hello-program.ll.in', target));
    const r = await runTool(llvm.clang, [`--target=${target.clangTarget}`, '-c', '-x', 'ir', ir, '-o', join(work, `${name}-warn.o`)]);
    expect(r).toMatchObject({ status: 0, stderr: '' });
  });

  it('reports a link failure in one line', async () => {
    const ir = join(work, `${name}-undefined.ll`);
    writeFileSync(ir, `target datalayout = "${target.dataLayout}"\ntarget triple = "${target.llvmTriple}"\ndeclare void @pync_no_such_function()\ndefine i32 @main() {\n  call void @pync_no_such_function()\n  ret i32 0\n}\n`);
    const object = join(work, `${name}-undefined.o`);
    await compileIr(llvm, target, ir, object, { optLevel: 0, debug: false });
    await expect(linkExecutable(llvm, target, [object], runtime, join(work, `${name}-undefined`), { static: false, sysrootDir, debug: false }))
      .rejects.toThrow(/^linking failed: ld\.lld: error: undefined symbol: pync_no_such_function/);
  });
});

// The triples and data layouts hard-coded in targets/ must be exactly what the installed clang
// prints: a wrong data layout is accepted silently and miscompiles (cross-targets.md §1).

import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { listTargets } from '../../targets/index.js';
import { findLlvm } from '../../src/toolchain/llvm.js';

async function clangSays(target: string): Promise<{ triple: string; layout: string }> {
  const llvm = await findLlvm();
  const ir = execFileSync(llvm.clang, [`--target=${target}`, '-S', '-emit-llvm', '-x', 'c', '/dev/null', '-o', '-'], { encoding: 'utf8' });
  return {
    triple: /^target triple = "(.*)"$/m.exec(ir)![1]!,
    layout: /^target datalayout = "(.*)"$/m.exec(ir)![1]!,
  };
}

const PYNC_ONLY_SPELLINGS = /^(armhf|riscv64gc)(-|$)/;

describe.each(listTargets().map((t) => [t.name, t] as const))('%s', (_, target) => {
  it('has the triple and data layout clang gives its --target', async () => {
    const said = await clangSays(target.clangTarget);
    expect(target.llvmTriple).toBe(said.triple);
    expect(target.dataLayout).toBe(said.layout);
  });

  it('every alias clang knows gives clang the same data layout', async () => {
    for (const alias of target.aliases) {
      // pync's own spellings (Debian's 'armhf', Rust's 'riscv64gc-…') are never given to clang
      if (PYNC_ONLY_SPELLINGS.test(alias)) continue;
      expect((await clangSays(alias)).layout, alias).toBe(target.dataLayout);
    }
  });

  it('pointer and size widths agree with the data layout', () => {
    const p = /(?:^|-)p:(\d+)/.exec(target.dataLayout);
    expect(target.pointerBits).toBe(p ? Number(p[1]) : 64);
    expect(target.sizeBits).toBe(target.pointerBits);
  });
});

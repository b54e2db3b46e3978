// toolchain/compile.ts — one LLVM IR module (text) to one object file, with clang.
//
// Takes: a .ll file, the target and the optimisation level. Hands on: the object file, written
// under a temporary name and renamed into place so a concurrent or interrupted build never leaves
// a truncated object. The IR carries the target's normalised triple and data layout, and clang
// gets the same --target, so no -Wno-override-module is needed.

import { randomBytes } from 'node:crypto';
import { renameSync, rmSync } from 'node:fs';
import { basename } from 'node:path';
import type { TargetDescriptor } from '../../targets/target.js';
import type { Llvm } from './llvm.js';
import { runStep } from './run.js';

export interface IrCompileOptions {
  readonly optLevel: 0 | 1 | 2 | 3;
  /** keep DWARF debug information */
  readonly debug: boolean;
}

/** Compiles `irFile` to `objectFile`; resolves to clang's wall time in ms. */
export async function compileIr(llvm: Llvm, target: TargetDescriptor, irFile: string, objectFile: string, options: IrCompileOptions): Promise<number> {
  const temp = `${objectFile}.tmp-${process.pid}-${randomBytes(3).toString('hex')}`;
  const args = [`--target=${target.clangTarget}`, ...target.cflags, `-O${options.optLevel}`, ...(options.debug ? ['-g'] : []), '-ffunction-sections', '-fdata-sections', '-c', '-x', 'ir', irFile, '-o', temp];
  try {
    const r = await runStep(`compiling ${basename(irFile)}`, llvm.clang, args);
    renameSync(temp, objectFile);
    return r.ms;
  } finally {
    rmSync(temp, { force: true });
  }
}

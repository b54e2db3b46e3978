// toolchain/link.ts — objects and the runtime archive to an executable, with clang driving ld.lld.
//
// Takes: object files, the runtime archive, the target and its sysroot folder (null: the host's
// libraries). Hands on: the executable at `output`, linked under a temporary name and renamed into
// place. The link recipe's target-specific part (libraries, -static, --sysroot) comes from the
// target descriptor; this module adds only what every ELF link through clang needs.

import { randomBytes } from 'node:crypto';
import { renameSync, rmSync } from 'node:fs';
import type { TargetDescriptor } from '../../targets/target.js';
import type { Llvm } from './llvm.js';
import { runStep } from './run.js';

export interface LinkOptions {
  readonly static: boolean;
  readonly sysrootDir: string | null;
  /** keep debug information (otherwise the output is stripped of it) */
  readonly debug: boolean;
}

/** Links; resolves to the link's wall time in ms. */
export async function linkExecutable(
  llvm: Llvm,
  target: TargetDescriptor,
  objects: readonly string[],
  runtimeArchive: string,
  output: string,
  options: LinkOptions,
): Promise<number> {
  const temp = `${output}.tmp-${process.pid}-${randomBytes(3).toString('hex')}`;
  const args = [
    `--target=${target.clangTarget}`,
    ...target.cflags,
    '-fuse-ld=lld',
    `--ld-path=${llvm.lld}`,
    '-Wl,--gc-sections',
    ...(options.debug ? [] : ['-Wl,--strip-debug']),
    ...objects,
    runtimeArchive,
    ...target.linkArgs({ static: options.static, sysrootDir: options.sysrootDir }),
    '-o',
    temp,
  ];
  try {
    const r = await runStep('linking', llvm.clang, args);
    renameSync(temp, output);
    return r.ms;
  } finally {
    rmSync(temp, { force: true });
  }
}

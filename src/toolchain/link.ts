// toolchain/link.ts — objects and the runtime archive to an executable, with clang driving lld.
//
// Takes: object files, the runtime archive, the target and its sysroot folder (null: the host's
// libraries). Hands on: the executable at `output`, linked in a temporary folder beside it under
// its own name (ld64.lld names the code signature after the file it writes) and renamed into
// place. The link recipe's target-specific part (libraries, -static, --sysroot, -isysroot,
// signing) comes from the target descriptor; this module adds what every link of the target's
// object format needs: the lld flavour, dropping unused sections and, unless -g, debug info.

import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { TargetDescriptor } from '../../targets/target.js';
import { lldFlavour, type Llvm } from './llvm.js';
import { runStep } from './run.js';

/** What differs between lld's flavours, per object format. */
const LINKERS = {
  elf: { flavour: 'ld.lld', deadStrip: '-Wl,--gc-sections', stripDebug: '-Wl,--strip-debug' },
  // ld64's -S leaves out the debug map (the STABS that point a debugger at the objects' DWARF)
  macho: { flavour: 'ld64.lld', deadStrip: '-Wl,-dead_strip', stripDebug: '-Wl,-S' },
} as const;

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
  const linker = LINKERS[target.objectFormat ?? 'elf'];
  const ldPath = linker.flavour === 'ld.lld' ? llvm.lld : lldFlavour(llvm, linker.flavour);
  const tempDir = join(dirname(output), `.${basename(output)}.link-${process.pid}-${randomBytes(3).toString('hex')}`);
  const temp = join(tempDir, basename(output));
  const args = [
    `--target=${target.clangTarget}`,
    ...target.cflags,
    '-fuse-ld=lld',
    `--ld-path=${ldPath}`,
    linker.deadStrip,
    ...(options.debug ? [] : [linker.stripDebug]),
    ...objects,
    runtimeArchive,
    ...target.linkArgs({ static: options.static, sysrootDir: options.sysrootDir }),
    '-o',
    temp,
  ];
  mkdirSync(tempDir);
  try {
    const r = await runStep('linking', llvm.clang, args);
    renameSync(temp, output);
    return r.ms;
  } finally {
    rmSync(tempDir, { recursive: true, force: true });
  }
}

// toolchain/link.ts — objects and the runtime archive to an executable, with clang driving ld.lld.
//
// Takes: object files, the runtime archive, the target and its sysroot folder (null: the host's
// libraries). Hands on: the executable at `output`, linked under a temporary name and renamed into
// place. The link recipe's target-specific part (libraries, -static, --sysroot, a linker script)
// comes from the target descriptor; this module adds only what every ELF link through clang
// needs. A target with output images (firmware .bin/.hex) gets them beside the output, made by
// llvm-objcopy from the linked file.

import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import type { TargetDescriptor } from '../../targets/target.js';
import { ToolchainError } from './errors.js';
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
  const linkerScript = target.linkerScript === undefined ? undefined : `${temp}.ld`;
  if (linkerScript) writeFileSync(linkerScript, target.linkerScript!);
  const args = [
    `--target=${target.clangTarget}`,
    ...target.cflags,
    '-fuse-ld=lld',
    `--ld-path=${llvm.lld}`,
    '-Wl,--gc-sections',
    ...(options.debug ? [] : ['-Wl,--strip-debug']),
    ...objects,
    runtimeArchive,
    ...target.linkArgs({ static: options.static, sysrootDir: options.sysrootDir, linkerScript }),
    '-o',
    temp,
  ];
  try {
    const r = await runStep('linking', llvm.clang, args);
    const images = await makeImages(llvm, target, temp, output);
    renameSync(temp, output);
    return r.ms + images;
  } finally {
    rmSync(temp, { force: true });
    if (linkerScript) rmSync(linkerScript, { force: true });
  }
}

/** `fw.elf` → `fw.bin`, `fw.hex` (an output without the suffix gets the image's suffix added). */
export function imagePath(output: string, target: TargetDescriptor, suffix: string): string {
  const stem = target.exeSuffix && output.endsWith(target.exeSuffix) ? output.slice(0, -target.exeSuffix.length) : output;
  return stem + suffix;
}

/** Writes the target's output images of the linked file `linked`; resolves to the time taken. */
async function makeImages(llvm: Llvm, target: TargetDescriptor, linked: string, output: string): Promise<number> {
  const images = target.outputImages ?? [];
  if (images.length === 0) return 0;
  if (!llvm.objcopy) throw new ToolchainError(`llvm-objcopy not found: ${target.name} firmware images need it (Debian package llvm-${llvm.major}; run scripts/setup)`);
  let ms = 0;
  for (const image of images) {
    const path = imagePath(output, target, image.suffix);
    const temp = `${path}.tmp-${process.pid}-${randomBytes(3).toString('hex')}`;
    try {
      ms += (await runStep(`making ${image.suffix.slice(1)} image`, llvm.objcopy, ['-O', image.format, linked, temp])).ms;
      renameSync(temp, path);
    } finally {
      rmSync(temp, { force: true });
    }
  }
  return ms;
}

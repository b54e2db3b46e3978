// toolchain/link.ts — objects and the runtime archive to an executable, with clang driving lld.
//
// Takes: object files, the runtime archive, the target and its sysroot folder (null: the host's
// libraries). Hands on: the executable at `output`, linked in a temporary folder beside it under
// its own name (ld64.lld names the code signature after the file it writes) and renamed into
// place. The link recipe's target-specific part (libraries, -static, --sysroot, -isysroot,
// signing, a linker script) comes from the target descriptor; this module adds what every link
// of the target's object format needs: the lld flavour, dropping unused sections and, unless -g,
// debug info. A target with output images (firmware .bin/.hex) gets them beside the output, made
// by llvm-objcopy from the linked file.

import { randomBytes } from 'node:crypto';
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import type { TargetDescriptor } from '../../targets/target.js';
import { ToolchainError } from './errors.js';
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
  const linkerScript = target.linkerScript === undefined ? undefined : join(tempDir, 'link.ld');
  const args = [
    `--target=${target.clangTarget}`,
    ...target.cflags,
    '-fuse-ld=lld',
    `--ld-path=${ldPath}`,
    linker.deadStrip,
    ...(options.debug ? [] : [linker.stripDebug]),
    ...objects,
    runtimeArchive,
    ...target.linkArgs({ static: options.static, sysrootDir: options.sysrootDir, linkerScript }),
    '-o',
    temp,
  ];
  mkdirSync(tempDir);
  if (linkerScript) writeFileSync(linkerScript, target.linkerScript!);
  try {
    const r = await runStep('linking', llvm.clang, args).catch((e: unknown) => {
      throw memoryOverflow(e) ?? e;
    });
    const images = await makeImages(llvm, target, temp, output);
    renameSync(temp, output);
    return r.ms + images;
  } finally {
    rmSync(tempDir, { recursive: true, force: true });
  }
}

/** A link that failed because the output does not fit a memory region of the target's linker
 *  script (a board's flash or RAM), said in the user's terms; null for any other failure. */
function memoryOverflow(e: unknown): ToolchainError | null {
  if (!(e instanceof ToolchainError)) return null;
  // a linker script's own check (ASSERT(..., "pync: ...")) says it in the user's terms already
  const own = /error: pync: (.*)/.exec(e.message);
  if (own) return new ToolchainError(own[1]!, e.details);
  const m = /section '([^']+)' will not fit in region '(\w+)': overflowed by (\d+) bytes/.exec(e.message);
  if (!m) return null;
  const [, section, region, bytes] = m;
  const advice = region === 'RAM' ? 'a smaller --heap-size or a board with more RAM' : `a board with more ${region.toLowerCase()}`;
  return new ToolchainError(`the program does not fit the board's ${region}: ${section} overflows it by ${bytes} bytes (try ${advice}; docs/targets.md lists the boards)`, e.details);
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

// targets/darwin.ts — the base both macOS targets spread and override (as linux-gnu.ts is for
// Linux).
//
// Takes: the architecture's names. Hands on: the macOS part of a TargetDescriptor — the Darwin
// platform layer, Mach-O output linked by ld64.lld against the libSystem stub sysroot that
// scripts/make-macos-sysroot makes ('macos-libsystem', shared by both architectures), and no
// way to run the output here. The deployment target is macOS 11.0, the first release on Apple
// silicon: clang's --target carries it, and the driver hands ld64.lld `-platform_version macos
// 11.0.0 11.0.0`, which becomes LC_BUILD_VERSION. Lazy binding stays classic (dyld_stub_binder,
// not chained fixups) because that is what macOS 11's dyld is sure to accept.

import type { TargetDescriptor } from './target.js';

/** The oldest macOS the output runs on. */
export const MACOS_MIN_VERSION = '11.0';

export interface DarwinArch {
  /** the arch field of pync's name: 'aarch64', 'x86_64' */
  readonly arch: string;
  /** the arch field Apple and clang normalise to: 'arm64', 'x86_64' */
  readonly appleArch: string;
}

/** Everything a macOS target has in common; a target spreads this and adds its ABI facts. */
export function darwinBase(a: DarwinArch): Pick<
  TargetDescriptor,
  | 'name' | 'clangTarget' | 'llvmTriple' | 'cflags' | 'noBuiltins' | 'runtime' | 'sysroot' | 'exeSuffix'
  | 'objectFormat' | 'noStaticReason' | 'linkArgs' | 'runCommand' | 'pointerBits' | 'sizeBits'
> {
  return {
    name: `${a.arch}-apple-darwin`,
    clangTarget: `${a.appleArch}-apple-macos${MACOS_MIN_VERSION}`,
    llvmTriple: `${a.appleArch}-apple-macosx${MACOS_MIN_VERSION}.0`,
    cflags: [],
    noBuiltins: false,
    runtime: { platform: 'platform/darwin.c', defines: { PYNC_SYS_PLATFORM: '"darwin"' } },
    sysroot: 'macos-libsystem',
    exeSuffix: '',
    objectFormat: 'macho',
    noStaticReason: 'macOS has no static executables (every program links libSystem dynamically)',
    pointerBits: 64,
    sizeBits: 64,
    linkArgs({ sysrootDir }) {
      // -isysroot becomes ld64.lld's -syslibroot, where the driver's -lSystem finds
      // usr/lib/libSystem.tbd. ld64.lld signs arm64 output ad hoc by default but not x86_64;
      // asking for it on both keeps the two alike (an unsigned arm64 binary is killed on launch).
      return [...(sysrootDir ? ['-isysroot', sysrootDir] : []), '-Wl,-adhoc_codesign'];
    },
    runCommand() {
      // pync runs on Linux; a macOS program has to be copied to a Mac
      return null;
    },
  };
}

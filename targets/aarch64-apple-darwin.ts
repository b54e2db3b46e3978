// targets/aarch64-apple-darwin.ts — macOS on Apple silicon (M1 and later), macOS 11.0 or newer.
//
// Mach-O, linked against the libSystem stub (scripts/make-macos-sysroot) and signed ad hoc by
// ld64.lld; the output cannot run on this machine. Triple and data layout are what clang-19
// prints for `--target=arm64-apple-macos11.0` (tests/targets/layouts.test.ts checks them).

import { darwinBase } from './darwin.js';
import type { TargetDescriptor } from './target.js';

export const aarch64AppleDarwin: TargetDescriptor = {
  ...darwinBase({ arch: 'aarch64', appleArch: 'arm64' }),
  aliases: ['arm64-apple-darwin', 'arm64-apple-macos', 'arm64-apple-macosx', 'aarch64-apple-macos', 'aarch64-apple-macosx'],
  description: 'macOS 11+ on Apple silicon (arm64), Mach-O',
  dataLayout: 'e-m:o-i64:64-i128:128-n32:64-S128-Fn32',
};

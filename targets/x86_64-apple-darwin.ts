// targets/x86_64-apple-darwin.ts — macOS on Intel Macs, macOS 11.0 or newer.
//
// Mach-O, linked against the libSystem stub (scripts/make-macos-sysroot) and signed ad hoc by
// ld64.lld; the output cannot run on this machine. Triple and data layout are what clang-19
// prints for `--target=x86_64-apple-macos11.0` (tests/targets/layouts.test.ts checks them).

import { darwinBase } from './darwin.js';
import type { TargetDescriptor } from './target.js';

export const x86_64AppleDarwin: TargetDescriptor = {
  ...darwinBase({ arch: 'x86_64', appleArch: 'x86_64' }),
  aliases: ['x86_64-apple-macos', 'x86_64-apple-macosx'],
  description: 'macOS 11+ on Intel (x86_64), Mach-O',
  dataLayout: 'e-m:o-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128',
};

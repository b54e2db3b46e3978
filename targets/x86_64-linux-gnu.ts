// targets/x86_64-linux-gnu.ts — 64-bit x86 Linux with glibc: the usual host.
//
// Links against the host's own C library (Debian's libc6-dev, pulled in by clang-19), so it needs
// no sysroot on an x86_64 machine. Triple and data layout are what clang-19 prints for
// `--target=x86_64-linux-gnu` (tests/targets/layouts.test.ts checks them against the installed clang).

import { linuxGnuBase } from './linux-gnu.js';
import type { TargetDescriptor } from './target.js';

export const x86_64LinuxGnu: TargetDescriptor = {
  ...linuxGnuBase({ arch: 'x86_64', qemu: 'qemu-x86_64' }),
  aliases: ['x86_64-unknown-linux-gnu', 'x86_64-pc-linux-gnu', 'amd64-linux-gnu', 'x86_64-linux', 'amd64-linux'],
  description: '64-bit x86 Linux, glibc',
  llvmTriple: 'x86_64-unknown-linux-gnu',
  dataLayout: 'e-m:e-p270:32:32-p271:32:32-p272:64:64-i64:64-i128:128-f80:128-n8:16:32:64-S128',
  pointerBits: 64,
  sizeBits: 64,
  sysroot: null,
};

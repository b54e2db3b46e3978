// targets/aarch64-linux-gnu.ts — 64-bit ARM Linux with glibc (Raspberry Pi OS 64-bit, Graviton, ...).
//
// Links against the self-contained sysroot made by scripts/make-sysroot (glibc ≥ 2.34 needed at
// run time); on an x86_64 machine its output runs under `qemu-aarch64 -L <sysroot>`. Triple and
// data layout are what clang-19 prints for `--target=aarch64-linux-gnu`.

import { linuxGnuBase } from './linux-gnu.js';
import type { TargetDescriptor } from './target.js';

export const aarch64LinuxGnu: TargetDescriptor = {
  ...linuxGnuBase({ arch: 'aarch64', qemu: 'qemu-aarch64' }),
  aliases: ['aarch64-unknown-linux-gnu', 'arm64-linux-gnu', 'arm64-unknown-linux-gnu', 'aarch64-linux', 'arm64-linux'],
  description: '64-bit ARM Linux, glibc',
  llvmTriple: 'aarch64-unknown-linux-gnu',
  dataLayout: 'e-m:e-i8:8:32-i16:16:32-i64:64-i128:128-n32:64-S128-Fn32',
  pointerBits: 64,
  sizeBits: 64,
  sysroot: 'aarch64-linux-gnu',
};

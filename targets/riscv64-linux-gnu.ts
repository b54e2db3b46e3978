// targets/riscv64-linux-gnu.ts — 64-bit RISC-V Linux with glibc (rv64gc, lp64d: double-precision
// floats in registers — the ABI Debian's riscv64 port and every Linux distribution use).
//
// Links against the sysroot scripts/make-sysroot builds from Debian's riscv64 cross packages; on
// an x86_64 machine its output runs under `qemu-riscv64 -L <sysroot>`. clang's driver picks
// rv64gc and `-target-abi lp64d` for this triple by itself (llc alone would make lp64 soft-float
// objects that lld refuses to link with glibc's). Triple and data layout are what clang-19
// prints for `--target=riscv64-linux-gnu`.

import { linuxGnuBase } from './linux-gnu.js';
import type { TargetDescriptor } from './target.js';

export const riscv64LinuxGnu: TargetDescriptor = {
  ...linuxGnuBase({ arch: 'riscv64', qemu: 'qemu-riscv64' }),
  aliases: ['riscv64-unknown-linux-gnu', 'riscv64gc-linux-gnu', 'riscv64gc-unknown-linux-gnu', 'riscv64-linux', 'riscv64gc-linux'],
  description: '64-bit RISC-V Linux (rv64gc, lp64d), glibc',
  llvmTriple: 'riscv64-unknown-linux-gnu',
  dataLayout: 'e-m:e-p:64:64-i64:64-i128:128-n32:64-S128',
  pointerBits: 64,
  sizeBits: 64,
  sysroot: 'riscv64-linux-gnu',
};

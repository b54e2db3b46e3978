// targets/thumbv7em-none-eabihf.ts — ARMv7E-M bare metal with the hard-float ABI (Cortex-M4F: a
// single-precision FPU, so Python's doubles are still computed by libgcc, but passed in FPU
// registers).
//
// Boards: mps2-an386 (default). Links newlib's libm and libgcc of the thumb/v7e-m+fp/hard
// multilib (scripts/make-sysroot-baremetal). Triple and data layout are what clang-19 prints for
// `--target=thumbv7em-none-eabihf`.

import { cortexMTarget } from './cortex-m.js';
import type { TargetDescriptor } from './target.js';

export const thumbv7emNoneEabihf: TargetDescriptor = cortexMTarget({
  name: 'thumbv7em-none-eabihf',
  aliases: ['thumbv7em-unknown-none-eabihf', 'armv7em-none-eabihf', 'armv7em-unknown-none-eabihf'],
  summary: 'Cortex-M4F bare metal, hard float',
  llvmTriple: 'thumbv7em-unknown-none-eabihf',
  dataLayout: 'e-m:e-p:32:32-Fi8-i64:64-v128:64:128-a:0:32-n32-S64',
  cpuFlags: ['-mcpu=cortex-m4', '-mfpu=fpv4-sp-d16', '-mfloat-abi=hard'],
  needsFpu: true,
  defaultBoard: 'mps2-an386',
  sysroot: 'thumbv7em-none-eabihf',
});

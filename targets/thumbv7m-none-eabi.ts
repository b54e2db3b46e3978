// targets/thumbv7m-none-eabi.ts — ARMv7-M bare metal (Cortex-M3, and any later M core), soft float.
//
// Boards: mps2-an385 (default), lm3s6965evb, mps2-an386 (boards/). Links newlib's libm and libgcc
// of the thumb/v7-m/nofp multilib (scripts/make-sysroot-baremetal). Triple and data layout are
// what clang-19 prints for `--target=thumbv7m-none-eabi`.

import { cortexMTarget } from './cortex-m.js';
import type { TargetDescriptor } from './target.js';

export const thumbv7mNoneEabi: TargetDescriptor = cortexMTarget({
  name: 'thumbv7m-none-eabi',
  aliases: ['thumbv7m-unknown-none-eabi', 'armv7m-none-eabi', 'armv7m-unknown-none-eabi'],
  summary: 'Cortex-M3 bare metal, soft float',
  llvmTriple: 'thumbv7m-unknown-none-eabi',
  dataLayout: 'e-m:e-p:32:32-Fi8-i64:64-v128:64:128-a:0:32-n32-S64',
  cpuFlags: ['-mcpu=cortex-m3', '-mfloat-abi=soft'],
  needsFpu: false,
  defaultBoard: 'mps2-an385',
  sysroot: 'thumbv7m-none-eabi',
});

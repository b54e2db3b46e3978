// targets/armv7-linux-gnueabihf.ts — 32-bit ARM Linux with glibc, hard-float (Debian's armhf:
// Raspberry Pi OS 32-bit, Cortex-A boards). The first 32-bit target: pointers, size_t and the
// small-int word are 32 bits wide (the code generator and runtime take that from pointerBits).
//
// Links against the sysroot scripts/make-sysroot builds from Debian's armhf cross packages (its
// files sit in Debian's multiarch folders, `arm-linux-gnueabihf`, where clang looks for any armv7
// hard-float triple); on an x86_64 machine its output runs under `qemu-arm -L <sysroot>`. clang
// normalises every spelling below to armv7-unknown-linux-gnueabihf: ARMv7-A, Thumb-2, VFPv3-D16,
// no NEON, AAPCS-VFP. Triple and data layout are what clang-19 prints for that --target.

import { linuxGnuBase } from './linux-gnu.js';
import type { TargetDescriptor } from './target.js';

export const armv7LinuxGnueabihf: TargetDescriptor = {
  ...linuxGnuBase({ arch: 'armv7', env: 'gnueabihf', qemu: 'qemu-arm' }),
  aliases: ['armv7-unknown-linux-gnueabihf', 'armv7a-linux-gnueabihf', 'armv7l-linux-gnueabihf', 'arm-linux-gnueabihf', 'armhf', 'armhf-linux'],
  description: '32-bit ARM Linux (ARMv7-A, hard-float), glibc',
  llvmTriple: 'armv7-unknown-linux-gnueabihf',
  dataLayout: 'e-m:e-p:32:32-Fi8-i64:64-v128:64:128-a:0:32-n32-S64',
  pointerBits: 32,
  sizeBits: 32,
  sysroot: 'armv7-linux-gnueabihf',
};

// targets/boards/mps2-an385.ts — ARM MPS2 FPGA board with the AN385 image: a Cortex-M3 with 4 MiB
// of code SSRAM and 4 MiB of data SSRAM. QEMU emulates it (`-machine mps2-an385`); its memory map
// was read from QEMU 7.2's `info mtree` (../shared/notes/cross-targets.md §3).

import { MiB, KiB, type Board } from './board.js';

export const mps2An385: Board = {
  name: 'mps2-an385',
  description: 'ARM MPS2 AN385 (Cortex-M3, 4 MiB flash, 4 MiB RAM)',
  core: 'cortex-m3',
  fpu: false,
  flash: { origin: 0x0000_0000, length: 4 * MiB },
  ram: { origin: 0x2000_0000, length: 4 * MiB },
  uart: { kind: 'cmsdk-apb', base: 0x4000_4000 },
  defaultHeapSize: 2 * MiB,
  stackSize: 512 * KiB,
  qemuMachine: 'mps2-an385',
};

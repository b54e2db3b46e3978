// targets/boards/mps2-an386.ts — ARM MPS2 FPGA board with the AN386 image: the AN385 system with a
// Cortex-M4 (single-precision FPU) instead of the M3; same memory map and UARTs. QEMU emulates it
// (`-machine mps2-an386`).

import { mps2An385 } from './mps2-an385.js';
import type { Board } from './board.js';

export const mps2An386: Board = {
  ...mps2An385,
  name: 'mps2-an386',
  description: 'ARM MPS2 AN386 (Cortex-M4F, 4 MiB flash, 4 MiB RAM)',
  core: 'cortex-m4',
  fpu: true,
  qemuMachine: 'mps2-an386',
};

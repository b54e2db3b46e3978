// targets/boards/lm3s6965evb.ts — TI Stellaris LM3S6965 evaluation board: a Cortex-M3 with 256 KiB
// of flash and 64 KiB of SRAM, console on UART0 (a PL011). QEMU emulates it
// (`-machine lm3s6965evb`). Small: the heap is what is left of 64 KiB.

import { KiB, type Board } from './board.js';

export const lm3s6965evb: Board = {
  name: 'lm3s6965evb',
  description: 'TI Stellaris LM3S6965 (Cortex-M3, 256 KiB flash, 64 KiB RAM)',
  core: 'cortex-m3',
  fpu: false,
  flash: { origin: 0x0000_0000, length: 256 * KiB },
  ram: { origin: 0x2000_0000, length: 64 * KiB },
  uart: { kind: 'pl011', base: 0x4000_c000 },
  // about 48 KiB for hello world (64 KiB - 12 KiB stack - 3.3 KiB static data)
  defaultHeapSize: 'rest',
  stackSize: 12 * KiB,
  qemuMachine: 'lm3s6965evb',
};

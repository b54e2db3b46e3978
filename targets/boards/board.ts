// targets/boards/board.ts — what pync needs to know about a bare-metal board: where its flash and
// RAM are, which UART is its console, which core it has and which QEMU machine emulates it.
//
// A board file (mps2-an385.ts, ...) exports one Board; targets/cortex-m.ts turns it into a linker
// script (linker-script.ts), runtime defines (the UART) and a qemu-system-arm command line.

export interface MemoryRegion {
  readonly origin: number;
  readonly length: number;
}

/** The console UART: its register layout and base address. */
export interface Uart {
  /** 'cmsdk-apb': ARM CMSDK APB UART (MPS2); 'pl011': ARM PrimeCell PL011 (Stellaris) */
  readonly kind: 'cmsdk-apb' | 'pl011';
  readonly base: number;
}

export interface Board {
  /** the --board name */
  readonly name: string;
  /** one line for `pync targets` and error messages */
  readonly description: string;
  /** the Cortex-M core: 'cortex-m3', 'cortex-m4' */
  readonly core: string;
  /** the core has a floating-point unit (hard-float targets need one) */
  readonly fpu: boolean;
  /** code and read-only data; the reset vector table is at its start */
  readonly flash: MemoryRegion;
  /** data, bss, the stack and the static heap */
  readonly ram: MemoryRegion;
  readonly uart: Uart;
  /** the heap's size when --heap-size is not given; 'rest': all the RAM the program's data and the
   *  stack leave (for a small board, where any fixed size is too much for one program and too
   *  little for another) */
  readonly defaultHeapSize: number | 'rest';
  /** bytes reserved for the stack at the bottom of RAM (an overflow faults instead of corrupting data) */
  readonly stackSize: number;
  /** qemu-system-arm's -machine name, or null when QEMU cannot emulate the board */
  readonly qemuMachine: string | null;
}

export const KiB = 1024;
export const MiB = 1024 * KiB;

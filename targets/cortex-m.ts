// targets/cortex-m.ts — the base every bare-metal Cortex-M target spreads (as linux-gnu.ts is for
// Linux): no operating system, a board instead.
//
// Takes: the architecture's facts (triple, CPU flags, whether it needs an FPU, its default board)
// and the command line's target options (--board, --heap-size, --stdout). Hands on: a complete
// TargetDescriptor for that configuration —
//   - the runtime's platform layer platform/baremetal.c, with the board's console UART, the stack
//     budget and small-memory allocator settings as defines, compiled for size;
//   - a linker script generated from the board's memory map (boards/linker-script.ts) and a link
//     against the target's sysroot (libgcc.a for 64-bit and soft-float helpers, newlib's libm.a);
//   - firmware images (.bin, .hex) beside the ELF;
//   - a run command: qemu-system-arm with semihosting, which carries stdout/stderr/stdin, the
//     command line and the exit status (SYS_EXIT_EXTENDED: QEMU exits with the program's status).

import { BOARDS, findBoard, type Board } from './boards/index.js';
import { KiB } from './boards/board.js';
import { boardLinkerScript } from './boards/linker-script.js';
import { TargetError } from './errors.js';
import type { RunCommand, TargetDescriptor, TargetOptions } from './target.js';

export interface CortexMArch {
  readonly name: string;
  readonly aliases: readonly string[];
  /** e.g. 'Cortex-M3 bare metal' (the boards are appended) */
  readonly summary: string;
  readonly llvmTriple: string;
  readonly dataLayout: string;
  /** -mcpu, -mfloat-abi, -mfpu */
  readonly cpuFlags: readonly string[];
  /** hard-float code: the board's core must have an FPU */
  readonly needsFpu: boolean;
  readonly defaultBoard: string;
  /** the sysroot holding this multilib's libgcc.a and libm.a */
  readonly sysroot: string;
}

export const STDOUT_MODES = ['semihosting', 'uart'] as const;
/** The collector's segments: each size class in use takes at least one, so a small heap needs
 *  small ones (a hello world needs 17 KiB of heap with 1 KiB segments, 41 KiB with 4 KiB ones);
 *  larger heaps keep 4 KiB segments, whose table is smaller (hosted targets use 64 KiB). */
function gcSegmentShift(heapSize: number): number {
  return heapSize <= 256 * KiB ? 10 : 12;
}
const MIN_HEAP = 16 * KiB;

export function cortexMTarget(arch: CortexMArch, options: TargetOptions = {}): TargetDescriptor {
  const board = chooseBoard(arch, options.board);
  const heapSize = chooseHeapSize(board, options.heapSize);
  const stdout = chooseStdout(options.stdout);
  const stackSize = board.stackSize;
  const boards = BOARDS.filter((b) => b.fpu || !arch.needsFpu).map((b) => (b.name === arch.defaultBoard ? `${b.name} (default)` : b.name));
  return {
    name: arch.name,
    aliases: arch.aliases,
    description: `${arch.summary}; boards: ${boards.join(', ')}`,
    clangTarget: arch.name,
    llvmTriple: arch.llvmTriple,
    dataLayout: arch.dataLayout,
    pointerBits: 32,
    sizeBits: 32,
    noBuiltins: true,
    cflags: [...arch.cpuFlags, '-mthumb'],
    runtime: {
      platform: 'platform/baremetal.c',
      defines: {
        PYNC_SYS_PLATFORM: '"none"',
        PYNC_UART_BASE: `0x${board.uart.base.toString(16)}`,
        [board.uart.kind === 'pl011' ? 'PYNC_UART_PL011' : 'PYNC_UART_CMSDK_APB']: '1',
        PYNC_STDOUT_UART: stdout === 'uart' ? '1' : '0',
        // leave a quarter of the stack for the exception handler and the runtime's own calls
        PYNC_STACK_BUDGET: String(Math.floor((stackSize * 3) / 4)),
        // a heap that takes the rest of RAM is at most the RAM apart from the stack
        PYNC_GC_SEGMENT_SHIFT: String(gcSegmentShift(heapSize === 'rest' ? board.ram.length - stackSize : heapSize)),
        PYNC_GC_META_ALIGN: '8',
        PYNC_GC_TABLE_MIN: '64',
        PYNC_GC_ARRAY_MIN: '16',
        // static RAM is the scarce thing on a board: small caches and a small output buffer
        // (hello world: 3.9 KiB of .data + .bss with these, 6.0 KiB with the earlier 128/32/32/512)
        PYNC_STDOUT_BUFSIZE: '256',
        PYNC_LOOKUP_CACHE_SIZE: '32',
        PYNC_DUNDER_CACHE_SIZE: '16',
        PYNC_CSTR_CACHE_SIZE: '16',
        PYNC_STACK_SIZE: String(stackSize),
        // the registers the collector spills before scanning the stack (see gc.c: scan_stack)
        PYNC_GC_CALLEE_SAVED: '"r4","r5","r6","r7","r8","r9","r10","r11"',
      },
      cflags: ['-Oz', '-fno-unwind-tables', '-fno-asynchronous-unwind-tables'],
    },
    sysroot: arch.sysroot,
    exeSuffix: '.elf',
    variant: `board=${board.name} heap=${heapSize} stdout=${stdout}`,
    linkerScript: boardLinkerScript(board, heapSize, MIN_HEAP),
    outputImages: [
      { format: 'binary', suffix: '.bin' },
      { format: 'ihex', suffix: '.hex' },
    ],
    // the heap size given, not the one chosen: another board has another default
    configure: (o: TargetOptions) => cortexMTarget(arch, { board: board.name, heapSize: options.heapSize, stdout, ...definedOnly(o) }),
    linkArgs({ sysrootDir, linkerScript }) {
      const args = ['-nostdlib', '-static', '-Wl,-z,max-page-size=4096'];
      if (linkerScript) args.push(`-Wl,-T,${linkerScript}`);
      // newlib's libm for pow, sin, ...; libgcc for 64-bit division and (soft) double arithmetic
      if (sysrootDir) args.push(`${sysrootDir}/lib/libm.a`, `${sysrootDir}/lib/libgcc.a`);
      return args;
    },
    runCommand(exe: string, args: readonly string[]): RunCommand | null {
      if (!board.qemuMachine) return null;
      // QEMU's option syntax doubles a comma inside a value
      const semihostingArgs = [exe, ...args].map((a) => `,arg=${a.replace(/,/g, ',,')}`).join('');
      // UART0 on QEMU's stdout (a stdio chardev: /dev/stdout cannot be opened when it is a socket)
      const serial = stdout === 'uart' ? ['-chardev', 'stdio,id=console,signal=off', '-serial', 'chardev:console'] : ['-serial', 'none'];
      return {
        command: 'qemu-system-arm',
        args: [
          '-machine', board.qemuMachine, '-display', 'none', '-monitor', 'none', ...serial,
          '-semihosting-config', `enable=on,target=native${semihostingArgs}`, '-kernel', exe,
        ],
      };
    },
  };
}

function chooseBoard(arch: CortexMArch, name: string | undefined): Board {
  const wanted = name ?? arch.defaultBoard;
  const board = findBoard(wanted);
  const usable = BOARDS.filter((b) => b.fpu || !arch.needsFpu).map((b) => b.name);
  if (!board) throw new TargetError(`unknown board '${wanted}' for ${arch.name}: supported boards are ${usable.join(', ')}`);
  if (arch.needsFpu && !board.fpu) {
    throw new TargetError(`${arch.name} needs a core with an FPU, and ${board.name} has none (${board.core}): use ${usable.join(' or ')}, or a soft-float target`);
  }
  return board;
}

function chooseHeapSize(board: Board, size: number | undefined): number | 'rest' {
  if (size === undefined) return board.defaultHeapSize;
  if (!Number.isInteger(size) || size < MIN_HEAP) throw new TargetError(`--heap-size must be at least ${MIN_HEAP / KiB}K (got ${size} bytes)`);
  return Math.ceil(size / 16) * 16;
}

function chooseStdout(mode: string | undefined): string {
  const m = mode ?? 'semihosting';
  if (!(STDOUT_MODES as readonly string[]).includes(m)) throw new TargetError(`--stdout must be ${STDOUT_MODES.join(' or ')} (got '${mode}')`);
  return m;
}

function definedOnly(o: TargetOptions): TargetOptions {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as TargetOptions;
}

// targets/target.ts — what a target backend describes. One module per target in targets/
// exports a TargetDescriptor; nothing outside targets/ and src/toolchain/ branches on a triple.
//
// The compiler (src/compiler) needs only the slice in TargetABI (word size, LLVM triple and data
// layout); the toolchain needs the rest (how to compile the runtime, link, and run the output).

/** The part of a target the code generator sees. */
export interface TargetABI {
  /** the LLVM IR `target triple`, normalised as clang prints it */
  readonly llvmTriple: string;
  /** the LLVM IR `target datalayout`, exactly as clang prints it for this target */
  readonly dataLayout: string;
  /** bits in a pointer: a pv is this wide */
  readonly pointerBits: 32 | 64;
  /** C `size_t` / `long` width in bits (the runtime's ABI) */
  readonly sizeBits: 32 | 64;
  /** functions must carry "no-builtins" (bare metal: clang would otherwise call memcpy/memset) */
  readonly noBuiltins: boolean;
}

export interface RunCommand {
  readonly command: string;
  readonly args: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
}

/** What the command line may say about a target beyond its name (--board, --heap-size, --stdout). */
export interface TargetOptions {
  /** the board a bare-metal program runs on */
  readonly board?: string;
  /** bytes of the static heap (bare metal) */
  readonly heapSize?: number;
  /** where the program's output goes (bare metal): 'semihosting' or 'uart' */
  readonly stdout?: string;
}

/** An image llvm-objcopy makes from the linked output (firmware for flashing tools). */
export interface OutputImage {
  /** llvm-objcopy's -O value: 'binary', 'ihex' */
  readonly format: string;
  /** the image's file-name suffix, replacing the output's own ('.bin') */
  readonly suffix: string;
}

export interface TargetDescriptor extends TargetABI {
  /** canonical name, e.g. 'x86_64-linux-gnu' */
  readonly name: string;
  /** other spellings accepted on the command line */
  readonly aliases: readonly string[];
  /** one line for `pync targets` */
  readonly description: string;
  /** clang's --target= value */
  readonly clangTarget: string;
  /** extra clang flags for every compilation (-mcpu=..., -mfloat-abi=...) */
  readonly cflags: readonly string[];
  /** the runtime's platform layer source (relative to src/runtime/) and its defines */
  readonly runtime: {
    readonly platform: string;
    readonly defines: Readonly<Record<string, string>>;
    /** extra clang flags for the runtime only, after the usual ones (e.g. -Oz on boards) */
    readonly cflags?: readonly string[];
  };
  /** the sysroot this target links against, or null for the host's own libraries */
  readonly sysroot: string | null;
  /** the executable's file-name suffix ('' on Linux) */
  readonly exeSuffix: string;
  /** the object format, which picks the lld flavour and its flag spellings (default 'elf') */
  readonly objectFormat?: 'elf' | 'macho';
  /** why `--static` cannot be honoured for this target (absent: it can) */
  readonly noStaticReason?: string;
  /** what distinguishes this configuration of the target in cache keys ('' when it has no options) */
  readonly variant?: string;
  /** the linker script's text, for targets that place code and data themselves (bare metal) */
  readonly linkerScript?: string;
  /** images made from the linked output beside it (OUTPUT.bin, OUTPUT.hex) */
  readonly outputImages?: readonly OutputImage[];
  /**
   * The target configured by `options` (board, heap size, output). Targets without it take no
   * options; it throws TargetError for a value it does not accept.
   */
  configure?(options: TargetOptions): TargetDescriptor;
  /** link arguments given to clang after the objects (e.g. -lm, -static); `linkerScript` is the
   * file holding this target's linkerScript, when it has one */
  linkArgs(options: { static: boolean; sysrootDir: string | null; linkerScript?: string }): string[];
  /** how to run an output of this target on this machine, or null if it cannot run here */
  runCommand(exe: string, args: readonly string[], sysrootDir: string | null): RunCommand | null;
}

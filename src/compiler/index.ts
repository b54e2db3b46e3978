// compiler/index.ts — the compiler's entry point: a Python program to LLVM IR text.
//
// Takes: the entry .py file, the target's ABI slice and options. Hands on: one LLVM module per
// Python module of the program (the entry module and the local modules it imports), plus the
// "program" module holding main() and the table of modules, and diagnostics. The driver
// (src/driver) turns these into objects and links them with the runtime.

import type { Diagnostic } from '../frontend/diagnostics.js';
import type { TargetABI } from '../../targets/target.js';

export interface CompileOptions {
  /** -O level; the IR is the same, the driver passes it to clang */
  readonly optLevel: 0 | 1 | 2 | 3;
  /** emit DWARF line information */
  readonly debug: boolean;
  /** use the type inference (default); false compiles every value dynamically */
  readonly typed?: boolean;
}

export interface CompiledModule {
  /** the Python module name: '__main__' for the entry file, 'pkg.mod' for imports */
  readonly name: string;
  /** the source file */
  readonly file: string;
  /** LLVM IR text */
  readonly llvm: string;
}

export interface CompileResult {
  readonly modules: readonly CompiledModule[];
  /** LLVM IR of main() and the module table (pync_program_modules) */
  readonly program: string;
  /** errors (and warnings); when any error is present, modules may be incomplete */
  readonly diagnostics: readonly Diagnostic[];
  /** source lines per file, for printing diagnostics */
  readonly sources: ReadonlyMap<string, readonly string[]>;
}

export { compileProgram } from './program.js';

// codegen/llvm-program.ts — the program module: the tables the runtime's `import` searches —
// the compiled modules (pync_program_modules) and the runtime's C modules the program imports
// (pync_program_c_modules: pync_mod_<name>, so that unused ones are not linked), both
// NULL-terminated — and main(), which hands the __main__ module to pync_main (src/runtime/main.c).

import type { TargetABI } from '../../targets/target.js';
import { moduleDefSymbol } from './llvm-module.js';

export function emitProgram(moduleNames: readonly string[], cModuleNames: readonly string[], abi: TargetABI): string {
  const defs = moduleNames.map(moduleDefSymbol);
  const cDefs = cModuleNames.map((n) => `@pync_mod_${n}`);
  return [
    '; pync program: module table and main',
    `target datalayout = "${abi.dataLayout}"`,
    `target triple = "${abi.llvmTriple}"`,
    '',
    ...defs.map((d) => `${d} = external constant i8`),
    `@pync_program_modules = constant [${defs.length + 1} x ptr] [${[...defs.map((d) => `ptr ${d}`), 'ptr null'].join(', ')}]`,
    ...cDefs.map((d) => `${d} = external constant i8`),
    `@pync_program_c_modules = constant [${cDefs.length + 1} x ptr] [${[...cDefs.map((d) => `ptr ${d}`), 'ptr null'].join(', ')}]`,
    '',
    'declare i32 @pync_main(i32, ptr, ptr)',
    '',
    // nounwind: nothing unwinds through main (an ARM object would otherwise reference the C++
    // unwinder's personality routine, which bare-metal links do not have)
    'define i32 @main(i32 %argc, ptr %argv) nounwind {',
    `  %status = call i32 @pync_main(i32 %argc, ptr %argv, ptr ${moduleDefSymbol('__main__')})`,
    '  ret i32 %status',
    '}',
    '',
  ].join('\n');
}

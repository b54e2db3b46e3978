// codegen/llvm-program.ts — the program module: the tables the runtime's `import` searches —
// the compiled modules (pync_program_modules) and the runtime's C modules the program imports
// (pync_program_c_modules: pync_mod_<name>, so that unused ones are not linked), both
// NULL-terminated —, the method lists of the core built-in types (pync_methods__<list>, below)
// and main(), which hands the __main__ module to pync_main (src/runtime/main.c).
//
// Method lists: each core type's methods are separate objects in the runtime (PYNC_METHOD), and
// the type points at a list the program defines. A list holds the methods whose names the
// program can use — a string some module hands the runtime (an attribute or builtin name, a str
// constant: getattr(x, 'upper') counts), a name the runtime itself looks up, or any dunder — so
// the linker leaves out the others and everything only they call (a hello world does not link
// str.format or the Unicode case tables). Built-in types and exception types are chosen the same
// way, by name, for the list builtins are looked up in (pync_builtin_types). A program that can
// look attributes up by computed names (getattr, hasattr, dir, vars, __dict__,
// operator.attrgetter/methodcaller, __getattribute__) gets every method and type.

import type { TargetABI } from '../../targets/target.js';
import { moduleDefSymbol } from './llvm-module.js';
import { BUILTIN_TYPES, C_MODULE_METHOD_NAMES, METHOD_LISTS, RUNTIME_METHOD_NAMES } from './method-lists.js';

/** Names whose use means attribute names may be computed at run time. */
const COMPUTED_NAME_ACCESS = ['getattr', 'hasattr', 'dir', 'vars', '__dict__', 'attrgetter', 'methodcaller', '__getattribute__'];

/** The method and type names a program can use, or 'all'; `strings` are its modules' (emitModule). */
export function reachableNames(strings: Iterable<string>, cModuleNames: readonly string[]): ReadonlySet<string> | 'all' {
  const names = new Set(strings);
  if (COMPUTED_NAME_ACCESS.some((n) => names.has(n))) return 'all';
  for (const n of RUNTIME_METHOD_NAMES) names.add(n);
  // C modules call into each other (functools' cache_info is a collections namedtuple): a program
  // importing any of them keeps what all of them look up
  if (cModuleNames.length > 0) for (const list of C_MODULE_METHOD_NAMES.values()) for (const n of list) names.add(n);
  return names;
}

/** `symbols`, declared, and the NULL-terminated table `name` of their addresses. */
function pointerTable(name: string, symbols: readonly string[]): string[] {
  return [
    ...symbols.map((s) => `${s} = external constant i8`),
    `${name} = constant [${symbols.length + 1} x ptr] [${[...symbols.map((s) => `ptr ${s}`), 'ptr null'].join(', ')}]`,
  ];
}

function methodLists(reachable: ReadonlySet<string> | 'all'): string[] {
  const kept = (names: readonly string[]) => names.filter((n) => reachable === 'all' || reachable.has(n));
  return [
    ...METHOD_LISTS.flatMap(([list, names]) => pointerTable(`@pync_methods__${list}`, kept(names).map((n) => `@pync_md__${list}__${n}`))),
    // the built-in types (and exception types) the program can name, for builtins.c's make_builtin
    ...pointerTable('@pync_builtin_types', kept(BUILTIN_TYPES).map((t) => `@pync_${t}_type`)),
  ];
}

export function emitProgram(moduleNames: readonly string[], cModuleNames: readonly string[], reachable: ReadonlySet<string> | 'all', abi: TargetABI): string {
  const defs = moduleNames.map(moduleDefSymbol);
  const cDefs = cModuleNames.map((n) => `@pync_mod_${n}`);
  return [
    '; pync program: module table and main',
    `target datalayout = "${abi.dataLayout}"`,
    `target triple = "${abi.llvmTriple}"`,
    '',
    ...pointerTable('@pync_program_modules', defs),
    ...pointerTable('@pync_program_c_modules', cDefs),
    ...methodLists(reachable),
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

// compiler/program.ts — compileProgram: the entry file and the modules it imports, to LLVM IR.
//
//   1. parse the entry file, then every module it imports that lives next to it (a.py, or a
//      package a/__init__.py and a/b.py), transitively;
//   2. per module: scopes (semantic/scopes.ts), lowering to pync IR (lower/), LLVM IR (codegen/);
//   3. the program module: the table of compiled modules, the table of the runtime's C modules
//      the program imports (only those are linked in: firmware stays smaller) and main().
// `import X` of a module that is neither the program's nor pync's own is a compile-time error
// when X is a standard-library module (pync would otherwise give another answer than CPython),
// and a ModuleNotFoundError at run time otherwise, as CPython raises it.

import { readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { TargetABI } from '../../targets/target.js';
import type * as A from '../frontend/ast.js';
import { CompileError, Messages, makeDiagnostic, type Diagnostic } from '../frontend/diagnostics.js';
import { parseBytes } from '../frontend/parse.js';
import { analyzeScopes, boundGlobals, type ScopeTree, type StarNames } from '../semantic/scopes.js';
import { BUILTIN_STAR_EXPORTS } from './star-exports.js';
import { inferProgram, type Inference } from '../types/infer.js';
import { lowerModule } from '../lower/module.js';
import { emitModule } from '../codegen/llvm-module.js';
import { emitProgram, reachableNames } from '../codegen/llvm-program.js';
import type { IRModule } from '../ir/ir.js';
import type { CompileOptions, CompileResult, CompiledModule } from './index.js';
import { STDLIB_MODULES } from './stdlib-modules.js';
import { pythonModuleFile } from './python-modules.js';

/** Modules the runtime provides (src/runtime/mod_*.c). */
export const BUILTIN_MODULES: readonly string[] = ['math', 'random', 'sys', 'time', 'cmath', 'gc', 'array', 'struct', 'io', 'collections', 'itertools', 'functools', 'operator', 'types'];

interface SourceModule {
  name: string;
  /** the path diagnostics and tracebacks show */
  file: string;
  ast: A.ModuleNode;
}

export async function compileProgram(entry: string, target: TargetABI, options: CompileOptions): Promise<CompileResult> {
  return compileProgramSync(entry, target, options);
}

export function compileProgramSync(entry: string, target: TargetABI, options: CompileOptions): CompileResult {
  const { irs, diagnostics, sources, builtinModules } = analyseProgram(entry, options);
  if (diagnostics.some((d) => d.severity === 'error')) return { modules: [], program: '', diagnostics, sources };
  const strings: string[] = [];
  const compiled: CompiledModule[] = irs.map((ir) => {
    const emitted = emitModule(ir, target);
    strings.push(...emitted.strings);
    return { name: ir.name, file: ir.file, llvm: emitted.llvm };
  });
  const methods = reachableNames(strings, builtinModules);
  return { modules: compiled, program: emitProgram(irs.map((ir) => ir.name), builtinModules, methods, target), diagnostics, sources };
}

export interface AnalysedProgram {
  readonly irs: IRModule[];
  readonly types: Inference | null;
  readonly diagnostics: Diagnostic[];
  readonly sources: Map<string, readonly string[]>;
  /** the runtime's C modules (BUILTIN_MODULES) some module of the program imports */
  readonly builtinModules: readonly string[];
}

/** Everything before code generation: parsing, scopes, types, pync IR (`pync emit ir|typed`). */
export function analyseProgram(entry: string, options: Pick<CompileOptions, 'typed'>): AnalysedProgram {
  const { modules, diagnostics, sources } = loadProgram(entry);
  if (diagnostics.some((d) => d.severity === 'error')) return { irs: [], types: null, diagnostics, sources, builtinModules: [] };
  const names = new Set(modules.map((m) => m.name));
  const importable = (name: string): boolean => names.has(name) || BUILTIN_MODULES.includes(name) || !isStdlib(name);
  const { irs, types } = lowerAllWithTypes(modules, importable, diagnostics, options.typed !== false);
  // imports are all static (__import__ is refused), so this is every C module the program can reach
  const imported = new Set(modules.flatMap((m) => importedModules(m.ast)).map((n) => n.split('.')[0]!));
  const builtinModules = BUILTIN_MODULES.filter((n) => imported.has(n) && !names.has(n));
  return { irs, types, diagnostics, sources, builtinModules };
}

/** Lowers every module to pync IR; diagnostics are added to `diagnostics`. */
export function lowerAll(modules: readonly SourceModule[], importable: (name: string) => boolean, diagnostics: Diagnostic[],
  typed = true): IRModule[] {
  return lowerAllWithTypes(modules, importable, diagnostics, typed).irs;
}

function lowerAllWithTypes(modules: readonly SourceModule[], importable: (name: string) => boolean, diagnostics: Diagnostic[],
  typed: boolean): { irs: IRModule[]; types: Inference | null } {
  const out: IRModule[] = [];
  const analysed = analyseModules(modules);
  for (const m of analysed) diagnostics.push(...m.scopes.diagnostics);
  if (diagnostics.some((d) => d.severity === 'error')) return { irs: out, types: null };
  const types = typed ? inferProgram(analysed) : null;
  for (const m of analysed) {
    const scopes = m.scopes;
    // at run time (tracebacks, __file__) the path is absolute, as CPython makes it
    const lowered = lowerModule(m.ast, scopes, m.name, m.file, importable, types, resolve(m.file));
    diagnostics.push(...lowered.diagnostics);
    if (lowered.ir) out.push(lowered.ir);
  }
  return { irs: out, types };
}

/**
 * Scopes of every module. A module that does `from m import *` needs m's public names first, so
 * modules are analysed on demand: m's own tree (its __all__, else its global names not starting
 * with '_'), or the recorded exports of a built-in C module; an import cycle through `*` leaves
 * the names unknown (the import is then refused).
 */
function analyseModules(modules: readonly SourceModule[]): (SourceModule & { scopes: ScopeTree })[] {
  const byName = new Map(modules.map((m) => [m.name, m]));
  const trees = new Map<string, ScopeTree>();
  const inProgress = new Set<string>();
  const exportsOf = (name: string): StarNames | null => {
    const m = byName.get(name);
    if (!m) {
      const names = BUILTIN_MODULES.includes(name) ? BUILTIN_STAR_EXPORTS[name] : undefined;
      // what CPython's module exports; one pync's module lacks is left unbound
      return names ? { names, fromAll: false } : null;
    }
    const tree = treeOf(m);
    if (!tree) return null;
    const all = declaredAll(m.ast);
    return all ? { names: all, fromAll: true } : { names: [...boundGlobals(tree)].filter((n) => !n.startsWith('_')).sort(), fromAll: false };
  };
  const treeOf = (m: SourceModule): ScopeTree | null => {
    const done = trees.get(m.name);
    if (done) return done;
    if (inProgress.has(m.name)) return null;
    inProgress.add(m.name);
    const tree = analyzeScopes(m.ast, m.file, exportsOf);
    inProgress.delete(m.name);
    trees.set(m.name, tree);
    return tree;
  };
  return modules.map((m) => ({ ...m, scopes: treeOf(m)! }));
}

/** A module's `__all__ = [...]` (or a tuple) of string constants at its top level, else null. */
function declaredAll(module: A.ModuleNode): string[] | null {
  let names: string[] | null = null;
  for (const s of module.body) {
    if (s._type !== 'Assign' || !s.targets.some((t) => t._type === 'Name' && t.id === '__all__')) continue;
    const v = s.value;
    if ((v._type !== 'List' && v._type !== 'Tuple') || !v.elts.every((e) => e._type === 'Constant' && typeof e.value === 'string')) return null;
    names = v.elts.map((e) => (e as A.ConstantNode).value as string);
  }
  return names;
}

function isStdlib(name: string): boolean {
  return STDLIB_MODULES.has(name.split('.')[0]);
}

/** Parses the entry module and the local modules it imports (breadth first). */
export function loadProgram(entry: string): { modules: SourceModule[]; diagnostics: Diagnostic[]; sources: Map<string, readonly string[]> } {
  const root = dirname(resolve(entry));
  const modules: SourceModule[] = [];
  const diagnostics: Diagnostic[] = [];
  const sources = new Map<string, readonly string[]>();
  const seen = new Set<string>();
  const queue: { name: string; file: string; display: string }[] = [{ name: '__main__', file: resolve(entry), display: entry }];
  seen.add('__main__');
  while (queue.length > 0) {
    const { name, file, display } = queue.shift()!;
    let bytes: Uint8Array;
    try {
      bytes = file === '' ? new Uint8Array() : readFileSync(file);
    } catch (e) {
      throw new CompileError([makeDiagnostic(Messages.cannotRead, [display, (e as NodeJS.ErrnoException).code ?? String(e)], display, 0, -1)]);
    }
    const parsed = parseBytes(bytes, display);
    if (parsed.source) sources.set(display, parsed.source.lines());
    diagnostics.push(...parsed.diagnostics);
    if (!parsed.module) continue;
    modules.push({ name, file: display, ast: parsed.module });
    for (const imported of importedModules(parsed.module)) {
      // `import a.b` runs a's __init__ first
      const parts = imported.split('.');
      for (let i = 1; i <= parts.length; i++) {
        const sub = parts.slice(0, i).join('.');
        if (seen.has(sub)) continue;
        const found = findModuleFile(root, sub) ?? pythonModuleFile(sub);
        if (found === null) continue;
        seen.add(sub);
        queue.push({ name: sub, file: found, display: found === '' ? join(root, ...sub.split('.')) : found });
      }
    }
  }
  return { modules, diagnostics, sources };
}

/**
 * The file of a module next to the program: a.py, or a/__init__.py for a package; '' for a
 * folder without __init__.py (a namespace package: an empty module); null when there is none.
 * Built-in modules win over local files only when no local file exists, as sys.path[0] comes first.
 */
function findModuleFile(root: string, name: string): string | null {
  const base = join(root, ...name.split('.'));
  if (isFile(`${base}.py`)) return `${base}.py`;
  if (isFile(join(base, '__init__.py'))) return join(base, '__init__.py');
  if (isDir(base) && name.includes('.') === false && !BUILTIN_MODULES.includes(name) && !STDLIB_MODULES.has(name)) return '';
  return null;
}

/** Every module name an import statement anywhere in the module mentions. */
function importedModules(module: A.ModuleNode): string[] {
  const out: string[] = [];
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const n of node) visit(n);
      return;
    }
    if (node === null || typeof node !== 'object' || !('_type' in node)) return;
    const n = node as A.AnyNode;
    if (n._type === 'Import') for (const a of n.names) out.push(a.name);
    else if (n._type === 'ImportFrom' && n.level === 0 && n.module) {
      out.push(n.module);
      // `from pkg import sub` may name a submodule
      for (const a of n.names) out.push(`${n.module}.${a.name}`);
    }
    for (const key of Object.keys(n)) {
      if (key !== '_type') visit((n as unknown as Record<string, unknown>)[key]);
    }
  };
  visit(module.body);
  return out;
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function isDir(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

// driver/build.ts — one build: a Python entry file to an executable for one target.
//
// Takes: the entry file, a resolved target and the options of `pync build`. Hands on: the
// executable at `output`, after
//   1. compileProgram (src/compiler): one LLVM IR module per Python module plus the program
//      module (main and the module table); its diagnostics are printed, and any error stops the
//      build (DiagnosticsReported, exit status 1);
//   2. the IR written into a build folder (<cache>/build/<key>/, or OUTPUT.pync-temps/ with
//      --keep-temps) and compiled by clang, several modules at once; an object whose IR, target
//      and options are unchanged is reused;
//   3. the cached runtime archive (built meanwhile, on the first build for a target) and a link.
// With `verbose`, each step's time goes to stderr.

import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import type { TargetDescriptor } from '../../targets/target.js';
import { compileProgram, type CompileResult } from '../compiler/index.js';
import { CompileError, formatDiagnostic, type Diagnostic } from '../frontend/diagnostics.js';
import { requireSysroot } from '../sysroot/paths.js';
import { userCacheDir } from '../toolchain/cache-dir.js';
import { compileIr } from '../toolchain/compile.js';
import { linkExecutable } from '../toolchain/link.js';
import { findLlvm, type Llvm } from '../toolchain/llvm.js';
import { mapLimit } from '../toolchain/run.js';
import { ensureRuntime, type RuntimeArchive } from '../toolchain/runtime.js';
import { BuildError, DiagnosticsReported } from './errors.js';
import { sha256, writeFileAtomic } from './files.js';

export type OptLevel = 0 | 1 | 2 | 3;

export interface BuildRequest {
  readonly entry: string;
  readonly target: TargetDescriptor;
  /** default: the entry's name without .py, in the current folder */
  readonly output?: string;
  readonly optLevel: OptLevel;
  readonly static: boolean;
  readonly debug: boolean;
  /** keep the IR and objects next to the output (OUTPUT.pync-temps/) */
  readonly keepTemps?: boolean;
  readonly verbose?: boolean;
  /** default: userCacheDir() */
  readonly cacheDir?: string;
  /** where diagnostics and --verbose lines go; default process.stderr */
  readonly stderr?: (text: string) => void;
}

export interface BuildResult {
  readonly output: string;
  /** the Python source files the program was compiled from */
  readonly sourceFiles: readonly string[];
  readonly runtime: RuntimeArchive;
}

/** The default output path for an entry file: `app.py` → `./app`. */
export function defaultOutput(entry: string, target: TargetDescriptor): string {
  return resolve(basename(entry).replace(/\.py$/, '') + target.exeSuffix);
}

export async function buildProgram(req: BuildRequest): Promise<BuildResult> {
  const started = performance.now();
  const say = req.stderr ?? ((t: string) => void process.stderr.write(t));
  const timing = (step: string, ms: number, note = ''): void => {
    if (req.verbose) say(`pync: ${step.padEnd(8)} ${ms.toFixed(0).padStart(6)} ms${note ? `  ${note}` : ''}\n`);
  };
  const entry = resolve(req.entry);
  checkReadable(req.entry, entry);
  const output = resolve(req.output ?? defaultOutput(entry, req.target));
  if (isFolder(output)) throw new BuildError(`the output ${req.output ?? output} is a folder; give a file name with -o`);
  if (req.static && req.target.noStaticReason) throw new BuildError(`--static is not possible for ${req.target.name}: ${req.target.noStaticReason}`);
  const cacheDir = req.cacheDir ?? userCacheDir();
  const llvm = await findLlvm();
  const sysrootDir = requireSysroot(req.target, cacheDir);

  // The runtime builds (first time only) while the compiler works; a failed build stops it
  // rather than waiting for it.
  const stopRuntime = new AbortController();
  const runtimePromise = ensureRuntime(req.target, llvm, { cacheDir, signal: stopRuntime.signal });
  runtimePromise.catch(() => {}); // awaited in compileAndLink; a compile error may come first
  try {
    return await compileAndLink(req, { entry, output, cacheDir, llvm, sysrootDir, timing, say }, runtimePromise);
  } catch (e) {
    stopRuntime.abort();
    throw e;
  } finally {
    timing('total', performance.now() - started, output);
  }
}

interface BuildContext {
  readonly entry: string;
  readonly output: string;
  readonly cacheDir: string;
  readonly llvm: Llvm;
  readonly sysrootDir: string | null;
  readonly timing: (step: string, ms: number, note?: string) => void;
  readonly say: (text: string) => void;
}

async function compileAndLink(req: BuildRequest, ctx: BuildContext, runtimePromise: Promise<RuntimeArchive>): Promise<BuildResult> {
  const { entry, output, cacheDir, llvm, sysrootDir, timing } = ctx;
  let compileStarted = performance.now();
  const result = await compileOrDiagnostics(req, ctx.say);
  timing('compile', performance.now() - compileStarted, `${result.modules.length} module${result.modules.length === 1 ? '' : 's'}`);

  const buildDir = req.keepTemps ? `${output}.pync-temps` : join(cacheDir, 'build', sha256(entry, req.target.name, String(req.optLevel), String(req.debug)).slice(0, 20));
  mkdirSync(buildDir, { recursive: true });
  const units = [
    ...result.modules.map((m) => ({ stem: `m.${m.name}`, llvm: m.llvm })),
    { stem: 'program', llvm: result.program },
  ];
  compileStarted = performance.now();
  let reused = 0;
  const objects = await mapLimit(units, availableParallelism(), async (unit) => {
    const irFile = join(buildDir, `${unit.stem}.ll`);
    const key = sha256(unit.llvm, req.target.name, req.target.cflags.join(' '), String(req.optLevel), String(req.debug)).slice(0, 16);
    const objectFile = join(buildDir, `${unit.stem}-${key}.o`);
    writeFileAtomic(irFile, unit.llvm);
    if (isFile(objectFile)) {
      reused++;
      return objectFile;
    }
    await compileIr(llvm, req.target, irFile, objectFile, { optLevel: req.optLevel, debug: req.debug });
    removeOlderObjects(buildDir, unit.stem, objectFile);
    return objectFile;
  });
  timing('llvm', performance.now() - compileStarted, `${objects.length} objects${reused ? `, ${reused} reused` : ''} (-O${req.optLevel})`);

  const runtime = await runtimePromise;
  timing('runtime', runtime.ms, runtime.cached ? 'cached' : `built ${runtime.path}`);

  mkdirSync(dirname(output), { recursive: true });
  const linkMs = await linkExecutable(llvm, req.target, objects, runtime.path, output, { static: req.static, sysrootDir, debug: req.debug });
  timing('link', linkMs, req.static ? 'static' : 'dynamic');
  return { output, sourceFiles: [...new Set(result.modules.map((m) => resolve(m.file)))], runtime };
}

/** Runs the compiler and prints its diagnostics; throws DiagnosticsReported on any error. */
async function compileOrDiagnostics(req: BuildRequest, say: (t: string) => void): Promise<CompileResult> {
  let result: CompileResult;
  try {
    // the path as the user gave it: diagnostics name files the way they were typed
    result = await compileProgram(req.entry, req.target, { optLevel: req.optLevel, debug: req.debug, typed: process.env.PYNC_UNTYPED !== "1" });
  } catch (e) {
    if (!(e instanceof CompileError)) throw e;
    printDiagnostics(e.diagnostics, new Map(), say);
    throw new DiagnosticsReported(e.diagnostics.filter((d) => d.severity === 'error').length);
  }
  printDiagnostics(result.diagnostics, result.sources, say);
  const errors = result.diagnostics.filter((d) => d.severity === 'error').length;
  if (errors > 0) throw new DiagnosticsReported(errors);
  return result;
}

function printDiagnostics(diagnostics: readonly Diagnostic[], sources: ReadonlyMap<string, readonly string[]>, say: (t: string) => void): void {
  for (const d of diagnostics) say(formatDiagnostic(d, sources.get(d.file)) + '\n');
}

function checkReadable(given: string, path: string): void {
  let isDir = false;
  try {
    isDir = statSync(path).isDirectory();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    throw new BuildError(`cannot read ${given}: ${code === 'ENOENT' ? 'no such file' : (code ?? String(e))}`);
  }
  if (isDir) throw new BuildError(`${given} is a folder; give the program's .py file`);
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/** Objects of the same unit from earlier versions of its IR. */
function removeOlderObjects(dir: string, stem: string, keep: string): void {
  const pattern = new RegExp(`^${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-[0-9a-f]{16}\\.o$`);
  for (const name of readdirSync(dir)) {
    if (pattern.test(name) && join(dir, name) !== keep) rmSync(join(dir, name), { force: true });
  }
}

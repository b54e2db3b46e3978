// toolchain/llvm.ts — finds the LLVM tools pync drives: clang (compiles IR and the runtime's C),
// ld.lld (links, through clang), llvm-ar (archives the runtime), and on demand lld's other
// flavours beside ld.lld (ld64.lld for Mach-O).
//
// Takes: the environment. Hands on: an Llvm record with absolute tool paths and the major version,
// or a one-line ToolchainError saying what to install. Search order:
//   1. PYNC_LLVM: an LLVM folder (its bin/) or the bin folder itself;
//   2. the newest versioned clang-N (N ≥ 15) on PATH or in /usr/lib/llvm-N/bin, with the llvm-ar
//      and ld.lld of the same version;
//   3. an unversioned clang on PATH, if `clang --version` says 15 or newer.
// Only directory listings are read until step 3, so finding the tools costs no process start.

import { accessSync, constants, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, delimiter, dirname, join } from 'node:path';
import { ToolchainError } from './errors.js';
import { runTool } from './run.js';

export const MIN_LLVM_MAJOR = 15;
/** the version scripts/setup installs, named in error messages */
export const PREFERRED_LLVM_MAJOR = 19;

export interface Llvm {
  readonly clang: string;
  readonly lld: string;
  readonly ar: string;
  /** llvm-objcopy (firmware images), null when not installed */
  readonly objcopy: string | null;
  /** major version (19) */
  readonly major: number;
}

let found: Promise<Llvm> | undefined;

/**
 * The LLVM tools to use; looked up once per process. `systemRoot` is where the llvm-N folders
 * are (tests point it elsewhere).
 */
export function findLlvm(env: NodeJS.ProcessEnv = process.env, systemRoot = '/usr/lib'): Promise<Llvm> {
  if (env !== process.env || systemRoot !== '/usr/lib') return locate(env, systemRoot);
  return (found ??= locate(env, systemRoot));
}

const versions = new Map<string, Promise<string>>();

/**
 * Names the exact clang binary: its real path, size and modification time. Cache keys use this
 * instead of `clang --version`, which costs a process start; an upgraded clang is a new file.
 */
export function clangIdentity(llvm: Llvm): string {
  try {
    const real = realpathSync(llvm.clang);
    const s = statSync(real);
    return `LLVM ${llvm.major} ${real} ${s.size} ${s.mtimeMs}`;
  } catch {
    return `LLVM ${llvm.major} ${llvm.clang}`;
  }
}

/** The first line of `clang --version` ("Debian clang version 19.1.7 (3~deb12u1)"), once per process. */
export function clangVersion(llvm: Llvm): Promise<string> {
  let v = versions.get(llvm.clang);
  if (!v) {
    v = runTool(llvm.clang, ['--version']).then((r) => r.stdout.split('\n')[0]!.trim());
    versions.set(llvm.clang, v);
  }
  return v;
}

async function locate(env: NodeJS.ProcessEnv, systemRoot: string): Promise<Llvm> {
  if (env.PYNC_LLVM) return fromFolder(env.PYNC_LLVM);
  const pathDirs = (env.PATH ?? '').split(delimiter).filter((d) => d !== '');
  const versioned = versionedCandidates(pathDirs, systemRoot);
  for (const major of [...versioned.keys()].sort((a, b) => b - a)) {
    if (major < MIN_LLVM_MAJOR) break;
    const dirs = versioned.get(major)!;
    const clang = firstExecutable(dirs.map((d) => join(d.dir, d.suffixed ? `clang-${major}` : 'clang')));
    if (!clang) continue;
    const lld = toolOf(dirs, 'ld.lld', major);
    const ar = toolOf(dirs, 'llvm-ar', major);
    if (!lld) throw missing(`ld.lld-${major}`, `lld-${major}`);
    if (!ar) throw missing(`llvm-ar-${major}`, `llvm-${major}`);
    return { clang, lld, ar, objcopy: toolOf(dirs, 'llvm-objcopy', major), major };
  }
  const plain = firstExecutable(pathDirs.map((d) => join(d, 'clang')));
  if (plain) {
    const major = await majorOf(plain);
    if (major >= MIN_LLVM_MAJOR) {
      const lld = firstExecutable(pathDirs.map((d) => join(d, 'ld.lld')));
      const ar = firstExecutable(pathDirs.map((d) => join(d, 'llvm-ar')));
      if (lld && ar) return { clang: plain, lld, ar, objcopy: firstExecutable(pathDirs.map((d) => join(d, 'llvm-objcopy'))), major };
    }
  }
  throw missing(`clang-${PREFERRED_LLVM_MAJOR}`, `clang-${PREFERRED_LLVM_MAJOR}`, ` (pync needs LLVM ${MIN_LLVM_MAJOR} or newer)`);
}

async function fromFolder(folder: string): Promise<Llvm> {
  const bin = firstExecutable([join(folder, 'bin', 'clang'), join(folder, 'clang')]);
  if (!bin) throw new ToolchainError(`PYNC_LLVM=${folder} holds no clang (looked for ${join(folder, 'bin', 'clang')})`);
  const dir = bin.slice(0, -'/clang'.length);
  const lld = firstExecutable([join(dir, 'ld.lld')]);
  const ar = firstExecutable([join(dir, 'llvm-ar')]);
  if (!lld) throw new ToolchainError(`PYNC_LLVM=${folder} holds no ld.lld (install lld for that LLVM)`);
  if (!ar) throw new ToolchainError(`PYNC_LLVM=${folder} holds no llvm-ar`);
  const major = await majorOf(bin);
  if (major < MIN_LLVM_MAJOR) throw new ToolchainError(`PYNC_LLVM=${folder} is LLVM ${major}; pync needs ${MIN_LLVM_MAJOR} or newer`);
  return { clang: bin, lld, ar, objcopy: firstExecutable([join(dir, 'llvm-objcopy')]), major };
}

interface ToolDir {
  readonly dir: string;
  /** tools here are named clang-N (a PATH folder) rather than clang (an LLVM bin folder) */
  readonly suffixed: boolean;
}

/** major version → folders that may hold that version's tools, PATH first. */
function versionedCandidates(pathDirs: readonly string[], systemRoot: string): Map<number, ToolDir[]> {
  const byMajor = new Map<number, ToolDir[]>();
  const add = (major: number, d: ToolDir): void => {
    const list = byMajor.get(major) ?? [];
    list.push(d);
    byMajor.set(major, list);
  };
  for (const dir of pathDirs) {
    for (const name of listDir(dir)) {
      const m = /^clang-(\d+)$/.exec(name);
      if (m) add(Number(m[1]), { dir, suffixed: true });
    }
  }
  for (const name of listDir(systemRoot)) {
    const m = /^llvm-(\d+)$/.exec(name);
    if (m) add(Number(m[1]), { dir: join(systemRoot, name, 'bin'), suffixed: false });
  }
  return byMajor;
}

function toolOf(dirs: readonly ToolDir[], tool: string, major: number): string | null {
  // the unsuffixed tool in an LLVM bin folder is the one clang itself would pick
  const unsuffixed = dirs.filter((d) => !d.suffixed).map((d) => join(d.dir, tool));
  const suffixed = dirs.filter((d) => d.suffixed).map((d) => join(d.dir, `${tool}-${major}`));
  return firstExecutable([...unsuffixed, ...suffixed]);
}

async function majorOf(clang: string): Promise<number> {
  const r = await runTool(clang, ['--version']);
  const m = /version (\d+)\./.exec(r.stdout);
  return m ? Number(m[1]) : 0;
}

/**
 * Another flavour of the lld found (ld64.lld for Mach-O): the file beside ld.lld with the same
 * version suffix, as Debian's lld-N package installs them.
 */
export function lldFlavour(llvm: Llvm, flavour: string): string {
  const dir = dirname(llvm.lld);
  const name = basename(llvm.lld).replace(/^ld\.lld/, flavour);
  const path = firstExecutable([join(dir, name)]);
  if (!path) throw new ToolchainError(`${name} not found beside ${llvm.lld}: install lld ${llvm.major} (Debian package lld-${llvm.major}; scripts/setup does)`);
  return path;
}

function missing(tool: string, debianPackage: string, why = ''): ToolchainError {
  return new ToolchainError(`${tool} not found${why}: run scripts/setup (Debian package ${debianPackage}) or set PYNC_LLVM to an LLVM folder`);
}

function listDir(dir: string): string[] {
  try {
    return readdirSync(dir);
  } catch {
    return [];
  }
}

function firstExecutable(paths: readonly string[]): string | null {
  for (const p of paths) {
    try {
      accessSync(p, constants.X_OK);
      return p;
    } catch {
      // not here
    }
  }
  return null;
}

// driver/run-program.ts — `pync run`: build a program into the cache (or reuse the last build)
// and run it here, natively or under qemu.
//
// Takes: the entry file, a target, build options and the program's arguments. Hands on: the
// program's exit status (128 + signal when killed), with stdin/stdout/stderr passed through.
// The executable lives in <cache>/run/<key>/, key = entry path + target (with its configuration:
// board, heap) + options; beside it a manifest records the content hash of every source file,
// the runtime archive's key and the identity of this pync. When all of them still match, the program runs without compiling.

import { readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TargetDescriptor } from '../../targets/target.js';
import { requireSysroot } from '../sysroot/paths.js';
import { userCacheDir } from '../toolchain/cache-dir.js';
import { ToolchainError } from '../toolchain/errors.js';
import { findLlvm } from '../toolchain/llvm.js';
import { runInteractive } from '../toolchain/run.js';
import { runtimeKey } from '../toolchain/runtime.js';
import { runtimeSources } from '../toolchain/runtime-sources.js';
import { buildProgram, type OptLevel } from './build.js';
import { fileHash, sha256, writeFileAtomic } from './files.js';

export interface RunRequest {
  readonly entry: string;
  readonly target: TargetDescriptor;
  readonly args: readonly string[];
  readonly optLevel: OptLevel;
  readonly static: boolean;
  readonly debug: boolean;
  readonly verbose?: boolean;
  readonly cacheDir?: string;
  readonly stderr?: (text: string) => void;
}

interface Manifest {
  readonly pync: string;
  readonly runtime: string;
  /** absolute source path → sha256 */
  readonly sources: Readonly<Record<string, string>>;
}

/** Builds (unless the cached build is current) and runs; resolves to the exit status. */
export async function runProgram(req: RunRequest): Promise<number> {
  const cacheDir = req.cacheDir ?? userCacheDir();
  const say = req.stderr ?? ((t: string) => void process.stderr.write(t));
  const entry = resolve(req.entry);
  const folder = join(cacheDir, 'run', sha256(entry, req.target.name, req.target.variant ?? '', String(req.optLevel), String(req.static), String(req.debug)).slice(0, 20));
  const exe = join(folder, basename(entry).replace(/\.py$/, '') + req.target.exeSuffix);
  // a target whose programs cannot run here is refused before anything is built
  if (!req.target.runCommand(exe, req.args, null)) throw cannotRunHere(req.target);
  const sysrootDir = requireSysroot(req.target, cacheDir);
  const manifestFile = join(folder, 'manifest.json');

  const llvm = await findLlvm();
  const currentRuntime = runtimeKey(req.target, llvm, runtimeSources(req.target.runtime.platform));
  if (isCurrent(manifestFile, exe, currentRuntime)) {
    if (req.verbose) say(`pync: cached   ${exe}\n`);
  } else {
    const built = await buildProgram({
      entry: req.entry,
      target: req.target,
      output: exe,
      optLevel: req.optLevel,
      static: req.static,
      debug: req.debug,
      verbose: req.verbose,
      cacheDir,
      stderr: req.stderr,
    });
    const sources: Record<string, string> = {};
    for (const f of built.sourceFiles) sources[f] = fileHash(f) ?? '';
    const manifest: Manifest = { pync: pyncIdentity(), runtime: built.runtime.key, sources };
    writeFileAtomic(manifestFile, JSON.stringify(manifest, null, 1) + '\n');
  }

  const command = req.target.runCommand(exe, req.args, sysrootDir);
  if (!command) throw cannotRunHere(req.target);
  return runInteractive(command.command, command.args, command.env ? { env: { ...process.env, ...command.env } } : {});
}

function cannotRunHere(target: TargetDescriptor): ToolchainError {
  return new ToolchainError(`${target.name} programs cannot run on this machine; use pync build and copy the output to such a machine`);
}

function isCurrent(manifestFile: string, exe: string, runtime: string): boolean {
  let manifest: Manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest;
    if (!statSync(exe).isFile()) return false;
  } catch {
    return false;
  }
  if (manifest.pync !== pyncIdentity() || manifest.runtime !== runtime) return false;
  const entries = Object.entries(manifest.sources ?? {});
  return entries.length > 0 && entries.every(([file, hash]) => fileHash(file) === hash);
}

/** Changes whenever pync itself is rebuilt: the size and time of the module holding this code. */
function pyncIdentity(): string {
  const self = fileURLToPath(import.meta.url);
  try {
    const s = statSync(self);
    return `${self}:${s.size}:${s.mtimeMs}`;
  } catch {
    return self;
  }
}

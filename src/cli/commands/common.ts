// cli/commands/common.ts — what the build-related commands share: reading --target (with the
// target options --board, --heap-size, --stdout) and -O, and
// turning the errors a user can cause into one line and an exit status.
//
//   TargetError (unknown --target)              → `pync: error: …`, status 2 (a usage error)
//   ToolchainError, SysrootError, BuildError    → `pync: error: …`, status 1 (--verbose adds the tool's output)
//   DiagnosticsReported                         → status 1 (the diagnostics are already printed)
// Anything else is a bug in pync and reaches main's internal-error handler.

import { hostTarget, resolveTarget, TargetError } from '../../../targets/index.js';
import type { TargetDescriptor, TargetOptions } from '../../../targets/target.js';
import { BuildError, DiagnosticsReported } from '../../driver/errors.js';
import type { OptLevel } from '../../driver/build.js';
import { SysrootError } from '../../sysroot/paths.js';
import { ToolchainError } from '../../toolchain/errors.js';
import { UsageError } from '../errors.js';

/** The global options that configure a target (bare-metal boards). */
export interface TargetOptionArgs {
  board?: string;
  'heap-size'?: string;
  stdout?: string;
}

/** The target named by --target, or the host's, configured by --board/--heap-size/--stdout. */
export function targetFromArgs(target: string | string[] | undefined, optionArgs: TargetOptionArgs = {}): TargetDescriptor {
  const targets = targetsFromArgs(target, optionArgs);
  if (targets.length > 1) throw new UsageError('give one --target here: only `pync build` builds for several targets at once');
  return targets[0]!;
}

/**
 * The targets named by --target (`a,b`, or the option given more than once), or the host's,
 * each configured by --board/--heap-size/--stdout.
 */
export function targetsFromArgs(target: string | string[] | undefined, optionArgs: TargetOptionArgs = {}): TargetDescriptor[] {
  try {
    let targets: TargetDescriptor[];
    if (target === undefined) {
      targets = [hostTarget()];
    } else {
      const names = (Array.isArray(target) ? target : [target]).flatMap((t) => t.split(',')).map((t) => t.trim()).filter((t) => t !== '');
      if (names.length === 0) throw new UsageError('--target needs a target name (`pync targets` lists them)');
      const resolved = names.map(resolveTarget);
      targets = resolved.filter((t, i) => resolved.indexOf(t) === i);
    }
    const options = targetOptionsFromArgs(optionArgs);
    const given = (['board', 'heap-size', 'stdout'] as const).filter((k) => optionArgs[k] !== undefined);
    if (given.length === 0) return targets;
    return targets.map((t) => {
      if (!t.configure) throw new UsageError(`${given.map((k) => `--${k}`).join(', ')}: ${t.name} takes no target options (they are for bare-metal targets)`);
      return t.configure(options);
    });
  } catch (e) {
    if (e instanceof TargetError) throw new UsageError(e.message);
    throw e;
  }
}

/** --board/--heap-size/--stdout as the TargetOptions a bare-metal target's configure() takes. */
export function targetOptionsFromArgs(optionArgs: TargetOptionArgs): TargetOptions {
  const heapSize = optionArgs['heap-size'] === undefined ? undefined : parseSize('--heap-size', String(optionArgs['heap-size']));
  return { board: optionArgs.board, heapSize, stdout: optionArgs.stdout };
}

/** `64K`, `2M`, `65536` → bytes (K = 1024). */
export function parseSize(option: string, text: string): number {
  const m = /^\s*(\d+)\s*([kKmM]?)(?:i?[bB])?\s*$/.exec(text);
  if (!m) throw new UsageError(`${option} takes a size such as 65536, 64K or 2M (got '${text}')`);
  const unit = { '': 1, k: 1024, m: 1024 * 1024 }[m[2]!.toLowerCase() as '' | 'k' | 'm'];
  return Number(m[1]) * unit;
}

/** -O0..-O3 (the last one given wins); `fallback` when absent. */
export function optLevelFromArgs(o: unknown, fallback: OptLevel): OptLevel {
  const value = Array.isArray(o) ? o[o.length - 1] : o;
  if (value === undefined) return fallback;
  if (value === 0 || value === 1 || value === 2 || value === 3) return value;
  throw new UsageError(`-O takes 0, 1, 2 or 3 (got ${String(value)})`);
}

/** Runs a command's action, reporting the errors a user can cause; sets process.exitCode. */
export async function reportUserErrors(verbose: boolean, action: () => Promise<number | void>): Promise<void> {
  try {
    const status = await action();
    if (typeof status === 'number') process.exitCode = status;
  } catch (e) {
    if (e instanceof TargetError) throw new UsageError(e.message);
    if (e instanceof DiagnosticsReported) {
      process.exitCode = 1;
      return;
    }
    const message = userErrorMessage(e, verbose);
    if (message === null) throw e;
    process.stderr.write(`pync: error: ${message}\n`);
    process.exitCode = 1;
  }
}

/** The one line (and, with --verbose, the tool's output) for an error a user can cause; null for a bug. */
export function userErrorMessage(e: unknown, verbose: boolean): string | null {
  if (!(e instanceof ToolchainError || e instanceof SysrootError || e instanceof BuildError)) return null;
  const details = verbose && e instanceof ToolchainError && e.details ? `\n${e.details.trimEnd()}` : '';
  return e.message + details;
}

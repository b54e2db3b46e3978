// cli/commands/common.ts — what the build-related commands share: reading --target and -O, and
// turning the errors a user can cause into one line and an exit status.
//
//   TargetError (unknown --target)              → `pync: error: …`, status 2 (a usage error)
//   ToolchainError, SysrootError, BuildError    → `pync: error: …`, status 1 (--verbose adds the tool's output)
//   DiagnosticsReported                         → status 1 (the diagnostics are already printed)
// Anything else is a bug in pync and reaches main's internal-error handler.

import { hostTarget, resolveTarget, TargetError } from '../../../targets/index.js';
import type { TargetDescriptor } from '../../../targets/target.js';
import { BuildError, DiagnosticsReported } from '../../driver/errors.js';
import type { OptLevel } from '../../driver/build.js';
import { SysrootError } from '../../sysroot/paths.js';
import { ToolchainError } from '../../toolchain/errors.js';
import { UsageError } from '../errors.js';

/** The target named by --target, or the host's. */
export function targetFromArgs(target: string | string[] | undefined): TargetDescriptor {
  const targets = targetsFromArgs(target);
  if (targets.length > 1) throw new UsageError('give one --target here: only `pync build` builds for several targets at once');
  return targets[0]!;
}

/** The targets named by --target (`a,b`, or the option given more than once), or the host's. */
export function targetsFromArgs(target: string | string[] | undefined): TargetDescriptor[] {
  try {
    if (target === undefined) return [hostTarget()];
    const names = (Array.isArray(target) ? target : [target]).flatMap((t) => t.split(',')).map((t) => t.trim()).filter((t) => t !== '');
    if (names.length === 0) throw new UsageError('--target needs a target name (`pync targets` lists them)');
    const targets = names.map(resolveTarget);
    return targets.filter((t, i) => targets.indexOf(t) === i);
  } catch (e) {
    if (e instanceof TargetError) throw new UsageError(e.message);
    throw e;
  }
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

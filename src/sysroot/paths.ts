// sysroot/paths.ts — where target sysroots live and whether one is installed.
//
// Takes: a sysroot name (a target's `sysroot` field, e.g. 'aarch64-linux-gnu') and the cache
// folder. Hands on: <cache>/sysroots/<name>/, its state, or a SysrootError whose one line says
// which command creates it. A sysroot counts as installed when scripts/make-sysroot's stamp file
// (.pync-sysroot) is present: the script writes it last, after the folder is complete.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TargetDescriptor } from '../../targets/target.js';
import { userCacheDir } from '../toolchain/cache-dir.js';

export const STAMP_FILE = '.pync-sysroot';

export class SysrootError extends Error {
  override name = 'SysrootError';
}

export function sysrootsDir(cacheDir: string = userCacheDir()): string {
  return join(cacheDir, 'sysroots');
}

export function sysrootDir(name: string, cacheDir?: string): string {
  return join(sysrootsDir(cacheDir), name);
}

export type SysrootState =
  | { readonly kind: 'host' }
  | { readonly kind: 'installed'; readonly dir: string; readonly stamp: string }
  | { readonly kind: 'missing'; readonly dir: string };

/** Whether `target` needs a sysroot and whether it is there. */
export function sysrootState(target: TargetDescriptor, cacheDir?: string): SysrootState {
  if (target.sysroot === null) return { kind: 'host' };
  const dir = sysrootDir(target.sysroot, cacheDir);
  const stampPath = join(dir, STAMP_FILE);
  if (!existsSync(stampPath)) return { kind: 'missing', dir };
  return { kind: 'installed', dir, stamp: readFileSync(stampPath, 'utf8').split('\n')[0] ?? '' };
}

/** The command that creates the sysroot `name`. */
export function sysrootCreateCommand(name: string): string {
  return `scripts/make-sysroot ${name}`;
}

/** The sysroot folder `target` links against: null for the host's libraries; throws if missing. */
export function requireSysroot(target: TargetDescriptor, cacheDir?: string): string | null {
  const state = sysrootState(target, cacheDir);
  if (state.kind === 'host') return null;
  if (state.kind === 'installed') return state.dir;
  throw new SysrootError(`the ${target.sysroot} sysroot is not installed (${state.dir}): create it with ${sysrootCreateCommand(target.sysroot!)}`);
}

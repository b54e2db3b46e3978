// sysroot/paths.ts — where target sysroots live and whether one is installed.
//
// Takes: a sysroot name (a target's `sysroot` field, e.g. 'aarch64-linux-gnu') and the cache
// folder. Hands on: <cache>/sysroots/<name>/, its state, or a SysrootError whose one line says
// which command installs it. A sysroot counts as installed when its stamp file (.pync-sysroot)
// is present: `pync sysroot install` writes it into the new folder before renaming the folder
// into place, and scripts/make-sysroot writes it last. The stamp's first line says where the
// sysroot came from — `pync-sysroot NAME archives SHA256...` for an install — so `pync sysroot
// list` can tell whether it is the archive the manifest names.

import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TargetDescriptor } from '../../targets/target.js';
import { userCacheDir } from '../toolchain/cache-dir.js';
import { SysrootError } from './errors.js';
import { hasManifest } from './manifest.js';

export { SysrootError };

export const STAMP_FILE = '.pync-sysroot';

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
  const stamp = readStamp(dir);
  return stamp === null ? { kind: 'missing', dir } : { kind: 'installed', dir, stamp };
}

/** The first line of the stamp of the sysroot in `dir`, or null when it is not installed there. */
export function readStamp(dir: string): string | null {
  const stampPath = join(dir, STAMP_FILE);
  if (!existsSync(stampPath)) return null;
  try {
    return readFileSync(stampPath, 'utf8').split('\n')[0] ?? '';
  } catch {
    return null;
  }
}

/** The stamp `pync sysroot install` writes: the archives' sha256 on the first line, their sources after. */
export function installStamp(name: string, archives: readonly { sha256: string; source: string }[]): string {
  return [`pync-sysroot ${name} archives ${archives.map((a) => a.sha256).join(' ')}`, ...archives.map((a) => `from ${a.source}`), ''].join('\n');
}

/** The archives' sha256 an install's stamp names; null for a sysroot made by scripts/make-sysroot. */
export function stampArchives(stamp: string): string[] | null {
  const m = /^pync-sysroot \S+ archives ((?:[0-9a-f]{64} ?)+)$/.exec(stamp);
  return m ? m[1]!.trim().split(' ') : null;
}

/** The command that puts the sysroot of `target` in place. */
export function sysrootInstallCommand(target: TargetDescriptor): string {
  return hasManifest(target.sysroot!) ? `pync sysroot install ${target.name}` : `scripts/make-sysroot ${target.sysroot}`;
}

/** The sysroot folder `target` links against: null for the host's libraries; throws if missing. */
export function requireSysroot(target: TargetDescriptor, cacheDir?: string): string | null {
  const state = sysrootState(target, cacheDir);
  if (state.kind === 'host') return null;
  if (state.kind === 'installed') return state.dir;
  throw new SysrootError(`the ${target.sysroot} sysroot is not installed (${state.dir}): install it with ${sysrootInstallCommand(target)}`);
}

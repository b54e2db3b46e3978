// sysroot/manage.ts — `pync sysroot list` and `pync sysroot remove`: the sysroots in the cache.
//
// Takes: the cache folder and the manifests. Hands on: one row per sysroot that has a manifest
// or is installed (name, state, folder), and the removal of an installed one. A removal renames
// the folder to a private name first, so a build never sees half a sysroot, then deletes it.
// Folders starting with '.' (installs in progress, locks) and archives beside them are not
// sysroots and are not listed.

import { readdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { SysrootError } from './errors.js';
import { listManifests, loadManifest } from './manifest.js';
import { readStamp, stampArchives, sysrootDir, sysrootsDir } from './paths.js';

export type SysrootStatus =
  /** installed from the archives its manifest names */
  | 'installed'
  /** installed from other archives (an older manifest) or by scripts/make-sysroot */
  | 'installed-other'
  | 'not-installed';

export interface SysrootRow {
  readonly name: string;
  readonly status: SysrootStatus;
  readonly dir: string;
  readonly hasManifest: boolean;
}

export function listSysroots(cacheDir?: string, manifestsDir?: string): SysrootRow[] {
  const manifests = new Set(listManifests(manifestsDir));
  const names = new Set([...manifests, ...installedNames(cacheDir)]);
  return [...names].sort().map((name) => {
    const dir = sysrootDir(name, cacheDir);
    const stamp = readStamp(dir);
    const hasManifest = manifests.has(name);
    if (stamp === null) return { name, status: 'not-installed', dir, hasManifest };
    let current = false;
    if (hasManifest) {
      try {
        current = stampArchives(stamp)?.join(' ') === loadManifest(name, manifestsDir).archives.map((a) => a.sha256).join(' ');
      } catch {
        // a broken manifest: its sysroot cannot be the one it names
      }
    }
    return { name, status: current ? 'installed' : 'installed-other', dir, hasManifest };
  });
}

/** Removes the installed sysroot `name`; false when it was not installed. */
export function removeSysroot(name: string, cacheDir?: string): boolean {
  const dir = sysrootDir(name, cacheDir);
  const aside = join(sysrootsDir(cacheDir), `.remove-${name}-${process.pid}-${Date.now()}`);
  try {
    renameSync(dir, aside);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT') return false;
    throw new SysrootError(`cannot remove ${dir}: ${code ?? (e as Error).message}`);
  }
  rmSync(aside, { recursive: true, force: true });
  return true;
}

function installedNames(cacheDir?: string): string[] {
  try {
    return readdirSync(sysrootsDir(cacheDir), { withFileTypes: true })
      .filter((d) => d.isDirectory() && !d.name.startsWith('.') && readStamp(sysrootDir(d.name, cacheDir)) !== null)
      .map((d) => d.name);
  } catch {
    return [];
  }
}

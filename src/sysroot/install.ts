// sysroot/install.ts — `pync sysroot install`: one sysroot put in place as a transaction.
//
// Takes: a manifest, the cache folder and the user's overrides (mirror, local archive, --force).
// Hands on: <cache>/sysroots/<name>/ complete, or the cache as it was and a one-line
// SysrootError. The steps:
//   1. an installed sysroot (its stamp present) is left alone unless `force`;
//   2. everything happens in a private folder <cache>/sysroots/.install-<name>-<pid>-XXXXXX/:
//      each archive is downloaded (or copied from --from / a local mirror) there while its size
//      and sha256 are checked, then unpacked into its sysroot/ subfolder by unpack.ts, which
//      refuses unsafe archives before writing anything;
//   3. the required files are checked and the stamp written inside the new folder;
//   4. one rename puts the folder in place. If another install got there first (two installs
//      of the same sysroot at once: the rename finds the name taken), its sysroot is kept and
//      ours is dropped — both end with one good install.
// The private folder is removed on every exit path, and on SIGINT/SIGTERM/SIGHUP; one left by
// a killed process is removed by the next install of the same sysroot once its process is gone.

import { existsSync, mkdirSync, mkdtempSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { downloadArchive } from './download.js';
import { SysrootError } from './errors.js';
import type { SysrootManifest } from './manifest.js';
import { archiveSource } from './mirror.js';
import { installStamp, readStamp, STAMP_FILE, stampArchives, sysrootDir, sysrootsDir } from './paths.js';
import type { ProgressStream } from './progress.js';
import { unpackArchives, type ArchiveToUnpack } from './unpack.js';
import { copyVerified } from './verify.js';

export interface InstallRequest {
  readonly manifest: SysrootManifest;
  readonly cacheDir?: string;
  /** replaces each URL's part before the file name (mirror.ts) */
  readonly mirror?: string;
  /** a local archive instead of the download (manifests with one archive) */
  readonly from?: string;
  /** replace an installed sysroot */
  readonly force?: boolean;
  /** where download progress goes (default: stderr) */
  readonly progress?: ProgressStream;
  readonly idleTimeoutMs?: number;
}

export type InstallResult =
  | { readonly kind: 'installed'; readonly dir: string }
  /** `current`: the installed sysroot is the archive set the manifest names */
  | { readonly kind: 'already'; readonly dir: string; readonly current: boolean; readonly concurrent: boolean };

const TEMP_PREFIX = '.install-';

export async function installSysroot(req: InstallRequest): Promise<InstallResult> {
  const { manifest } = req;
  const dir = sysrootDir(manifest.name, req.cacheDir);
  if (!req.force && readStamp(dir) !== null) return already(dir, manifest, false);
  if (req.from !== undefined && manifest.archives.length !== 1) {
    throw new SysrootError(`the ${manifest.name} sysroot is made of ${manifest.archives.length} archives; --from takes one: give --mirror FOLDER holding them all`);
  }
  const parent = sysrootsDir(req.cacheDir);
  mkdirSync(parent, { recursive: true });
  removeAbandoned(parent, manifest.name);
  const temp = mkdtempSync(join(parent, `${TEMP_PREFIX}${manifest.name}-${process.pid}-`));
  const cleanup = (): void => rmSync(temp, { recursive: true, force: true });
  const onSignal = (signal: NodeJS.Signals): void => {
    cleanup();
    process.exit(128 + (signal === 'SIGINT' ? 2 : signal === 'SIGHUP' ? 1 : 15));
  };
  const signals: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];
  for (const s of signals) process.once(s, onSignal);
  try {
    const fetched = await fetchArchives(req, temp);
    const root = join(temp, 'sysroot');
    mkdirSync(root);
    await unpackArchives(fetched, root);
    checkRequired(root, manifest);
    rmSync(join(root, STAMP_FILE), { recursive: true, force: true });
    writeFileSync(join(root, STAMP_FILE), installStamp(manifest.name, manifest.archives.map((a, i) => ({ sha256: a.sha256, source: fetched[i]!.label }))));
    return commit(root, dir, temp, manifest, req.force ?? false);
  } finally {
    for (const s of signals) process.removeListener(s, onSignal);
    cleanup();
  }
}

/** Each archive into the private folder, checked against the manifest. */
async function fetchArchives(req: InstallRequest, temp: string): Promise<ArchiveToUnpack[]> {
  const fetched: ArchiveToUnpack[] = [];
  for (const [i, archive] of req.manifest.archives.entries()) {
    const file = join(temp, `archive-${i}.tar.gz`);
    const source = archiveSource(archive, { mirror: req.mirror, from: req.from });
    if (source.kind === 'url') {
      await downloadArchive({ url: source.url, archive, dest: file, progress: req.progress ?? process.stderr, idleTimeoutMs: req.idleTimeoutMs });
    } else {
      await copyVerified(source.path, file, archive);
    }
    fetched.push({ file, root: archive.root, label: source.kind === 'url' ? source.url : source.path });
  }
  return fetched;
}

function checkRequired(root: string, manifest: SysrootManifest): void {
  const missing = manifest.required.filter((p) => !existsSync(join(root, p)));
  if (missing.length > 0) {
    throw new SysrootError(`the ${manifest.name} archive lacks ${missing[0]}${missing.length > 1 ? ` and ${missing.length - 1} more required files` : ''} (${manifest.file}); nothing installed`);
  }
}

/** The rename that makes the install visible, with the old folder (if any) moved aside first. */
function commit(root: string, dir: string, temp: string, manifest: SysrootManifest, force: boolean): InstallResult {
  if (existsSync(dir)) {
    // another install may have finished while this one worked
    if (!force && readStamp(dir) !== null) return already(dir, manifest, true);
    // --force, or a folder without a stamp (not an install): it goes, with the private folder
    try {
      renameSync(dir, join(temp, 'replaced'));
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw e;
    }
  }
  try {
    renameSync(root, dir);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if ((code === 'ENOTEMPTY' || code === 'EEXIST') && readStamp(dir) !== null) return already(dir, manifest, true);
    throw new SysrootError(`cannot put the ${manifest.name} sysroot in place at ${dir}: ${code ?? (e as Error).message}`);
  }
  return { kind: 'installed', dir };
}

function already(dir: string, manifest: SysrootManifest, concurrent: boolean): InstallResult {
  const archives = stampArchives(readStamp(dir) ?? '');
  const current = archives !== null && archives.join(' ') === manifest.archives.map((a) => a.sha256).join(' ');
  return { kind: 'already', dir, current, concurrent };
}

/** Private folders of installs of `name` whose process is gone (killed before it could clean up). */
function removeAbandoned(parent: string, name: string): void {
  const pattern = new RegExp(`^${TEMP_PREFIX.replace('.', '\\.')}${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-(\\d+)-[A-Za-z0-9]{6}$`);
  for (const entry of readdirSync(parent)) {
    const m = pattern.exec(entry);
    if (!m || processAlive(Number(m[1]))) continue;
    const path = join(parent, entry);
    if (statSync(path, { throwIfNoEntry: false })?.isDirectory()) rmSync(path, { recursive: true, force: true });
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

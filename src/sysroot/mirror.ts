// sysroot/mirror.ts — where each archive of a manifest is fetched from.
//
// Takes: a manifest archive's URL and the user's overrides — a mirror (--mirror, else
// $PYNC_SYSROOT_MIRROR) or a local archive (--from). Hands on: an ArchiveSource, a URL to download
// or a local file to read. A mirror replaces everything in the URL before the archive's file name
// (scheme, host and folder): with --mirror http://cache.lan/pync,
//   https://github.com/pync-lang/sysroots/releases/download/v1/aarch64-linux-gnu.tar.gz
//   → http://cache.lan/pync/aarch64-linux-gnu.tar.gz
// so a mirror is any folder of archives served over HTTP(S). A mirror that is a file: URL or a
// plain path names a local folder of archives. Whatever the source, the archive is verified
// against the manifest, so a mirror needs no trust.

import { isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SysrootArchive } from './manifest.js';
import { SysrootError } from './errors.js';

export type ArchiveSource = { readonly kind: 'url'; readonly url: string } | { readonly kind: 'file'; readonly path: string };

export interface SourceOverrides {
  /** an http(s) URL, file: URL or folder replacing the URL's part before the file name */
  readonly mirror?: string;
  /** a local archive (only for a manifest with one archive) */
  readonly from?: string;
}

/** The mirror to use: the option, else $PYNC_SYSROOT_MIRROR, else none. */
export function mirrorFromEnv(option: string | undefined, env: NodeJS.ProcessEnv = process.env): string | undefined {
  const value = option ?? env.PYNC_SYSROOT_MIRROR;
  return value ? value : undefined;
}

export function archiveSource(archive: SysrootArchive, overrides: SourceOverrides): ArchiveSource {
  if (overrides.from !== undefined) return { kind: 'file', path: resolve(overrides.from) };
  if (overrides.mirror === undefined) return { kind: 'url', url: archive.url };
  const fileName = archiveFileName(archive.url);
  const mirror = overrides.mirror.trim();
  if (/^https?:\/\//i.test(mirror)) {
    let parsed: URL;
    try {
      parsed = new URL(mirror);
    } catch {
      throw new SysrootError(`the mirror '${mirror}' is not a valid URL`);
    }
    if (parsed.search || parsed.hash) throw new SysrootError(`the mirror '${mirror}' must be a plain folder URL (no ?query or #fragment)`);
    return { kind: 'url', url: `${mirror.replace(/\/+$/, '')}/${fileName}` };
  }
  if (/^file:/i.test(mirror)) return { kind: 'file', path: join(fileURLToPath(mirror), fileName) };
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(mirror)) {
    throw new SysrootError(`the mirror '${mirror}' must be an http(s) URL, a file: URL or a folder`);
  }
  return { kind: 'file', path: join(isAbsolute(mirror) ? mirror : resolve(mirror), fileName) };
}

/** The last path segment of an archive's URL: 'aarch64-linux-gnu.tar.gz'. */
export function archiveFileName(url: string): string {
  const path = new URL(url).pathname;
  return decodeURIComponent(path.slice(path.lastIndexOf('/') + 1));
}

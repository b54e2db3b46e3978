// sysroot/download.ts — fetches one archive over HTTP(S) into a file, checking it as it streams.
//
// Takes: a URL, the manifest's SysrootArchive (size and sha256), the file to write (inside the
// install's temporary folder) and where progress goes. Hands on: the file, whose size and sha256
// are the manifest's — or a one-line SysrootError: the HTTP status and URL, a host that cannot
// be reached (ECONNREFUSED, ENOTFOUND...), no data for `idleTimeoutMs`, a body that ends early
// (truncated) or runs past the manifest's size (stopped at once), or a wrong checksum. The
// caller removes the file on failure. Uses node-fetch (redirects are followed: GitHub release
// assets redirect to their storage host); content decoding is off, so the bytes hashed are the
// archive's own even when a server labels a .tar.gz with Content-Encoding: gzip.

import { createWriteStream } from 'node:fs';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import fetch, { type Response } from 'node-fetch';
import { VERSION } from '../cli/version.js';
import type { SysrootArchive } from './manifest.js';
import { SysrootError } from './errors.js';
import { startProgress, type ProgressStream } from './progress.js';
import { ArchiveMeter, checkArchive } from './verify.js';

export const DEFAULT_IDLE_TIMEOUT_MS = 30_000;

export interface DownloadRequest {
  readonly url: string;
  readonly archive: SysrootArchive;
  readonly dest: string;
  readonly progress: ProgressStream;
  /** give up when no byte arrives for this long (connecting included) */
  readonly idleTimeoutMs?: number;
}

export async function downloadArchive(req: DownloadRequest): Promise<void> {
  const idleMs = req.idleTimeoutMs ?? DEFAULT_IDLE_TIMEOUT_MS;
  const host = hostOf(req.url);
  const stop = new AbortController();
  let timedOut = false;
  let timer = setTimeout(() => ((timedOut = true), stop.abort()), idleMs);
  const stillAlive = (): void => {
    clearTimeout(timer);
    timer = setTimeout(() => ((timedOut = true), stop.abort()), idleMs);
  };
  const noAnswer = (): SysrootError => new SysrootError(`no answer from ${host} for ${idleMs / 1000} s while fetching ${req.url}: a slow or missing network? (--mirror URL or --from FILE install without it)`);
  try {
    let res: Response;
    try {
      res = await fetch(req.url, { signal: stop.signal, compress: false, headers: { 'user-agent': `pync/${VERSION}` } });
    } catch (e) {
      throw timedOut ? noAnswer() : networkError(e, req.url, host);
    }
    if (!res.ok) {
      res.body?.resume();
      throw new SysrootError(`HTTP ${res.status}${res.statusText ? ` ${res.statusText}` : ''} from ${req.url}`);
    }
    const announced = Number(res.headers.get('content-length') ?? NaN);
    if (Number.isFinite(announced) && announced !== req.archive.size) {
      res.body?.resume();
      throw new SysrootError(`wrong archive: ${req.url} is ${announced} bytes, the manifest says ${req.archive.size}; nothing installed`);
    }
    const meter = new ArchiveMeter();
    const progress = startProgress(req.url, req.archive.size, req.progress);
    const count = new Transform({
      transform(chunk: Buffer, _encoding, done) {
        stillAlive();
        meter.add(chunk);
        if (meter.bytes > req.archive.size) {
          done(new SysrootError(`wrong archive: ${req.url} sent more than the manifest's ${req.archive.size} bytes; nothing installed`));
          return;
        }
        progress.update(meter.bytes);
        done(null, chunk);
      },
    });
    try {
      if (!res.body) throw new SysrootError(`HTTP ${res.status} from ${req.url} had no body`);
      await pipeline(res.body, count, createWriteStream(req.dest, { flags: 'wx' }));
    } catch (e) {
      progress.end(false);
      if (e instanceof SysrootError) throw e;
      if (timedOut) throw noAnswer();
      const code = (e as NodeJS.ErrnoException).code;
      if (code === 'ENOSPC' || code === 'EACCES' || code === 'EROFS') throw new SysrootError(`cannot write ${req.dest}: ${code}`);
      throw new SysrootError(`truncated download: the connection to ${host} closed after ${meter.bytes} of ${req.archive.size} bytes of ${req.url}; nothing installed`);
    }
    progress.end(true);
    checkArchive({ bytes: meter.bytes, sha256: meter.digest() }, req.archive, req.url);
  } finally {
    clearTimeout(timer);
  }
}

/** One line for a failure to reach the server at all. */
function networkError(e: unknown, url: string, host: string): SysrootError {
  const code = (e as NodeJS.ErrnoException).code ?? '';
  const hint = '(--mirror URL or --from FILE install without it)';
  switch (code) {
    case 'ECONNREFUSED':
      return new SysrootError(`cannot connect to ${host} (connection refused) to fetch ${url} ${hint}`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new SysrootError(`cannot resolve ${host} (${code}) to fetch ${url}: no network? ${hint}`);
    case 'ETIMEDOUT':
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
    case 'ECONNRESET':
      return new SysrootError(`cannot reach ${host} (${code}) to fetch ${url}: no network? ${hint}`);
    default:
      return new SysrootError(`cannot fetch ${url}: ${(e as Error).message ?? String(e)}`);
  }
}

function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

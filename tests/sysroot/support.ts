// tests/sysroot/support.ts — what the sysroot tests share: a loopback HTTP server (node:http on
// 127.0.0.1, a random port) whose routes the tests set, manifests written for the archives a test
// makes, and a look at the cache that shows whether an install left anything behind.

import { createHash } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadManifest, type SysrootManifest } from '../../src/sysroot/manifest.js';

export type Route = (req: IncomingMessage, res: ServerResponse) => void;

export class TestServer {
  readonly routes = new Map<string, Route>();
  /** every path requested, in order */
  readonly requests: string[] = [];
  private server: Server | null = null;
  port = 0;

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      this.requests.push(req.url ?? '');
      const route = this.routes.get(req.url ?? '');
      if (route) return route(req, res);
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found\n');
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise((resolve) => this.server?.close(resolve));
  }

  url(path: string): string {
    return `http://127.0.0.1:${this.port}${path}`;
  }

  /** Serves `body` at `path` with its length announced. */
  serve(path: string, body: Buffer): void {
    this.routes.set(path, (_req, res) => res.writeHead(200, { 'content-type': 'application/gzip', 'content-length': body.length }).end(body));
  }
}

export function sha256(data: Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

/** Writes <dir>/<name>.json for one archive and reads it back through the manifest loader. */
export function writeManifest(dir: string, name: string, archive: { url: string; data: Buffer; root: string }, required: string[] = []): SysrootManifest {
  mkdirSync(dir, { recursive: true });
  const json = {
    format: 1,
    name,
    description: `test sysroot ${name}`,
    archives: [{ url: archive.url, sha256: sha256(archive.data), size: archive.data.length, root: archive.root }],
    required,
  };
  writeFileSync(join(dir, `${name}.json`), JSON.stringify(json, null, 2));
  return loadManifest(name, dir);
}

export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `pync-${prefix}-`));
}

/** Every path under `dir` with what it is (file contents hashed, symlink targets), to compare snapshots. */
export function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string): void => {
    for (const name of readdirSync(join(dir, rel)).sort()) {
      const path = join(rel, name);
      const st = statSync(join(dir, path), { throwIfNoEntry: false });
      const link = (() => {
        try {
          return readlinkSync(join(dir, path));
        } catch {
          return null;
        }
      })();
      if (link !== null) out[path] = `-> ${link}`;
      else if (st?.isDirectory()) {
        out[path] = 'dir';
        walk(path);
      } else out[path] = sha256(readFileSync(join(dir, path)));
    }
  };
  walk('');
  return out;
}

/** The names in <cache>/sysroots/ (installs in progress would show as .install-*). */
export function sysrootsListing(cacheDir: string): string[] {
  try {
    return readdirSync(join(cacheDir, 'sysroots')).sort();
  } catch {
    return [];
  }
}

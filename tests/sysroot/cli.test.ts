// `pync sysroot install|list|remove|path` through bin/pync (run `npm run build` first), against
// the loopback HTTP server: what the user sees, exit statuses, two pync processes installing the
// same sysroot at once, Ctrl-C in the middle of a download, PYNC_SYSROOT_MIRROR — and real
// manifests (aarch64, a board's, the macOS stub's) against the archives the make-sysroot scripts
// build on this machine.

import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadManifest } from '../../src/sysroot/manifest.js';
import { pyncBin, repoRoot, testCacheDir } from '../toolchain/support.js';
import { sha256, sysrootsListing, tempDir, TestServer, writeManifest } from './support.js';
import { tarGz } from './tar-writer.js';

const ARCHIVE = tarGz([
  { name: 'demo/', type: 'dir' },
  { name: 'demo/lib/', type: 'dir' },
  { name: 'demo/lib/libc.so.6', type: 'file', body: 'libc' },
]);

const server = new TestServer();
let cache = '';
let manifests = '';

beforeAll(() => server.start());
afterAll(() => server.stop());
beforeEach(() => {
  cache = tempDir('sysroot-cli-cache');
  manifests = tempDir('sysroot-cli-manifests');
  server.routes.clear();
  server.serve('/v1/demo.tar.gz', ARCHIVE);
  writeManifest(manifests, 'demo', { url: server.url('/v1/demo.tar.gz'), data: ARCHIVE, root: 'demo' }, ['lib/libc.so.6']);
});

interface Run {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** bin/pync, asynchronously: the test server answers while it runs. */
function pync(args: string[], env: Record<string, string> = {}, onStderr?: (text: string, kill: (s: NodeJS.Signals) => void) => void): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [pyncBin, ...args], {
      env: { ...process.env, PYNC_CACHE_DIR: cache, PYNC_SYSROOT_MANIFESTS: manifests, PYNC_SYSROOT_MIRROR: '', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => {
      stderr += d;
      onStderr?.(stderr, (s) => child.kill(s));
    });
    child.on('close', (status, signal) => resolve({ status, signal, stdout, stderr }));
  });
}

describe('pync sysroot', () => {
  it('install prints progress lines and where it installed; a second install says so and does nothing', async () => {
    const first = await pync(['sysroot', 'install', 'demo']);
    expect(first.status, first.stderr).toBe(0);
    const url = server.url('/v1/demo.tar.gz');
    expect(first.stderr).toBe(
      `pync: downloading ${url} (${ARCHIVE.length} B)\n` +
        first.stderr.split('\n')[1] + '\n' +
        `pync: installed the demo sysroot in ${join(cache, 'sysroots', 'demo')}\n`,
    );
    expect(first.stderr.split('\n')[1]).toMatch(new RegExp(`^pync: downloaded ${url} \\(${ARCHIVE.length} B in [\\d.]+ s\\)$`));
    const second = await pync(['sysroot', 'install', 'demo']);
    expect(second.status).toBe(0);
    expect(second.stderr).toBe(`pync: the demo sysroot is already installed in ${join(cache, 'sysroots', 'demo')}\n`);
    expect(server.requests.filter((r) => r === '/v1/demo.tar.gz')).toHaveLength(1);
  });

  it('list, path and remove', async () => {
    expect((await pync(['sysroot', 'list'])).stdout).toMatch(/^SYSROOT +STATE +FOLDER OR HOW TO INSTALL\ndemo +not installed +pync sysroot install demo\n$/);
    const missing = await pync(['sysroot', 'path', 'demo']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^pync: error: the demo sysroot is not installed \(.*\): install it with pync sysroot install demo\n$/);
    await pync(['sysroot', 'install', 'demo']);
    const dir = join(cache, 'sysroots', 'demo');
    expect((await pync(['sysroot', 'list'])).stdout).toContain(`demo     installed  ${dir}\n`);
    expect((await pync(['sysroot', 'path', 'demo'])).stdout).toBe(`${dir}\n`);
    const removed = await pync(['sysroot', 'remove', 'demo']);
    expect(removed.stderr).toBe('pync: removed the demo sysroot\n');
    expect(existsSync(dir)).toBe(false);
    expect(sysrootsListing(cache)).toEqual([]);
    expect((await pync(['sysroot', 'remove', 'demo'])).stderr).toBe('pync: the demo sysroot is not installed; nothing to remove\n');
  });

  it('an HTTP error is one line, status 1, and installs nothing', async () => {
    writeManifest(manifests, 'demo', { url: server.url('/v1/gone.tar.gz'), data: ARCHIVE, root: 'demo' });
    const r = await pync(['sysroot', 'install', 'demo']);
    expect(r.status).toBe(1);
    expect(r.stderr).toBe(`pync: error: HTTP 404 Not Found from ${server.url('/v1/gone.tar.gz')}\n`);
    expect(sysrootsListing(cache)).toEqual([]);
  });

  it('a target without a sysroot, or an unknown name', async () => {
    const host = await pync(['sysroot', 'install', 'x86_64-linux-gnu']);
    expect(host.status).toBe(1);
    expect(host.stderr).toBe("pync: error: x86_64-linux-gnu links against this machine's own libraries and has no sysroot\n");
    const unknown = await pync(['sysroot', 'install', 'sparc-linux-gnu']);
    expect(unknown.status).toBe(2);
    expect(unknown.stderr).toMatch(/^pync: error: unknown target 'sparc-linux-gnu'/);
  });

  it('PYNC_SYSROOT_MIRROR replaces the URL before the file name; --mirror overrides it', async () => {
    server.serve('/mirror/demo.tar.gz', ARCHIVE);
    writeManifest(manifests, 'demo', { url: 'https://github.com/pync-lang/sysroots/releases/download/v1/demo.tar.gz', data: ARCHIVE, root: 'demo' });
    const r = await pync(['sysroot', 'install', 'demo'], { PYNC_SYSROOT_MIRROR: server.url('/mirror') });
    expect(r.status, r.stderr).toBe(0);
    expect(server.requests).toContain('/mirror/demo.tar.gz');
    server.serve('/other/demo.tar.gz', ARCHIVE);
    const forced = await pync(['sysroot', 'install', 'demo', '--force', '--mirror', server.url('/other/')], { PYNC_SYSROOT_MIRROR: server.url('/mirror') });
    expect(forced.status, forced.stderr).toBe(0);
    expect(server.requests).toContain('/other/demo.tar.gz');
  });

  it('two pync processes installing the same sysroot at once both succeed, with one install', async () => {
    server.routes.set('/v1/demo.tar.gz', (_req, res) => {
      res.writeHead(200, { 'content-length': ARCHIVE.length });
      setTimeout(() => res.end(ARCHIVE), 300);
    });
    const [a, b] = await Promise.all([pync(['sysroot', 'install', 'demo']), pync(['sysroot', 'install', 'demo'])]);
    expect(a.status, a.stderr).toBe(0);
    expect(b.status, b.stderr).toBe(0);
    const said = [a.stderr, b.stderr].map((s) => s.trimEnd().split('\n').pop()).sort();
    expect(said[0]).toMatch(/^pync: (installed the demo sysroot in|the demo sysroot is already installed in) /);
    expect(said[1]).toMatch(/^pync: (installed the demo sysroot in|the demo sysroot is already installed in) /);
    expect(said.filter((s) => s!.startsWith('pync: installed'))).toHaveLength(1);
    expect(sysrootsListing(cache)).toEqual(['demo']);
    expect(readFileSync(join(cache, 'sysroots', 'demo', 'lib', 'libc.so.6'), 'utf8')).toBe('libc');
  });

  it('Ctrl-C during a download leaves nothing behind', async () => {
    server.routes.set('/v1/demo.tar.gz', (_req, res) => {
      res.writeHead(200, { 'content-length': ARCHIVE.length });
      res.write(ARCHIVE.subarray(0, 50)); // and then nothing
    });
    let sent = false;
    const r = await pync(['sysroot', 'install', 'demo'], {}, (text, kill) => {
      if (!sent && text.includes('pync: downloading')) {
        sent = true;
        setTimeout(() => kill('SIGINT'), 200);
      }
    });
    expect(sent).toBe(true);
    expect(r.status).toBe(130);
    expect(sysrootsListing(cache)).toEqual([]);
  });
});

const realManifests = { PYNC_SYSROOT_MANIFESTS: join(repoRoot, 'sysroots') };

/**
 * The archive of the real sysroot `name`, made by scripts/make-sysroot (which hands bare-metal and
 * macOS names to their own scripts) in a temporary folder; nothing is installed. The test cache
 * holds the runtime archives make-macos-sysroot reads (shared with tests/toolchain/).
 */
function makeArchive(name: string): string {
  const work = tempDir('sysroot-real');
  const tarball = join(work, `${name}.tar.gz`);
  const r = spawnSync(join(repoRoot, 'scripts', 'make-sysroot'), ['--no-install', '--dest', join(work, name), '--tarball', tarball, name], {
    env: { ...process.env, PYNC_CACHE_DIR: testCacheDir() },
    encoding: 'utf8',
  });
  expect(r.status, r.stderr).toBe(0);
  return tarball;
}

/** Whether this machine's Debian packages are the versions the manifest's description names. */
function packagesAsInManifest(name: string, packages: readonly string[]): boolean {
  const { description } = loadManifest(name, realManifests.PYNC_SYSROOT_MANIFESTS);
  return packages.every((p) => {
    const r = spawnSync('dpkg-query', ['-W', '-f=${Version}', p], { encoding: 'utf8' });
    return r.status === 0 && r.stdout !== '' && description.includes(`${p} ${r.stdout}`);
  });
}

const escape = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** An install refused because the archive made here is not the one the manifest names. */
function expectRefused(r: Run): void {
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(/checksum mismatch|truncated archive|wrong archive/);
}

describe('the aarch64-linux-gnu manifest', () => {
  it('names the archive scripts/make-sysroot builds here, which installs with --from', async () => {
    const tarball = makeArchive('aarch64-linux-gnu');
    const r = await pync(['sysroot', 'install', 'arm64-linux', '--from', tarball], realManifests);
    if (!packagesAsInManifest('aarch64-linux-gnu', ['libc6-arm64-cross'])) {
      // Debian has moved on from the packages the manifest was made from: the archive made here
      // differs, and the install must refuse it (node scripts/update-sysroot-manifest.mjs
      // aarch64-linux-gnu regenerates the manifest; see docs/sysroots.md)
      expectRefused(r);
      return;
    }
    expect(r.stderr).toBe(`pync: installed the aarch64-linux-gnu sysroot in ${join(cache, 'sysroots', 'aarch64-linux-gnu')}\n`);
    const path = await pync(['sysroot', 'path', 'aarch64-linux-gnu'], realManifests);
    expect(path.stdout).toBe(`${join(cache, 'sysroots', 'aarch64-linux-gnu')}\n`);
    expect(existsSync(join(cache, 'sysroots', 'aarch64-linux-gnu', 'lib', 'ld-linux-aarch64.so.1'))).toBe(true);
  }, 60_000);
});

describe('the bare-metal and macOS manifests, downloaded from the loopback server', () => {
  /** Serves the archive made here where --mirror points, and installs `given` (a target or sysroot name) from there. */
  async function installServed(name: string, given: string): Promise<{ run: Run; data: Buffer; url: string }> {
    const data = readFileSync(makeArchive(name));
    server.serve(`/v1/${name}.tar.gz`, data);
    const run = await pync(['sysroot', 'install', given, '--mirror', server.url('/v1')], realManifests);
    return { run, data, url: server.url(`/v1/${name}.tar.gz`) };
  }

  function expectDownloadedAndInstalled(run: Run, name: string, url: string): string {
    const dir = join(cache, 'sysroots', name);
    expect(run.status, run.stderr).toBe(0);
    // sizes are printed rounded (160.7 KB)
    expect(run.stderr).toMatch(new RegExp(`^pync: downloading ${escape(url)} \\([\\d.]+ K?B\\)\\npync: downloaded ${escape(url)} \\([\\d.]+ K?B in [\\d.]+ s\\)\\n`));
    expect(run.stderr.endsWith(`pync: installed the ${name} sysroot in ${dir}\n`)).toBe(true);
    expect(server.requests).toContain(`/v1/${name}.tar.gz`);
    return dir;
  }

  it('thumbv7m-none-eabi: libgcc.a and libm.a, listed as installed', async () => {
    const { run, url } = await installServed('thumbv7m-none-eabi', 'thumbv7m-none-eabi');
    if (!packagesAsInManifest('thumbv7m-none-eabi', ['gcc-arm-none-eabi', 'libnewlib-arm-none-eabi'])) {
      // Debian has moved on (node scripts/update-sysroot-manifest.mjs thumbv7m-none-eabi)
      expectRefused(run);
      return;
    }
    const dir = expectDownloadedAndInstalled(run, 'thumbv7m-none-eabi', url);
    expect(readdirSync(join(dir, 'lib')).sort()).toEqual(['libgcc.a', 'libm.a']);
    const list = await pync(['sysroot', 'list'], realManifests);
    expect(list.stdout).toMatch(new RegExp(`^thumbv7m-none-eabi +installed +${escape(dir)}$`, 'm'));
    expect(list.stdout).toMatch(/^thumbv7em-none-eabihf +not installed +pync sysroot install thumbv7em-none-eabihf$/m);
  }, 60_000);

  it('macos-libsystem: installed for aarch64-apple-darwin, the same for x86_64-apple-darwin, listed as installed', async () => {
    const { run, data, url } = await installServed('macos-libsystem', 'aarch64-apple-darwin');
    if (sha256(data) !== loadManifest('macos-libsystem', realManifests.PYNC_SYSROOT_MANIFESTS).archives[0]!.sha256) {
      // the runtime imports other libSystem symbols than when the manifest was made: the stub made
      // now is refused (node scripts/update-sysroot-manifest.mjs macos-libsystem regenerates it)
      expectRefused(run);
      return;
    }
    const dir = expectDownloadedAndInstalled(run, 'macos-libsystem', url);
    expect(readFileSync(join(dir, 'usr', 'lib', 'libSystem.tbd'), 'utf8')).toContain("install-name:    '/usr/lib/libSystem.B.dylib'");
    expect((await pync(['sysroot', 'path', 'x86_64-apple-darwin'], realManifests)).stdout).toBe(`${dir}\n`);
    const again = await pync(['sysroot', 'install', 'x86_64-apple-darwin', '--mirror', server.url('/v1')], realManifests);
    expect(again.stderr).toBe(`pync: the macos-libsystem sysroot is already installed in ${dir}\n`);
    const list = await pync(['sysroot', 'list'], realManifests);
    expect(list.stdout).toMatch(new RegExp(`^macos-libsystem +installed +${escape(dir)}$`, 'm'));
  }, 600_000);
});

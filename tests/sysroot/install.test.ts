// pync sysroot install through src/sysroot/install.ts, against a loopback HTTP server serving
// archives made here: a good install and its no-op repeat, every way a download can fail (wrong
// checksum, truncated, HTTP errors, refused connection, silence), --from, mirrors, concurrent
// installs and a killed install's leftovers. After every failure the cache must be as it was:
// no private folder left and an earlier install untouched.

import { existsSync, mkdirSync, readFileSync, readlinkSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { installSysroot, type InstallRequest } from '../../src/sysroot/install.js';
import { hasManifest, listManifests, loadManifest, type SysrootManifest } from '../../src/sysroot/manifest.js';
import { archiveSource, mirrorFromEnv } from '../../src/sysroot/mirror.js';
import { readStamp } from '../../src/sysroot/paths.js';
import { listTargets } from '../../targets/index.js';
import { sha256, snapshot, sysrootsListing, tempDir, TestServer, writeManifest } from './support.js';
import { tarGz, type TestEntry } from './tar-writer.js';

export const GOOD_ENTRIES: TestEntry[] = [
  { name: 'demo/', type: 'dir' },
  { name: 'demo/lib/', type: 'dir' },
  { name: 'demo/lib/ld-test.so.1', type: 'file', body: 'the loader', mode: 0o755 },
  { name: 'demo/usr/', type: 'dir' },
  { name: 'demo/usr/lib/', type: 'dir' },
  { name: 'demo/usr/lib/crt1.o', type: 'file', body: 'start-up code' },
  { name: 'demo/usr/lib/libtest.so', type: 'symlink', target: '../../lib/ld-test.so.1' },
  { name: 'demo/usr/lib/crt1-again.o', type: 'hardlink', target: 'demo/usr/lib/crt1.o' },
  { name: 'demo/usr/lib/setuid-tool', type: 'file', body: 'x', mode: 0o4755 },
];
const GOOD = tarGz(GOOD_ENTRIES);
const REQUIRED = ['lib/ld-test.so.1', 'usr/lib/crt1.o'];

const server = new TestServer();
let cache = '';
let manifests = '';
let output: string[] = [];
const quiet = { write: (t: string) => void output.push(t), isTTY: false };

beforeAll(() => server.start());
afterAll(() => server.stop());
beforeEach(() => {
  cache = tempDir('sysroot-cache');
  manifests = tempDir('sysroot-manifests');
  output = [];
  server.routes.clear();
  server.requests.length = 0;
  server.serve('/v1/demo.tar.gz', GOOD);
});

function goodManifest(): SysrootManifest {
  return writeManifest(manifests, 'demo', { url: server.url('/v1/demo.tar.gz'), data: GOOD, root: 'demo' }, REQUIRED);
}

function install(manifest: SysrootManifest, extra: Partial<InstallRequest> = {}) {
  return installSysroot({ manifest, cacheDir: cache, progress: quiet, idleTimeoutMs: 2000, ...extra });
}

const demoDir = (): string => join(cache, 'sysroots', 'demo');

/** The cache after a failed install: no private folder, and `before` (an earlier install) as it was. */
function expectCacheAsBefore(before: Record<string, string> | null): void {
  expect(sysrootsListing(cache).filter((n) => n.startsWith('.'))).toEqual([]);
  if (before === null) expect(existsSync(demoDir())).toBe(false);
  else expect(snapshot(demoDir())).toEqual(before);
}

/** Installs the good archive, then runs a failing --force install over it; the first must survive. */
async function expectFailureOverGoodInstall(manifest: () => SysrootManifest, pattern: RegExp, extra: Partial<InstallRequest> = {}): Promise<void> {
  // with nothing installed
  await expect(install(manifest(), extra)).rejects.toThrow(pattern);
  expectCacheAsBefore(null);
  // over an earlier install
  expect((await install(goodManifest())).kind).toBe('installed');
  const before = snapshot(demoDir());
  await expect(install(manifest(), { force: true, ...extra })).rejects.toThrow(pattern);
  expectCacheAsBefore(before);
}

describe('a good install', () => {
  it('downloads, verifies and unpacks into <cache>/sysroots/<name>/', async () => {
    const manifest = goodManifest();
    const result = await install(manifest);
    expect(result).toEqual({ kind: 'installed', dir: demoDir() });
    const dir = demoDir();
    expect(readFileSync(join(dir, 'lib/ld-test.so.1'), 'utf8')).toBe('the loader');
    expect(statSync(join(dir, 'lib/ld-test.so.1')).mode & 0o777).toBe(0o755);
    expect(readlinkSync(join(dir, 'usr/lib/libtest.so'))).toBe('../../lib/ld-test.so.1');
    expect(readFileSync(join(dir, 'usr/lib/libtest.so'), 'utf8')).toBe('the loader');
    expect(statSync(join(dir, 'usr/lib/crt1-again.o')).ino).toBe(statSync(join(dir, 'usr/lib/crt1.o')).ino);
    expect(statSync(join(dir, 'usr/lib/setuid-tool')).mode & 0o7777).toBe(0o755);
    expect(readStamp(dir)).toBe(`pync-sysroot demo archives ${sha256(GOOD)}`);
    expect(readFileSync(join(dir, '.pync-sysroot'), 'utf8')).toContain(`from ${server.url('/v1/demo.tar.gz')}`);
    expect(sysrootsListing(cache)).toEqual(['demo']);
    // plain progress lines when the stream is not a terminal
    expect(output.join('')).toMatch(new RegExp(`^pync: downloading ${server.url('/v1/demo.tar.gz')} \\(\\d+ B\\)\\npync: downloaded .* \\(\\d+ B in [\\d.]+ s\\)\\n$`));
  });

  it('a second install is a no-op that fetches nothing', async () => {
    const manifest = goodManifest();
    await install(manifest);
    const fetched = server.requests.length;
    expect(await install(manifest)).toEqual({ kind: 'already', dir: demoDir(), current: true, concurrent: false });
    expect(server.requests.length).toBe(fetched);
  });

  it('--force replaces an installed sysroot', async () => {
    await install(goodManifest());
    writeFileSync(join(demoDir(), 'stray'), 'x');
    expect((await install(goodManifest(), { force: true })).kind).toBe('installed');
    expect(existsSync(join(demoDir(), 'stray'))).toBe(false);
    expect(sysrootsListing(cache)).toEqual(['demo']);
  });

  it('draws a progress bar on a terminal', async () => {
    const tty = { write: (t: string) => void output.push(t), isTTY: true, columns: 80 };
    await install(goodManifest(), { progress: tty });
    const shown = output.join('');
    expect(shown).toMatch(/\r\[-+\] +0% 0 B\/\d+ B/);
    expect(shown).toMatch(/\r\x1b\[Kpync: downloaded /);
  });

  it('two installs of the same sysroot at once end with one good install', async () => {
    // slow answers, so both downloads are in flight together
    server.routes.set('/v1/demo.tar.gz', (_req, res) => {
      res.writeHead(200, { 'content-length': GOOD.length });
      setTimeout(() => res.end(GOOD), 100);
    });
    const manifest = goodManifest();
    const results = await Promise.all([install(manifest), install(manifest)]);
    expect(results.map((r) => r.kind).sort()).toEqual(['already', 'installed']);
    expect(results.find((r) => r.kind === 'already')).toMatchObject({ concurrent: true, current: true });
    expect(server.requests.filter((p) => p === '/v1/demo.tar.gz')).toHaveLength(2);
    expect(sysrootsListing(cache)).toEqual(['demo']);
    expect(readFileSync(join(demoDir(), 'usr/lib/crt1.o'), 'utf8')).toBe('start-up code');
  });

  it('removes the private folder a killed install left behind', async () => {
    const dead = await deadPid();
    const leftover = join(cache, 'sysroots', `.install-demo-${dead}-Ab12Cd`);
    mkdirSync(join(leftover, 'sysroot'), { recursive: true });
    const live = join(cache, 'sysroots', `.install-demo-${process.pid}-Ef34Gh`);
    mkdirSync(live);
    await install(goodManifest());
    expect(sysrootsListing(cache)).toEqual([`.install-demo-${process.pid}-Ef34Gh`, 'demo']);
  });
});

describe('a failed download leaves the cache as it was', () => {
  it('wrong checksum (a tampered archive of the same size)', async () => {
    const tampered = Buffer.from(GOOD);
    tampered[tampered.length - 20]! ^= 0xff;
    server.serve('/v1/tampered.tar.gz', tampered);
    await expectFailureOverGoodInstall(
      () => writeManifest(manifests, 'demo', { url: server.url('/v1/tampered.tar.gz'), data: GOOD, root: 'demo' }, REQUIRED),
      new RegExp(`^checksum mismatch: http://127\\.0\\.0\\.1:\\d+/v1/tampered\\.tar\\.gz has sha256 ${sha256(tampered)}, the manifest says ${sha256(GOOD)}; nothing installed$`),
    );
  });

  it('truncated transfer: the server closes the connection mid-body', async () => {
    server.routes.set('/v1/cut.tar.gz', (_req, res) => {
      res.writeHead(200, { 'content-length': GOOD.length });
      res.write(GOOD.subarray(0, 100), () => setTimeout(() => res.socket?.destroy(), 20));
    });
    await expectFailureOverGoodInstall(
      () => writeManifest(manifests, 'demo', { url: server.url('/v1/cut.tar.gz'), data: GOOD, root: 'demo' }, REQUIRED),
      /^truncated download: the connection to 127\.0\.0\.1:\d+ closed after \d+ of \d+ bytes of http:\S+\/v1\/cut\.tar\.gz; nothing installed$/,
    );
  });

  it('truncated transfer: a body that ends early without an announced length', async () => {
    server.routes.set('/v1/short.tar.gz', (_req, res) => {
      res.writeHead(200);
      res.end(GOOD.subarray(0, 100));
    });
    await expectFailureOverGoodInstall(
      () => writeManifest(manifests, 'demo', { url: server.url('/v1/short.tar.gz'), data: GOOD, root: 'demo' }, REQUIRED),
      new RegExp(`^truncated archive: http:\\S+/v1/short\\.tar\\.gz has 100 of the manifest's ${GOOD.length} bytes; nothing installed$`),
    );
  });

  it('a longer body than the manifest says is stopped', async () => {
    const longer = Buffer.concat([GOOD, Buffer.alloc(10)]);
    server.routes.set('/v1/long.tar.gz', (_req, res) => {
      res.writeHead(200);
      res.end(longer);
    });
    await expectFailureOverGoodInstall(
      () => writeManifest(manifests, 'demo', { url: server.url('/v1/long.tar.gz'), data: GOOD, root: 'demo' }, REQUIRED),
      /^wrong archive: http:\S+ sent more than the manifest's \d+ bytes; nothing installed$/,
    );
  });

  it('HTTP 404 names the status and the URL', async () => {
    await expectFailureOverGoodInstall(
      () => writeManifest(manifests, 'demo', { url: server.url('/v1/missing.tar.gz'), data: GOOD, root: 'demo' }, REQUIRED),
      /^HTTP 404 Not Found from http:\/\/127\.0\.0\.1:\d+\/v1\/missing\.tar\.gz$/,
    );
  });

  it('no network: connection refused', async () => {
    const port = await closedPort();
    await expectFailureOverGoodInstall(
      () => writeManifest(manifests, 'demo', { url: `http://127.0.0.1:${port}/v1/demo.tar.gz`, data: GOOD, root: 'demo' }, REQUIRED),
      new RegExp(`^cannot connect to 127\\.0\\.0\\.1:${port} \\(connection refused\\) to fetch http://127\\.0\\.0\\.1:${port}/v1/demo\\.tar\\.gz \\(--mirror URL or --from FILE install without it\\)$`),
    );
  });

  it('no answer: a server that stops sending', async () => {
    server.routes.set('/v1/stall.tar.gz', (_req, res) => {
      res.writeHead(200, { 'content-length': GOOD.length });
      res.write(GOOD.subarray(0, 100));
    });
    await expectFailureOverGoodInstall(
      () => writeManifest(manifests, 'demo', { url: server.url('/v1/stall.tar.gz'), data: GOOD, root: 'demo' }, REQUIRED),
      /^no answer from 127\.0\.0\.1:\d+ for 0\.3 s while fetching http:\S+\/v1\/stall\.tar\.gz/,
      { idleTimeoutMs: 300 },
    );
  });

  it('an archive without the required files', async () => {
    await expectFailureOverGoodInstall(
      () => writeManifest(manifests, 'demo', { url: server.url('/v1/demo.tar.gz'), data: GOOD, root: 'demo' }, [...REQUIRED, 'lib/libc.so.6']),
      /^the demo archive lacks lib\/libc\.so\.6 \(.*demo\.json\); nothing installed$/,
    );
  });

  it('an archive that is not a tar.gz', async () => {
    const junk = Buffer.from('this is not gzip data at all, just some bytes\n'.repeat(20));
    server.serve('/v1/junk.tar.gz', junk);
    await expectFailureOverGoodInstall(
      () => writeManifest(manifests, 'demo', { url: server.url('/v1/junk.tar.gz'), data: junk, root: 'demo' }, REQUIRED),
      /^http:\S+\/v1\/junk\.tar\.gz is not a readable \.tar\.gz archive \(.*\); nothing installed$/,
    );
  });
});

describe('--from and mirrors', () => {
  it('--from installs a local archive, checked against the manifest', async () => {
    const file = join(tempDir('sysroot-from'), 'demo.tar.gz');
    writeFileSync(file, GOOD);
    const manifest = writeManifest(manifests, 'demo', { url: 'http://127.0.0.1:1/v1/demo.tar.gz', data: GOOD, root: 'demo' }, REQUIRED);
    expect((await install(manifest, { from: file })).kind).toBe('installed');
    expect(server.requests).toEqual([]);
    expect(readFileSync(join(demoDir(), '.pync-sysroot'), 'utf8')).toContain(`from ${file}`);
  });

  it('--from refuses a local archive that is not the manifest\'s', async () => {
    const file = join(tempDir('sysroot-from'), 'demo.tar.gz');
    const other = tarGz([{ name: 'demo/', type: 'dir' }, ...REQUIRED.map((p) => ({ name: `demo/${p}`, type: 'file' as const, body: 'other' }))]);
    writeFileSync(file, other);
    await expectFailureOverGoodInstall(
      () => writeManifest(manifests, 'demo', { url: server.url('/v1/demo.tar.gz'), data: GOOD, root: 'demo' }, REQUIRED),
      /^(checksum mismatch|wrong archive|truncated archive): \/\S+\/demo\.tar\.gz has /,
      { from: file },
    );
    await expect(install(goodManifest(), { force: true, from: join(tempDir('sysroot-from'), 'none.tar.gz') })).rejects.toThrow(/^cannot read \S+none\.tar\.gz: no such file$/);
  });

  it('--mirror replaces everything before the archive\'s file name', async () => {
    server.serve('/mirror/pync/demo.tar.gz', GOOD);
    const manifest = writeManifest(manifests, 'demo', { url: 'http://127.0.0.1:1/pync-lang/releases/download/v1/demo.tar.gz', data: GOOD, root: 'demo' }, REQUIRED);
    expect((await install(manifest, { mirror: server.url('/mirror/pync/') })).kind).toBe('installed');
    expect(server.requests).toEqual(['/mirror/pync/demo.tar.gz']);
  });

  it('a mirror may be a local folder', async () => {
    const folder = tempDir('sysroot-mirror');
    writeFileSync(join(folder, 'demo.tar.gz'), GOOD);
    const manifest = writeManifest(manifests, 'demo', { url: 'http://127.0.0.1:1/v1/demo.tar.gz', data: GOOD, root: 'demo' }, REQUIRED);
    expect((await install(manifest, { mirror: folder })).kind).toBe('installed');
    expect(server.requests).toEqual([]);
  });

  it('rewrites the real manifest\'s URL; PYNC_SYSROOT_MIRROR when no --mirror', () => {
    const real = loadManifest('aarch64-linux-gnu').archives[0]!;
    expect(real.url).toBe('https://github.com/pync-lang/sysroots/releases/download/v1/aarch64-linux-gnu.tar.gz');
    expect(archiveSource(real, { mirror: 'https://cache.example.org/pync/sysroots/' })).toEqual({ kind: 'url', url: 'https://cache.example.org/pync/sysroots/aarch64-linux-gnu.tar.gz' });
    expect(archiveSource(real, { mirror: 'http://10.0.0.2:8080' })).toEqual({ kind: 'url', url: 'http://10.0.0.2:8080/aarch64-linux-gnu.tar.gz' });
    expect(archiveSource(real, { mirror: 'file:///srv/sysroots' })).toEqual({ kind: 'file', path: '/srv/sysroots/aarch64-linux-gnu.tar.gz' });
    expect(archiveSource(real, {})).toEqual({ kind: 'url', url: real.url });
    expect(() => archiveSource(real, { mirror: 'ftp://example.org/x' })).toThrow(/must be an http\(s\) URL, a file: URL or a folder/);
    expect(mirrorFromEnv(undefined, { PYNC_SYSROOT_MIRROR: 'http://m/' })).toBe('http://m/');
    expect(mirrorFromEnv('http://option/', { PYNC_SYSROOT_MIRROR: 'http://m/' })).toBe('http://option/');
    expect(mirrorFromEnv(undefined, {})).toBeUndefined();
  });
});

describe('manifests', () => {
  it('a malformed manifest is one line naming the file and the field', () => {
    const write = (json: unknown): void => writeFileSync(join(manifests, 'bad.json'), JSON.stringify(json));
    const base = { format: 1, name: 'bad', description: '', archives: [{ url: 'https://x.org/a.tar.gz', sha256: 'a'.repeat(64), size: 1, root: '' }], required: [] };
    write({ ...base, extra: 1 });
    expect(() => loadManifest('bad', manifests)).toThrow(/bad\.json: unknown field "extra"/);
    write({ ...base, archives: [{ ...base.archives[0], sha256: 'XYZ' }] });
    expect(() => loadManifest('bad', manifests)).toThrow(/bad\.json: archives\[0\]\.sha256 must be 64 lower-case hex digits$/);
    write({ ...base, archives: [{ ...base.archives[0], root: '../up' }] });
    expect(() => loadManifest('bad', manifests)).toThrow(/archives\[0\]\.root must be a relative folder without '\.\.'/);
    write({ ...base, name: 'other' });
    expect(() => loadManifest('bad', manifests)).toThrow(/"name" must be "bad"/);
    writeFileSync(join(manifests, 'bad.json'), '{ "format": 1,');
    expect(() => loadManifest('bad', manifests)).toThrow(/bad\.json: not valid JSON/);
    expect(() => loadManifest('nothing', manifests)).toThrow(/no manifest for the nothing sysroot/);
  });

  it('every manifest in sysroots/ reads', () => {
    const names = listManifests();
    expect(names).toContain('aarch64-linux-gnu');
    for (const name of names) expect(loadManifest(name).archives.length).toBeGreaterThan(0);
    const m = loadManifest('aarch64-linux-gnu');
    expect(m.archives[0]!.root).toBe('aarch64-linux-gnu');
    expect(m.required).toContain('lib/ld-linux-aarch64.so.1');
  });

  it('every target that needs a sysroot finds a manifest for it', () => {
    const needed = listTargets().filter((t) => t.sysroot !== null);
    expect(needed.filter((t) => !hasManifest(t.sysroot!)).map((t) => t.name)).toEqual([]);
    // both macOS targets name the one libSystem stub
    expect(needed.filter((t) => t.sysroot === 'macos-libsystem').map((t) => t.name).sort()).toEqual(['aarch64-apple-darwin', 'x86_64-apple-darwin']);
  });
});

/** A port nothing listens on (bound, then closed). */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  const port = (s.address() as { port: number }).port;
  await new Promise((resolve) => s.close(resolve));
  return port;
}

/** A process id no process has now. */
async function deadPid(): Promise<number> {
  for (let pid = 4_000_000; ; pid--) {
    try {
      process.kill(pid, 0);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ESRCH') return pid;
    }
  }
}

// Safe unpacking: archives whose checksum matches their manifest but whose entries would write
// outside the sysroot (or make device files) are refused whole, with one line, before anything is
// written — nothing outside the cache changes, no private folder is left, and an earlier install
// stays as it was. Served over loopback HTTP like a real install.

import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { installSysroot } from '../../src/sysroot/install.js';
import { snapshot, sysrootsListing, tempDir, TestServer, writeManifest } from './support.js';
import { tarGz, type TestEntry } from './tar-writer.js';

const server = new TestServer();
let cache = '';
let manifests = '';
const quiet = { write: () => {}, isTTY: false };

beforeAll(() => server.start());
afterAll(() => server.stop());
beforeEach(() => {
  cache = tempDir('sysroot-cache');
  manifests = tempDir('sysroot-manifests');
  server.routes.clear();
});

const TOP: TestEntry[] = [
  { name: 'demo/', type: 'dir' },
  { name: 'demo/lib/', type: 'dir' },
  { name: 'demo/lib/libc.so.6', type: 'file', body: 'libc' },
];

async function installArchive(entries: readonly TestEntry[], force = false) {
  const data = tarGz(entries);
  server.serve('/v1/demo.tar.gz', data);
  const manifest = writeManifest(manifests, 'demo', { url: server.url('/v1/demo.tar.gz'), data, root: 'demo' }, ['lib/libc.so.6']);
  return installSysroot({ manifest, cacheDir: cache, progress: quiet, force });
}

describe('unsafe archives are refused, nothing installed', () => {
  // where a '..' entry in demo/ would land: beside the cache's sysroots folder
  const escapeName = (): string => join(cache, 'escaped.txt');

  it.each<[string, TestEntry[], RegExp]>([
    ['a ../ entry', [{ name: 'demo/../../escaped.txt', type: 'file', body: 'x' }], /'demo\/\.\.\/\.\.\/escaped\.txt' has a '\.\.' component/],
    ['a ../ entry hidden in the middle', [{ name: 'demo/lib/../../../escaped.txt', type: 'file', body: 'x' }], /has a '\.\.' component/],
    ['an absolute path', [{ name: '/tmp/pync-test-escaped.txt', type: 'file', body: 'x' }], /'\/tmp\/pync-test-escaped\.txt' is an absolute path/],
    ['a symlink escaping the root', [{ name: 'demo/lib/evil', type: 'symlink', target: '../../../../etc/passwd' }], /symlink 'demo\/lib\/evil' -> '\.\.\/\.\.\/\.\.\/\.\.\/etc\/passwd' points outside the sysroot/],
    ['a symlink to an absolute path', [{ name: 'demo/lib/evil', type: 'symlink', target: '/etc/passwd' }], /symlink 'demo\/lib\/evil' -> '\/etc\/passwd' points outside the sysroot/],
    [
      'a symlink escaping through another symlink',
      [
        { name: 'demo/lib/up', type: 'symlink', target: '..' },
        { name: 'demo/lib/evil', type: 'symlink', target: 'up/..' },
      ],
      /symlink 'demo\/lib\/evil' -> 'up\/\.\.' points outside the sysroot/,
    ],
    [
      'a symlink loop',
      [
        { name: 'demo/lib/a', type: 'symlink', target: 'b/x' },
        { name: 'demo/lib/b', type: 'symlink', target: 'a/x' },
      ],
      /points outside the sysroot/,
    ],
    [
      'a file written through a symlink',
      [
        { name: 'demo/lib/dir', type: 'symlink', target: '.' },
        { name: 'demo/lib/dir/new.txt', type: 'file', body: 'x' },
      ],
      /'demo\/lib\/dir\/new\.txt' lies under the symlink 'demo\/lib\/dir'/,
    ],
    ['a hard link outside the root folder', [{ name: 'demo/lib/h', type: 'hardlink', target: 'other/file' }], /hard link 'demo\/lib\/h' -> 'other\/file' is outside its folder 'demo\/'/],
    ['a hard link to an absolute path', [{ name: 'demo/lib/h', type: 'hardlink', target: '/etc/passwd' }], /'\/etc\/passwd' is an absolute path/],
    ['a hard link to a symlink', [{ name: 'demo/lib/s', type: 'symlink', target: 'libc.so.6' }, { name: 'demo/lib/h', type: 'hardlink', target: 'demo/lib/s' }], /does not name a file earlier in the archive/],
    ['a character device', [{ name: 'demo/lib/null', type: 'chardev' }], /'demo\/lib\/null' is a device file/],
    ['a FIFO', [{ name: 'demo/lib/pipe', type: 'fifo' }], /'demo\/lib\/pipe' is a FIFO/],
    ['an entry outside the root folder', [{ name: 'other.txt', type: 'file', body: 'x' }], /entry 'other\.txt' is outside its folder 'demo\/'/],
    ['a file given twice', [{ name: 'demo/lib/libc.so.6', type: 'file', body: 'again' }], /'demo\/lib\/libc\.so\.6' occurs twice/],
    ['a file replacing the root folder', [{ name: 'demo', type: 'file', body: 'x' }], /would replace the sysroot folder itself/],
  ])('%s', async (_what, extra, pattern) => {
    const entries = [...TOP, ...extra];
    const check = async (promise: Promise<unknown>): Promise<void> => {
      const error = await promise.then(() => null, (e: Error) => e);
      expect(error?.message).toMatch(/^unsafe archive http:\/\/127\.0\.0\.1:\d+\/v1\/demo\.tar\.gz: /);
      expect(error?.message).toMatch(pattern);
      expect(error?.message).toMatch(/; refused, nothing installed$/);
      expect(error?.message).not.toContain('\n');
      expect(existsSync(escapeName())).toBe(false);
      expect(existsSync('/tmp/pync-test-escaped.txt')).toBe(false);
      expect(sysrootsListing(cache).filter((n) => n.startsWith('.'))).toEqual([]);
    };
    await check(installArchive(entries));
    expect(existsSync(join(cache, 'sysroots', 'demo'))).toBe(false);
    // over an earlier good install, which stays as it was
    expect((await installArchive(TOP)).kind).toBe('installed');
    const before = snapshot(join(cache, 'sysroots', 'demo'));
    await check(installArchive(entries, true));
    expect(snapshot(join(cache, 'sysroots', 'demo'))).toEqual(before);
    expect(readdirSync(cache).sort()).toEqual(['sysroots']);
  });

  it('symlinks that stay inside are kept, relative folders included', async () => {
    const result = await installArchive([
      ...TOP,
      { name: 'demo/lib/up', type: 'symlink', target: '..' },
      { name: 'demo/lib/self', type: 'symlink', target: 'up/lib/./libc.so.6' },
      { name: 'demo/usr/', type: 'dir' },
      { name: 'demo/usr/lib/', type: 'dir' },
      { name: 'demo/usr/lib/libc.so', type: 'symlink', target: '../../lib/libc.so.6' },
      { name: 'demo/usr/lib/dangling', type: 'symlink', target: 'not-there-yet' },
    ]);
    expect(result.kind).toBe('installed');
    expect(snapshot(join(cache, 'sysroots', 'demo'))).toMatchObject({
      'lib/up': '-> ..',
      'lib/self': '-> up/lib/./libc.so.6',
      'usr/lib/libc.so': '-> ../../lib/libc.so.6',
      'usr/lib/dangling': '-> not-there-yet',
    });
  });
});

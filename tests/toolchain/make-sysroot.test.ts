// scripts/make-sysroot: the aarch64 sysroot's layout (cross-targets.md §2), a byte-reproducible
// tarball, the "up to date" fast path, the armv7 and riscv64 recipes, and one-line errors.

import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from './support.js';

const script = join(repoRoot, 'scripts', 'make-sysroot');
const triple = 'aarch64-linux-gnu';
let cache = '';

function make(args: string[]) {
  return spawnSync(script, args, { env: { ...process.env, PYNC_CACHE_DIR: cache }, encoding: 'utf8' });
}

beforeAll(() => {
  cache = mkdtempSync(join(tmpdir(), 'pync-sysroot-'));
});

describe('make-sysroot aarch64-linux-gnu', () => {
  let firstSha = '';

  it('installs a header-free sysroot with the files a dynamic and a static link open', () => {
    const r = make([triple]);
    expect(r.status, r.stderr).toBe(0);
    const dir = join(cache, 'sysroots', triple);
    for (const f of [
      'lib/ld-linux-aarch64.so.1',
      `lib/${triple}/libc.so.6`, `lib/${triple}/libm.so.6`, `lib/${triple}/libgcc_s.so.1`,
      `usr/lib/${triple}/Scrt1.o`, `usr/lib/${triple}/crt1.o`, `usr/lib/${triple}/crti.o`, `usr/lib/${triple}/crtn.o`,
      `usr/lib/${triple}/libc_nonshared.a`, `usr/lib/${triple}/libc.a`, `usr/lib/${triple}/libm.a`,
      `usr/lib/gcc/${triple}/12/crtbegin.o`, `usr/lib/gcc/${triple}/12/crtbeginS.o`, `usr/lib/gcc/${triple}/12/crtbeginT.o`,
      `usr/lib/gcc/${triple}/12/crtendS.o`, `usr/lib/gcc/${triple}/12/libgcc.a`, `usr/lib/gcc/${triple}/12/libgcc_eh.a`,
      '.pync-sysroot',
    ]) {
      expect(existsSync(join(dir, f)), f).toBe(true);
    }
    expect(existsSync(join(dir, 'usr', 'include'))).toBe(false);
    expect(readFileSync(join(dir, `usr/lib/${triple}/libc.so`), 'utf8')).toContain(
      `GROUP ( /lib/${triple}/libc.so.6 /usr/lib/${triple}/libc_nonshared.a  AS_NEEDED ( /lib/ld-linux-aarch64.so.1 ) )`,
    );
    expect(readlinkSync(join(dir, `usr/lib/${triple}/libm.so`))).toBe(`../../../lib/${triple}/libm.so.6`);
    firstSha = readFileSync(join(cache, 'sysroots', `${triple}.tar.gz.sha256`), 'utf8').split(' ')[0]!;
    expect(firstSha).toMatch(/^[0-9a-f]{64}$/);
  }, 60_000);

  it('writes a reproducible tarball: sorted, owner 0, fixed dates', () => {
    const r = make(['--force', triple]);
    expect(r.status, r.stderr).toBe(0);
    const tarball = join(cache, 'sysroots', `${triple}.tar.gz`);
    expect(readFileSync(`${tarball}.sha256`, 'utf8').split(' ')[0]).toBe(firstSha);
    const listing = execFileSync('tar', ['tvzf', tarball, '--numeric-owner'], { encoding: 'utf8' }).trim().split('\n');
    for (const line of listing) expect(line).toMatch(/^\S+ 0\/0 +\d+ 1970-01-01 00:00 /);
    const names = listing.map((l) => l.split(/\s+/)[5]!);
    expect(names[0]).toBe(`${triple}/`);
    expect(names.every((n) => n.startsWith(`${triple}/`))).toBe(true);
  }, 60_000);

  it('does nothing when the sysroot is up to date', () => {
    const r = make([triple]);
    expect(r.status).toBe(0);
    expect(r.stderr).toMatch(/up to date/);
  });

  it.each([
    ['armv7-linux-gnueabihf', 'arm-linux-gnueabihf', 'ld-linux-armhf.so.3'],
    ['riscv64-linux-gnu', 'riscv64-linux-gnu', 'ld-linux-riscv64-lp64d.so.1'],
  ])('%s: named after the target, files in Debian\'s multiarch folder %s, loader %s', (target, multiarch, ldso) => {
    const r = make(['--no-tarball', target]);
    expect(r.status, r.stderr).toBe(0);
    const dir = join(cache, 'sysroots', target);
    for (const f of [`lib/${ldso}`, `lib/${multiarch}/libc.so.6`, `usr/lib/${multiarch}/crt1.o`, `usr/lib/${multiarch}/libc.a`, `usr/lib/gcc/${multiarch}/12/crtbeginT.o`]) {
      expect(existsSync(join(dir, f)), f).toBe(true);
    }
    expect(readFileSync(join(dir, `usr/lib/${multiarch}/libc.so`), 'utf8')).toContain(`AS_NEEDED ( /lib/${ldso} )`);
  }, 60_000);

  it('takes Debian\'s name arm-linux-gnueabihf for the armv7 sysroot', () => {
    const r = make(['--no-tarball', 'arm-linux-gnueabihf']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/armv7-linux-gnueabihf sysroot up to date/);
  });

  it('refuses an unknown triple in one line', () => {
    const r = make(['sparc-linux-gnu']);
    expect(r.status).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/^make-sysroot: error: no recipe for 'sparc-linux-gnu'/);
  });
});

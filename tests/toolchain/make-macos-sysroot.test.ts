// scripts/make-macos-sysroot: the macos-libsystem sysroot's layout, a byte-reproducible tarball,
// the "up to date" fast path, and make-sysroot handing the name on. The runtime archives it reads
// come from the test cache (built once, shared with darwin.test.ts).

import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { repoRoot, testCacheDir } from './support.js';

const name = 'macos-libsystem';
let out = '';

function make(script: string, args: string[]) {
  return spawnSync(join(repoRoot, 'scripts', script), args, { env: { ...process.env, PYNC_CACHE_DIR: testCacheDir() }, encoding: 'utf8' });
}

beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), 'pync-macos-sysroot-'));
});

describe('make-macos-sysroot', () => {
  let firstSha = '';

  it('installs the libSystem stub and its stamp, nothing else', () => {
    const r = make('make-macos-sysroot', ['--dest', join(out, name), '--tarball', join(out, 'first.tar.gz')]);
    expect(r.status, r.stderr).toBe(0);
    expect(readdirSync(join(out, name)).sort()).toEqual(['.pync-sysroot', 'usr']);
    expect(readdirSync(join(out, name, 'usr', 'lib'))).toEqual(['libSystem.tbd']);
    const stamp = readFileSync(join(out, name, '.pync-sysroot'), 'utf8').split('\n')[0];
    expect(stamp).toMatch(/^pync-sysroot macos-libsystem recipe \d+ stub [0-9a-f]{64}$/);
    firstSha = readFileSync(join(out, 'first.tar.gz.sha256'), 'utf8').split(' ')[0]!;
    expect(firstSha).toMatch(/^[0-9a-f]{64}$/);
  }, 600_000);

  it('writes a reproducible tarball: sorted, owner 0, fixed dates', () => {
    const r = make('make-macos-sysroot', ['--force', '--dest', join(out, name), '--tarball', join(out, 'second.tar.gz')]);
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(join(out, 'second.tar.gz.sha256'), 'utf8').split(' ')[0]).toBe(firstSha);
    const listing = execFileSync('tar', ['tvzf', join(out, 'second.tar.gz'), '--numeric-owner'], { encoding: 'utf8' }).trim().split('\n');
    for (const line of listing) expect(line).toMatch(/^\S+ 0\/0 +\d+ 1970-01-01 00:00 /);
    expect(listing.map((l) => l.split(/\s+/)[5])).toEqual([
      `${name}/`, `${name}/.pync-sysroot`, `${name}/usr/`, `${name}/usr/lib/`, `${name}/usr/lib/libSystem.tbd`,
    ]);
  }, 600_000);

  it('does nothing when the sysroot is up to date, also when asked through make-sysroot', () => {
    const r = make('make-macos-sysroot', ['--dest', join(out, name), '--no-tarball']);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/up to date/);
    const through = make('make-sysroot', ['--dest', join(out, name), '--no-tarball', name]);
    expect(through.status, through.stderr).toBe(0);
    expect(through.stderr).toMatch(/^make-macos-sysroot: macos-libsystem sysroot up to date/);
  }, 600_000);
});

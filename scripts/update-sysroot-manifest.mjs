#!/usr/bin/env node
// scripts/update-sysroot-manifest.mjs — writes sysroots/TRIPLE.json from the archive that
// scripts/make-sysroot builds on this machine, or checks that the manifest still matches it.
//
//   node scripts/update-sysroot-manifest.mjs [--check] [--out DIR] TRIPLE...
//
// make-sysroot's tarball is byte-reproducible for given Debian package versions, so its sha256
// and size are what a published archive has. A Debian update of the cross packages changes them:
// then rerun this, publish the new archives (keeping their file names, under a new release tag in
// the URL) and commit the manifests. An existing manifest keeps its description, URL and
// required files; only sha256 and size change. --check writes nothing and exits 1 when a manifest
// differs from the archive built now. --out DIR also keeps the archives there (for a release).

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Where a release publishes the archives (docs/sysroots.md); the tag changes with their contents. */
const RELEASE_URL = 'https://github.com/pync-lang/sysroots/releases/download/v1';
/** For a new manifest: what a glibc sysroot must contain for clang to link against it. */
const REQUIRED = /^(lib\/ld-[^/]+|lib\/[^/]+\/libc\.so\.6|usr\/lib\/[^/]+\/(crt1|Scrt1|crti|crtn)\.o|usr\/lib\/[^/]+\/libc\.so|usr\/lib\/gcc\/[^/]+\/[^/]+\/crtbeginS\.o)$/;

const args = process.argv.slice(2);
const check = args.includes('--check');
const outIndex = args.indexOf('--out');
const outDir = outIndex >= 0 ? resolve(args[outIndex + 1] ?? '') : null;
const triples = args.filter((a, i) => !a.startsWith('--') && !(outIndex >= 0 && i === outIndex + 1));
if (triples.length === 0) {
  process.stderr.write('usage: node scripts/update-sysroot-manifest.mjs [--check] [--out DIR] TRIPLE...\n');
  process.exit(2);
}

let differs = 0;
for (const triple of triples) {
  const work = mkdtempSync(join(tmpdir(), 'pync-manifest-'));
  try {
    const tarball = join(work, `${triple}.tar.gz`);
    execFileSync(join(root, 'scripts', 'make-sysroot'), ['--no-install', '--tarball', tarball, triple], {
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, PYNC_CACHE_DIR: work },
    });
    const sha256 = createHash('sha256').update(readFileSync(tarball)).digest('hex');
    const size = statSync(tarball).size;
    const file = join(root, 'sysroots', `${triple}.json`);
    const old = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
    if (check) {
      const archive = old?.archives?.[0];
      if (archive?.sha256 === sha256 && archive?.size === size) {
        process.stdout.write(`${triple}: manifest matches (${size} bytes, sha256 ${sha256})\n`);
      } else {
        differs++;
        process.stdout.write(`${triple}: manifest differs: built ${size} bytes, sha256 ${sha256}; manifest has ${archive?.size} bytes, sha256 ${archive?.sha256}\n`);
      }
      continue;
    }
    const members = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).split('\n').filter((l) => l && !l.endsWith('/'));
    const inside = members.map((m) => m.slice(`${triple}/`.length));
    const manifest = {
      format: 1,
      name: triple,
      description: old?.description ?? `glibc sysroot for ${triple} (no headers), built by scripts/make-sysroot from Debian's ${libcPackage(triple)}`,
      archives: [{ url: old?.archives?.[0]?.url ?? `${RELEASE_URL}/${triple}.tar.gz`, sha256, size, root: triple }],
      required: old?.required ?? inside.filter((p) => REQUIRED.test(p)).sort(),
    };
    writeFileSync(file, JSON.stringify(manifest, null, 2) + '\n');
    process.stdout.write(`${triple}: wrote ${file} (${size} bytes, sha256 ${sha256})\n`);
    if (outDir) copyFileSync(tarball, join(outDir, `${triple}.tar.gz`));
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}
process.exit(differs ? 1 : 0);

/** 'libc6-dev-arm64-cross 2.36-8cross1': the package and version the sysroot's libc came from. */
function libcPackage(triple) {
  try {
    const pkg = execFileSync('dpkg-query', ['-S', `/usr/${triple}/lib/libc.so.6`], { encoding: 'utf8' }).split(':')[0].trim();
    const version = execFileSync('dpkg-query', ['-W', '-f', '${Version}', pkg], { encoding: 'utf8' }).trim();
    return `${pkg} ${version}`;
  } catch {
    return 'cross packages';
  }
}

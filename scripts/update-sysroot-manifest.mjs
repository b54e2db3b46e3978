#!/usr/bin/env node
// scripts/update-sysroot-manifest.mjs — writes sysroots/NAME.json from the archive that
// scripts/make-sysroot builds on this machine, or checks that the manifest still matches it.
//
//   node scripts/update-sysroot-manifest.mjs [--check] [--out DIR] NAME...
//
// NAME is a sysroot's name (a target's `sysroot` field): a glibc triple (aarch64-linux-gnu, ...),
// a bare-metal target (thumbv7m-none-eabi, thumbv7em-none-eabihf) or macos-libsystem; make-sysroot
// hands the last two kinds to make-sysroot-baremetal and make-macos-sysroot. Every archive is
// byte-reproducible for given inputs — the Debian packages it is copied from, and for
// macos-libsystem the libSystem symbols pync's runtime imports — so its sha256 and size are what a
// published archive has. When an input changes (a Debian update, a runtime that calls a new libc
// function), rerun this, publish the new archives (keeping their file names, under a new release
// tag in the URL) and commit the manifests. An existing manifest keeps its description, URL and
// required files; only sha256 and size change. --check writes nothing and exits 1 when a manifest
// differs from the archive built now. --out DIR also keeps the archives there (for a release).
// Nothing is installed: the archives are made in a temporary folder (make-macos-sysroot builds or
// reuses the runtime archives in pync's cache, as a build would).

import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** Where a release publishes the archives (docs/sysroots.md); the tag changes with their contents. */
const RELEASE_URL = 'https://github.com/pync-lang/sysroots/releases/download/v1';
/**
 * For a new manifest, by what the archive holds (its `marker` file; the last kind takes the rest):
 * the files the link needs — checked by `pync sysroot install` before it puts a sysroot in place —
 * and a line for people naming where the files came from.
 */
const KINDS = [
  {
    marker: 'usr/lib/libSystem.tbd',
    required: /^usr\/lib\/libSystem\.tbd$/,
    describe: () => "libSystem stub for aarch64-apple-darwin and x86_64-apple-darwin (the symbols pync's runtime imports), built by scripts/make-macos-sysroot",
  },
  {
    marker: 'lib/libgcc.a',
    required: /^lib\/lib(gcc|m)\.a$/,
    describe: (name) => `libgcc and newlib's libm for ${name}, built by scripts/make-sysroot-baremetal from Debian's ${packageVersions(['gcc-arm-none-eabi', 'libnewlib-arm-none-eabi'])}`,
  },
  {
    marker: null,
    // what clang needs to link against a glibc sysroot
    required: /^(lib\/ld-[^/]+|lib\/[^/]+\/libc\.so\.6|usr\/lib\/[^/]+\/(crt1|Scrt1|crti|crtn)\.o|usr\/lib\/[^/]+\/libc\.so|usr\/lib\/gcc\/[^/]+\/[^/]+\/crtbeginS\.o)$/,
    describe: (name) => `glibc sysroot for ${name} (no headers), built by scripts/make-sysroot from Debian's ${libcPackage(name)}`,
  },
];

const args = process.argv.slice(2);
const check = args.includes('--check');
const outIndex = args.indexOf('--out');
const outDir = outIndex >= 0 ? resolve(args[outIndex + 1] ?? '') : null;
const names = args.filter((a, i) => !a.startsWith('--') && !(outIndex >= 0 && i === outIndex + 1));
if (names.length === 0) {
  process.stderr.write('usage: node scripts/update-sysroot-manifest.mjs [--check] [--out DIR] NAME...\n');
  process.exit(2);
}

let differs = 0;
for (const name of names) {
  const work = mkdtempSync(join(tmpdir(), 'pync-manifest-'));
  try {
    const tarball = join(work, `${name}.tar.gz`);
    // --dest only places make-sysroot's lock and staging folder here: nothing is installed
    execFileSync(join(root, 'scripts', 'make-sysroot'), ['--no-install', '--dest', join(work, name), '--tarball', tarball, name], {
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    const sha256 = createHash('sha256').update(readFileSync(tarball)).digest('hex');
    const size = statSync(tarball).size;
    const file = join(root, 'sysroots', `${name}.json`);
    const old = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : null;
    if (check) {
      const archive = old?.archives?.[0];
      if (archive?.sha256 === sha256 && archive?.size === size) {
        process.stdout.write(`${name}: manifest matches (${size} bytes, sha256 ${sha256})\n`);
      } else {
        differs++;
        const has = archive ? `manifest has ${archive.size} bytes, sha256 ${archive.sha256}` : `there is no ${file}`;
        process.stdout.write(`${name}: manifest differs: built ${size} bytes, sha256 ${sha256}; ${has}\n`);
      }
      continue;
    }
    const members = execFileSync('tar', ['tzf', tarball], { encoding: 'utf8' }).split('\n').filter((l) => l && !l.endsWith('/'));
    const inside = members.map((m) => m.slice(`${name}/`.length));
    const kind = KINDS.find((k) => k.marker === null || inside.includes(k.marker));
    const manifest = {
      format: 1,
      name,
      description: old?.description ?? kind.describe(name),
      archives: [{ url: old?.archives?.[0]?.url ?? `${RELEASE_URL}/${name}.tar.gz`, sha256, size, root: name }],
      required: old?.required ?? inside.filter((p) => kind.required.test(p)).sort(),
    };
    writeFileSync(file, JSON.stringify(manifest, null, 2) + '\n');
    process.stdout.write(`${name}: wrote ${file} (${size} bytes, sha256 ${sha256})\n`);
    if (outDir) copyFileSync(tarball, join(outDir, `${name}.tar.gz`));
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

/** 'gcc-arm-none-eabi 15:12.2.rel1-1 and libnewlib-arm-none-eabi 3.3.0-1.3': the installed versions of `packages`. */
function packageVersions(packages) {
  try {
    return packages.map((p) => `${p} ${execFileSync('dpkg-query', ['-W', '-f', '${Version}', p], { encoding: 'utf8' }).trim()}`).join(' and ');
  } catch {
    return packages.join(' and ');
  }
}

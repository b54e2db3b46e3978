// Finding the LLVM tools: the newest versioned clang on PATH or in /usr/lib/llvm-N, PYNC_LLVM,
// and a one-line error naming what to install when nothing is found.

import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ToolchainError } from '../../src/toolchain/errors.js';
import { clangIdentity, findLlvm, lldFlavour, MIN_LLVM_MAJOR } from '../../src/toolchain/llvm.js';

describe('findLlvm', () => {
  it('finds clang, ld.lld and llvm-ar of one version, 15 or newer', async () => {
    const llvm = await findLlvm();
    expect(llvm.major).toBeGreaterThanOrEqual(MIN_LLVM_MAJOR);
    expect(llvm.clang).toMatch(/clang(-\d+)?$/);
    expect(llvm.lld).toMatch(/ld\.lld(-\d+)?$/);
    expect(llvm.ar).toMatch(/llvm-ar(-\d+)?$/);
    expect(clangIdentity(llvm)).toContain(`LLVM ${llvm.major} `);
  });

  it('takes the tools from PYNC_LLVM (an LLVM folder or its bin/)', async () => {
    const { major } = await findLlvm();
    for (const folder of [`/usr/lib/llvm-${major}`, `/usr/lib/llvm-${major}/bin`]) {
      const llvm = await findLlvm({ ...process.env, PYNC_LLVM: folder });
      expect(llvm.clang).toBe(`/usr/lib/llvm-${major}/bin/clang`);
      expect(llvm.lld).toBe(`/usr/lib/llvm-${major}/bin/ld.lld`);
      expect(llvm.major).toBe(major);
    }
  });

  it('says in one line when PYNC_LLVM holds no clang', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'pync-llvm-'));
    await expect(findLlvm({ PATH: process.env.PATH, PYNC_LLVM: empty })).rejects.toThrow(ToolchainError);
    await expect(findLlvm({ PATH: process.env.PATH, PYNC_LLVM: empty })).rejects.toThrow(/^PYNC_LLVM=.* holds no clang \(looked for .*\)$/);
  });

  it('says what to install when no clang is found', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'pync-llvm-'));
    const promise = findLlvm({ PATH: empty }, empty);
    await expect(promise).rejects.toThrow(ToolchainError);
    await expect(findLlvm({ PATH: empty }, empty)).rejects.toThrow(
      /^clang-19 not found \(pync needs LLVM 15 or newer\): run scripts\/setup \(Debian package clang-19\) or set PYNC_LLVM to an LLVM folder$/,
    );
  });
});

describe('lldFlavour', () => {
  it('finds ld64.lld beside ld.lld, with the same version suffix', async () => {
    const llvm = await findLlvm();
    expect(lldFlavour(llvm, 'ld64.lld')).toBe(llvm.lld.replace(/ld\.lld(-\d+)?$/, 'ld64.lld$1'));
    const dir = mkdtempSync(join(tmpdir(), 'pync-lld-'));
    for (const name of ['ld.lld-19', 'ld64.lld-19']) {
      writeFileSync(join(dir, name), '#!/bin/sh\n');
      chmodSync(join(dir, name), 0o755);
    }
    const fake = { ...llvm, lld: join(dir, 'ld.lld-19'), major: 19 };
    expect(lldFlavour(fake, 'ld64.lld')).toBe(join(dir, 'ld64.lld-19'));
    expect(() => lldFlavour(fake, 'wasm-ld')).toThrow(/^wasm-ld-19 not found beside .*ld\.lld-19: install lld 19 \(Debian package lld-19; scripts\/setup does\)$/);
  });
});

// The macOS target descriptors: the spellings that name them, the arch-only suggestion that now
// has two targets per architecture, and their link and run recipes.

import { describe, expect, it } from 'vitest';
import { normaliseTriple, resolveTarget, TargetError } from '../../targets/index.js';

describe('macOS target names', () => {
  it.each([
    ['aarch64-apple-darwin', 'aarch64-apple-darwin'],
    ['arm64-apple-darwin', 'aarch64-apple-darwin'],
    ['arm64-apple-macos', 'aarch64-apple-darwin'],
    ['arm64-apple-macosx', 'aarch64-apple-darwin'],
    ['arm64-apple-macos14.2', 'aarch64-apple-darwin'],
    ['aarch64-apple-darwin23.1.0', 'aarch64-apple-darwin'],
    ['ARM64-Apple-MacOSX11.0.0', 'aarch64-apple-darwin'],
    ['arm64-macos', 'aarch64-apple-darwin'],
    ['x86_64-apple-darwin', 'x86_64-apple-darwin'],
    ['x86_64-apple-macos', 'x86_64-apple-darwin'],
    ['x86_64-apple-macosx10.15', 'x86_64-apple-darwin'],
    ['x86_64-darwin', 'x86_64-apple-darwin'],
    ['amd64-apple-macos', 'x86_64-apple-darwin'],
  ])('%s → %s', (given, expected) => {
    expect(resolveTarget(given).name).toBe(expected);
  });

  it('normalisation drops only an OS version', () => {
    expect(normaliseTriple('arm64-apple-macos14.2')).toBe('aarch64-apple-macos');
    expect(normaliseTriple('x86_64-darwin23')).toBe('x86_64-apple-darwin');
    expect(normaliseTriple('aarch64-linux-gnu')).toBe('aarch64-linux-gnu');
  });

  it('a bare architecture suggests every target of it', () => {
    expect(() => resolveTarget('arm64')).toThrow(TargetError);
    expect(() => resolveTarget('arm64')).toThrow(/\(did you mean 'aarch64-linux-gnu' or 'aarch64-apple-darwin'\?\)$/);
    // a near-typo still gets the one target it is near
    expect(() => resolveTarget('aarch64-apple-darwn')).toThrow(/\(did you mean 'aarch64-apple-darwin'\?\)$/);
  });
});

describe('macOS target descriptors', () => {
  const arm = resolveTarget('aarch64-apple-darwin');
  const x86 = resolveTarget('x86_64-apple-darwin');

  it('share the libSystem stub sysroot and the Darwin platform layer', () => {
    for (const t of [arm, x86]) {
      expect(t.sysroot).toBe('macos-libsystem');
      expect(t.objectFormat).toBe('macho');
      expect(t.runtime.platform).toBe('platform/darwin.c');
      expect(t.runtime.defines.PYNC_SYS_PLATFORM).toBe('"darwin"');
      expect(t.noStaticReason).toMatch(/no static executables/);
    }
    expect(arm.clangTarget).toBe('arm64-apple-macos11.0');
    expect(x86.clangTarget).toBe('x86_64-apple-macos11.0');
  });

  it('link against the stub with -isysroot and ask ld64.lld for an ad-hoc signature', () => {
    expect(arm.linkArgs({ static: false, sysrootDir: '/sr' })).toEqual(['-isysroot', '/sr', '-Wl,-adhoc_codesign']);
    expect(x86.linkArgs({ static: false, sysrootDir: '/sr' })).toEqual(['-isysroot', '/sr', '-Wl,-adhoc_codesign']);
  });

  it('cannot run here', () => {
    expect(arm.runCommand('/p/prog', [], '/sr')).toBeNull();
    expect(x86.runCommand('/p/prog', ['a'], '/sr')).toBeNull();
  });
});

// Target resolution: canonical names, aliases, normalised spellings, the host, and the one-line
// error for an unknown name.

import { describe, expect, it } from 'vitest';
import { hostTarget, listTargets, normaliseTriple, resolveTarget, TargetError } from '../../targets/index.js';

describe('resolveTarget', () => {
  it.each([
    ['x86_64-linux-gnu', 'x86_64-linux-gnu'],
    ['x86_64-unknown-linux-gnu', 'x86_64-linux-gnu'],
    ['x86_64-pc-linux-gnu', 'x86_64-linux-gnu'],
    ['amd64-linux-gnu', 'x86_64-linux-gnu'],
    ['x86_64-linux', 'x86_64-linux-gnu'],
    ['X86_64-Unknown-Linux-GNU', 'x86_64-linux-gnu'],
    ['aarch64-linux-gnu', 'aarch64-linux-gnu'],
    ['aarch64-unknown-linux-gnu', 'aarch64-linux-gnu'],
    ['arm64-linux-gnu', 'aarch64-linux-gnu'],
    ['arm64-unknown-linux-gnu', 'aarch64-linux-gnu'],
    ['arm64-linux', 'aarch64-linux-gnu'],
    ['aarch64-linux', 'aarch64-linux-gnu'],
    [' aarch64-linux-gnu ', 'aarch64-linux-gnu'],
    ['armv7-linux-gnueabihf', 'armv7-linux-gnueabihf'],
    ['armv7-unknown-linux-gnueabihf', 'armv7-linux-gnueabihf'],
    ['arm-linux-gnueabihf', 'armv7-linux-gnueabihf'],
    ['armv7l-unknown-linux-gnueabihf', 'armv7-linux-gnueabihf'],
    ['armhf', 'armv7-linux-gnueabihf'],
    ['riscv64-linux-gnu', 'riscv64-linux-gnu'],
    ['riscv64-unknown-linux-gnu', 'riscv64-linux-gnu'],
    ['riscv64gc-unknown-linux-gnu', 'riscv64-linux-gnu'],
    ['RISCV64GC-linux', 'riscv64-linux-gnu'],
  ])('%s → %s', (given, expected) => {
    expect(resolveTarget(given).name).toBe(expected);
  });

  it('host and native mean this machine', () => {
    expect(resolveTarget('host')).toBe(hostTarget());
    expect(resolveTarget('native')).toBe(hostTarget());
    expect(hostTarget().name).toBe(process.arch === 'arm64' ? 'aarch64-linux-gnu' : 'x86_64-linux-gnu');
  });

  it('normalises the spellings clang accepts', () => {
    expect(normaliseTriple('arm64-unknown-linux-gnu')).toBe('aarch64-linux-gnu');
    expect(normaliseTriple('x64-pc-linux')).toBe('x86_64-linux-gnu');
    expect(normaliseTriple('riscv64-linux-gnu')).toBe('riscv64-linux-gnu');
  });

  it.each([
    ['aarch64-linux-gn', "did you mean 'aarch64-linux-gnu'"],
    ['arm64', "did you mean 'aarch64-linux-gnu'"],
    ['x86_64', "did you mean 'x86_64-linux-gnu'"],
    ['x86-64-linux-gnu', "did you mean 'x86_64-linux-gnu'"],
  ])('an unknown name (%s) lists the targets and the closest one', (given, hint) => {
    let error: unknown;
    try {
      resolveTarget(given);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TargetError);
    const message = (error as Error).message;
    expect(message).not.toContain('\n');
    expect(message).toContain(`unknown target '${given}'`);
    expect(message).toContain('x86_64-linux-gnu, aarch64-linux-gnu');
    expect(message).toContain(hint);
  });

  it('suggests nothing for a target that is merely unsupported', () => {
    expect(() => resolveTarget('mips-linux-gnu')).toThrow(/^unknown target 'mips-linux-gnu': supported targets are [^(]*$/);
  });

  it('every alias and name is unique and resolves to its own target', () => {
    const seen = new Set<string>();
    for (const t of listTargets()) {
      for (const n of [t.name, ...t.aliases]) {
        expect(seen.has(n), n).toBe(false);
        seen.add(n);
        expect(resolveTarget(n)).toBe(t);
      }
    }
  });
});

describe('target descriptors', () => {
  it('link recipes: -lm always, -static and --sysroot when asked', () => {
    const [x86, arm] = [resolveTarget('x86_64-linux-gnu'), resolveTarget('aarch64-linux-gnu')];
    expect(x86.linkArgs({ static: false, sysrootDir: null })).toEqual(['-lm']);
    expect(x86.linkArgs({ static: true, sysrootDir: null })).toEqual(['-lm', '-static']);
    expect(arm.linkArgs({ static: false, sysrootDir: '/sr' })).toEqual(['--sysroot=/sr', '-lm']);
    expect(x86.sysroot).toBeNull();
    expect(arm.sysroot).toBe('aarch64-linux-gnu');
    expect(resolveTarget('armv7-linux-gnueabihf').linkArgs({ static: true, sysrootDir: '/sr' })).toEqual(['--sysroot=/sr', '-lm', '-static']);
    // a Linux target's sysroot is named after it (the macOS ones share a libSystem stub)
    for (const t of listTargets()) if (t.sysroot !== null && t.name.includes('-linux-')) expect(t.sysroot).toBe(t.name);
  });

  it.runIf(process.arch === 'x64' && process.platform === 'linux')('x86_64 output runs natively, aarch64 under qemu with -L', () => {
    expect(resolveTarget('x86_64-linux-gnu').runCommand('/p/prog', ['a'], null)).toEqual({ command: '/p/prog', args: ['a'] });
    expect(resolveTarget('aarch64-linux-gnu').runCommand('/p/prog', ['a', 'b'], '/sr')).toEqual({
      command: 'qemu-aarch64',
      args: ['-L', '/sr', '/p/prog', 'a', 'b'],
    });
    expect(resolveTarget('armv7-linux-gnueabihf').runCommand('/p/prog', [], '/sr')).toEqual({ command: 'qemu-arm', args: ['-L', '/sr', '/p/prog'] });
    expect(resolveTarget('riscv64-linux-gnu').runCommand('/p/prog', [], '/sr')).toEqual({ command: 'qemu-riscv64', args: ['-L', '/sr', '/p/prog'] });
  });
});

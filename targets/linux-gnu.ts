// targets/linux-gnu.ts — the base every glibc Linux target spreads and overrides (as QBE and Zig
// share an OS base across architectures).
//
// Takes: the architecture's name and ABI facts. Hands on: the Linux part of a TargetDescriptor —
// the POSIX platform layer, the link recipe (clang + lld against glibc, optionally static), and
// how an output runs on this machine (natively when the host has the same architecture, else
// through `qemu-<arch>` with `-L <sysroot>`; binfmt_misc is not relied on).

import type { RunCommand, TargetDescriptor } from './target.js';

/** The CPU architecture names Node reports (`process.arch`) for the architectures we target. */
const NODE_ARCH: Readonly<Record<string, string>> = { x64: 'x86_64', arm64: 'aarch64', arm: 'armv7', riscv64: 'riscv64' };

/** The architecture of the machine pync runs on, in triple spelling ('x86_64', 'aarch64', 'armv7'), or null. */
export function hostArch(): string | null {
  return process.platform === 'linux' ? (NODE_ARCH[process.arch] ?? null) : null;
}

export interface LinuxGnuArch {
  /** the first triple component: 'x86_64', 'aarch64', 'armv7' */
  readonly arch: string;
  /** the last triple component: 'gnu' unless the ABI has its own ('gnueabihf') */
  readonly env?: string;
  /** the qemu-user binary that runs this architecture: 'qemu-aarch64' */
  readonly qemu: string;
}

/** Everything a glibc Linux target has in common; a target spreads this and adds its ABI facts. */
export function linuxGnuBase(a: LinuxGnuArch): Pick<
  TargetDescriptor,
  'clangTarget' | 'name' | 'cflags' | 'runtime' | 'exeSuffix' | 'noBuiltins' | 'linkArgs' | 'runCommand'
> {
  const name = `${a.arch}-linux-${a.env ?? 'gnu'}`;
  return {
    name,
    clangTarget: name,
    cflags: [],
    noBuiltins: false,
    runtime: { platform: 'platform/posix.c', defines: { PYNC_SYS_PLATFORM: '"linux"' } },
    exeSuffix: '',
    linkArgs({ static: isStatic, sysrootDir }) {
      const args = sysrootDir ? [`--sysroot=${sysrootDir}`] : [];
      args.push('-lm');
      if (isStatic) args.push('-static');
      return args;
    },
    runCommand(exe: string, args: readonly string[], sysrootDir: string | null): RunCommand | null {
      if (hostArch() === a.arch) return { command: exe, args: [...args] };
      if (process.platform !== 'linux') return null;
      // A dynamic executable needs the target's ld.so and libc: -L points qemu at the sysroot.
      // A static one ignores it.
      const prefix = sysrootDir ? ['-L', sysrootDir] : [];
      return { command: a.qemu, args: [...prefix, exe, ...args] };
    },
  };
}

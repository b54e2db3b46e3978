// targets/index.ts — the registry of target backends: turns what the user typed (`--target arm64-linux`)
// into one TargetDescriptor.
//
// Takes: a target name as given on the command line. Hands on: the descriptor, or a TargetError
// whose one-line message lists the supported targets and the closest one. Names are matched
// exactly (canonical name or alias), then after normalisation: lower case, architecture synonyms
// (arm64 → aarch64, amd64/x64 → x86_64, riscv64gc → riscv64), the vendor field dropped (unknown,
// pc), a missing environment taken as gnu, an OS version dropped (macos11.0, darwin23.1.0), a
// vendorless macos/darwin taken as apple's. `host`/`native` mean the machine pync runs on.

import { aarch64AppleDarwin } from './aarch64-apple-darwin.js';
import { aarch64LinuxGnu } from './aarch64-linux-gnu.js';
import { armv7LinuxGnueabihf } from './armv7-linux-gnueabihf.js';
import { hostArch } from './linux-gnu.js';
import { TargetError } from './errors.js';
import type { TargetDescriptor } from './target.js';
import { riscv64LinuxGnu } from './riscv64-linux-gnu.js';
import { x86_64AppleDarwin } from './x86_64-apple-darwin.js';
import { thumbv7emNoneEabihf } from './thumbv7em-none-eabihf.js';
import { thumbv7mNoneEabi } from './thumbv7m-none-eabi.js';
import { x86_64LinuxGnu } from './x86_64-linux-gnu.js';

export type { TargetABI, TargetDescriptor, TargetOptions, RunCommand } from './target.js';

export { TargetError };

const TARGETS: readonly TargetDescriptor[] = [
  x86_64LinuxGnu, aarch64LinuxGnu, armv7LinuxGnueabihf, riscv64LinuxGnu, aarch64AppleDarwin, x86_64AppleDarwin,
  thumbv7mNoneEabi, thumbv7emNoneEabihf,
];

const ARCH_SYNONYMS: Readonly<Record<string, string>> = { arm64: 'aarch64', amd64: 'x86_64', x64: 'x86_64', riscv64gc: 'riscv64' };
const VENDORS = new Set(['unknown', 'pc']);

/** Every supported target, in the order `pync targets` lists them. */
export function listTargets(): readonly TargetDescriptor[] {
  return TARGETS;
}

/** The target for the machine pync runs on. */
export function hostTarget(): TargetDescriptor {
  const arch = hostArch();
  const found = TARGETS.find((t) => t.name.startsWith(`${arch}-linux-`));
  if (!found) {
    throw new TargetError(
      `this machine (${process.platform} ${process.arch}) is not a supported host; give --target (supported: ${TARGETS.map((t) => t.name).join(', ')})`,
    );
  }
  return found;
}

/** The target named `name` (canonical, alias, or a spelling that normalises to one). */
export function resolveTarget(name: string): TargetDescriptor {
  const wanted = name.trim().toLowerCase();
  if (wanted === 'host' || wanted === 'native') return hostTarget();
  const exact = TARGETS.find((t) => t.name === wanted || t.aliases.includes(wanted));
  if (exact) return exact;
  const normalised = normaliseTriple(wanted);
  const found = TARGETS.find((t) => t.name === normalised || t.aliases.includes(normalised));
  if (found) return found;
  const closest = closestTargets(wanted);
  throw new TargetError(
    `unknown target '${name}': supported targets are ${TARGETS.map((t) => t.name).join(', ')}` +
      (closest.length > 0 ? ` (did you mean ${closest.map((c) => `'${c}'`).join(' or ')}?)` : ''),
  );
}

/** `Arm64-Unknown-Linux` → `aarch64-linux-gnu`: the canonical spelling a name would have. */
export function normaliseTriple(name: string): string {
  const parts = name.trim().toLowerCase().split('-').filter((p) => p !== '');
  if (parts.length === 0) return '';
  parts[0] = ARCH_SYNONYMS[parts[0]!] ?? parts[0]!;
  // arch-vendor-os[-env]: drop the vendor field
  if (parts.length >= 3 && VENDORS.has(parts[1]!)) parts.splice(1, 1);
  // an OS version (macos11.0, darwin23.1.0) names the oldest release; pync picks its own
  const os = parts.length === 2 ? 1 : 2;
  if (parts[os] !== undefined) parts[os] = parts[os]!.replace(/^(macosx?|darwin)[\d.]*$/, '$1');
  if (parts.length === 2 && parts[1] === 'linux') parts.push('gnu');
  if (parts.length === 2 && /^(macosx?|darwin)$/.test(parts[1]!)) parts.splice(1, 0, 'apple');
  return parts.join('-');
}

function closestTargets(wanted: string): string[] {
  const normalised = normaliseTriple(wanted);
  const arch = normalised.split('-')[0];
  const sameArch = TARGETS.filter((t) => t.name.startsWith(`${arch}-`)).map((t) => t.name);
  // an architecture alone ('arm64') names its targets (Linux and macOS), though it may be a
  // near-typo of an alias ('armhf')
  if (!normalised.includes('-') && sameArch.length > 0) return sameArch;
  let best: { name: string; distance: number } | null = null;
  for (const t of TARGETS) {
    for (const spelling of [t.name, ...t.aliases]) {
      const distance = Math.min(editDistance(wanted, spelling), editDistance(normalised, spelling));
      if (!best || distance < best.distance) best = { name: t.name, distance };
    }
  }
  // a near-typo is the best guess: another architecture is not a typo
  if (best && best.distance <= 2) return [best.name];
  return sameArch;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}

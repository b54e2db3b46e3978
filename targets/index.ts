// targets/index.ts — the registry of target backends: turns what the user typed (`--target arm64-linux`)
// into one TargetDescriptor.
//
// Takes: a target name as given on the command line. Hands on: the descriptor, or a TargetError
// whose one-line message lists the supported targets and the closest one. Names are matched
// exactly (canonical name or alias), then after normalisation: lower case, architecture synonyms
// (arm64 → aarch64, amd64/x64 → x86_64), the vendor field dropped (unknown, pc), a missing
// environment taken as gnu. `host`/`native` mean the machine pync runs on.

import { aarch64LinuxGnu } from './aarch64-linux-gnu.js';
import { hostArch } from './linux-gnu.js';
import { TargetError } from './errors.js';
import type { TargetDescriptor } from './target.js';
import { thumbv7emNoneEabihf } from './thumbv7em-none-eabihf.js';
import { thumbv7mNoneEabi } from './thumbv7m-none-eabi.js';
import { x86_64LinuxGnu } from './x86_64-linux-gnu.js';

export type { TargetABI, TargetDescriptor, TargetOptions, RunCommand } from './target.js';

export { TargetError };

const TARGETS: readonly TargetDescriptor[] = [x86_64LinuxGnu, aarch64LinuxGnu, thumbv7mNoneEabi, thumbv7emNoneEabihf];

const ARCH_SYNONYMS: Readonly<Record<string, string>> = { arm64: 'aarch64', amd64: 'x86_64', x64: 'x86_64' };
const VENDORS = new Set(['unknown', 'pc']);

/** Every supported target, in the order `pync targets` lists them. */
export function listTargets(): readonly TargetDescriptor[] {
  return TARGETS;
}

/** The target for the machine pync runs on. */
export function hostTarget(): TargetDescriptor {
  const arch = hostArch();
  const found = TARGETS.find((t) => t.name === `${arch}-linux-gnu`);
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
  const found = TARGETS.find((t) => t.name === normalised);
  if (found) return found;
  const closest = closestTarget(wanted);
  throw new TargetError(
    `unknown target '${name}': supported targets are ${TARGETS.map((t) => t.name).join(', ')}` +
      (closest ? ` (did you mean '${closest}'?)` : ''),
  );
}

/** `Arm64-Unknown-Linux` → `aarch64-linux-gnu`: the canonical spelling a name would have. */
export function normaliseTriple(name: string): string {
  const parts = name.trim().toLowerCase().split('-').filter((p) => p !== '');
  if (parts.length === 0) return '';
  parts[0] = ARCH_SYNONYMS[parts[0]!] ?? parts[0]!;
  // arch-vendor-os[-env]: drop the vendor field
  if (parts.length >= 3 && VENDORS.has(parts[1]!)) parts.splice(1, 1);
  if (parts.length === 2 && parts[1] === 'linux') parts.push('gnu');
  return parts.join('-');
}

function closestTarget(wanted: string): string | null {
  const normalised = normaliseTriple(wanted);
  // the architecture alone ('arm64') names its one Linux target
  const arch = normalised.split('-')[0];
  const sameArch = TARGETS.filter((t) => t.name.startsWith(`${arch}-`));
  if (sameArch.length === 1) return sameArch[0]!.name;
  let best: { name: string; distance: number } | null = null;
  for (const t of TARGETS) {
    for (const spelling of [t.name, ...t.aliases]) {
      const distance = Math.min(editDistance(wanted, spelling), editDistance(normalised, spelling));
      if (!best || distance < best.distance) best = { name: t.name, distance };
    }
  }
  // only a near-typo is worth suggesting: another architecture is not a typo
  return best && best.distance <= 2 ? best.name : null;
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

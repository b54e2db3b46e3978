// cli/commands/targets.ts — `pync targets`: what pync can compile for, and how each target's
// output runs on this machine.
//
// One row per target: its name (the host's marked), aliases, how output runs here (natively,
// under qemu — noting when qemu is not installed — or not at all) and the state of its sysroot.

import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import type { CommandModule } from 'yargs';
import { hostTarget, listTargets } from '../../../targets/index.js';
import type { TargetDescriptor } from '../../../targets/target.js';
import { sysrootInstallCommand, sysrootState } from '../../sysroot/paths.js';

export const targetsCommand: CommandModule = {
  command: 'targets',
  describe: 'List the targets pync compiles for',
  handler: () => {
    let host: string | null = null;
    try {
      host = hostTarget().name;
    } catch {
      // not a supported host: nothing is marked
    }
    const rows = listTargets().map((t) => [t.name + (t.name === host ? ' (host)' : ''), t.aliases.join(', '), runsHere(t), sysrootColumn(t)]);
    process.stdout.write(formatTable(['TARGET', 'ALIASES', 'RUNS HERE', 'SYSROOT'], rows));
  },
};

function runsHere(t: TargetDescriptor): string {
  const command = t.runCommand('PROGRAM', [], 'SYSROOT');
  if (!command) return 'no (copy the output to such a machine)';
  if (command.command === 'PROGRAM') return 'natively';
  const shown = [command.command, ...command.args.filter((a) => a !== 'PROGRAM')].join(' ').replace('SYSROOT', 'sysroot');
  return onPath(command.command) ? shown : `${shown} (${command.command} not installed: scripts/setup)`;
}

function sysrootColumn(t: TargetDescriptor): string {
  const state = sysrootState(t);
  if (state.kind === 'host') return 'not needed (host libraries)';
  if (state.kind === 'installed') return state.dir;
  return `missing: ${sysrootInstallCommand(t)}`;
}

function onPath(command: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((d) => {
    try {
      accessSync(join(d, command), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd() + '\n';
  return line(header) + rows.map(line).join('');
}

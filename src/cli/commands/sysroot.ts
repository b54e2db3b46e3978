// cli/commands/sysroot.ts — `pync sysroot path TRIPLE`: where a target's sysroot is.
//
// Prints the folder when the sysroot is installed. A missing sysroot, or a target that links
// against the host's libraries, is a one-line error (status 1) saying what to do.

import type { CommandModule } from 'yargs';
import { requireSysroot } from '../../sysroot/paths.js';
import { BuildError } from '../../driver/errors.js';
import { reportUserErrors, targetFromArgs } from './common.js';

interface PathArgs {
  triple: string;
}

const pathCommand: CommandModule<object, PathArgs> = {
  command: 'path <triple>',
  describe: 'Print the folder of a target\'s sysroot',
  builder: (y) => y.positional('triple', { type: 'string', describe: 'a target name or alias', demandOption: true }) as never,
  handler: (args) =>
    reportUserErrors(false, async () => {
      const target = targetFromArgs(args.triple);
      const dir = requireSysroot(target);
      if (dir === null) throw new BuildError(`${target.name} links against this machine's own libraries and has no sysroot`);
      process.stdout.write(dir + '\n');
    }),
};

export const sysrootCommand: CommandModule = {
  command: 'sysroot',
  describe: 'Sysroots of cross targets (the target\'s C library and start-up files)',
  builder: (y) => y.command(pathCommand).demandCommand(1, 'Give a sysroot command; `pync sysroot --help` lists them.') as never,
  handler: () => {},
};

// cli/main.ts — the `pync` command line: parses arguments with yargs and dispatches to a command.
//
// Each command lives in cli/commands/ and only translates options into calls to the compiler's
// stages; errors a user can cause are printed as one line (or as compiler diagnostics) and end
// with a non-zero exit status, never a stack trace.

import yargs from 'yargs';
import { buildCommand } from './commands/build.js';
import { emitCommand } from './commands/emit.js';
import { runCommand } from './commands/run.js';
import { sysrootCommand } from './commands/sysroot.js';
import { targetsCommand } from './commands/targets.js';
import { UsageError } from './errors.js';
import { VERSION } from './version.js';

export async function main(argv: string[]): Promise<void> {
  const parser = yargs(argv)
    .scriptName('pync')
    .usage('pync — compile Python programs to native executables\n\nUsage: pync <command> [options]')
    .option('target', {
      type: 'string',
      global: true,
      describe: 'the target to compile for (default: this machine; `pync targets` lists them)',
    })
    .option('board', { type: 'string', global: true, describe: 'bare metal: the board (mps2-an385, lm3s6965evb, mps2-an386)' })
    .option('heap-size', { type: 'string', global: true, describe: 'bare metal: the static heap\'s size (64K, 2M; default: the board\'s)' })
    .option('stdout', { type: 'string', global: true, describe: 'bare metal: where output goes, semihosting (default) or uart' })
    .command(buildCommand)
    .command(runCommand)
    .command(emitCommand)
    .command(targetsCommand)
    .command(sysrootCommand)
    .demandCommand(1, 'Give a command; `pync --help` lists them.')
    .strict()
    .recommendCommands()
    .version(VERSION)
    .alias('h', 'help')
    .alias('v', 'version')
    .wrap(Math.min(100, process.stdout.columns || 100))
    .fail((msg, err) => {
      if (err && !(err instanceof UsageError)) throw err;
      process.stderr.write(`pync: error: ${err?.message ?? msg}\n`);
      if (!err) process.stderr.write(`Run 'pync --help' for usage.\n`);
      process.exit(2);
    });
  try {
    await parser.parseAsync();
  } catch (e) {
    process.stderr.write(`pync: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
    process.stderr.write('This is a bug in pync; please report it with the input that caused it.\n');
    process.exitCode = 70;
  }
}

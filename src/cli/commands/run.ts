// cli/commands/run.ts — `pync run FILE [-- ARGS]`: build into the cache (reused while nothing
// changed) and run the program here, natively or under qemu. The program's exit status becomes
// pync's.

import type { CommandModule } from 'yargs';
import { runProgram } from '../../driver/run-program.js';
import { optLevelFromArgs, reportUserErrors, targetFromArgs } from './common.js';

interface RunArgs {
  file: string;
  args: string[];
  '--'?: string[];
  target?: string;
  board?: string;
  'heap-size'?: string;
  stdout?: string;
  O?: number | number[];
  debug: boolean;
  static: boolean;
  verbose: boolean;
}

export const runCommand: CommandModule<object, RunArgs> = {
  command: 'run <file> [args..]',
  describe: 'Compile a program (cached) and run it; its exit status is pync\'s',
  builder: (y) =>
    y
      .parserConfiguration({ 'populate--': true })
      .positional('file', { type: 'string', describe: 'the program\'s main .py file', demandOption: true })
      .positional('args', { type: 'string', array: true, describe: 'arguments for the program (put options after --)' })
      .option('O', { type: 'number', describe: 'optimisation level: -O0 .. -O3 (default -O2)' })
      .option('debug', { alias: 'g', type: 'boolean', default: false, describe: 'keep debug information' })
      .option('static', { type: 'boolean', default: false, describe: 'link statically' })
      .option('verbose', { type: 'boolean', default: false, describe: 'print each step\'s time' })
      .example('pync run app.py -- --flag x', 'runs app.py\'s executable with arguments --flag x')
      .example('pync --target aarch64-linux-gnu run app.py', 'runs the aarch64 build under qemu-aarch64') as never,
  handler: (args) =>
    reportUserErrors(args.verbose, async () => {
      const target = targetFromArgs(args.target, args);
      return runProgram({
        entry: args.file,
        target,
        args: [...(args.args ?? []), ...(args['--'] ?? [])].map(String),
        optLevel: optLevelFromArgs(args.O, 2),
        static: args.static,
        debug: args.debug,
        verbose: args.verbose,
      });
    }),
};

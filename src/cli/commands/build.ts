// cli/commands/build.ts — `pync build FILE`: compile a program into an executable.
//
//   pync build app.py [-o OUT] [--target T] [-O0..-O3] [-g] [--static] [--keep-temps] [--verbose]
//   pync build [...]      no FILE: the project in ./pyproject.toml's [tool.pync] (build-project.ts)

import type { CommandModule } from 'yargs';
import { buildProgram } from '../../driver/build.js';
import { buildProject } from './build-project.js';
import { optLevelFromArgs, reportUserErrors, targetFromArgs } from './common.js';

export interface BuildArgs {
  file?: string;
  output?: string;
  target?: string;
  O?: number | number[];
  debug?: boolean;
  static?: boolean;
  'keep-temps': boolean;
  verbose: boolean;
}

export const buildCommand: CommandModule<object, BuildArgs> = {
  command: 'build [file]',
  describe: 'Compile a Python program into an executable',
  builder: (y) =>
    y
      .positional('file', { type: 'string', describe: 'the program\'s main .py file (default: the project of ./pyproject.toml)' })
      .option('output', { alias: 'o', type: 'string', describe: 'the executable to write (default: ./FILE without .py)' })
      .option('O', { type: 'number', describe: 'optimisation level: -O0, -O1, -O2 (default), -O3' })
      .option('debug', { alias: 'g', type: 'boolean', describe: 'keep debug information' })
      .option('static', { type: 'boolean', describe: 'link statically (runs without the target\'s shared libraries)' })
      .option('keep-temps', { type: 'boolean', default: false, describe: 'keep the LLVM IR and objects in OUTPUT.pync-temps/' })
      .option('verbose', { type: 'boolean', default: false, describe: 'print each step\'s time, and the tools\' output on failure' })
      .example('pync build app.py', 'writes ./app for this machine')
      .example('pync build app.py --target aarch64-linux-gnu -o app-arm64', 'cross-compiles for 64-bit ARM Linux')
      .example('pync build', 'builds the project of ./pyproject.toml ([tool.pync] entry, output, targets...)') as never,
  handler: (args) =>
    reportUserErrors(args.verbose, async () => {
      if (args.file === undefined) return buildProject(args);
      const target = targetFromArgs(args.target);
      await buildProgram({
        entry: args.file,
        target,
        output: args.output,
        optLevel: optLevelFromArgs(args.O, 2),
        static: args.static ?? false,
        debug: args.debug ?? false,
        keepTemps: args['keep-temps'],
        verbose: args.verbose,
      });
    }),
};

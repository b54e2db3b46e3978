// cli/commands/build.ts — `pync build FILE`: compile a program into an executable.
//
//   pync build app.py [-o OUT] [--target T[,T2...]] [-O0..-O3] [-g] [--static] [--keep-temps] [--verbose]
//   pync build [...]      no FILE: the project in ./pyproject.toml's [tool.pync] (build-project.ts)
//
// With several targets (`--target a,b`, or --target given twice) each gets OUT-<target>[exeSuffix]
// (OUT defaults to ./app). They build one after another; a target that fails is reported in one
// line and the others are still built; the exit status is 1 if any failed. Errors in the program
// itself (diagnostics) are the same for every target: they are printed once and stop the build.

import type { CommandModule } from 'yargs';
import type { TargetDescriptor } from '../../../targets/target.js';
import { buildProgram, defaultOutput, type BuildRequest } from '../../driver/build.js';
import { DiagnosticsReported } from '../../driver/errors.js';
import { buildProject } from './build-project.js';
import { optLevelFromArgs, reportUserErrors, targetsFromArgs, userErrorMessage } from './common.js';

export interface BuildArgs {
  file?: string;
  output?: string;
  target?: string | string[];
  board?: string;
  'heap-size'?: string;
  stdout?: string;
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
      .option('output', { alias: 'o', type: 'string', describe: 'the executable to write (default: ./FILE without .py); with several targets, OUTPUT-<target>' })
      .option('O', { type: 'number', describe: 'optimisation level: -O0, -O1, -O2 (default), -O3' })
      .option('debug', { alias: 'g', type: 'boolean', describe: 'keep debug information' })
      .option('static', { type: 'boolean', describe: 'link statically (runs without the target\'s shared libraries)' })
      .option('keep-temps', { type: 'boolean', default: false, describe: 'keep the LLVM IR and objects in OUTPUT.pync-temps/' })
      .option('verbose', { type: 'boolean', default: false, describe: 'print each step\'s time, and the tools\' output on failure' })
      .example('pync build app.py', 'writes ./app for this machine')
      .example('pync build app.py --target aarch64-linux-gnu -o app-arm64', 'cross-compiles for 64-bit ARM Linux')
      .example('pync build app.py --target x86_64-linux-gnu,armv7-linux-gnueabihf -o dist/app', 'writes dist/app-x86_64-linux-gnu and dist/app-armv7-linux-gnueabihf')
      .example('pync build', 'builds the project of ./pyproject.toml ([tool.pync] entry, output, targets...)') as never,
  handler: (args) =>
    reportUserErrors(args.verbose, async () => {
      if (args.file === undefined) return buildProject(args);
      const entry = args.file;
      const targets = targetsFromArgs(args.target, args);
      const request = (target: TargetDescriptor, output: string | undefined): BuildRequest => ({
        entry,
        target,
        output,
        optLevel: optLevelFromArgs(args.O, 2),
        static: args.static ?? false,
        debug: args.debug ?? false,
        keepTemps: args['keep-temps'],
        verbose: args.verbose,
      });
      if (targets.length === 1) {
        await buildProgram(request(targets[0]!, args.output));
        return;
      }
      return buildEach(targets, (t) => request(t, multiTargetOutput(entry, args.output, t)), args.verbose);
    }),
};

/** OUT-<target><exeSuffix>, OUT being -o or the default output without its suffix. */
export function multiTargetOutput(entry: string, output: string | undefined, target: TargetDescriptor): string {
  const base = output ?? defaultOutput(entry, { ...target, exeSuffix: '' });
  return `${base}-${target.name}${target.exeSuffix}`;
}

/** Builds every target in turn; 1 if any failed (each failure reported in one line), else 0. */
export async function buildEach(targets: readonly TargetDescriptor[], request: (t: TargetDescriptor) => BuildRequest, verbose: boolean): Promise<number> {
  const failed: string[] = [];
  for (const target of targets) {
    try {
      await buildProgram(request(target));
    } catch (e) {
      if (e instanceof DiagnosticsReported) throw e; // the program's errors, not the target's
      const message = userErrorMessage(e, verbose);
      if (message === null) throw e;
      process.stderr.write(`pync: error: ${target.name}: ${message}\n`);
      failed.push(target.name);
    }
  }
  if (failed.length === 0) return 0;
  process.stderr.write(`pync: built for ${targets.length - failed.length} of ${targets.length} targets; failed: ${failed.join(', ')}\n`);
  return 1;
}

// cli/commands/build-project.ts — `pync build` with no file: builds the project whose
// pyproject.toml ([tool.pync], read by src/driver/project.ts) is in the current folder or above,
// once per target — --target if given, else the project's `targets`, else this machine; the
// project's `board` configures its bare-metal targets. Command-line options win over the file's;
// with several targets each output gets -TARGET, and a failing target does not stop the others.

import { relative } from 'node:path';
import { TargetError } from '../../../targets/index.js';
import type { TargetDescriptor } from '../../../targets/target.js';
import { buildProgram, type BuildRequest } from '../../driver/build.js';
import { BuildError } from '../../driver/errors.js';
import { loadProjectHere, projectOutput } from '../../driver/project.js';
import { UsageError } from '../errors.js';
import { buildEach, type BuildArgs } from './build.js';
import { optLevelFromArgs, targetOptionsFromArgs, targetsFromArgs } from './common.js';

export async function buildProject(args: BuildArgs): Promise<number> {
  const project = loadProjectHere();
  const cliOptions = { board: args.board, 'heap-size': args['heap-size'], stdout: args.stdout };
  let targets: TargetDescriptor[];
  if (args.target !== undefined || project.targets.length === 0) {
    targets = targetsFromArgs(args.target, cliOptions);
  } else {
    try {
      targets = targetsFromArgs([...project.targets], cliOptions);
    } catch (e) {
      if (e instanceof UsageError) throw new BuildError(`${project.where('targets')}: ${e.message}`);
      throw e;
    }
  }
  // the project's board applies to its bare-metal targets (--board wins)
  if (project.board !== null && !targets.some((t) => t.configure)) {
    throw new BuildError(`${project.where('board')}: board = '${project.board}': none of the project's targets takes a board (bare-metal targets do)`);
  }
  if (project.board !== null && args.board === undefined) {
    const options = { ...targetOptionsFromArgs(cliOptions), board: project.board };
    targets = targets.map((t) => {
      if (!t.configure) return t;
      try {
        return t.configure(options);
      } catch (e) {
        if (e instanceof TargetError) throw new BuildError(`${project.where('board')}: ${e.message}`);
        throw e;
      }
    });
  }
  const optLevel = optLevelFromArgs(args.O, project.optLevel ?? 2);
  const request = (target: TargetDescriptor): BuildRequest => ({
    // relative to here, so diagnostics name the file as the user sees it
    entry: relative(process.cwd(), project.entry) || project.entry,
    target,
    output: projectOutput(project, target.name, target.exeSuffix, targets.length > 1, args.output),
    optLevel,
    static: args.static ?? project.static ?? false,
    debug: args.debug ?? project.debug ?? false,
    keepTemps: args['keep-temps'],
    verbose: args.verbose,
  });
  if (targets.length === 1) {
    await buildProgram(request(targets[0]!));
    return 0;
  }
  return buildEach(targets, request, args.verbose);
}

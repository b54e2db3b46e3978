// cli/commands/build-project.ts — `pync build` with no file: builds the project whose
// pyproject.toml ([tool.pync], read by src/driver/project.ts) is in the current folder or above,
// once per target — --target if given, else the project's `targets`, else this machine.
// Command-line options win over the file's; with several targets each output gets -TARGET.

import { relative } from 'node:path';
import { buildProgram } from '../../driver/build.js';
import { BuildError } from '../../driver/errors.js';
import { loadProjectHere, projectOutput } from '../../driver/project.js';
import { UsageError } from '../errors.js';
import type { BuildArgs } from './build.js';
import { optLevelFromArgs, targetFromArgs } from './common.js';

export async function buildProject(args: BuildArgs): Promise<void> {
  const project = loadProjectHere();
  if (project.board !== null) throw new BuildError(`${project.where('board')}: board = '${project.board}': no target of this pync has boards`);
  const targets = args.target !== undefined ? [targetFromArgs(args.target)] : project.targets.length === 0 ? [targetFromArgs(undefined)] : project.targets.map((name) => {
    try {
      return targetFromArgs(name);
    } catch (e) {
      if (e instanceof UsageError) throw new BuildError(`${project.where('targets')}: ${e.message}`);
      throw e;
    }
  });
  const optLevel = optLevelFromArgs(args.O, project.optLevel ?? 2);
  for (const target of targets) {
    await buildProgram({
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
  }
}

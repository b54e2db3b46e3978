// cli/commands/emit-ir.ts — `pync emit ir FILE` (pync's IR of every module of the program) and
// `pync emit typed FILE` (what the type inference found: globals, classes and the types of each
// function instance's parameters, result and variables).

import { analyseProgram } from '../../compiler/program.js';
import { CompileError, formatDiagnostic } from '../../frontend/diagnostics.js';
import { printModule } from '../../ir/ir.js';
import { printTypes } from '../../types/print-types.js';
import { reportUserErrors } from './common.js';

export async function emitIrOrTypes(stage: 'ir' | 'typed', files: readonly string[]): Promise<void> {
  let failed = false;
  for (const file of files) {
    await reportUserErrors(false, async () => {
      let result;
      try {
        result = analyseProgram(file, { typed: process.env.PYNC_UNTYPED !== '1' });
      } catch (e) {
        if (!(e instanceof CompileError)) throw e;
        for (const d of e.diagnostics) process.stderr.write(formatDiagnostic(d) + '\n');
        failed = true;
        return;
      }
      for (const d of result.diagnostics) process.stderr.write(formatDiagnostic(d, result.sources.get(d.file)) + '\n');
      if (result.diagnostics.some((d) => d.severity === 'error')) {
        failed = true;
        return;
      }
      if (stage === 'typed') process.stdout.write(result.types ? printTypes(result.types) : '');
      else for (const ir of result.irs) process.stdout.write(printModule(ir) + '\n');
    });
  }
  if (failed) process.exitCode = 1;
}

// cli/commands/emit-llvm.ts — `pync emit llvm FILE`: the LLVM IR the compiler makes for a
// program's entry module, for the --target given (default: this machine).
//
// Diagnostics are printed as `pync build` prints them; any error gives exit status 1.

import { compileProgram, type CompileResult } from '../../compiler/index.js';
import { CompileError, formatDiagnostic } from '../../frontend/diagnostics.js';
import { reportUserErrors, targetFromArgs } from './common.js';

export async function emitLlvm(files: readonly string[], targetName: string | undefined): Promise<void> {
  const target = targetFromArgs(targetName);
  let failed = false;
  for (const file of files) {
    await reportUserErrors(false, async () => {
      let result: CompileResult;
      try {
        result = await compileProgram(file, target, { optLevel: 0, debug: false });
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
      const entry = result.modules.find((m) => m.name === '__main__') ?? result.modules[0];
      process.stdout.write(entry?.llvm ?? '');
    });
  }
  if (failed) process.exitCode = 1;
}

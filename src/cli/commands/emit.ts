// cli/commands/emit.ts — `pync emit <stage> FILE...`: print what a compiler stage produces.
//
//   pync emit tokens FILE            the token stream
//   pync emit ast FILE               the AST, as CPython's ast.dump(..., include_attributes=True)
//   pync emit ast --out-dir D F...   one .ast file per input under D, in one process
//   pync emit ir FILE                pync's IR of every module (after type inference)
//   pync emit typed FILE             the types the inference found
//   pync emit llvm FILE              the LLVM IR of the entry module (for --target, default the host)

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { dumpAst, formatDiagnostic, parseBytes, tokenize, decodeSource } from '../../frontend/index.js';
import { formatTokens } from '../../frontend/token-dump.js';
import { UsageError } from '../errors.js';
import { emitLlvm } from './emit-llvm.js';
import { emitIrOrTypes } from './emit-ir.js';

interface EmitArgs {
  stage: string;
  files: string[];
  'out-dir'?: string;
  target?: string;
}

export const emitCommand: CommandModule<object, EmitArgs> = {
  command: 'emit <stage> <files..>',
  describe: 'Print the output of a compiler stage (tokens, ast, typed, ir, llvm)',
  builder: (y) =>
    y
      .positional('stage', { choices: ['tokens', 'ast', 'typed', 'ir', 'llvm'] as const, describe: 'which stage to show', type: 'string', demandOption: true })
      .positional('files', { describe: 'Python source files', type: 'string', array: true, demandOption: true })
      .option('out-dir', { type: 'string', describe: 'write DIR/<file>.ast for each input instead of printing' })
      .example('pync emit ast app.py', 'print the AST as Python\'s ast.dump does')
      .example('pync emit ast --out-dir out a.py b.py', 'write out/a.ast and out/b.ast') as never,
  handler: (args) => {
    if (args.stage === 'ir' || args.stage === 'typed') {
      if (args['out-dir']) throw new UsageError('--out-dir is only for `emit ast`');
      return emitIrOrTypes(args.stage, args.files);
    }
    if (args.stage === 'llvm') {
      if (args['out-dir']) throw new UsageError('--out-dir is only for `emit ast`');
      return emitLlvm(args.files, args.target);
    }
    let failed = false;
    if (args.stage === 'tokens' && args['out-dir']) throw new UsageError('--out-dir is only for `emit ast`');
    for (const file of args.files) {
      let bytes: Buffer;
      try {
        bytes = readFileSync(file);
      } catch (e) {
        process.stderr.write(`pync: error: cannot read ${file}: ${(e as NodeJS.ErrnoException).code ?? String(e)}\n`);
        failed = true;
        continue;
      }
      if (args.stage === 'tokens') {
        failed = !emitTokens(bytes, file) || failed;
      } else {
        failed = !emitAst(bytes, file, args['out-dir']) || failed;
      }
    }
    if (failed) process.exitCode = 1;
  },
};

function emitAst(bytes: Buffer, file: string, outDir: string | undefined): boolean {
  const result = parseBytes(bytes, file);
  if (!result.module) {
    for (const d of result.diagnostics) process.stderr.write(formatDiagnostic(d, result.source?.lines()) + '\n');
    return false;
  }
  let text: string;
  try {
    text = dumpAst(result.module) + '\n';
  } catch (e) {
    if (!(e instanceof RangeError)) throw e;
    process.stderr.write(`${file}: error: the syntax tree is nested too deeply to print\n`);
    return false;
  }
  if (outDir === undefined) {
    process.stdout.write(text);
    return true;
  }
  const rel = relative(process.cwd(), resolve(file)).replace(/\.py$/, '') + '.ast';
  const out = join(outDir, rel);
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(out, text);
  return true;
}

function emitTokens(bytes: Buffer, file: string): boolean {
  const decoded = decodeSource(bytes, file);
  if (!decoded.ok) {
    process.stderr.write(formatDiagnostic(decoded.diagnostic) + '\n');
    return false;
  }
  const ts = tokenize(decoded.source);
  process.stdout.write(formatTokens(ts, decoded.source.text));
  if (ts.error) {
    process.stderr.write(`${file}:${ts.error.lineno}:${ts.error.col + 1}: error: ${ts.error.message}\n`);
    return false;
  }
  return true;
}

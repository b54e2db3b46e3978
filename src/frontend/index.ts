// The frontend's public surface: source bytes in, CPython-shaped AST (or diagnostics) out.

export { parseBytes, parseSource, type ParseResult } from './parse.js';
export { tokenize } from './tokenizer.js';
export { decodeSource, makeSourceText, type SourceText } from './source.js';
export { dumpAst } from './dump.js';
export { formatDiagnostic, type Diagnostic } from './diagnostics.js';
export * as ast from './ast.js';

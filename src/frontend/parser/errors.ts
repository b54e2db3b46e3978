// parser/errors.ts — which error a failed parse reports, following CPython's pegen.
//
// A parse can fail in the parser and the tokenizer at once; CPython's rules for which one the
// user sees are reproduced here:
//  - an error the tokenizer raised itself (bad character, unterminated string, …) wins, even when
//    the parser failed earlier in the file (CPython tokenizes the rest of the file to look) —
//    except after "unexpected indent/unindent", which CPython reports without looking;
//  - an indentation error, a bad line continuation or end of file is reported only if the parser
//    got as far as that token;
//  - brackets still open at the end of the file are reported as "'(' was never closed" when the
//    parser failed on a later line than the bracket.

import { TokErrorKind, type TokenizerError } from '../tokens.js';
import { Messages } from '../diagnostics.js';
import { ParseError, type Parser } from './core.js';

export function tokenizerErrorToParseError(e: TokenizerError): ParseError {
  const pyClass = e.kind === TokErrorKind.Indentation
    ? e.code === Messages.inconsistentTabs.code ? 'TabError'
      : e.code === Messages.unexpectedCharAfterContinuation.code ? 'SyntaxError' : 'IndentationError'
    : 'SyntaxError';
  if (e.kind === TokErrorKind.EofInBrackets && e.bracket) {
    return new ParseError(e.code, e.message, pyClass, e.bracket.lineno, e.bracket.col, e.bracket.lineno, e.bracket.col + 1);
  }
  return new ParseError(e.code, e.message, pyClass, e.lineno, e.col, e.end_lineno, e.end_col);
}

/** The error to report when parsing stopped with `err`. */
export function resolveParseError(p: Parser, err: ParseError): ParseError {
  const tokErr = p.ts.error;
  if (!tokErr) return err;
  const reached = p.maxPos >= tokErr.tokenIndex;
  if (reached) return tokenizerErrorToParseError(tokErr);
  // CPython reports an unexpected INDENT/DEDENT without looking further into the file.
  if (err.code === Messages.unexpectedIndent.code || err.code === Messages.unexpectedUnindent.code) return err;
  if (tokErr.kind === TokErrorKind.Raised) {
    const e = tokenizerErrorToParseError(tokErr);
    // Found by CPython's look through the rest of the file, an undecodable identifier surfaces
    // as the bare UnicodeDecodeError, without the "(unicode error)" prefix.
    if (e.code === Messages.invalidUtf8.code) {
      return new ParseError(e.code, e.message.replace('(unicode error) ', ''), 'UnicodeDecodeError', e.lineno, e.col, e.end_lineno, e.end_col);
    }
    return e;
  }
  if (tokErr.kind === TokErrorKind.EofInBrackets && tokErr.bracket) {
    const lastLine = p.L[Math.min(p.maxPos, p.ts.count - 1)];
    if (lastLine > tokErr.bracket.lineno) return tokenizerErrorToParseError(tokErr);
  }
  return err;
}

// diagnostics.ts — every message the compiler can report, as data, and how they are printed.
//
// Takes: a message code and its arguments, a source position. Hands on: Diagnostic records that
// any stage can return, and `formatDiagnostic`, which prints them the way compilers do:
//
//   file.py:3:7: error: expected ':'
//       if x
//         ^
//
// Messages follow CPython's wording where CPython has one, so a Python programmer recognises
// them. Codes are stable: P1xxx tokenizer, P2xxx parser, later stages take their own ranges.

export type Severity = 'error' | 'warning' | 'note';

export interface MessageTemplate {
  readonly code: string;
  readonly severity: Severity;
  /** `{0}`, `{1}` … are replaced by the arguments */
  readonly text: string;
  /** CPython's exception class for this error, for tools that compare with CPython */
  readonly pyClass?: 'SyntaxError' | 'IndentationError' | 'TabError';
}

const m = (code: string, text: string, pyClass: MessageTemplate['pyClass'] = 'SyntaxError'): MessageTemplate =>
  ({ code, severity: 'error', text, pyClass });

export const Messages = {
  // ---- source decoding and tokenizer ----
  unknownEncoding: m('P1001', 'unknown encoding: {0}'),
  encodingWithBom: m('P1002', 'encoding problem: {0} with BOM'),
  invalidUtf8: m('P1003', "(unicode error) 'utf-8' codec can't decode byte 0x{0} in position {1}: {2}"),
  nullBytes: m('P1004', 'source code string cannot contain null bytes'),
  invalidCharacter: m('P1005', "invalid character '{0}' (U+{1})"),
  invalidNonPrintable: m('P1006', 'invalid non-printable character U+{0}'),
  unterminatedString: m('P1007', 'unterminated string literal (detected at line {0})'),
  unterminatedTripleString: m('P1008', 'unterminated triple-quoted string literal (detected at line {0})'),
  unexpectedCharAfterContinuation: m('P1009', 'unexpected character after line continuation character'),
  unexpectedEof: m('P1010', 'unexpected EOF while parsing'),
  unmatchedBracket: m('P1011', "unmatched '{0}'"),
  mismatchedBracket: m('P1012', "closing parenthesis '{0}' does not match opening parenthesis '{1}'"),
  mismatchedBracketOnLine: m('P1013', "closing parenthesis '{0}' does not match opening parenthesis '{1}' on line {2}"),
  tooManyNestedBrackets: m('P1014', 'too many nested parentheses'),
  neverClosed: m('P1015', "'{0}' was never closed"),
  unexpectedIndent: m('P1016', 'unexpected indent', 'IndentationError'),
  unexpectedUnindent: m('P1017', 'unexpected unindent', 'IndentationError'),
  unindentMismatch: m('P1018', 'unindent does not match any outer indentation level', 'IndentationError'),
  inconsistentTabs: m('P1019', 'inconsistent use of tabs and spaces in indentation', 'TabError'),
  tooDeepIndent: m('P1020', 'too many levels of indentation', 'IndentationError'),
  expectedIndentedBlock: m('P1021', "expected an indented block after {0} on line {1}", 'IndentationError'),
  expectedIndentedBlockPlain: m('P1022', 'expected an indented block', 'IndentationError'),
  invalidNumber: m('P1023', 'invalid {0} literal'),
  invalidDigit: m('P1024', "invalid digit '{0}' in {1} literal"),
  leadingZeros: m('P1025', 'leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers'),
  intTooLong: m('P1026', 'Exceeds the limit (4300 digits) for integer string conversion: value has {0} digits; use sys.set_int_max_str_digits() to increase the limit - Consider hexadecimal for huge integer literals to avoid decimal conversion limits.'),
  eofInMultiLineStatement: m('P1027', 'unexpected EOF while parsing'),

  // ---- string literals ----
  bytesNonAscii: m('P1101', 'bytes can only contain ASCII literal characters'),
  mixBytes: m('P1102', 'cannot mix bytes and nonbytes literals'),
  unicodeEscape: m('P1103', "(unicode error) 'unicodeescape' codec can't decode bytes in position {0}-{1}: {2}"),
  unicodeEscapeOne: m('P1104', "(unicode error) 'unicodeescape' codec can't decode byte 0x5c in position {0}: {1}"),
  bytesEscape: m('P1105', '(value error) invalid \\x escape at position {0}'),
  fstringEmptyExpression: m('P1110', 'f-string: empty expression not allowed'),
  fstringExpressionRequired: m('P1111', "f-string: expression required before '{0}'"),
  fstringSingleBrace: m('P1112', "f-string: single '}' is not allowed"),
  fstringExpectingBrace: m('P1113', "f-string: expecting '}'"),
  fstringUnterminatedString: m('P1114', 'f-string: unterminated string'),
  fstringBackslash: m('P1115', 'f-string expression part cannot include a backslash'),
  fstringComment: m('P1116', "f-string expression part cannot include '#'"),
  fstringInvalidConversion: m('P1117', "f-string: invalid conversion character: expected 's', 'r', or 'a'"),
  fstringMissingConversion: m('P1118', 'f-string: missing conversion character'),
  fstringTooDeep: m('P1119', 'f-string: expressions nested too deeply'),
  fstringUnmatched: m('P1120', "f-string: unmatched '{0}'"),
  fstringClosingMismatch: m('P1121', "f-string: closing parenthesis '{0}' does not match opening parenthesis '{1}'"),
  fstringTooManyNested: m('P1122', 'f-string: too many nested parenthesis'),
  literalError: m('P1124', '{0}'),

  // ---- parser ----
  invalidSyntax: m('P2001', 'invalid syntax'),
  expectedToken: m('P2002', "expected '{0}'"),
  expected: m('P2003', 'expected {0}'),
  invalidSyntaxForgotComma: m('P2004', 'invalid syntax. Perhaps you forgot a comma?'),
  cannotAssign: m('P2005', 'cannot assign to {0}'),
  cannotAssignHere: m('P2006', "cannot assign to {0} here. Maybe you meant '==' instead of '='?"),
  cannotDelete: m('P2007', 'cannot delete {0}'),
  illegalAugAssign: m('P2008', "'{0}' is an illegal expression for augmented assignment"),
  onlySingleTargetAnnotated: m('P2009', 'only single target (not {0}) can be annotated'),
  illegalAnnotationTarget: m('P2010', 'illegal target for annotation'),
  yieldAssign: m('P2011', 'assignment to yield expression not possible'),
  walrusTarget: m('P2012', 'cannot use assignment expressions with {0}'),
  maybeEquals: m('P2013', "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"),
  missingParensPrint: m('P2014', "Missing parentheses in call to '{0}'. Did you mean {0}(...)?"),
  starredAlone: m('P2015', "can't use starred expression here"),
  positionalAfterKeyword: m('P2016', 'positional argument follows keyword argument'),
  positionalAfterKeywordUnpacking: m('P2017', 'positional argument follows keyword argument unpacking'),
  iterableUnpackingAfterKeywordUnpacking: m('P2018', 'iterable argument unpacking follows keyword argument unpacking'),
  genexpMustBeParenthesized: m('P2019', 'Generator expression must be parenthesized'),
  keywordCantBeExpression: m('P2020', 'expression cannot contain assignment, perhaps you meant "=="?'),
  nonDefaultAfterDefault: m('P2021', 'non-default argument follows default argument'),
  duplicateStar: m('P2022', '* argument may appear only once'),
  namedArgsAfterBareStar: m('P2023', 'named arguments must follow bare *'),
  bareStarWithAnnotation: m('P2024', 'named arguments must follow bare *'),
  varKeywordDefault: m('P2025', 'var-keyword argument cannot have default value'),
  varPositionalDefault: m('P2026', 'var-positional argument cannot have default value'),
  argumentsAfterVarKeyword: m('P2027', 'arguments cannot follow var-keyword argument'),
  slashOnce: m('P2028', '/ may appear only once'),
  slashAfterStar: m('P2029', '/ must be ahead of *'),
  atLeastOneBeforeSlash: m('P2030', 'at least one argument must precede /'),
  expectedDefaultValue: m('P2031', "expected default value expression"),
  unparenthesizedTuple: m('P2032', 'did you forget parentheses around the comprehension target?'),
  dictUnpackInComprehension: m('P2033', 'dict unpacking cannot be used in dict comprehension'),
  iterableUnpackInComprehension: m('P2034', 'iterable unpacking cannot be used in comprehension'),
  expressionExpectedAfterDictKey: m('P2035', "expression expected after dictionary key and ':'"),
  cannotUseStarredExpr: m('P2036', 'cannot use starred expression here'),
  cannotUseDoubleStarredExpr: m('P2037', 'cannot use double starred expression here'),
  exceptMultipleUnparenthesized: m('P2038', 'multiple exception types must be parenthesized'),
  exceptStarNeedsType: m('P2039', 'expected one or more exception types'),
  tryNeedsExceptOrFinally: m('P2040', "expected 'except' or 'finally' block"),
  cannotMixExceptStar: m('P2041', "cannot have both 'except' and 'except*' on the same 'try'"),
  importTrailingComma: m('P2042', 'trailing comma not allowed without surrounding parentheses'),
  lambdaNoParens: m('P2043', 'Lambda expression parameters cannot be parenthesized'),
  functionParamsNoParens: m('P2044', 'Function parameters cannot be parenthesized'),
  expectedElse: m('P2045', "expected 'else' after 'if' expression"),
  assignmentInCondition: m('P2046', "invalid syntax. Maybe you meant '==' or ':=' instead of '='?"),
  patternsMayOnlyMatchLiteralsAndAttributeLookups: m('P2047', 'patterns may only match literals and attribute lookups'),
  positionalPatternAfterKeyword: m('P2048', 'positional patterns follow keyword patterns'),
  realNumberRequired: m('P2049', 'real number required in complex literal'),
  imaginaryNumberRequired: m('P2050', 'imaginary number required in complex literal'),
  invalidPatternTarget: m('P2051', 'invalid pattern target'),
  cannotUseStarredHere: m('P2052', 'cannot use starred expression here'),
  starredInSubscriptNotAllowed: m('P2053', 'cannot use starred expression here'),
  tooDeeplyNested: m('P2054', 'too many nested parentheses'),
  tooComplex: m('P2055', 'too complex: the expression is nested too deeply to parse'),
  unparenthesizedWalrusInSlice: m('P2056', 'invalid syntax'),
  defaultExceptMustBeLast: m('P2057', "default 'except:' must be last"),
  namedArgsFollowBareStar: m('P2058', 'named arguments must follow bare *'),
  assignmentToKeyword: m('P2059', 'cannot assign to {0}'),
  invalidStarredAssignment: m('P2060', 'starred assignment target must be in a list or tuple'),
  withStatementItemsParens: m('P2061', "expected ':'"),
  cannotAssignToLiteralHere: m('P2062', "cannot assign to {0} here. Maybe you meant '==' instead of '='?"),
  unparenthesizedDictValue: m('P2063', "':' expected after dictionary key"),
  expectedExpression: m('P2064', 'expected an expression'),
  colonExpectedAfterKey: m('P2065', "':' expected after dictionary key"),
  starredDictValue: m('P2066', 'cannot use a starred expression in a dictionary value'),
  parserGaveUp: m('P2099', 'too many errors; stopping'),

  // ---- scopes and names (CPython's symtable / compiler errors) ----
  duplicateArgument: m('P3001', "duplicate argument '{0}' in function definition"),
  paramAndGlobal: m('P3002', "name '{0}' is parameter and global"),
  paramAndNonlocal: m('P3003', "name '{0}' is parameter and nonlocal"),
  globalAndNonlocal: m('P3004', "name '{0}' is nonlocal and global"),
  nonlocalAndGlobal: m('P3005', "name '{0}' is nonlocal and global"),
  usedBeforeDeclaration: m('P3006', "name '{0}' is {1} prior to {2} declaration"),
  nonlocalAtModuleLevel: m('P3007', 'nonlocal declaration not allowed at module level'),
  noBindingForNonlocal: m('P3008', "no binding for nonlocal '{0}' found"),
  returnOutsideFunction: m('P3009', "'return' outside function"),
  yieldOutsideFunction: m('P3010', "'yield' outside function"),
  yieldInComprehension: m('P3011', "'yield' inside list comprehension"),
  awaitOutsideAsync: m('P3012', "'await' outside async function"),
  asyncComprehensionOutside: m('P3032', 'asynchronous comprehension outside of an asynchronous function'),
  yieldFromInAsync: m('P3013', "'yield from' inside async function"),
  asyncForOutsideAsync: m('P3014', "'async for' outside async function"),
  asyncWithOutsideAsync: m('P3015', "'async with' outside async function"),
  importStarNotAtModuleLevel: m('P3016', 'import * only allowed at module level'),
  annotatedGlobal: m('P3017', "annotated name '{0}' can't be {1}"),
  walrusInClassComprehension: m('P3018', 'assignment expression within a comprehension cannot be used in a class body'),
  walrusRebindsIterationVariable: m('P3019', "assignment expression cannot rebind comprehension iteration variable '{0}'"),
  breakOutsideLoop: m('P3020', "'break' outside loop"),
  continueOutsideLoop: m('P3021', "'continue' not properly in loop"),
  defaultExceptNotLast: m('P3022', "default 'except:' must be last"),
  starredAssignmentTarget: m('P3023', 'starred assignment target must be in a list or tuple'),
  multipleStarredTargets: m('P3024', 'multiple starred expressions in assignment'),
  starredNotAllowedHere: m('P3025', "can't use starred expression here"),
  returnWithValueInAsyncGenerator: m('P3026', "'return' with value in async generator"),

  // ---- what pync cannot compile (compile-time errors, never wrong output) ----
  unsupported: m('P4001', '{0} cannot be compiled by pync: {1}'),
  moduleNotFound: m('P4002', "No module named '{0}': pync compiles the modules next to the program and its own built-in modules ({1})"),
  cannotRead: m('P4004', 'cannot read {0}: {1}'),
  dynamicFeature: m('P4003', "'{0}' cannot be compiled: pync compiles ahead of time and has no interpreter at run time; {1}"),
} as const satisfies Record<string, MessageTemplate>;

export type MessageName = keyof typeof Messages;

export interface Diagnostic {
  readonly code: string;
  readonly severity: Severity;
  readonly message: string;
  readonly pyClass: string;
  readonly file: string;
  /** 1-based; 0 when the error concerns the file as a whole (as CPython reports encoding errors) */
  readonly lineno: number;
  /** 0-based, UTF-8 bytes (CPython's convention); -1 when unknown */
  readonly col: number;
  readonly end_lineno: number;
  readonly end_col: number;
}

export function makeDiagnostic(
  template: MessageTemplate,
  args: readonly (string | number)[],
  file: string,
  lineno: number,
  col: number,
  end_lineno = lineno,
  end_col = col,
): Diagnostic {
  const message = template.text.replace(/\{(\d+)\}/g, (_, i: string) => String(args[Number(i)] ?? ''));
  return {
    code: template.code,
    severity: template.severity,
    message,
    pyClass: template.pyClass ?? 'SyntaxError',
    file,
    lineno,
    col,
    end_lineno,
    end_col,
  };
}

/** A stage failed with these diagnostics; thrown across stage boundaries, caught by the driver. */
export class CompileError extends Error {
  constructor(readonly diagnostics: readonly Diagnostic[]) {
    super(diagnostics.map((d) => `${d.file}:${d.lineno}: ${d.message}`).join('\n'));
  }
}

/** Converts a UTF-8 byte column into a column counted in code points of `line`. */
export function byteColToCharCol(line: string, byteCol: number): number {
  let bytes = 0;
  let chars = 0;
  for (const ch of line) {
    if (bytes >= byteCol) break;
    const cp = ch.codePointAt(0)!;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    chars++;
  }
  return chars;
}

/**
 * `file:line:col: error: message`, then the source line and a caret under the column (1-based,
 * counted in characters). `sourceLines` may be omitted when the source is not at hand.
 */
export function formatDiagnostic(d: Diagnostic, sourceLines?: readonly string[]): string {
  if (d.lineno <= 0) return `${d.file}: ${d.severity}: ${d.message}`;
  const line = sourceLines?.[d.lineno - 1];
  const charCol = line !== undefined && d.col >= 0 ? byteColToCharCol(line, d.col) : Math.max(d.col, 0);
  let out = `${d.file}:${d.lineno}:${charCol + 1}: ${d.severity}: ${d.message}`;
  if (line !== undefined) {
    const shown = line.replace(/\t/g, ' ');
    const indent = shown.length - shown.trimStart().length;
    const text = shown.trim();
    if (text.length > 0) {
      const caretAt = Math.max(0, Math.min(charCol - indent, text.length));
      out += `\n    ${text}\n    ${' '.repeat(caretAt)}^`;
    }
  }
  return out;
}

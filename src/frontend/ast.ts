// ast.ts — the abstract syntax tree, shaped exactly like CPython 3.11's `ast` module.
//
// Takes: nothing (pure type definitions and the field schema).
// Hands on: node types used by the parser (which builds them), `pync emit ast` (which dumps them
// through SCHEMA in CPython's `ast.dump` format) and the later compiler stages.
//
// Every node has CPython's class name in `_type` and CPython's field names, in CPython's order.
// Located nodes carry CPython's positions: 1-based lines, 0-based columns counted in UTF-8 bytes.
// Operators and expression contexts are plain strings ('Add', 'Load', …): they carry no data.

export interface Located {
  lineno: number;
  col_offset: number;
  end_lineno: number;
  end_col_offset: number;
}

// ---- constants ------------------------------------------------------------------------------

/** A Python float (wrapped so that 1.0 and 1 stay distinct). */
export class PyFloat {
  constructor(readonly value: number) {}
}
/** A Python complex literal: source code only ever produces pure imaginary numbers. */
export class PyComplex {
  constructor(readonly real: number, readonly imag: number) {}
}
/** A Python bytes value. */
export class PyBytes {
  constructor(readonly bytes: Uint8Array) {}
}
/**
 * A Python str that cannot be held faithfully in a JS string: it contains a surrogate code point
 * written as an escape right before another one, which a JS string would fuse into one character.
 * Ordinary strings (including lone surrogates) are plain JS strings.
 */
export class PyWideStr {
  constructor(readonly codePoints: number[]) {}
}
export const PyEllipsis: { readonly ellipsis: true } = Object.freeze({ ellipsis: true as const });

/** int: number when it is a safe integer, bigint beyond. */
export type ConstantValue =
  | null
  | boolean
  | number
  | bigint
  | string
  | PyFloat
  | PyComplex
  | PyBytes
  | PyWideStr
  | typeof PyEllipsis;

// ---- operators and contexts -----------------------------------------------------------------

export type ExprContext = 'Load' | 'Store' | 'Del';
export type BoolOperator = 'And' | 'Or';
export type Operator =
  | 'Add' | 'Sub' | 'Mult' | 'MatMult' | 'Div' | 'Mod' | 'Pow'
  | 'LShift' | 'RShift' | 'BitOr' | 'BitXor' | 'BitAnd' | 'FloorDiv';
export type UnaryOperator = 'Invert' | 'Not' | 'UAdd' | 'USub';
export type CmpOperator = 'Eq' | 'NotEq' | 'Lt' | 'LtE' | 'Gt' | 'GtE' | 'Is' | 'IsNot' | 'In' | 'NotIn';

// ---- modules --------------------------------------------------------------------------------

export interface ModuleNode {
  _type: 'Module';
  body: Stmt[];
  type_ignores: TypeIgnoreNode[];
}
export interface TypeIgnoreNode {
  _type: 'TypeIgnore';
  lineno: number;
  tag: string;
}

// ---- statements -----------------------------------------------------------------------------

export interface FunctionDefNode extends Located {
  _type: 'FunctionDef';
  name: string;
  args: ArgumentsNode;
  body: Stmt[];
  decorator_list: Expr[];
  returns: Expr | null;
  type_comment: string | null;
}
export interface AsyncFunctionDefNode extends Located {
  _type: 'AsyncFunctionDef';
  name: string;
  args: ArgumentsNode;
  body: Stmt[];
  decorator_list: Expr[];
  returns: Expr | null;
  type_comment: string | null;
}
export interface ClassDefNode extends Located {
  _type: 'ClassDef';
  name: string;
  bases: Expr[];
  keywords: KeywordNode[];
  body: Stmt[];
  decorator_list: Expr[];
}
export interface ReturnNode extends Located {
  _type: 'Return';
  value: Expr | null;
}
export interface DeleteNode extends Located {
  _type: 'Delete';
  targets: Expr[];
}
export interface AssignNode extends Located {
  _type: 'Assign';
  targets: Expr[];
  value: Expr;
  type_comment: string | null;
}
export interface AugAssignNode extends Located {
  _type: 'AugAssign';
  target: Expr;
  op: Operator;
  value: Expr;
}
export interface AnnAssignNode extends Located {
  _type: 'AnnAssign';
  target: Expr;
  annotation: Expr;
  value: Expr | null;
  simple: number;
}
export interface ForNode extends Located {
  _type: 'For';
  target: Expr;
  iter: Expr;
  body: Stmt[];
  orelse: Stmt[];
  type_comment: string | null;
}
export interface AsyncForNode extends Located {
  _type: 'AsyncFor';
  target: Expr;
  iter: Expr;
  body: Stmt[];
  orelse: Stmt[];
  type_comment: string | null;
}
export interface WhileNode extends Located {
  _type: 'While';
  test: Expr;
  body: Stmt[];
  orelse: Stmt[];
}
export interface IfNode extends Located {
  _type: 'If';
  test: Expr;
  body: Stmt[];
  orelse: Stmt[];
}
export interface WithNode extends Located {
  _type: 'With';
  items: WithItemNode[];
  body: Stmt[];
  type_comment: string | null;
}
export interface AsyncWithNode extends Located {
  _type: 'AsyncWith';
  items: WithItemNode[];
  body: Stmt[];
  type_comment: string | null;
}
export interface MatchNode extends Located {
  _type: 'Match';
  subject: Expr;
  cases: MatchCaseNode[];
}
export interface RaiseNode extends Located {
  _type: 'Raise';
  exc: Expr | null;
  cause: Expr | null;
}
export interface TryNode extends Located {
  _type: 'Try';
  body: Stmt[];
  handlers: ExceptHandlerNode[];
  orelse: Stmt[];
  finalbody: Stmt[];
}
export interface TryStarNode extends Located {
  _type: 'TryStar';
  body: Stmt[];
  handlers: ExceptHandlerNode[];
  orelse: Stmt[];
  finalbody: Stmt[];
}
export interface AssertNode extends Located {
  _type: 'Assert';
  test: Expr;
  msg: Expr | null;
}
export interface ImportNode extends Located {
  _type: 'Import';
  names: AliasNode[];
}
export interface ImportFromNode extends Located {
  _type: 'ImportFrom';
  module: string | null;
  names: AliasNode[];
  level: number;
}
export interface GlobalNode extends Located {
  _type: 'Global';
  names: string[];
}
export interface NonlocalNode extends Located {
  _type: 'Nonlocal';
  names: string[];
}
export interface ExprStmtNode extends Located {
  _type: 'Expr';
  value: Expr;
}
export interface PassNode extends Located {
  _type: 'Pass';
}
export interface BreakNode extends Located {
  _type: 'Break';
}
export interface ContinueNode extends Located {
  _type: 'Continue';
}

export type Stmt =
  | FunctionDefNode | AsyncFunctionDefNode | ClassDefNode | ReturnNode | DeleteNode | AssignNode
  | AugAssignNode | AnnAssignNode | ForNode | AsyncForNode | WhileNode | IfNode | WithNode
  | AsyncWithNode | MatchNode | RaiseNode | TryNode | TryStarNode | AssertNode | ImportNode
  | ImportFromNode | GlobalNode | NonlocalNode | ExprStmtNode | PassNode | BreakNode | ContinueNode;

// ---- expressions ----------------------------------------------------------------------------

export interface BoolOpNode extends Located {
  _type: 'BoolOp';
  op: BoolOperator;
  values: Expr[];
}
export interface NamedExprNode extends Located {
  _type: 'NamedExpr';
  target: Expr;
  value: Expr;
}
export interface BinOpNode extends Located {
  _type: 'BinOp';
  left: Expr;
  op: Operator;
  right: Expr;
}
export interface UnaryOpNode extends Located {
  _type: 'UnaryOp';
  op: UnaryOperator;
  operand: Expr;
}
export interface LambdaNode extends Located {
  _type: 'Lambda';
  args: ArgumentsNode;
  body: Expr;
}
export interface IfExpNode extends Located {
  _type: 'IfExp';
  test: Expr;
  body: Expr;
  orelse: Expr;
}
export interface DictNode extends Located {
  _type: 'Dict';
  /** null for a `**mapping` entry */
  keys: (Expr | null)[];
  values: Expr[];
}
export interface SetNode extends Located {
  _type: 'Set';
  elts: Expr[];
}
export interface ListCompNode extends Located {
  _type: 'ListComp';
  elt: Expr;
  generators: ComprehensionNode[];
}
export interface SetCompNode extends Located {
  _type: 'SetComp';
  elt: Expr;
  generators: ComprehensionNode[];
}
export interface DictCompNode extends Located {
  _type: 'DictComp';
  key: Expr;
  value: Expr;
  generators: ComprehensionNode[];
}
export interface GeneratorExpNode extends Located {
  _type: 'GeneratorExp';
  elt: Expr;
  generators: ComprehensionNode[];
}
export interface AwaitNode extends Located {
  _type: 'Await';
  value: Expr;
}
export interface YieldNode extends Located {
  _type: 'Yield';
  value: Expr | null;
}
export interface YieldFromNode extends Located {
  _type: 'YieldFrom';
  value: Expr;
}
export interface CompareNode extends Located {
  _type: 'Compare';
  left: Expr;
  ops: CmpOperator[];
  comparators: Expr[];
}
export interface CallNode extends Located {
  _type: 'Call';
  func: Expr;
  args: Expr[];
  keywords: KeywordNode[];
}
export interface FormattedValueNode extends Located {
  _type: 'FormattedValue';
  value: Expr;
  /** -1 for none, else the code of 's', 'r' or 'a' */
  conversion: number;
  format_spec: Expr | null;
}
export interface JoinedStrNode extends Located {
  _type: 'JoinedStr';
  values: Expr[];
}
export interface ConstantNode extends Located {
  _type: 'Constant';
  value: ConstantValue;
  /** 'u' for a u-prefixed string, else null */
  kind: string | null;
}
export interface AttributeNode extends Located {
  _type: 'Attribute';
  value: Expr;
  attr: string;
  ctx: ExprContext;
}
export interface SubscriptNode extends Located {
  _type: 'Subscript';
  value: Expr;
  slice: Expr;
  ctx: ExprContext;
}
export interface StarredNode extends Located {
  _type: 'Starred';
  value: Expr;
  ctx: ExprContext;
}
export interface NameNode extends Located {
  _type: 'Name';
  id: string;
  ctx: ExprContext;
}
export interface ListNode extends Located {
  _type: 'List';
  elts: Expr[];
  ctx: ExprContext;
}
export interface TupleNode extends Located {
  _type: 'Tuple';
  elts: Expr[];
  ctx: ExprContext;
}
export interface SliceNode extends Located {
  _type: 'Slice';
  lower: Expr | null;
  upper: Expr | null;
  step: Expr | null;
}

export type Expr =
  | BoolOpNode | NamedExprNode | BinOpNode | UnaryOpNode | LambdaNode | IfExpNode | DictNode
  | SetNode | ListCompNode | SetCompNode | DictCompNode | GeneratorExpNode | AwaitNode | YieldNode
  | YieldFromNode | CompareNode | CallNode | FormattedValueNode | JoinedStrNode | ConstantNode
  | AttributeNode | SubscriptNode | StarredNode | NameNode | ListNode | TupleNode | SliceNode;

// ---- helper nodes ---------------------------------------------------------------------------

export interface ComprehensionNode {
  _type: 'comprehension';
  target: Expr;
  iter: Expr;
  ifs: Expr[];
  is_async: number;
}
export interface ExceptHandlerNode extends Located {
  _type: 'ExceptHandler';
  type: Expr | null;
  name: string | null;
  body: Stmt[];
}
export interface ArgumentsNode {
  _type: 'arguments';
  posonlyargs: ArgNode[];
  args: ArgNode[];
  vararg: ArgNode | null;
  kwonlyargs: ArgNode[];
  /** one per kwonlyarg; null where it has no default */
  kw_defaults: (Expr | null)[];
  kwarg: ArgNode | null;
  defaults: Expr[];
}
export interface ArgNode extends Located {
  _type: 'arg';
  arg: string;
  annotation: Expr | null;
  type_comment: string | null;
}
export interface KeywordNode extends Located {
  _type: 'keyword';
  /** null for `**mapping` */
  arg: string | null;
  value: Expr;
}
export interface AliasNode extends Located {
  _type: 'alias';
  name: string;
  asname: string | null;
}
export interface WithItemNode {
  _type: 'withitem';
  context_expr: Expr;
  optional_vars: Expr | null;
}
export interface MatchCaseNode {
  _type: 'match_case';
  pattern: Pattern;
  guard: Expr | null;
  body: Stmt[];
}

// ---- patterns -------------------------------------------------------------------------------

export interface MatchValueNode extends Located {
  _type: 'MatchValue';
  value: Expr;
}
export interface MatchSingletonNode extends Located {
  _type: 'MatchSingleton';
  value: ConstantValue;
}
export interface MatchSequenceNode extends Located {
  _type: 'MatchSequence';
  patterns: Pattern[];
}
export interface MatchMappingNode extends Located {
  _type: 'MatchMapping';
  keys: Expr[];
  patterns: Pattern[];
  rest: string | null;
}
export interface MatchClassNode extends Located {
  _type: 'MatchClass';
  cls: Expr;
  patterns: Pattern[];
  kwd_attrs: string[];
  kwd_patterns: Pattern[];
}
export interface MatchStarNode extends Located {
  _type: 'MatchStar';
  name: string | null;
}
export interface MatchAsNode extends Located {
  _type: 'MatchAs';
  pattern: Pattern | null;
  name: string | null;
}
export interface MatchOrNode extends Located {
  _type: 'MatchOr';
  patterns: Pattern[];
}

export type Pattern =
  | MatchValueNode | MatchSingletonNode | MatchSequenceNode | MatchMappingNode | MatchClassNode
  | MatchStarNode | MatchAsNode | MatchOrNode;

export type AnyNode =
  | ModuleNode | TypeIgnoreNode | Stmt | Expr | Pattern | ComprehensionNode | ExceptHandlerNode
  | ArgumentsNode | ArgNode | KeywordNode | AliasNode | WithItemNode | MatchCaseNode;

// ---- schema: field order and optionality, as CPython's ASDL declares them --------------------

/** [field name, optional ('?' in the ASDL: omitted by ast.dump when None)] */
export type FieldSpec = readonly [name: string, optional: boolean];
export interface NodeSchema {
  readonly fields: readonly FieldSpec[];
  /** has lineno/col_offset/end_lineno/end_col_offset */
  readonly located: boolean;
}

const f = (name: string): FieldSpec => [name, false];
const opt = (name: string): FieldSpec => [name, true];
const located = (...fields: FieldSpec[]): NodeSchema => ({ fields, located: true });
const plain = (...fields: FieldSpec[]): NodeSchema => ({ fields, located: false });

export const SCHEMA: Readonly<Record<string, NodeSchema>> = {
  Module: plain(f('body'), f('type_ignores')),
  TypeIgnore: plain(f('lineno'), f('tag')),
  FunctionDef: located(f('name'), f('args'), f('body'), f('decorator_list'), opt('returns'), opt('type_comment')),
  AsyncFunctionDef: located(f('name'), f('args'), f('body'), f('decorator_list'), opt('returns'), opt('type_comment')),
  ClassDef: located(f('name'), f('bases'), f('keywords'), f('body'), f('decorator_list')),
  Return: located(opt('value')),
  Delete: located(f('targets')),
  Assign: located(f('targets'), f('value'), opt('type_comment')),
  AugAssign: located(f('target'), f('op'), f('value')),
  AnnAssign: located(f('target'), f('annotation'), opt('value'), f('simple')),
  For: located(f('target'), f('iter'), f('body'), f('orelse'), opt('type_comment')),
  AsyncFor: located(f('target'), f('iter'), f('body'), f('orelse'), opt('type_comment')),
  While: located(f('test'), f('body'), f('orelse')),
  If: located(f('test'), f('body'), f('orelse')),
  With: located(f('items'), f('body'), opt('type_comment')),
  AsyncWith: located(f('items'), f('body'), opt('type_comment')),
  Match: located(f('subject'), f('cases')),
  Raise: located(opt('exc'), opt('cause')),
  Try: located(f('body'), f('handlers'), f('orelse'), f('finalbody')),
  TryStar: located(f('body'), f('handlers'), f('orelse'), f('finalbody')),
  Assert: located(f('test'), opt('msg')),
  Import: located(f('names')),
  ImportFrom: located(opt('module'), f('names'), opt('level')),
  Global: located(f('names')),
  Nonlocal: located(f('names')),
  Expr: located(f('value')),
  Pass: located(),
  Break: located(),
  Continue: located(),
  BoolOp: located(f('op'), f('values')),
  NamedExpr: located(f('target'), f('value')),
  BinOp: located(f('left'), f('op'), f('right')),
  UnaryOp: located(f('op'), f('operand')),
  Lambda: located(f('args'), f('body')),
  IfExp: located(f('test'), f('body'), f('orelse')),
  Dict: located(f('keys'), f('values')),
  Set: located(f('elts')),
  ListComp: located(f('elt'), f('generators')),
  SetComp: located(f('elt'), f('generators')),
  DictComp: located(f('key'), f('value'), f('generators')),
  GeneratorExp: located(f('elt'), f('generators')),
  Await: located(f('value')),
  Yield: located(opt('value')),
  YieldFrom: located(f('value')),
  Compare: located(f('left'), f('ops'), f('comparators')),
  Call: located(f('func'), f('args'), f('keywords')),
  FormattedValue: located(f('value'), f('conversion'), opt('format_spec')),
  JoinedStr: located(f('values')),
  Constant: located(f('value'), opt('kind')),
  Attribute: located(f('value'), f('attr'), f('ctx')),
  Subscript: located(f('value'), f('slice'), f('ctx')),
  Starred: located(f('value'), f('ctx')),
  Name: located(f('id'), f('ctx')),
  List: located(f('elts'), f('ctx')),
  Tuple: located(f('elts'), f('ctx')),
  Slice: located(opt('lower'), opt('upper'), opt('step')),
  comprehension: plain(f('target'), f('iter'), f('ifs'), f('is_async')),
  ExceptHandler: located(opt('type'), opt('name'), f('body')),
  arguments: plain(f('posonlyargs'), f('args'), opt('vararg'), f('kwonlyargs'), f('kw_defaults'), opt('kwarg'), f('defaults')),
  arg: located(f('arg'), opt('annotation'), opt('type_comment')),
  keyword: located(opt('arg'), f('value')),
  alias: located(f('name'), opt('asname')),
  withitem: plain(f('context_expr'), opt('optional_vars')),
  match_case: plain(f('pattern'), opt('guard'), f('body')),
  MatchValue: located(f('value')),
  MatchSingleton: located(f('value')),
  MatchSequence: located(f('patterns')),
  MatchMapping: located(f('keys'), f('patterns'), opt('rest')),
  MatchClass: located(f('cls'), f('patterns'), f('kwd_attrs'), f('kwd_patterns')),
  MatchStar: located(opt('name')),
  MatchAs: located(opt('pattern'), opt('name')),
  MatchOr: located(f('patterns')),
};

/** The operator-like node names: dumped as `Add()`. */
export const SIMPLE_NODE_NAMES: ReadonlySet<string> = new Set([
  'Load', 'Store', 'Del', 'And', 'Or', 'Add', 'Sub', 'Mult', 'MatMult', 'Div', 'Mod', 'Pow', 'LShift',
  'RShift', 'BitOr', 'BitXor', 'BitAnd', 'FloorDiv', 'Invert', 'Not', 'UAdd', 'USub', 'Eq', 'NotEq',
  'Lt', 'LtE', 'Gt', 'GtE', 'Is', 'IsNot', 'In', 'NotIn',
]);

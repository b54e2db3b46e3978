// codegen/llvm-module.ts — one Python module's pync IR to an LLVM IR module (text).
//
// Takes: an IRModule and the target ABI. Hands on: LLVM IR that clang compiles to one object.
// Layout of what it emits (see docs/architecture.md, "Generated code"):
//   @G   [n x pv]  the module's globals, 0 until assigned (registered as GC roots by init)
//   @C   [n x pv]  the module's constants, created by init before the body runs
//   @"code.<fn>"   a pync_code per function: names, parameter counts, the entry adapter
//   @"<fn>"        the body: pv (pv func, pv p0, ...); @"<fn>.entry": pv (pv func, pv *bound)
//   @"pync_module.<name>"  the exported pync_module_def: name, file, globals table, init
// Function bodies are in llvm-function.ts; this file owns the module-level tables and the
// declarations every body shares.

import type { TargetABI } from '../../targets/target.js';
import type { ConstValue, IRFunction, IRModule, Ty } from '../ir/ir.js';
import { byteString, doubleLiteral, globalName, llvmType, quoteName, wtf8 } from './llvm-text.js';
import { emitFunction } from './llvm-function.js';
import { inlineOp } from './inline-ops.js';

const CO_VARARGS = 1;
const CO_VARKEYWORDS = 2;
const CO_GENERATOR = 4;
const CO_COROUTINE = 8;

/** The module-wide state function emitters share: declarations and C strings. */
export class ModuleEmitter {
  readonly word: string;
  readonly wordBytes: number;
  private readonly decls = new Map<string, string>();
  private readonly externGlobals = new Set<string>();
  private readonly cstrings = new Map<string, string>();
  private readonly cstringDefs: string[] = [];

  constructor(readonly ir: IRModule, readonly abi: TargetABI) {
    this.word = `i${abi.pointerBits}`;
    this.wordBytes = abi.pointerBits / 8;
  }

  ty(t: Ty): string {
    return llvmType(t, this.word);
  }

  /** Declares a runtime function on first use; a use with another signature is a compiler bug. */
  declare(fn: string, ret: Ty, args: readonly Ty[]): void {
    const sig = `declare ${this.ty(ret)} ${globalName(fn)}(${args.map((a) => this.ty(a)).join(', ')}) #1`;
    const prev = this.decls.get(fn);
    if (prev !== undefined && prev.replace(/ #1$/, '') !== sig.replace(/ #1$/, '')) throw new Error(`internal: ${fn} used as both '${prev}' and '${sig}'`);
    this.decls.set(fn, sig);
  }

  private readonly inlineDefs = new Map<string, string>();

  /** One of the inline operations (codegen/inline-ops.ts), defined once per module. */
  defineInline(name: string, ret: Ty, args: readonly Ty[]): void {
    if (this.inlineDefs.has(name)) return;
    const op = inlineOp(name, this.word);
    if (!op) throw new Error(`internal: no inline operation ${name} (${ret} <- ${args.join(', ')})`);
    this.inlineDefs.set(name, op.text);
    for (const [n, d] of Object.entries(op.decls)) {
      if (d.startsWith('@')) this.externGlobals.add(n);
      else if (!this.decls.has(n)) this.decls.set(n, d);
      else if (this.decls.get(n)!.replace(/ #1$/, '') !== d) throw new Error(`internal: ${n} declared as both '${this.decls.get(n)}' and '${d}'`);
    }
  }

  /** A declaration spelled out (LLVM intrinsics with token types). */
  declareRaw(name: string, text: string): void {
    this.decls.set(name, text);
  }

  /** A runtime global (pync_None_object, pync_recursion_depth, ...) referenced by address. */
  externGlobal(name: string): string {
    this.externGlobals.add(name);
    return globalName(name);
  }

  /** A NUL-terminated C string constant; returns its symbol. */
  cstring(s: string): string {
    let sym = this.cstrings.get(s);
    if (sym === undefined) {
      sym = `@.str.${this.cstrings.size}`;
      this.cstrings.set(s, sym);
      const { text, length } = byteString(wtf8(s), true);
      this.cstringDefs.push(`${sym} = private unnamed_addr constant [${length} x i8] ${text}, align 1`);
    }
    return sym;
  }

  /** Every string the module's code hands the runtime (names it looks up, str and bytes constants,
   *  as text): what it can name, for the program's method lists (llvm-program.ts). */
  strings(): string[] {
    return [...this.cstrings.keys()].map((k) => (k.startsWith(BYTES_KEY) ? Buffer.from(k.slice(BYTES_KEY.length), 'hex').toString('utf8') : k));
  }

  codeSymbol(fn: IRFunction): string {
    return globalName(`code.${fn.symbol}`);
  }

  /** The address of a module constant's slot. */
  constSlot(index: number): string {
    return `getelementptr inbounds ([${Math.max(this.ir.consts.length, 1)} x ${this.word}], ptr @C, i32 0, i32 ${index})`;
  }

  builtinSlot(index: number): string {
    return `getelementptr inbounds ([${Math.max(this.ir.builtins.length, 1)} x ${this.word}], ptr @B, i32 0, i32 ${index})`;
  }

  classSlot(index: number): string {
    return `getelementptr inbounds ([${Math.max(this.ir.classRegistry.length, 1)} x ${this.word}], ptr @K, i32 0, i32 ${index})`;
  }

  globalSlot(index: number): string {
    return `getelementptr inbounds ([${Math.max(this.ir.globals.length, 1)} x ${this.word}], ptr @G, i32 0, i32 ${index})`;
  }

  emit(): string {
    const m = this.ir;
    const body: string[] = [];
    for (const fn of m.functions) {
      body.push(...emitFunction(this, fn), '');
      if (fn.kind === 'body' && !fn.isGeneric) body.push(...this.entryAdapter(fn), '');
    }
    const codes = m.functions.map((fn) => this.codeObject(fn));
    const moduleDef = this.moduleDef();

    const out: string[] = [
      `; pync module ${m.name} (${m.file})`,
      `target datalayout = "${this.abi.dataLayout}"`,
      `target triple = "${this.abi.llvmTriple}"`,
      '',
      `@G = internal global [${Math.max(m.globals.length, 1)} x ${this.word}] zeroinitializer`,
      `@C = internal global [${Math.max(m.consts.length, 1)} x ${this.word}] zeroinitializer`,
      `@K = internal global [${Math.max(m.classRegistry.length, 1)} x ${this.word}] zeroinitializer`,
      `@B = internal global [${Math.max(m.builtins.length, 1)} x ${this.word}] zeroinitializer`,
      ...codes,
      ...moduleDef,
      '',
      ...body,
      ...this.inlineDefs.values(),
      '',
      ...this.cstringDefs,
      '',
      ...[...this.externGlobals].map((g) => `${globalName(g)} = external global i8`),
      ...this.decls.values(),
      '',
      `attributes #0 = { nounwind${this.abi.noBuiltins ? ' "no-builtins"' : ''} }`,
      'attributes #1 = { nounwind }',
      `attributes #2 = { nounwind presplitcoroutine${this.abi.noBuiltins ? ' "no-builtins"' : ''} }`,
      '',
    ];
    return out.join('\n');
  }

  private codeObject(fn: IRFunction): string {
    const c = fn.code;
    const flags = (c.varargs ? CO_VARARGS : 0) | (c.varkw ? CO_VARKEYWORDS : 0) | (c.generator ? CO_GENERATOR : 0)
      | (c.coroutine ? CO_COROUTINE : 0);
    let varnames = 'null';
    if (c.varnames.length > 0) {
      const sym = globalName(`varnames.${fn.symbol}`);
      this.cstringDefs.push(`${sym} = private unnamed_addr constant [${c.varnames.length} x ptr] [${c.varnames.map((v) => `ptr ${this.cstring(v)}`).join(', ')}]`);
      varnames = sym;
    }
    const entry = fn.kind === 'body' && !fn.isGeneric ? globalName(`${fn.symbol}.entry`) : 'null';
    return `${this.codeSymbol(fn)} = internal constant { ptr, ptr, ptr, i32, i16, i16, i16, i16, ptr, ptr } { `
      + `ptr ${this.cstring(c.name)}, ptr ${this.cstring(c.qualname)}, ptr ${this.cstring(this.ir.file)}, i32 ${c.firstLine}, `
      + `i16 ${c.argcount}, i16 ${c.posonlyargcount}, i16 ${c.kwonlyargcount}, i16 ${flags}, ptr ${varnames}, ptr ${entry} }`;
  }

  /** The exported pync_module_def and its globals table (name, slot) for getattr on modules. */
  private moduleDef(): string[] {
    const m = this.ir;
    const n = m.globals.length;
    const entries = m.globals.map((g, i) => `{ ptr, ptr } { ptr ${this.cstring(g)}, ptr ${this.globalSlot(i)} }`);
    const table = n > 0 ? '@globals.table' : 'null';
    const out: string[] = [];
    if (n > 0) out.push(`@globals.table = internal constant [${n} x { ptr, ptr }] [${entries.join(', ')}]`);
    out.push(`${moduleDefSymbol(m.name)} = constant { ptr, ptr, ptr, ${this.word}, ptr } { `
      + `ptr ${this.cstring(m.name)}, ptr ${this.cstring(m.file)}, ptr ${table}, ${this.word} ${n}, ptr ${globalName(m.init!.symbol)} }`);
    return out;
  }

  /**
   * pv <fn>.entry(pv func, pv *bound): the calling convention of pync_code.entry. A typed body
   * gets its arguments unboxed after the checks its EntryInfo asks for; when a check fails, the
   * generic body runs (or, without one, a TypeError says the call does not fit).
   */
  private entryAdapter(fn: IRFunction): string[] {
    const w = this.word;
    const out = [`define internal ${w} ${globalName(`${fn.symbol}.entry`)}(${w} %func, ptr %bound) #0 {`];
    const a: string[] = [];
    for (let i = 0; i < fn.nparams; i++) {
      out.push(`  %a${i}.p = getelementptr inbounds ${w}, ptr %bound, i32 ${i}`, `  %a${i} = load ${w}, ptr %a${i}.p`);
      a.push(`%a${i}`);
    }
    const checks = fn.entry?.checks ?? [];
    const conds: string[] = [];
    checks.forEach((c, i) => {
      if (c === 'none') return;
      if (c === 'never') {
        out.push(`  %c${i} = or i1 false, false`);
      } else if (c === 'float') {
        this.defineInline('pync.obj.is_float', 'bool', ['obj']);
        out.push(`  %c${i} = call i1 @"pync.obj.is_float"(${w} %a${i})`);
      } else if (c === 'bool') {
        const t = this.externGlobal('pync_True_object');
        const f = this.externGlobal('pync_False_object');
        out.push(`  %c${i}.t = icmp eq ${w} %a${i}, ptrtoint (ptr ${t} to ${w})`, `  %c${i}.f = icmp eq ${w} %a${i}, ptrtoint (ptr ${f} to ${w})`,
          `  %c${i} = or i1 %c${i}.t, %c${i}.f`);
      } else {
        this.defineInline('pync.obj.type_is', 'bool', ['obj', 'obj']);
        out.push(`  %k${i} = load ${w}, ptr ${this.classSlot(c.cls)}`, `  %c${i}.c = call i1 @"pync.obj.type_is"(${w} %a${i}, ${w} %k${i})`);
        if (c.nullable) {
          const none = this.externGlobal('pync_None_object');
          out.push(`  %c${i}.n = icmp eq ${w} %a${i}, ptrtoint (ptr ${none} to ${w})`, `  %c${i} = or i1 %c${i}.c, %c${i}.n`);
        } else {
          out.push(`  %c${i} = or i1 %c${i}.c, false`);
        }
      }
      conds.push(`%c${i}`);
    });
    if (conds.length > 0) {
      let acc = conds[0];
      for (let k = 1; k < conds.length; k++) {
        out.push(`  %all${k} = and i1 ${acc}, ${conds[k]}`);
        acc = `%all${k}`;
      }
      out.push(`  br i1 ${acc}, label %typed, label %fallback`, 'typed:');
    }
    // unbox, call, box the result
    const args = [`${w} %func`];
    fn.paramTys.forEach((t, i) => {
      if (t === 'f64') {
        out.push(`  %u${i}.p = inttoptr ${w} %a${i} to ptr`, `  %u${i}.f = getelementptr inbounds i8, ptr %u${i}.p, i32 8`, `  %u${i} = load double, ptr %u${i}.f`);
        args.push(`double %u${i}`);
      } else if (t === 'bool') {
        const tr = this.externGlobal('pync_True_object');
        out.push(`  %u${i} = icmp eq ${w} %a${i}, ptrtoint (ptr ${tr} to ${w})`);
        args.push(`i1 %u${i}`);
      } else if (t === 'c128') {
        this.defineInline('pync.complex.unbox', 'c128', ['obj']);
        out.push(`  %u${i} = call { double, double } @"pync.complex.unbox"(${w} %a${i})`);
        args.push(`{ double, double } %u${i}`);
      } else {
        args.push(`${w} %a${i}`);
      }
    });
    out.push(`  %r = call ${this.ty(fn.retTy)} ${globalName(fn.symbol)}(${args.join(', ')})`);
    out.push(...this.boxReturn(fn.retTy));
    if (conds.length > 0) {
      out.push('fallback:');
      const generic = fn.entry?.generic;
      if (generic) {
        out.push(`  %g = call ${w} ${globalName(generic.symbol)}(${[`${w} %func`, ...a.map((x) => `${w} ${x}`)].join(', ')})`, `  ret ${w} %g`);
      } else {
        this.declare('pync_raise_entry_mismatch', 'obj', ['ptr']);
        out.push(`  %e = call ${w} @pync_raise_entry_mismatch(ptr ${this.codeSymbol(fn)})`, `  ret ${w} 0`);
      }
    }
    out.push('}');
    return out;
  }

  /** The result of a typed body (%r) as an object; 0 when it raised. */
  private boxReturn(t: Ty): string[] {
    const w = this.word;
    if (t === 'obj') return [`  ret ${w} %r`];
    const exc = this.externGlobal('pync_current_exc');
    const lines = [`  %exc = load ${w}, ptr ${exc}`, `  %failed = icmp ne ${w} %exc, 0`, '  br i1 %failed, label %raised, label %box', 'raised:', `  ret ${w} 0`, 'box:'];
    if (t === 'f64') {
      this.defineInline('pync.float.box', 'obj', ['f64']);
      lines.push(`  %b = call ${w} @"pync.float.box"(double %r)`, `  ret ${w} %b`);
    } else if (t === 'bool') {
      const tr = this.externGlobal('pync_True_object');
      const f = this.externGlobal('pync_False_object');
      lines.push(`  %b = select i1 %r, ${w} ptrtoint (ptr ${tr} to ${w}), ${w} ptrtoint (ptr ${f} to ${w})`, `  ret ${w} %b`);
    } else if (t === 'c128') {
      this.defineInline('pync.complex.box', 'obj', ['c128']);
      lines.push(`  %b = call ${w} @"pync.complex.box"({ double, double } %r)`, `  ret ${w} %b`);
    } else {
      throw new Error(`internal: cannot box ${t}`);
    }
    return lines;
  }

  /**
   * The instructions that create constant `index` into %c<index>; each is an object or 0 on
   * failure (out of memory). Constants refer only to earlier ones (tuples to their items).
   */
  constantCreation(c: ConstValue, index: number, smallMax: bigint): string[] {
    const w = this.word;
    const r = `%const.${index}`;
    switch (c.kind) {
      case 'str': {
        const bytes = wtf8(c.value);
        this.declare('pync_str_from_utf8', 'obj', ['ptr', 'size']);
        const create = `call ${w} @pync_str_from_utf8(ptr ${this.cstringBytes(bytes)}, ${w} ${bytes.length})`;
        if (!c.intern) return [`${r} = ${create}`];
        this.declare('pync_str_intern', 'obj', ['obj']);
        // pync_str_intern passes a failed creation's 0 on
        return [`${r}.raw = ${create}`, `${r} = call ${w} @pync_str_intern(${w} ${r}.raw)`];
      }
      case 'bytes':
        this.declare('pync_bytes_new', 'obj', ['ptr', 'size']);
        return [`${r} = call ${w} @pync_bytes_new(ptr ${this.cstringBytes(c.value)}, ${w} ${c.value.length})`];
      case 'int': {
        if (c.value >= -smallMax - 1n && c.value <= smallMax) return [`${r} = add ${w} 0, ${(c.value << 1n) | 1n}`];
        const text = c.value.toString();
        this.declare('pync_int_from_str', 'obj', ['ptr', 'size', 'i32']);
        return [`${r} = call ${w} @pync_int_from_str(ptr ${this.cstring(text)}, ${w} ${text.length}, i32 10)`];
      }
      case 'float':
        this.declare('pync_float_new', 'obj', ['f64']);
        return [`${r} = call ${w} @pync_float_new(double ${doubleLiteral(c.value)})`];
      case 'complex':
        this.declare('pync_complex_new', 'obj', ['f64', 'f64']);
        return [`${r} = call ${w} @pync_complex_new(double ${doubleLiteral(0)}, double ${doubleLiteral(c.imag)})`];
      case 'tuple': {
        this.declare('pync_tuple_from_array', 'obj', ['ptr', 'size']);
        const n = c.items.length;
        const lines = [`${r}.items = alloca [${Math.max(n, 1)} x ${w}]`];
        c.items.forEach((item, i) => {
          lines.push(`${r}.p${i} = getelementptr inbounds ${w}, ptr ${r}.items, i32 ${i}`,
            `${r}.v${i} = load ${w}, ptr ${this.constSlot(item)}`, `store ${w} ${r}.v${i}, ptr ${r}.p${i}`);
        });
        return [...lines, `${r} = call ${w} @pync_tuple_from_array(ptr ${r}.items, ${w} ${n})`];
      }
      case 'code':
        return [`${r} = add ${w} 0, 1`];
    }
  }

  private cstringBytes(bytes: Uint8Array): string {
    const key = `${BYTES_KEY}${Buffer.from(bytes).toString('hex')}`;
    let sym = this.cstrings.get(key);
    if (sym === undefined) {
      sym = `@.str.${this.cstrings.size}`;
      this.cstrings.set(key, sym);
      const { text, length } = byteString(bytes, true);
      this.cstringDefs.push(`${sym} = private unnamed_addr constant [${length} x i8] ${text}, align 1`);
    }
    return sym;
  }
}

/** the cstrings key of a byte string (no text key starts with NUL) */
const BYTES_KEY = '\u0000bytes:';

export function moduleDefSymbol(moduleName: string): string {
  return `@${quoteName(`pync_module.${moduleName}`)}`;
}

/** The module's LLVM IR and the strings its code hands the runtime (ModuleEmitter.strings). */
export function emitModule(ir: IRModule, abi: TargetABI): { llvm: string; strings: string[] } {
  const emitter = new ModuleEmitter(ir, abi);
  const llvm = emitter.emit();
  return { llvm, strings: emitter.strings() };
}

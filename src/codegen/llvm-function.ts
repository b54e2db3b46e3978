// codegen/llvm-function.ts — one IRFunction to an LLVM function definition.
//
// The frame: one alloca per local slot (set to 0, so an unassigned local reads as 0; mem2reg
// turns them into registers), and argument-vector buffers shared by calls that do not overlap.
// The prologue counts the call against the recursion limit (pync_enter in pync.h, inlined);
// every `ret` undoes it. An operation that fails jumps to an error block that records the
// traceback entry (code object, line) and goes on to the block's handler, or to the exit that
// returns 0 (a module init returns -1). A module init also creates the module's constants and
// registers its globals and constants with the collector before its body runs.

import type { Block, Imm, Instr, IRFunction, Operand, Terminator, Ty } from '../ir/ir.js';
import { Value } from '../ir/ir.js';
import { doubleLiteral, globalName } from './llvm-text.js';
import type { ModuleEmitter } from './llvm-module.js';

export function emitFunction(m: ModuleEmitter, fn: IRFunction): string[] {
  return new FunctionEmitter(m, fn).emit();
}

class FunctionEmitter {
  private readonly out: string[] = [];
  private readonly w: string;
  private tmp = 0;
  /** error blocks by "line|target": traceback entry, then the target */
  private readonly errorBlocks = new Map<string, string>();
  /** argument-vector buffers: sizes by index; a call frees the ones it consumed */
  private readonly argvSizes: number[] = [];
  private liveArgv: Value[] = [];
  private readonly argvBuffer = new Map<number, number>();

  constructor(private readonly m: ModuleEmitter, private readonly fn: IRFunction) {
    this.w = m.word;
  }

  private get isInit(): boolean {
    return this.fn.kind === 'init';
  }

  /** a generator or coroutine function: an LLVM coroutine (see generator.c) */
  private get isGenerator(): boolean {
    return this.fn.kind === 'body' && (this.fn.code.generator || this.fn.code.coroutine);
  }

  emit(): string[] {
    const w = this.w;
    const fn = this.fn;
    const params = this.isInit ? [`${w} %module`] : [`${w} %func`, ...fn.paramTys.map((t, i) => `${this.m.ty(t)} %p${i}`)];
    const ret = this.isInit ? 'i32' : this.m.ty(fn.retTy);
    const linkage = 'internal';

    // the body first: it decides the argv buffers the prologue allocates
    const body: string[] = [];
    for (const b of fn.blocks) this.block(b, body);
    const errors: string[] = [];
    for (const [key, label] of this.errorBlocks) {
      const [line, target] = key.split('|');
      this.m.declare('pync_traceback_add', 'void', ['ptr', 'i32']);
      errors.push(`${label}:`, `  call void @pync_traceback_add(ptr ${this.m.codeSymbol(fn)}, i32 ${line})`, `  br label %${target}`);
    }

    const out = this.out;
    const attrs = this.isGenerator ? '#2' : '#0';
    out.push(`define ${linkage} ${ret} ${globalName(fn.symbol)}(${params.join(', ')}) ${attrs} {`, 'entry:');
    fn.slots.forEach((name, i) => out.push(`  %s${i} = alloca ${this.m.ty(fn.slotTys[i])}  ; ${name.replace(/[\r\n]/g, ' ')}`));
    this.argvSizes.forEach((n, i) => out.push(`  %argv${i} = alloca [${n} x ${w}]`));
    if (this.isGenerator) {
      this.coroutineStart(`b${fn.blocks[0].id}`);
      out.push(...body, ...errors);
      out.push('exit:');
      this.m.declare('pync_generator_raised', 'void', ['obj']);
      out.push(`  call void @pync_generator_raised(${w} %gen)`, '  br label %coro.final');
      this.coroutineEnd();
      out.push('}');
      return out;
    }
    fn.slots.forEach((_, i) => out.push(`  store ${this.zeroOf(fn.slotTys[i])}, ptr %s${i}`));
    this.prologue();
    out.push(`  br label %b${fn.blocks[0].id}`);
    out.push(...body, ...errors);
    out.push('exit:', ...this.leave(), this.isInit ? '  ret i32 -1' : `  ret ${this.zeroOf(fn.retTy)}`);
    out.push('}');
    return out;
  }

  // ---- generators -----------------------------------------------------------------------------

  /**
   * The ramp of a generator function: the object with room for the frame, then the initial
   * suspend — the body runs on the first resume. Recursion is counted by the runtime's resume.
   */
  private coroutineStart(first: string): void {
    const w = this.w;
    const m = this.m;
    m.declareRaw('llvm.coro.id', 'declare token @llvm.coro.id(i32, ptr, ptr, ptr)');
    m.declareRaw('llvm.coro.size', `declare ${w} @llvm.coro.size.${w}()`);
    m.declareRaw('llvm.coro.begin', 'declare ptr @llvm.coro.begin(token, ptr)');
    m.declareRaw('llvm.coro.suspend', 'declare i8 @llvm.coro.suspend(token, i1)');
    m.declareRaw('llvm.coro.free', 'declare ptr @llvm.coro.free(token, ptr)');
    m.declareRaw('llvm.coro.end', 'declare i1 @llvm.coro.end(ptr, i1, token)');
    m.declare('pync_generator_new', 'obj', ['ptr', 'obj', 'size']);
    m.declare('pync_generator_frame', 'ptr', ['obj']);
    m.declare('pync_generator_set_handle', 'void', ['obj', 'ptr']);
    this.out.push(
      '  %coro.id = call token @llvm.coro.id(i32 16, ptr null, ptr null, ptr null)',
      `  %coro.size = call ${w} @llvm.coro.size.${w}()`,
      `  %gen = call ${w} @pync_generator_new(ptr ${m.codeSymbol(this.fn)}, ${w} %func, ${w} %coro.size)`,
      `  %coro.mem = call ptr @pync_generator_frame(${w} %gen)`,
      '  %coro.hdl = call ptr @llvm.coro.begin(token %coro.id, ptr %coro.mem)',
      `  call void @pync_generator_set_handle(${w} %gen, ptr %coro.hdl)`,
    );
    this.fn.slots.forEach((_, i) => this.out.push(`  store ${this.zeroOf(this.fn.slotTys[i])}, ptr %s${i}`));
    this.out.push(...this.suspendPoint(first));
  }

  /** A suspend: back to the resumer; on resume, on to `resume`. */
  private suspendPoint(resume: string): string[] {
    const t = this.fresh();
    return [
      `  ${t} = call i8 @llvm.coro.suspend(token none, i1 false)`,
      `  switch i8 ${t}, label %coro.ret [i8 0, label %${resume}`,
      '                                   i8 1, label %coro.cleanup]',
    ];
  }

  private coroutineEnd(): void {
    this.out.push(
      'coro.final:',
      '  %coro.sf = call i8 @llvm.coro.suspend(token none, i1 true)',
      '  switch i8 %coro.sf, label %coro.ret [i8 0, label %coro.trap',
      '                                       i8 1, label %coro.cleanup]',
      'coro.trap:',
      '  unreachable',
      'coro.cleanup:',
      // the collector owns the frame's memory: nothing to free
      '  %coro.free = call ptr @llvm.coro.free(token %coro.id, ptr %coro.hdl)',
      '  br label %coro.ret',
      'coro.ret:',
      '  %coro.end = call i1 @llvm.coro.end(ptr %coro.hdl, i1 false, token none)',
      `  ret ${this.w} %gen`,
    );
  }

  // ---- prologue and epilogue ------------------------------------------------------------------

  private prologue(): void {
    const w = this.w;
    const out = this.out;
    const depth = this.m.externGlobal('pync_recursion_depth');
    const limit = this.m.externGlobal('pync_recursion_limit');
    this.m.declare('pync_recursion_check', 'i32', []);
    out.push(
      `  %depth.0 = load i32, ptr ${depth}`,
      '  %depth.1 = add i32 %depth.0, 1',
      `  store i32 %depth.1, ptr ${depth}`,
      `  %depth.limit = load i32, ptr ${limit}`,
      '  %depth.over = icmp sgt i32 %depth.1, %depth.limit',
      '  %depth.low = and i32 %depth.1, 31',
      '  %depth.stack = icmp eq i32 %depth.low, 0',
      '  %depth.check = or i1 %depth.over, %depth.stack',
      '  br i1 %depth.check, label %enter.check, label %enter.ok',
      'enter.check:',
      '  %depth.r = call i32 @pync_recursion_check()',
      '  %depth.fail = icmp slt i32 %depth.r, 0',
      // pync_recursion_check undid the count when it raised
      `  br i1 %depth.fail, label %enter.fail, label %enter.ok`,
      'enter.fail:',
      this.isInit ? '  ret i32 -1' : `  ret ${this.zeroOf(this.fn.retTy)}`,
      'enter.ok:',
    );
    if (this.isInit) this.moduleStart();
  }

  /** Registers the module's globals and constants with the collector, then creates the constants. */
  private moduleStart(): void {
    const w = this.w;
    const ir = this.m.ir;
    this.m.declare('pync_gc_add_roots', 'void', ['ptr', 'size']);
    this.out.push(`  call void @pync_gc_add_roots(ptr @G, ${w} ${ir.globals.length})`);
    this.out.push(`  call void @pync_gc_add_roots(ptr @C, ${w} ${ir.consts.length})`);
    if (ir.classRegistry.length) this.out.push(`  call void @pync_gc_add_roots(ptr @K, ${w} ${ir.classRegistry.length})`);
    if (ir.builtins.length) {
      // builtins are found once (0 for a name that is no builtin: NameError where it is read)
      this.m.declare('pync_builtin', 'obj', ['ptr']);
      this.out.push(`  call void @pync_gc_add_roots(ptr @B, ${w} ${ir.builtins.length})`);
      ir.builtins.forEach((name, k) => {
        this.out.push(`  %builtin.${k} = call ${w} @pync_builtin(ptr ${this.m.cstring(name)})`,
          `  store ${w} %builtin.${k}, ptr ${this.m.builtinSlot(k)}`);
      });
    }
    const smallMax = (1n << BigInt(this.m.abi.pointerBits - 2)) - 1n;
    ir.consts.forEach((c, i) => {
      if (c.kind === 'code') return;
      for (const line of this.m.constantCreation(c, i, smallMax)) this.out.push(`  ${line}`);
      this.out.push(`  store ${w} %const.${i}, ptr ${this.m.constSlot(i)}`,
        `  %const.${i}.bad = icmp eq ${w} %const.${i}, 0`,
        `  br i1 %const.${i}.bad, label %exit, label %const.${i}.ok`,
        `const.${i}.ok:`);
    });
  }

  private leave(): string[] {
    const depth = this.m.externGlobal('pync_recursion_depth');
    const t = this.fresh();
    return [`  ${t}.d = load i32, ptr ${depth}`, `  ${t}.e = sub i32 ${t}.d, 1`, `  store i32 ${t}.e, ptr ${depth}`];
  }

  // ---- blocks ---------------------------------------------------------------------------------

  private block(b: Block, out: string[]): void {
    out.push(`b${b.id}:${b.label ? `  ; ${b.label}` : ''}`);
    const target = b.handler ? `b${b.handler.id}` : 'exit';
    this.liveArgv = [];
    for (const i of b.instrs) this.instr(i, target, out);
    if (this.liveArgv.length > 0) throw new Error(`internal: argument vector left unused at the end of b${b.id} in ${this.fn.symbol}`);
    this.terminator(b.term, out);
  }

  private terminator(t: Terminator | null, out: string[]): void {
    if (t === null) {
      out.push('  unreachable');
      return;
    }
    switch (t.op) {
      case 'jump':
        out.push(`  br label %b${t.target.id}`);
        return;
      case 'branch':
        out.push(`  br i1 ${this.operand(t.cond, out)}, label %b${t.then.id}, label %b${t.else.id}`);
        return;
      case 'ret': {
        if (this.isGenerator) {
          this.m.declare('pync_generator_return', 'void', ['obj', 'obj']);
          out.push(`  call void @pync_generator_return(${this.w} %gen, ${this.w} ${this.operand(t.value, out)})`, '  br label %coro.final');
          return;
        }
        const v = this.isInit ? '' : this.operand(t.value, out);
        out.push(...this.leave());
        out.push(this.isInit ? '  ret i32 0' : `  ret ${this.m.ty(this.fn.retTy)} ${v}`);
        return;
      }
      case 'unreachable':
        out.push('  unreachable');
        return;
    }
  }

  // ---- instructions ---------------------------------------------------------------------------

  private instr(i: Instr, errorTarget: string, out: string[]): void {
    const w = this.w;
    switch (i.op) {
      case 'rt': {
        const ret = i.result ? i.result.ty : 'void';
        if (i.fn.startsWith('pync.')) this.m.defineInline(i.fn, ret, i.argTys);
        else this.m.declare(i.fn, ret, i.argTys);
        const args = i.args.map((a, k) => `${this.m.ty(i.argTys[k])} ${this.operand(a, out)}`);
        this.consumeArgv(i.args);
        const call = `call ${this.m.ty(ret)} ${globalName(i.fn)}(${args.join(', ')})`;
        out.push(i.result ? `  ${this.val(i.result)} = ${call}` : `  ${call}`);
        this.failureCheck(i.raises, i.result, i.line, errorTarget, out);
        return;
      }
      case 'direct': {
        const tys: Ty[] = ['obj', ...i.fn.paramTys];
        const args = i.args.map((a, k) => `${this.m.ty(tys[k])} ${this.operand(a, out)}`);
        this.consumeArgv(i.args);
        out.push(`  ${this.val(i.result)} = call ${this.m.ty(i.fn.retTy)} ${globalName(i.fn.symbol)}(${args.join(', ')})`);
        this.failureCheck(i.fn.retTy === 'obj' ? 'null' : 'exc', i.result, i.line, errorTarget, out);
        return;
      }
      case 'const':
        out.push(`  ${this.val(i.result)} = load ${w}, ptr ${this.m.constSlot(i.index)}`);
        return;
      case 'gget':
        out.push(`  ${this.val(i.result)} = load ${w}, ptr ${this.m.globalSlot(i.slot)}`);
        return;
      case 'gset':
        out.push(`  store ${w} ${this.operand(i.value, out)}, ptr ${this.m.globalSlot(i.slot)}`);
        return;
      case 'lget':
        out.push(`  ${this.val(i.result)} = load ${this.m.ty(this.fn.slotTys[i.slot])}, ptr %s${i.slot}`);
        return;
      case 'lset':
        out.push(`  store ${this.m.ty(this.fn.slotTys[i.slot])} ${this.operand(i.value, out)}, ptr %s${i.slot}`);
        return;
      case 'is':
        out.push(`  ${this.val(i.result)} = icmp eq ${w} ${this.operand(i.a, out)}, ${this.operand(i.b, out)}`);
        return;
      case 'convert':
        this.convert(i.kind, i.value, i.result, out);
        return;
      case 'freecell': {
        if (this.isInit) throw new Error('internal: a module body has no closure');
        const t = this.fresh();
        // pync_function.closure is word 4; a tuple's items start at word 2
        out.push(`  ${t}.f = inttoptr ${w} %func to ptr`, `  ${t}.cp = getelementptr inbounds ${w}, ptr ${t}.f, i32 4`,
          `  ${t}.c = load ${w}, ptr ${t}.cp`, `  ${t}.t = inttoptr ${w} ${t}.c to ptr`,
          `  ${t}.ip = getelementptr inbounds ${w}, ptr ${t}.t, i32 ${2 + i.index}`,
          `  ${this.val(i.result)} = load ${w}, ptr ${t}.ip`);
        return;
      }
      case 'param':
        this.aliases.set(i.result.id, `%p${i.index}`);
        return;
      case 'argv': {
        const k = this.liveArgv.length;
        this.liveArgv.push(i.result);
        this.argvBuffer.set(i.result.id, k);
        this.argvSizes[k] = Math.max(this.argvSizes[k] ?? 0, i.items.length);
        i.items.forEach((item, n) => {
          const t = this.fresh();
          out.push(`  ${t} = getelementptr inbounds ${w}, ptr %argv${k}, i32 ${n}`, `  store ${w} ${this.operand(item, out)}, ptr ${t}`);
        });
        out.push(`  ${this.val(i.result)} = getelementptr inbounds ${w}, ptr %argv${k}, i32 0`);
        return;
      }
      case 'suspend': {
        if (!this.isGenerator) throw new Error('internal: suspend outside a generator');
        const label = `${this.fresh().slice(1)}.resume`;
        out.push(...this.suspendPoint(label), `${label}:`);
        return;
      }
      case 'genobj':
        if (!this.isGenerator) throw new Error('internal: no generator object outside a generator');
        this.aliases.set(i.result.id, '%gen');
        return;
      case 'arith':
        this.arith(i.kind, i.args, i.result, out);
        return;
      case 'bget':
        out.push(`  ${this.val(i.result)} = load ${w}, ptr ${this.m.builtinSlot(i.index)}`);
        return;
      case 'classreg':
        out.push(`  store ${w} ${this.operand(i.value, out)}, ptr ${this.m.classSlot(i.index)}`);
        return;
      case 'tupleitem': {
        const t = this.fresh();
        out.push(`  ${t}.t = inttoptr ${w} ${this.operand(i.tuple, out)} to ptr`,
          `  ${t}.p = getelementptr inbounds ${w}, ptr ${t}.t, i32 ${2 + i.index}`,
          `  ${this.val(i.result)} = load ${w}, ptr ${t}.p`);
        return;
      }
    }
  }

  /** Frees the argument vectors a call consumed (they are reused by later calls). */
  private consumeArgv(args: readonly Operand[]): void {
    if (this.liveArgv.length === 0) return;
    const used = new Set(args.filter((a): a is Value => a instanceof Value && a.ty === 'ptr').map((a) => a.id));
    this.liveArgv = this.liveArgv.filter((v) => !used.has(v.id));
  }

  private failureCheck(raises: string, result: Value | null, line: number, target: string, out: string[]): void {
    if (raises === 'none') return;
    if (raises === 'rethrow') {
      out.push(`  br label %${target}`);
      out.push(`${this.fresh().slice(1)}.dead:`);
      return;
    }
    const t = this.fresh();
    const w = this.w;
    if (raises === 'null') out.push(`  ${t}.f = icmp eq ${w} ${this.val(result!)}, 0`);
    else if (raises === 'neg') out.push(`  ${t}.f = icmp slt ${this.m.ty(result!.ty)} ${this.val(result!)}, 0`);
    else {
      const exc = this.m.externGlobal('pync_current_exc');
      out.push(`  ${t}.e = load ${w}, ptr ${exc}`, `  ${t}.f = icmp ne ${w} ${t}.e, 0`);
    }
    out.push(`  br i1 ${t}.f, label %${this.errorBlock(line, target)}, label %${t.slice(1)}.ok`, `${t.slice(1)}.ok:`);
  }

  private errorBlock(line: number, target: string): string {
    const key = `${line}|${target}`;
    let label = this.errorBlocks.get(key);
    if (label === undefined) {
      label = `err.${this.errorBlocks.size}`;
      this.errorBlocks.set(key, label);
    }
    return label;
  }

  private convert(kind: string, value: Operand, result: Value, out: string[]): void {
    const w = this.w;
    const v = this.operand(value, out);
    const r = this.val(result);
    switch (kind) {
      case 'i32-to-bool':
        out.push(`  ${r} = icmp ne i32 ${v}, 0`);
        return;
      case 'bool-to-obj': {
        const t = this.m.externGlobal('pync_True_object');
        const f = this.m.externGlobal('pync_False_object');
        out.push(`  ${r} = select i1 ${v}, ${w} ptrtoint (ptr ${t} to ${w}), ${w} ptrtoint (ptr ${f} to ${w})`);
        return;
      }
      case 'not':
        out.push(`  ${r} = xor i1 ${v}, true`);
        return;
      case 'is-null':
        out.push(`  ${r} = icmp eq ${w} ${v}, 0`);
        return;
      case 'unbox-float': {
        const t = this.fresh();
        out.push(`  ${t}.p = inttoptr ${w} ${v} to ptr`, `  ${t}.f = getelementptr inbounds i8, ptr ${t}.p, i32 8`,
          `  ${r} = load double, ptr ${t}.f`);
        return;
      }
      case 'obj-is-true': {
        const t = this.m.externGlobal('pync_True_object');
        out.push(`  ${r} = icmp eq ${w} ${v}, ptrtoint (ptr ${t} to ${w})`);
        return;
      }
      case 'small-int': {
        const t = this.fresh();
        const src = value.ty === 'i64' && w !== 'i64' ? (out.push(`  ${t}.n = trunc i64 ${v} to ${w}`), `${t}.n`) : v;
        out.push(`  ${t}.s = shl ${w} ${src}, 1`, `  ${r} = or ${w} ${t}.s, 1`);
        return;
      }
      default:
        throw new Error(`internal: unknown conversion ${kind}`);
    }
  }

  // ---- operands -------------------------------------------------------------------------------

  private readonly aliases = new Map<number, string>();

  private val(v: Value): string {
    return this.aliases.get(v.id) ?? `%v${v.id}`;
  }

  /** The zero of a representation, with its type: what a failing function returns. */
  private zeroOf(t: Ty): string {
    const ty = this.m.ty(t);
    if (t === 'f64') return `${ty} 0.0`;
    if (t === 'c128') return `${ty} zeroinitializer`;
    if (t === 'bool') return `${ty} false`;
    if (t === 'ptr') return `${ty} null`;
    return `${ty} 0`;
  }

  private arith(kind: string, args: readonly Operand[], result: Value, out: string[]): void {
    const a = args.map((x) => this.operand(x, out));
    const r = this.val(result);
    const ty = (x: Operand): string => this.m.ty(x.ty);
    if (kind === 'select') {
      out.push(`  ${r} = select i1 ${a[0]}, ${ty(args[1])} ${a[1]}, ${ty(args[2])} ${a[2]}`);
    } else if (kind === 'fneg') {
      out.push(`  ${r} = fneg double ${a[0]}`);
    } else if (kind.startsWith('fcmp ') || kind.startsWith('icmp ')) {
      out.push(`  ${r} = ${kind} ${ty(args[0])} ${a[0]}, ${a[1]}`);
    } else if (kind === 'sitofp') {
      out.push(`  ${r} = sitofp ${ty(args[0])} ${a[0]} to double`);
    } else {
      out.push(`  ${r} = ${kind} ${ty(args[0])} ${a[0]}, ${a[1]}`);
    }
  }

  private fresh(): string {
    return `%t${this.tmp++}`;
  }

  private operand(o: Operand, _out: string[]): string {
    if (o instanceof Value) return this.val(o);
    return this.immediate(o);
  }

  private immediate(o: Imm): string {
    const w = this.w;
    const text = o.text;
    switch (o.ty as Ty) {
      case 'obj':
        if (text === 'null') return '0';
        if (text.startsWith('small:')) return ((BigInt(text.slice(6)) << 1n) | 1n).toString();
        if (text.startsWith('@')) return `ptrtoint (ptr ${this.m.externGlobal(text.slice(1))} to ${w})`;
        throw new Error(`internal: unknown object immediate ${text}`);
      case 'ptr':
        if (text === 'null') return 'null';
        if (text.startsWith('cstr:')) return this.m.cstring(text.slice(5));
        if (text.startsWith('code:')) return globalName(`code.${text.slice(5)}`);
        throw new Error(`internal: unknown pointer immediate ${text}`);
      case 'f64':
        return text.startsWith('0x') ? text : doubleLiteral(Number(text));
      case 'bool':
        return text === 'true' || text === '1' ? 'true' : 'false';
      default:
        return text;
    }
  }
}

// codegen/inline-ops.ts — small operations compiled code uses on typed values, as LLVM IR
// functions that LLVM inlines: the fast path on small ints and list items, and a call into the
// runtime for everything else (big ints, other types, errors), so the answer is always CPython's.
//
// A small int is a pv with bit 0 set holding value*2+1 (pync.h), so sums and differences of two
// small ints are computed on the tagged words with LLVM's overflow intrinsics; a result that does
// not fit goes to the runtime, which makes a big int.
//
// Each op is `pync.<type>.<name>`, defined on first use in the module that uses it (internal,
// alwaysinline). The names and signatures are the lowering's (src/lower/typed-ops.ts).

export interface InlineOp {
  /** LLVM IR of the function definition */
  readonly text: string;
  /** runtime functions it calls: name -> declaration */
  readonly decls: Record<string, string>;
}

const BINOP = { add: 0, sub: 1, mul: 2, floordiv: 5, mod: 6, lshift: 8, rshift: 9, and: 10, xor: 11, or: 12 } as const;
const CMP = { lt: 0, le: 1, eq: 2, ne: 3, gt: 4, ge: 5 } as const;
/** LLVM's type of an unboxed complex number */
const C = '{ double, double }';
const ICMP = { lt: 'slt', le: 'sle', eq: 'eq', ne: 'ne', gt: 'sgt', ge: 'sge' } as const;

export function inlineOp(name: string, w: string): InlineOp | null {
  const fn = `@"${name}"`;
  const binaryDecl = { pync_binary: `declare ${w} @pync_binary(${w}, ${w}, i32)` };
  const head = (ret: string, params: string): string => `define internal ${ret} ${fn}(${params}) alwaysinline nounwind {`;
  const bothSmall = [
    `  %ab = and ${w} %a, %b`,
    `  %tag = and ${w} %ab, 1`,
    `  %small = icmp ne ${w} %tag, 0`,
  ];
  const slowBinary = (op: number): string[] => [
    'slow:',
    `  %s = call ${w} @pync_binary(${w} %a, ${w} %b, i32 ${op})`,
    `  ret ${w} %s`,
  ];
  const m = /^pync\.int\.(\w+)$/.exec(name);
  if (m) {
    const op = m[1];
    switch (op) {
      case 'add': case 'sub': {
        // (2x+1) + (2y+1) - 1 = 2(x+y)+1; (2x+1) - (2y+1) + 1 = 2(x-y)+1
        const intr = op === 'add' ? 'sadd' : 'ssub';
        const adjust = op === 'add' ? `  %b1 = sub ${w} %b, 1` : `  %b1 = add ${w} %b, 0`;
        return {
          decls: { ...binaryDecl, [`llvm.${intr}`]: `declare { ${w}, i1 } @llvm.${intr}.with.overflow.${w}(${w}, ${w})` },
          text: [
            head(w, `${w} %a, ${w} %b`), ...bothSmall,
            '  br i1 %small, label %fast, label %slow',
            'fast:',
            adjust,
            `  %r = call { ${w}, i1 } @llvm.${intr}.with.overflow.${w}(${w} %a, ${w} %b1)`,
            `  %ov = extractvalue { ${w}, i1 } %r, 1`,
            '  br i1 %ov, label %slow, label %done',
            'done:',
            `  %v = extractvalue { ${w}, i1 } %r, 0`,
            op === 'add' ? `  %v1 = add ${w} %v, 0` : `  %v1 = add ${w} %v, 1`,
            `  ret ${w} %v1`,
            ...slowBinary(BINOP[op]), '}',
          ].join('\n'),
        };
      }
      case 'mul':
        // x * (2y) + 1 = 2xy + 1
        return {
          decls: { ...binaryDecl, 'llvm.smul': `declare { ${w}, i1 } @llvm.smul.with.overflow.${w}(${w}, ${w})` },
          text: [
            head(w, `${w} %a, ${w} %b`), ...bothSmall,
            '  br i1 %small, label %fast, label %slow',
            'fast:',
            `  %x = ashr ${w} %a, 1`,
            `  %y2 = sub ${w} %b, 1`,
            `  %r = call { ${w}, i1 } @llvm.smul.with.overflow.${w}(${w} %x, ${w} %y2)`,
            `  %ov = extractvalue { ${w}, i1 } %r, 1`,
            '  br i1 %ov, label %slow, label %done',
            'done:',
            `  %v = extractvalue { ${w}, i1 } %r, 0`,
            `  %v1 = or ${w} %v, 1`,
            `  ret ${w} %v1`,
            ...slowBinary(BINOP.mul), '}',
          ].join('\n'),
        };
      case 'floordiv': case 'mod':
        // Python's floor division and modulo: the remainder takes the divisor's sign
        return {
          decls: binaryDecl,
          text: [
            head(w, `${w} %a, ${w} %b`), ...bothSmall,
            `  %bz = icmp eq ${w} %b, 1`,
            '  %nz = xor i1 %bz, true',
            '  %go = and i1 %small, %nz',
            '  br i1 %go, label %fast, label %slow',
            'fast:',
            `  %x = ashr ${w} %a, 1`,
            `  %y = ashr ${w} %b, 1`,
            `  %q0 = sdiv ${w} %x, %y`,
            `  %r0 = srem ${w} %x, %y`,
            `  %rnz = icmp ne ${w} %r0, 0`,
            `  %sx = xor ${w} %r0, %y`,
            `  %neg = icmp slt ${w} %sx, 0`,
            '  %fix = and i1 %rnz, %neg',
            `  %q1 = sub ${w} %q0, 1`,
            `  %r1 = add ${w} %r0, %y`,
            `  %q = select i1 %fix, ${w} %q1, ${w} %q0`,
            `  %r = select i1 %fix, ${w} %r1, ${w} %r0`,
            ...(op === 'floordiv'
              ? [
                // -MIN // -1 does not fit a small int
                `  %t = shl ${w} %q, 1`,
                `  %back = ashr ${w} %t, 1`,
                `  %fits = icmp eq ${w} %back, %q`,
                '  br i1 %fits, label %done, label %slow',
                'done:',
                `  %v = or ${w} %t, 1`,
                `  ret ${w} %v`,
              ]
              : [
                `  %t = shl ${w} %r, 1`,
                `  %v = or ${w} %t, 1`,
                `  ret ${w} %v`,
              ]),
            ...slowBinary(BINOP[op]), '}',
          ].join('\n'),
        };
      case 'and': case 'or': case 'xor':
        return {
          decls: binaryDecl,
          text: [
            head(w, `${w} %a, ${w} %b`), ...bothSmall,
            '  br i1 %small, label %fast, label %slow',
            'fast:',
            `  %v0 = ${op} ${w} %a, %b`,
            `  %v = or ${w} %v0, 1`,
            `  ret ${w} %v`,
            ...slowBinary(BINOP[op]), '}',
          ].join('\n'),
        };
      case 'rshift': case 'lshift': {
        const bits = w === 'i64' ? 64 : 32;
        const fast = op === 'rshift'
          ? [
            `  %x = ashr ${w} %a, 1`,
            `  %big = icmp sge ${w} %y, ${bits - 1}`,
            `  %yc = select i1 %big, ${w} ${bits - 1}, ${w} %y`,
            `  %q = ashr ${w} %x, %yc`,
            `  %t = shl ${w} %q, 1`,
            `  %v = or ${w} %t, 1`,
            `  ret ${w} %v`,
          ]
          : [
            `  %x = ashr ${w} %a, 1`,
            `  %big = icmp sge ${w} %y, ${bits - 2}`,
            '  br i1 %big, label %slow, label %shift',
            'shift:',
            // x << y, and room for the tag bit
            `  %xs = shl ${w} %x, %y`,
            `  %t = shl ${w} %xs, 1`,
            `  %back = ashr ${w} %t, 1`,
            `  %back2 = ashr ${w} %back, %y`,
            `  %fits = icmp eq ${w} %back2, %x`,
            '  br i1 %fits, label %done, label %slow',
            'done:',
            `  %v = or ${w} %t, 1`,
            `  ret ${w} %v`,
          ];
        return {
          decls: binaryDecl,
          text: [
            head(w, `${w} %a, ${w} %b`), ...bothSmall,
            `  %y = ashr ${w} %b, 1`,
            `  %ypos = icmp sge ${w} %y, 0`,
            '  %go = and i1 %small, %ypos',
            '  br i1 %go, label %fast, label %slow',
            'fast:',
            ...fast,
            ...slowBinary(BINOP[op]), '}',
          ].join('\n'),
        };
      }
      case 'neg':
        return {
          decls: { pync_unary: `declare ${w} @pync_unary(${w}, i32)`, 'llvm.ssub': `declare { ${w}, i1 } @llvm.ssub.with.overflow.${w}(${w}, ${w})` },
          text: [
            head(w, `${w} %a`),
            `  %tag = and ${w} %a, 1`,
            `  %small = icmp ne ${w} %tag, 0`,
            '  br i1 %small, label %fast, label %slow',
            'fast:',
            `  %r = call { ${w}, i1 } @llvm.ssub.with.overflow.${w}(${w} 2, ${w} %a)`,
            `  %ov = extractvalue { ${w}, i1 } %r, 1`,
            '  br i1 %ov, label %slow, label %done',
            'done:',
            `  %v = extractvalue { ${w}, i1 } %r, 0`,
            `  ret ${w} %v`,
            'slow:',
            `  %s = call ${w} @pync_unary(${w} %a, i32 0)`,
            `  ret ${w} %s`, '}',
          ].join('\n'),
        };
      case 'truth':
        return {
          decls: { pync_truth: `declare i32 @pync_truth(${w})` },
          text: [
            head('i32', `${w} %a`),
            `  %tag = and ${w} %a, 1`,
            `  %small = icmp ne ${w} %tag, 0`,
            '  br i1 %small, label %fast, label %slow',
            'fast:',
            `  %nz = icmp ne ${w} %a, 1`,
            '  %v = zext i1 %nz to i32',
            '  ret i32 %v',
            'slow:',
            `  %s = call i32 @pync_truth(${w} %a)`,
            '  ret i32 %s', '}',
          ].join('\n'),
        };
      case 'tofloat':
        // exact for |x| < 2**53; the runtime rounds bigger ones correctly
        return {
          decls: { pync_typed_to_double: `declare double @pync_typed_to_double(${w})` },
          text: [
            head('double', `${w} %a`),
            `  %tag = and ${w} %a, 1`,
            `  %small = icmp ne ${w} %tag, 0`,
            `  %x = ashr ${w} %a, 1`,
            `  %hi = add ${w} %x, ${w === 'i64' ? '9007199254740992' : '0'}`,
            `  %exact = icmp ule ${w} %hi, ${w === 'i64' ? '18014398509481984' : '4294967295'}`,
            '  %go = and i1 %small, %exact',
            '  br i1 %go, label %fast, label %slow',
            'fast:',
            `  %d = sitofp ${w} %x to double`,
            '  ret double %d',
            'slow:',
            `  %s = call double @pync_typed_to_double(${w} %a)`,
            '  ret double %s', '}',
          ].join('\n'),
        };
      default: {
        const c = /^cmp_(\w+)$/.exec(op);
        if (!c || !(c[1] in CMP)) return null;
        const k = c[1] as keyof typeof CMP;
        // tagged words compare like the ints they hold
        return {
          decls: { pync_compare_bool: `declare i32 @pync_compare_bool(${w}, ${w}, i32)` },
          text: [
            head('i32', `${w} %a, ${w} %b`), ...bothSmall,
            '  br i1 %small, label %fast, label %slow',
            'fast:',
            `  %c = icmp ${ICMP[k]} ${w} %a, %b`,
            '  %v = zext i1 %c to i32',
            '  ret i32 %v',
            'slow:',
            `  %s = call i32 @pync_compare_bool(${w} %a, ${w} %b, i32 ${CMP[k]})`,
            '  ret i32 %s', '}',
          ].join('\n'),
        };
      }
    }
  }
  switch (name) {
    case 'pync.float.box':
      // bump allocation in the float region (gc.c): 16 bytes, the type word, the double
      return {
        decls: {
          pync_float_new: `declare ${w} @pync_float_new(double)`,
          pync_bump_next: '@pync_bump_next = external global ptr',
          pync_bump_limit: '@pync_bump_limit = external global ptr',
          pync_float_type: '@pync_float_type = external global i8',
        },
        text: [
          head(w, 'double %d'),
          '  %p = load ptr, ptr @pync_bump_next',
          '  %e = load ptr, ptr @pync_bump_limit',
          '  %n = getelementptr i8, ptr %p, i32 16',
          '  %ok = icmp ule ptr %n, %e',
          '  %nz = icmp ne ptr %p, null',
          '  %go = and i1 %ok, %nz',
          '  br i1 %go, label %fast, label %slow',
          'fast:',
          '  store ptr %n, ptr @pync_bump_next',
          '  store ptr @pync_float_type, ptr %p',
          '  %vp = getelementptr inbounds i8, ptr %p, i32 8',
          '  store double %d, ptr %vp',
          `  %r = ptrtoint ptr %p to ${w}`,
          `  ret ${w} %r`,
          'slow:',
          `  %s = call ${w} @pync_float_new(double %d)`,
          `  ret ${w} %s`, '}',
        ].join('\n'),
      };
    case 'pync.list.get': case 'pync.list.set': {
      // pync_list: { type, size, items, store }; an index that is not a small int in range goes
      // to the runtime (negative indexes count from the end; others raise IndexError/TypeError)
      const get = name === 'pync.list.get';
      return {
        decls: get ? { pync_getitem: `declare ${w} @pync_getitem(${w}, ${w})` } : { pync_setitem: `declare i32 @pync_setitem(${w}, ${w}, ${w})` },
        text: [
          head(get ? w : 'i32', get ? `${w} %l, ${w} %k` : `${w} %l, ${w} %k, ${w} %x`),
          `  %tag = and ${w} %k, 1`,
          `  %small = icmp ne ${w} %tag, 0`,
          '  br i1 %small, label %index, label %slow',
          'index:',
          `  %p = inttoptr ${w} %l to ptr`,
          `  %sizep = getelementptr inbounds ${w}, ptr %p, i32 1`,
          `  %size = load ${w}, ptr %sizep`,
          `  %i0 = ashr ${w} %k, 1`,
          `  %negi = icmp slt ${w} %i0, 0`,
          `  %i1 = add ${w} %i0, %size`,
          `  %i = select i1 %negi, ${w} %i1, ${w} %i0`,
          `  %in = icmp ult ${w} %i, %size`,
          '  br i1 %in, label %fast, label %slow',
          'fast:',
          `  %itemsp = getelementptr inbounds ${w}, ptr %p, i32 2`,
          '  %items = load ptr, ptr %itemsp',
          `  %slot = getelementptr inbounds ${w}, ptr %items, ${w} %i`,
          ...(get
            ? [`  %v = load ${w}, ptr %slot`, `  ret ${w} %v`]
            : [`  store ${w} %x, ptr %slot`, '  ret i32 0']),
          'slow:',
          ...(get
            ? [`  %s = call ${w} @pync_getitem(${w} %l, ${w} %k)`, `  ret ${w} %s`]
            : [`  %s = call i32 @pync_setitem(${w} %l, ${w} %k, ${w} %x)`, '  ret i32 %s']),
          '}',
        ].join('\n'),
      };
    }
    case 'pync.seq.len':
      // list and tuple keep their length in the word after the type
      return {
        decls: {},
        text: [
          head(w, `${w} %l`),
          `  %p = inttoptr ${w} %l to ptr`,
          `  %sizep = getelementptr inbounds ${w}, ptr %p, i32 1`,
          `  %size = load ${w}, ptr %sizep`,
          `  %t = shl ${w} %size, 1`,
          `  %v = or ${w} %t, 1`,
          `  ret ${w} %v`, '}',
        ].join('\n'),
      };
    case 'pync.seq.size':
      return {
        decls: {},
        text: [
          head(w, `${w} %l`),
          `  %p = inttoptr ${w} %l to ptr`,
          `  %sizep = getelementptr inbounds ${w}, ptr %p, i32 1`,
          `  %size = load ${w}, ptr %sizep`,
          `  ret ${w} %size`, '}',
        ].join('\n'),
      };
    case 'pync.slot.get': case 'pync.slot.set': {
      // slot k of an instance of a class with fixed attribute offsets (class_slots.c):
      // after the header rounded to 8 bytes and the __dict__ word
      const first = 8 + (w === 'i64' ? 8 : 4);
      const get = name === 'pync.slot.get';
      return {
        decls: get ? { pync_getattr: `declare ${w} @pync_getattr(${w}, ${w})` } : {},
        text: [
          head(w, get ? `${w} %o, i32 %k, ${w} %name` : `${w} %o, i32 %k, ${w} %v`),
          `  %p = inttoptr ${w} %o to ptr`,
          // the index is already word-sized on 32-bit targets (zext i32 to i32 is invalid IR)
          w === 'i32' ? '  %kw = add i32 %k, 0' : `  %kw = zext i32 %k to ${w}`,
          `  %off0 = mul ${w} %kw, ${w === 'i64' ? 8 : 4}`,
          `  %off = add ${w} %off0, ${first}`,
          '  %slot = getelementptr inbounds i8, ptr %p, ' + `${w} %off`,
          ...(get
            ? [
              `  %v = load ${w}, ptr %slot`,
              `  %unset = icmp eq ${w} %v, 0`,
              '  br i1 %unset, label %slow, label %done',
              'done:',
              `  ret ${w} %v`,
              'slow:',
              `  %s = call ${w} @pync_getattr(${w} %o, ${w} %name)`,
              `  ret ${w} %s`,
            ]
            : [`  store ${w} %v, ptr %slot`, `  ret ${w} 0`]),
          '}',
        ].join('\n'),
      };
    }
    case 'pync.size.to_int':
      return {
        decls: {},
        text: [head(w, `${w} %n`), `  %t = shl ${w} %n, 1`, `  %v = or ${w} %t, 1`, `  ret ${w} %v`, '}'].join('\n'),
      };
    case 'pync.list.item':
      // items[i] of a list for an index known to be in range (iteration)
      return {
        decls: {},
        text: [
          head(w, `${w} %l, ${w} %i`),
          `  %p = inttoptr ${w} %l to ptr`,
          `  %itemsp = getelementptr inbounds ${w}, ptr %p, i32 2`,
          '  %items = load ptr, ptr %itemsp',
          `  %slot = getelementptr inbounds ${w}, ptr %items, ${w} %i`,
          `  %v = load ${w}, ptr %slot`,
          `  ret ${w} %v`, '}',
        ].join('\n'),
      };
    case 'pync.func.defaults': case 'pync.func.code': {
      // pync_function: { type, code, defaults, kwdefaults, closure, ... }
      const code = name === 'pync.func.code';
      return {
        decls: {},
        text: [
          head(code ? 'ptr' : w, `${w} %f`),
          `  %p = inttoptr ${w} %f to ptr`,
          `  %fp = getelementptr inbounds ${w}, ptr %p, i32 ${code ? 1 : 2}`,
          code ? '  %v = load ptr, ptr %fp' : `  %v = load ${w}, ptr %fp`,
          `  ret ${code ? 'ptr' : w} %v`, '}',
        ].join('\n'),
      };
    }
    case 'pync.float.div':
      // x / y, and ZeroDivisionError from the runtime for y == 0
      return {
        decls: { pync_f_div: 'declare double @pync_f_div(double, double)' },
        text: [
          head('double', 'double %x, double %y'),
          '  %z = fcmp oeq double %y, 0.0',
          '  br i1 %z, label %slow, label %fast',
          'fast:',
          '  %q = fdiv double %x, %y',
          '  ret double %q',
          'slow:',
          '  %s = call double @pync_f_div(double %x, double %y)',
          '  ret double %s', '}',
        ].join('\n'),
      };
    case 'pync.complex.box':
      return {
        decls: { pync_complex_new: `declare ${w} @pync_complex_new(double, double)` },
        text: [
          head(w, `${C} %c`), `  %re = extractvalue ${C} %c, 0`, `  %im = extractvalue ${C} %c, 1`,
          `  %r = call ${w} @pync_complex_new(double %re, double %im)`, `  ret ${w} %r`, '}',
        ].join('\n'),
      };
    case 'pync.complex.unbox':
      // pync_complex: { type, real, imag }, the doubles from byte 8
      return {
        decls: {},
        text: [
          head(C, `${w} %o`), `  %p = inttoptr ${w} %o to ptr`,
          '  %rp = getelementptr inbounds i8, ptr %p, i32 8', '  %ip = getelementptr inbounds i8, ptr %p, i32 16',
          '  %re = load double, ptr %rp', '  %im = load double, ptr %ip',
          `  %c0 = insertvalue ${C} undef, double %re, 0`, `  %c = insertvalue ${C} %c0, double %im, 1`, `  ret ${C} %c`, '}',
        ].join('\n'),
      };
    case 'pync.complex.make':
      return {
        decls: {},
        text: [head(C, 'double %re, double %im'), `  %c0 = insertvalue ${C} undef, double %re, 0`,
          `  %c = insertvalue ${C} %c0, double %im, 1`, `  ret ${C} %c`, '}'].join('\n'),
      };
    case 'pync.complex.re': case 'pync.complex.im':
      return {
        decls: {},
        text: [head('double', `${C} %c`), `  %v = extractvalue ${C} %c, ${name.endsWith('re') ? 0 : 1}`, '  ret double %v', '}'].join('\n'),
      };
    case 'pync.complex.out':
      // the real part a runtime function returned, with the imaginary part it left aside
      return {
        decls: { pync_complex_imag_out: '@pync_complex_imag_out = external global i8' },
        text: [head(C, 'double %re'), '  %im = load double, ptr @pync_complex_imag_out',
          `  %c0 = insertvalue ${C} undef, double %re, 0`, `  %c = insertvalue ${C} %c0, double %im, 1`, `  ret ${C} %c`, '}'].join('\n'),
      };
    case 'pync.complex.add': case 'pync.complex.sub': case 'pync.complex.mul': {
      const body = name.endsWith('mul')
        ? [
          // (a.re*b.re - a.im*b.im, a.re*b.im + a.im*b.re), as CPython's _Py_c_prod
          '  %t1 = fmul double %ar, %br', '  %t2 = fmul double %ai, %bi', '  %re = fsub double %t1, %t2',
          '  %t3 = fmul double %ar, %bi', '  %t4 = fmul double %ai, %br', '  %im = fadd double %t3, %t4',
        ]
        : [`  %re = ${name.endsWith('add') ? 'fadd' : 'fsub'} double %ar, %br`, `  %im = ${name.endsWith('add') ? 'fadd' : 'fsub'} double %ai, %bi`];
      return {
        decls: {},
        text: [
          head(C, `${C} %a, ${C} %b`),
          `  %ar = extractvalue ${C} %a, 0`, `  %ai = extractvalue ${C} %a, 1`, `  %br = extractvalue ${C} %b, 0`, `  %bi = extractvalue ${C} %b, 1`,
          ...body,
          `  %c0 = insertvalue ${C} undef, double %re, 0`, `  %c = insertvalue ${C} %c0, double %im, 1`, `  ret ${C} %c`, '}',
        ].join('\n'),
      };
    }
    case 'pync.float.abs':
      return {
        decls: { 'llvm.fabs.f64': 'declare double @llvm.fabs.f64(double)' },
        text: [head('double', 'double %x'), '  %r = call double @llvm.fabs.f64(double %x)', '  ret double %r', '}'].join('\n'),
      };
    case 'pync.obj.is_float':
      // exactly a float (the type word is pync_float_type)
      return {
        decls: { pync_float_type: '@pync_float_type = external global i8' },
        text: [
          head('i1', `${w} %a`),
          `  %tag = and ${w} %a, 1`,
          `  %small = icmp ne ${w} %tag, 0`,
          `  %null = icmp eq ${w} %a, 0`,
          '  %no = or i1 %small, %null',
          '  br i1 %no, label %false, label %check',
          'check:',
          `  %p = inttoptr ${w} %a to ptr`,
          '  %t = load ptr, ptr %p',
          '  %is = icmp eq ptr %t, @pync_float_type',
          '  ret i1 %is',
          'false:',
          '  ret i1 false', '}',
        ].join('\n'),
      };
    case 'pync.obj.type_is':
      // the object's type is exactly t (a class object)
      return {
        decls: {},
        text: [
          head('i1', `${w} %a, ${w} %t`),
          `  %tag = and ${w} %a, 1`,
          `  %small = icmp ne ${w} %tag, 0`,
          `  %null = icmp eq ${w} %a, 0`,
          '  %no = or i1 %small, %null',
          '  br i1 %no, label %false, label %check',
          'check:',
          `  %p = inttoptr ${w} %a to ptr`,
          '  %ty = load ptr, ptr %p',
          `  %tp = inttoptr ${w} %t to ptr`,
          '  %is = icmp eq ptr %ty, %tp',
          '  ret i1 %is',
          'false:',
          '  ret i1 false', '}',
        ].join('\n'),
      };
    default:
      return null;
  }
}

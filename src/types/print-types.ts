// types/print-types.ts — `pync emit typed`: what the inference found, per module, class and
// function instance (parameters, return value, variables).

import type * as A from '../frontend/ast.js';
import type { Inference } from './infer.js';
import { showType } from './types.js';

export function printTypes(inf: Inference): string {
  const out: string[] = [];
  for (const m of inf.modules.values()) {
    out.push(`module ${m.name}`);
    for (const [name, t] of [...m.globals].sort(([a], [b]) => a.localeCompare(b))) out.push(`  global ${name}: ${showType(t)}`);
  }
  for (const c of inf.classes.values()) {
    out.push(`class ${c.qualname}${c.bases === null ? ' (dynamic)' : ''}`);
    for (const [name, t] of c.attrs) out.push(`  .${name}: ${showType(t)}`);
    for (const [name, t] of c.classAttrs) out.push(`  class .${name}: ${showType(t)}`);
  }
  for (const inst of inf.allInstances()) {
    if (inst.kind === 'module') continue;
    const node = inst.node as A.FunctionDefNode;
    const name = inst.scope.qualname;
    const params = inst.scope.params.map((p, i) => `${p}: ${showType(inst.params[i])}`).join(', ');
    out.push(`def ${name}(${params}) -> ${showType(inst.ret)}${inst.kind === 'generic' ? '   [generic fallback]' : ''}  (line ${node.lineno})`);
    for (const [scope, vars] of inst.vars) {
      for (const [v, t] of vars) {
        if (scope === inst.scope && inst.scope.params.includes(v)) continue;
        out.push(`    ${scope === inst.scope ? '' : `${scope.qualname}: `}${v}: ${showType(t)}`);
      }
    }
  }
  return out.join('\n') + '\n';
}

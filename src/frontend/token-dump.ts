// token-dump.ts — a token stream as text for `pync emit tokens`, one token a line:
//   1,0-1,5:  NAME  'print'

import { TokenStream, tokenTypeName, type Tok } from './tokens.js';
import { strRepr } from './pyrepr.js';

export function formatTokens(ts: TokenStream, text: string): string {
  const lines: string[] = [];
  for (let i = 0; i < ts.count; i++) {
    const where = `${ts.line[i]},${ts.col[i]}-${ts.endLine[i]},${ts.endCol[i]}:`;
    const type = tokenTypeName(ts.kind[i] as Tok);
    lines.push(`${where.padEnd(20)}${type.padEnd(15)}${strRepr(text.slice(ts.start[i], ts.end[i]))}`);
  }
  return lines.join('\n') + '\n';
}

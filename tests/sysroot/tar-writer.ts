// tests/sysroot/tar-writer.ts — writes .tar.gz archives byte by byte for the sysroot tests,
// including the ones a careful tar tool would refuse to make: '..' and absolute names, symlinks
// and hard links that point anywhere, device files. ustar headers only (names < 100 bytes).

import { gzipSync } from 'node:zlib';

export type TestEntry =
  | { readonly name: string; readonly type: 'file'; readonly body?: string; readonly mode?: number }
  | { readonly name: string; readonly type: 'dir'; readonly mode?: number }
  | { readonly name: string; readonly type: 'symlink' | 'hardlink'; readonly target: string }
  | { readonly name: string; readonly type: 'chardev' | 'fifo' };

const TYPE_FLAGS = { file: '0', hardlink: '1', symlink: '2', chardev: '3', dir: '5', fifo: '6' } as const;

export function tarGz(entries: readonly TestEntry[]): Buffer {
  const blocks: Buffer[] = [];
  for (const e of entries) {
    const body = e.type === 'file' ? Buffer.from(e.body ?? '') : Buffer.alloc(0);
    const mode = 'mode' in e && e.mode !== undefined ? e.mode : e.type === 'dir' ? 0o755 : 0o644;
    blocks.push(header(e.name, TYPE_FLAGS[e.type], mode, body.length, 'target' in e ? e.target : ''));
    if (body.length > 0) blocks.push(body, Buffer.alloc((512 - (body.length % 512)) % 512));
  }
  blocks.push(Buffer.alloc(1024));
  return gzipSync(Buffer.concat(blocks));
}

function header(name: string, typeFlag: string, mode: number, size: number, linkName: string): Buffer {
  const h = Buffer.alloc(512);
  const put = (offset: number, length: number, value: string): void => void h.write(value, offset, length, 'utf8');
  const octal = (offset: number, length: number, value: number): void => put(offset, length, value.toString(8).padStart(length - 1, '0') + '\0');
  if (Buffer.byteLength(name) >= 100 || Buffer.byteLength(linkName) >= 100) throw new Error(`name too long for a ustar header: ${name}`);
  put(0, 100, name);
  octal(100, 8, mode);
  octal(108, 8, 0);
  octal(116, 8, 0);
  octal(124, 12, size);
  octal(136, 12, 0);
  put(148, 8, '        ');
  put(156, 1, typeFlag);
  put(157, 100, linkName);
  put(257, 6, 'ustar\0');
  put(263, 2, '00');
  let sum = 0;
  for (const byte of h) sum += byte;
  put(148, 8, sum.toString(8).padStart(6, '0') + '\0 ');
  return h;
}

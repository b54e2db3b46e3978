// sysroot/unpack.ts — unpacks verified archives into a folder, refusing any that could write
// outside it.
//
// Takes: .tar.gz files, each with the folder inside it that becomes the sysroot (the manifest's
// `root`), and an empty destination folder. Hands on: the destination filled, or a one-line
// SysrootError before a single file is written. Every archive is first read through once (with
// the `tar` package) and all its entries checked together:
//   - names: no absolute path, no '..' component, all under `root`; a name may occur once (a
//     folder may repeat); nothing may lie under an entry that is a symlink;
//   - types: files, folders, symlinks and hard links only (no devices, FIFOs or others);
//   - symlinks: relative targets that, followed through the archive's other symlinks, stay inside
//     the sysroot (an absolute target would point at the host's files);
//   - hard links: to a file met earlier in the archives.
// Only then is each archive extracted, with every entry's path replaced by the checked one
// (`root` removed), modes reduced to rwxr-xr-x at most, and ownership left to the user. Symlinks
// are made last, by this module: nothing is ever written through one, and their order in the
// archive does not matter (tar would refuse a symlink whose target passes through another).

import { mkdirSync, symlinkSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { list, extract, type ReadEntry } from 'tar';
import { SysrootError } from './errors.js';

export interface ArchiveToUnpack {
  readonly file: string;
  /** the folder inside the archive that becomes the sysroot ('' = the archive's top) */
  readonly root: string;
  /** how errors name it (its URL or path) */
  readonly label: string;
}

interface Entry {
  readonly path: string;
  readonly type: string;
  readonly linkpath: string;
}

/** An entry as it will be written: its path relative to the sysroot ('' = the root folder itself). */
interface CheckedEntry extends Entry {
  readonly rel: string;
  /** for hard links: the linked file relative to the sysroot */
  readonly linkRel: string;
}

const FILE_TYPES = new Set(['File', 'OldFile', 'ContiguousFile']);
const MAX_SYMLINK_DEPTH = 40;

export async function unpackArchives(archives: readonly ArchiveToUnpack[], dest: string): Promise<void> {
  const tree = new TreeCheck();
  const checked: CheckedEntry[][] = [];
  for (const a of archives) checked.push(tree.add(await readEntries(a), a.root, a.label));
  tree.checkLinks();
  for (let i = 0; i < archives.length; i++) await extractChecked(archives[i]!, checked[i]!, dest);
  for (const e of checked.flat()) {
    if (e.type !== 'SymbolicLink') continue;
    mkdirSync(dirname(join(dest, e.rel)), { recursive: true });
    symlinkSync(e.linkpath, join(dest, e.rel));
  }
}

async function readEntries(a: ArchiveToUnpack): Promise<Entry[]> {
  const entries: Entry[] = [];
  try {
    await list({
      file: a.file,
      strict: true,
      onReadEntry: (e: ReadEntry) => void entries.push({ path: e.path, type: e.type, linkpath: e.linkpath ?? '' }),
    });
  } catch (e) {
    throw new SysrootError(`${a.label} is not a readable .tar.gz archive (${(e as Error).message}); nothing installed`);
  }
  return entries;
}

/** Extracts exactly the checked entries, in the order they were read. */
async function extractChecked(a: ArchiveToUnpack, entries: readonly CheckedEntry[], dest: string): Promise<void> {
  let index = 0;
  let paired = true;
  try {
    await extract({
      file: a.file,
      cwd: dest,
      strict: true,
      preserveOwner: false,
      filter: (_path, e) => {
        const entry = e as ReadEntry;
        const want = entries[index++];
        // the same bytes are read twice, so this holds; it guards the pairing of entries
        if (!want || want.path !== entry.path || want.type !== entry.type) paired = false;
        if (!want || !paired || want.rel === '' || want.type === 'SymbolicLink') return false;
        entry.path = want.rel;
        if (want.type === 'Link') entry.linkpath = want.linkRel;
        const mode = entry.mode ?? 0o644;
        entry.mode = (mode & 0o755) | (want.type === 'Directory' ? 0o700 : 0o600);
        return true;
      },
    });
  } catch (e) {
    throw new SysrootError(`cannot unpack ${a.label}: ${(e as Error).message}; nothing installed`);
  }
  if (!paired || index !== entries.length) throw new SysrootError(`${a.label} changed while it was unpacked; nothing installed`);
}

/** The sysroot's tree as the archives describe it, checked entry by entry. */
class TreeCheck {
  /** rel path → what it is, its name in its archive, and the archive's label (for errors) */
  private readonly entries = new Map<string, { kind: 'dir' | 'file' | 'symlink'; name: string; label: string }>();
  /** rel path → symlink target */
  private readonly symlinks = new Map<string, string>();

  add(entries: readonly Entry[], root: string, label: string): CheckedEntry[] {
    const rootParts = root === '' ? [] : root.split('/');
    const refuse = (why: string): never => refuseArchive(label, why);
    const relOf = (name: string, what: string): string => {
      const parts = nameParts(name, refuse);
      if (rootParts.some((p, i) => parts[i] !== p)) refuse(`${what} '${name}' is outside its folder '${root}/'`);
      return parts.slice(rootParts.length).join('/');
    };
    return entries.map((e) => {
      if (!FILE_TYPES.has(e.type) && e.type !== 'Directory' && e.type !== 'SymbolicLink' && e.type !== 'Link') {
        refuse(`'${e.path}' is ${describeType(e.type)}`);
      }
      const rel = relOf(e.path, 'entry');
      const kind = e.type === 'Directory' ? 'dir' : e.type === 'SymbolicLink' ? 'symlink' : 'file';
      if (rel === '') {
        if (kind !== 'dir') refuse(`'${e.path}' would replace the sysroot folder itself`);
        return { ...e, rel, linkRel: '' };
      }
      const seen = this.entries.get(rel);
      if (seen !== undefined && !(seen.kind === 'dir' && kind === 'dir')) refuse(`'${e.path}' occurs twice`);
      let linkRel = '';
      if (e.type === 'Link') {
        linkRel = relOf(e.linkpath, `hard link '${e.path}' ->`);
        if (this.entries.get(linkRel)?.kind !== 'file') refuse(`hard link '${e.path}' -> '${e.linkpath}' does not name a file earlier in the archive`);
      }
      if (e.type === 'SymbolicLink') {
        if (e.linkpath === '' || e.linkpath.startsWith('/')) refuse(`symlink '${e.path}' -> '${e.linkpath}' points outside the sysroot`);
        this.symlinks.set(rel, e.linkpath);
      }
      this.entries.set(rel, { kind, name: e.path, label });
      return { ...e, rel, linkRel };
    });
  }

  /** After every archive: nothing under a symlink, and every symlink resolves inside. */
  checkLinks(): void {
    for (const [rel, entry] of this.entries) {
      const parts = rel.split('/');
      for (let n = 1; n < parts.length; n++) {
        const link = this.entries.get(parts.slice(0, n).join('/'));
        if (link?.kind === 'symlink') refuseArchive(entry.label, `'${entry.name}' lies under the symlink '${link.name}'`);
      }
    }
    for (const [rel, target] of this.symlinks) {
      if (this.resolve(rel.split('/').slice(0, -1), target, 0) === null) {
        const link = this.entries.get(rel)!;
        refuseArchive(link.label, `symlink '${link.name}' -> '${target}' points outside the sysroot`);
      }
    }
  }

  /** Follows `target` from the folder `from` (both inside the sysroot); null if it leaves it. */
  private resolve(from: readonly string[], target: string, depth: number): string[] | null {
    if (depth > MAX_SYMLINK_DEPTH || target.startsWith('/')) return null;
    let at = [...from];
    for (const c of target.split('/')) {
      if (c === '' || c === '.') continue;
      if (c === '..') {
        if (at.length === 0) return null;
        at.pop();
        continue;
      }
      at.push(c);
      const link = this.symlinks.get(at.join('/'));
      if (link !== undefined) {
        const next = this.resolve(at.slice(0, -1), link, depth + 1);
        if (next === null) return null;
        at = next;
      }
    }
    return at;
  }
}

function refuseArchive(label: string, why: string): never {
  throw new SysrootError(`unsafe archive ${label}: ${why}; refused, nothing installed`);
}

/** The components of an archive member's name; refuses absolute names and '..'. */
function nameParts(name: string, refuse: (why: string) => never): string[] {
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) refuse(`'${name}' is an absolute path`);
  if (name.includes('\0') || name.includes('\\')) refuse(`'${name}' has a NUL or backslash in its name`);
  const parts = name.split('/').filter((p) => p !== '' && p !== '.');
  if (parts.includes('..')) refuse(`'${name}' has a '..' component`);
  return parts;
}

function describeType(type: string): string {
  if (type === 'CharacterDevice' || type === 'BlockDevice') return 'a device file';
  if (type === 'FIFO') return 'a FIFO';
  return `of an unsupported type (${type})`;
}

// sysroot/manifest.ts — what a sysroot is made of: its manifest, sysroots/<name>.json.
//
// Takes: a sysroot name (a target's `sysroot` field) and the manifests folder (the sysroots/
// folder beside pync's package.json, or $PYNC_SYSROOT_MANIFESTS). Hands on: a checked
// SysrootManifest — the archives to fetch (URL, sha256, size, the folder inside each archive
// that becomes the sysroot) and the files a good install must contain — or a SysrootError
// naming the file and the field that is wrong. docs/sysroots.md describes the format.

import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SysrootError } from './errors.js';

export interface SysrootArchive {
  /** where the archive is published (http or https); a mirror replaces all but its file name */
  readonly url: string;
  /** sha256 of the .tar.gz, lower-case hex */
  readonly sha256: string;
  /** size of the .tar.gz in bytes */
  readonly size: number;
  /** the folder inside the archive whose contents become the sysroot ('' = the archive's top) */
  readonly root: string;
}

export interface SysrootManifest {
  readonly name: string;
  readonly description: string;
  /** unpacked in order into the same folder; a file may come from only one of them */
  readonly archives: readonly SysrootArchive[];
  /** paths (relative to the sysroot) an install must contain, checked before it is put in place */
  readonly required: readonly string[];
  /** the manifest file it was read from */
  readonly file: string;
}

export const MANIFEST_FORMAT = 1;

/** The folder of manifests: $PYNC_SYSROOT_MANIFESTS, else sysroots/ beside pync's package.json. */
export function manifestsDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PYNC_SYSROOT_MANIFESTS) return env.PYNC_SYSROOT_MANIFESTS;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'sysroots'))) return join(dir, 'sysroots');
    const parent = dirname(dir);
    if (parent === dir) throw new SysrootError(`the sysroot manifests (sysroots/) are not beside pync's package.json above ${fileURLToPath(import.meta.url)}`);
    dir = parent;
  }
}

/** The manifest file of the sysroot `name` (whether or not it exists). */
export function manifestFile(name: string, dir: string = manifestsDir()): string {
  return join(dir, `${name}.json`);
}

export function hasManifest(name: string, dir?: string): boolean {
  try {
    return existsSync(manifestFile(name, dir ?? manifestsDir()));
  } catch {
    return false;
  }
}

/** The names of every manifest in `dir`, sorted. */
export function listManifests(dir: string = manifestsDir()): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return [];
  }
  return names.filter((n) => n.endsWith('.json')).map((n) => n.slice(0, -'.json'.length)).sort();
}

export function loadManifest(name: string, dir: string = manifestsDir()): SysrootManifest {
  const file = manifestFile(name, dir);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') {
      throw new SysrootError(`no manifest for the ${name} sysroot (${file}): make the sysroot with scripts/make-sysroot ${name}, or write its manifest (docs/sysroots.md)`);
    }
    throw new SysrootError(`cannot read ${file}: ${(e as Error).message}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new SysrootError(`${file}: not valid JSON (${(e as Error).message})`);
  }
  return parseManifest(json, name, file);
}

/** Checks a parsed manifest field by field; the first problem is a one-line error. */
export function parseManifest(json: unknown, name: string, file: string): SysrootManifest {
  const bad = (what: string): never => {
    throw new SysrootError(`${file}: ${what}`);
  };
  const m = objectOf(json) ?? bad('the manifest must be a JSON object');
  checkKeys(m, ['format', 'name', 'description', 'archives', 'required'], '', bad);
  if (m.format !== MANIFEST_FORMAT) bad(`"format" must be ${MANIFEST_FORMAT} (this pync reads format ${MANIFEST_FORMAT})`);
  if (m.name !== name) bad(`"name" must be "${name}", the file's name`);
  if (typeof m.description !== 'string') bad('"description" must be a string');
  if (!Array.isArray(m.archives) || m.archives.length === 0) bad('"archives" must be a non-empty list');
  const archives = (m.archives as unknown[]).map((a, i) => {
    const where = `archives[${i}]`;
    const o = objectOf(a) ?? bad(`${where} must be an object`);
    checkKeys(o, ['url', 'sha256', 'size', 'root'], `${where}.`, bad);
    if (typeof o.url !== 'string' || !/^https?:\/\/[^/]+\/.*[^/]$/.test(o.url)) bad(`${where}.url must be an http(s) URL naming a file`);
    if (typeof o.sha256 !== 'string' || !/^[0-9a-f]{64}$/.test(o.sha256)) bad(`${where}.sha256 must be 64 lower-case hex digits`);
    if (typeof o.size !== 'number' || !Number.isSafeInteger(o.size) || o.size <= 0) bad(`${where}.size must be a positive whole number of bytes`);
    if (typeof o.root !== 'string' || !isRelativePath(o.root, true)) bad(`${where}.root must be a relative folder without '..' ('' for the archive's top)`);
    return { url: o.url as string, sha256: o.sha256 as string, size: o.size as number, root: (o.root as string).replace(/\/+$/, '') };
  });
  if (!Array.isArray(m.required) || !m.required.every((p) => typeof p === 'string' && isRelativePath(p, false))) {
    bad('"required" must be a list of relative paths without \'..\'');
  }
  return { name, description: m.description as string, archives, required: m.required as string[], file };
}

function objectOf(v: unknown): Record<string, unknown> | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : null;
}

function checkKeys(o: Record<string, unknown>, known: readonly string[], prefix: string, bad: (what: string) => never): void {
  for (const k of Object.keys(o)) if (!known.includes(k)) bad(`unknown field "${prefix}${k}" (known: ${known.join(', ')})`);
}

function isRelativePath(p: string, emptyOk: boolean): boolean {
  if (p === '') return emptyOk;
  return !p.startsWith('/') && !p.includes('\0') && p.split('/').every((c) => c !== '..');
}

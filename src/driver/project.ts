// driver/project.ts — a pync project: the [tool.pync] table of a pyproject.toml, so `pync build`
// with no file builds the project of the folder it runs in (as `cargo build` does).
//
// Takes: a starting folder (the current one); the nearest pyproject.toml there or above. Hands
// on: a PyncProject — the entry script, output, default targets, board and build options, paths
// made absolute against the project's folder — or a one-line BuildError naming the file and line:
// malformed TOML, no [tool.pync] table, an unknown key, a value of the wrong kind, a missing
// entry script. TOML is read by smol-toml (TOML 1.0, no dependencies, keeps line and column in
// its errors); it returns values without positions, so the line of a key is found again in the
// text (keyLine).
//
//   [tool.pync]
//   entry = "src/app.py"          required: the program's main file, relative to the project
//   output = "build/app"          default: [project].name, else the entry's name without .py
//   targets = ["x86_64-linux-gnu", "aarch64-linux-gnu"]    default: this machine
//   board = "mps2-an385"          for bare-metal targets
//   opt-level = 2                 0..3 (default 2)
//   static = false
//   debug = false

import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { parse, TomlError } from 'smol-toml';
import type { OptLevel } from './build.js';
import { BuildError } from './errors.js';

export const PROJECT_FILE = 'pyproject.toml';

export interface PyncProject {
  /** the pyproject.toml, absolute */
  readonly file: string;
  readonly dir: string;
  /** the entry script, absolute */
  readonly entry: string;
  /** the executable's path without a target suffix, absolute */
  readonly output: string;
  /** whether `output` came from the file (else from the project's or the entry's name) */
  readonly outputGiven: boolean;
  /** target names as written; empty: this machine */
  readonly targets: readonly string[];
  readonly board: string | null;
  readonly optLevel: OptLevel | null;
  readonly static: boolean | null;
  readonly debug: boolean | null;
  /** 'pyproject.toml:7' for the line of a key of [tool.pync] (the table's line if absent) */
  where(key: string): string;
}

const KEYS = ['entry', 'output', 'targets', 'board', 'opt-level', 'static', 'debug'] as const;

/** The nearest pyproject.toml in `start` or a folder above it, or null. */
export function findProjectFile(start: string = process.cwd()): string | null {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    const file = join(dir, PROJECT_FILE);
    if (existsSync(file) && statSync(file).isFile()) return file;
    if (dirname(dir) === dir) return null;
  }
}

/** The project of the current folder, for `pync build` without a file. */
export function loadProjectHere(start: string = process.cwd()): PyncProject {
  const file = findProjectFile(start);
  if (file === null) {
    throw new BuildError(`no program given and no ${PROJECT_FILE} in ${resolve(start)} or above: give the program's .py file, or make a ${PROJECT_FILE} with a [tool.pync] table (entry = "app.py")`);
  }
  return loadProject(file);
}

export function loadProject(file: string): PyncProject {
  const shown = displayPath(file);
  const text = readFileSync(file, 'utf8');
  let doc: Record<string, unknown>;
  try {
    doc = parse(text);
  } catch (e) {
    if (!(e instanceof TomlError)) throw e;
    const what = e.message.split('\n')[0]!.replace(/^Invalid TOML document: /, '');
    throw new BuildError(`${shown}:${e.line}:${e.column}: invalid TOML: ${what}`);
  }
  const lines = text.split(/\r?\n/);
  const tableLine = findTableLine(lines);
  const where = (key: string): string => `${shown}:${keyLine(lines, key) ?? tableLine ?? 1}`;
  const tool = tableOf(doc.tool);
  const table = tool ? tableOf(tool.pync) : null;
  if (!table) throw new BuildError(`${shown} has no [tool.pync] table: add one with entry = "app.py", or give the program's .py file`);

  for (const key of Object.keys(table)) {
    if (!(KEYS as readonly string[]).includes(key)) {
      throw new BuildError(`${where(key)}: unknown key '${key}' in [tool.pync] (known: ${KEYS.join(', ')})`);
    }
  }
  const bad = (key: string, what: string): never => {
    throw new BuildError(`${where(key)}: ${key} must be ${what}`);
  };
  const string = (key: string): string | null => {
    const v = table[key];
    if (v === undefined) return null;
    if (typeof v !== 'string' || v.trim() === '') bad(key, 'a non-empty string');
    return v as string;
  };
  const boolean = (key: string): boolean | null => {
    const v = table[key];
    if (v === undefined) return null;
    if (typeof v !== 'boolean') bad(key, 'true or false');
    return v as boolean;
  };

  const dir = dirname(file);
  const entryText = string('entry') ?? bad('entry', 'given: the program\'s main .py file, relative to the project (entry = "app.py")');
  const entry = resolve(dir, entryText);
  if (!existsSync(entry) || !statSync(entry).isFile()) throw new BuildError(`${where('entry')}: entry '${entryText}' is not a file in ${dir}`);

  const targetsValue = table.targets;
  let targets: string[] = [];
  if (targetsValue !== undefined) {
    if (typeof targetsValue === 'string') targets = [targetsValue];
    else if (Array.isArray(targetsValue) && targetsValue.length > 0 && targetsValue.every((t) => typeof t === 'string' && t.trim() !== '')) targets = targetsValue as string[];
    else bad('targets', 'a non-empty list of target names (["x86_64-linux-gnu", "aarch64-linux-gnu"])');
  }

  const optValue = table['opt-level'];
  if (optValue !== undefined && optValue !== 0 && optValue !== 1 && optValue !== 2 && optValue !== 3) bad('opt-level', '0, 1, 2 or 3');

  const outputText = string('output');
  const projectName = tableOf(doc.project)?.name;
  const outputName = outputText ?? (typeof projectName === 'string' && /^[\w.-]+$/.test(projectName) ? projectName : basename(entry).replace(/\.py$/, ''));

  return {
    file,
    dir,
    entry,
    output: resolve(dir, outputName),
    outputGiven: outputText !== null,
    targets,
    board: string('board'),
    optLevel: (optValue ?? null) as OptLevel | null,
    static: boolean('static'),
    debug: boolean('debug'),
    where,
  };
}

function tableOf(v: unknown): Record<string, unknown> | null {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date) ? (v as Record<string, unknown>) : null;
}

/** The path as a message shows it: relative to the current folder when inside it. */
function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel.startsWith('..') ? file : rel;
}

/** The line (1-based) of the [tool.pync] header, or of the first `tool.pync.` dotted key. */
function findTableLine(lines: readonly string[]): number | null {
  const i = lines.findIndex((l) => /^\s*\[\s*tool\s*\.\s*pync\s*\]/.test(l) || /^\s*tool\s*\.\s*pync\s*\./.test(l));
  return i < 0 ? null : i + 1;
}

/**
 * The line where `key` of [tool.pync] is set: `key =` under [tool.pync], `pync.key =` under
 * [tool], `tool.pync.key =` before any table header, or a [tool.pync.key] header. Null when not
 * found.
 */
function keyLine(lines: readonly string[], key: string): number | null {
  const k = `(?:${escape(key)}|"${escape(key)}"|'${escape(key)}')`;
  const prefixes: Record<string, string> = { 'tool.pync': '', tool: 'pync\\s*\\.\\s*', '': 'tool\\s*\\.\\s*pync\\s*\\.\\s*' };
  let section = '';
  for (const [i, line] of lines.entries()) {
    const header = /^\s*\[\[?\s*([^\[\]]+?)\s*\]/.exec(line);
    if (header) {
      section = header[1]!.replace(/\s*\.\s*/g, '.');
      // a sub-table [tool.pync.KEY] (or [[tool.pync.KEY]]) sets KEY
      if (new RegExp(`^tool\\.pync\\.${k}(\\.|$)`).test(section)) return i + 1;
      continue;
    }
    const prefix = prefixes[section];
    if (prefix !== undefined && new RegExp(`^\\s*${prefix}${k}\\s*[=.]`).test(line)) return i + 1;
  }
  return null;
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Where the build of `project` for the target named `targetName` writes: `output` (from -o, else
 * the project's), plus `-TARGET` when the project builds several targets at once, plus the
 * target's executable suffix when the name was not given explicitly.
 */
export function projectOutput(project: PyncProject, targetName: string, exeSuffix: string, several: boolean, outputOption?: string): string {
  const base = outputOption !== undefined ? resolve(outputOption) : project.output;
  const explicit = outputOption !== undefined || project.outputGiven;
  return `${base}${several ? `-${targetName}` : ''}${explicit ? '' : exeSuffix}`;
}

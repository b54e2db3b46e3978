// toolchain/run.ts — the one place pync starts other processes (clang, lld, llvm-ar, qemu, the
// programs it built).
//
// Takes: a command, its arguments and how to connect its streams. Hands on: the exit status and
// captured output (runTool), a ToolchainError with a one-line summary when a step fails
// (runStep), or the status of a program run with the user's terminal (runInteractive). Signals
// are reported the way shells do: status 128 + signal number.

import { spawn } from 'node:child_process';
import { constants } from 'node:os';
import { ToolchainError } from './errors.js';

export interface ToolResult {
  /** exit status; 128 + n when killed by signal n */
  readonly status: number;
  readonly stdout: string;
  readonly stderr: string;
  /** wall time in milliseconds */
  readonly ms: number;
  /** the process was killed because it ran longer than the timeout */
  readonly timedOut: boolean;
}

export interface ToolOptions {
  readonly cwd?: string;
  readonly env?: NodeJS.ProcessEnv;
  /** text written to the process's stdin (stdin is empty otherwise) */
  readonly input?: string;
  /** kill the process (SIGKILL) after this many milliseconds */
  readonly timeoutMs?: number;
  /** kills the process when aborted (the promise then rejects with the abort's reason) */
  readonly signal?: AbortSignal;
}

/** Runs a command to completion, capturing its output. Rejects only when it cannot be started. */
export function runTool(command: string, args: readonly string[], options: ToolOptions = {}): Promise<ToolResult> {
  const started = performance.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['pipe', 'pipe', 'pipe'],
      signal: options.signal,
      killSignal: 'SIGKILL',
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    let timedOut = false;
    const timer =
      options.timeoutMs === undefined
        ? undefined
        : setTimeout(() => {
            timedOut = true;
            child.kill('SIGKILL');
          }, options.timeoutMs);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.stdin.on('error', () => {}); // the process may exit without reading its input
    child.on('error', (e: NodeJS.ErrnoException) => {
      if (timer) clearTimeout(timer);
      reject(e.name === 'AbortError' ? e : startError(command, e));
    });
    child.on('close', (code, signal) => {
      if (timer) clearTimeout(timer);
      resolvePromise({
        status: exitStatus(code, signal),
        stdout: Buffer.concat(out).toString('utf8'),
        stderr: Buffer.concat(err).toString('utf8'),
        ms: performance.now() - started,
        timedOut,
      });
    });
    child.stdin.end(options.input ?? '');
  });
}

/**
 * Runs one build step; a non-zero status becomes a ToolchainError whose message is
 * `<what> failed: <the tool's first error line>` and whose details are its whole output.
 */
export async function runStep(what: string, command: string, args: readonly string[], options: ToolOptions = {}): Promise<ToolResult> {
  const r = await runTool(command, args, options);
  if (r.status !== 0) {
    const output = (r.stderr + r.stdout).trim();
    const summary = firstErrorLine(output) || `${command} exited with status ${r.status}`;
    throw new ToolchainError(`${what} failed: ${summary}`, `$ ${[command, ...args].join(' ')}\n${output}`);
  }
  return r;
}

/** Runs a program with the user's stdin/stdout/stderr; resolves to its exit status. */
export function runInteractive(command: string, args: readonly string[], options: { env?: NodeJS.ProcessEnv } = {}): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { stdio: 'inherit', env: options.env ?? process.env });
    child.on('error', (e: NodeJS.ErrnoException) => reject(startError(command, e)));
    child.on('close', (code, signal) => resolvePromise(exitStatus(code, signal)));
  });
}

/** Calls fn on every item, at most `limit` at a time; results in the items' order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  let failure: unknown = undefined;
  const worker = async (): Promise<void> => {
    while (next < items.length && failure === undefined) {
      const i = next++;
      try {
        results[i] = await fn(items[i]!, i);
      } catch (e) {
        failure ??= e;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  if (failure !== undefined) throw failure;
  return results;
}

function exitStatus(code: number | null, signal: NodeJS.Signals | null): number {
  if (code !== null) return code;
  const n = signal ? (constants.signals as Record<string, number>)[signal] : undefined;
  return 128 + (n ?? 0);
}

function startError(command: string, e: NodeJS.ErrnoException): ToolchainError {
  if (e.code === 'ENOENT') return new ToolchainError(`${command} not found: run scripts/setup`);
  if (e.code === 'EACCES') return new ToolchainError(`${command} cannot be executed (permission denied)`);
  return new ToolchainError(`cannot start ${command}: ${e.message}`);
}

/** The line that says what went wrong: the first `error:` line, else the first line. */
function firstErrorLine(output: string): string {
  const lines = output.split('\n').map((l) => l.trim()).filter((l) => l !== '');
  const error = lines.find((l) => /\berror\b/i.test(l));
  const line = error ?? lines[0] ?? '';
  const more = lines.length > 1 ? ` (${lines.length - 1} more lines with --verbose)` : '';
  return line + more;
}

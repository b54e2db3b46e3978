// The subprocess module: captured output, exit statuses (signals as 128 + n), one-line step
// failures, missing commands, and the bounded parallel map.

import { describe, expect, it } from 'vitest';
import { ToolchainError } from '../../src/toolchain/errors.js';
import { mapLimit, runStep, runTool } from '../../src/toolchain/run.js';

describe('runTool', () => {
  it('captures stdout, stderr and the exit status, and feeds stdin', async () => {
    const r = await runTool('sh', ['-c', 'cat; echo err >&2; exit 3'], { input: 'in\n' });
    expect(r).toMatchObject({ status: 3, stdout: 'in\n', stderr: 'err\n', timedOut: false });
  });

  it('reports a signal as 128 + its number', async () => {
    expect((await runTool('sh', ['-c', 'kill -9 $$'])).status).toBe(137);
  });

  it('kills a process that outlives its timeout', async () => {
    const r = await runTool('sleep', ['5'], { timeoutMs: 100 });
    expect(r.timedOut).toBe(true);
    expect(r.status).toBe(137);
  });

  it('rejects with a one-line ToolchainError when the command does not exist', async () => {
    await expect(runTool('pync-no-such-tool', [])).rejects.toThrow(new ToolchainError('pync-no-such-tool not found: run scripts/setup'));
  });
});

describe('runStep', () => {
  it('turns a failure into one line naming the step and the first error, with the output in details', async () => {
    let error: ToolchainError | undefined;
    try {
      await runStep('compiling x.ll', 'sh', ['-c', 'echo "x.ll:1:1: warning: w" >&2; echo "x.ll:2:3: error: bad" >&2; exit 1']);
    } catch (e) {
      error = e as ToolchainError;
    }
    expect(error).toBeInstanceOf(ToolchainError);
    expect(error!.message).toBe('compiling x.ll failed: x.ll:2:3: error: bad (1 more lines with --verbose)');
    expect(error!.details).toContain('x.ll:1:1: warning: w');
  });
});

describe('mapLimit', () => {
  it('keeps results in order and never runs more than the limit at once', async () => {
    let running = 0;
    let peak = 0;
    const out = await mapLimit([5, 1, 4, 2, 3], 2, async (n) => {
      running++;
      peak = Math.max(peak, running);
      await new Promise((r) => setTimeout(r, n * 5));
      running--;
      return n * 10;
    });
    expect(out).toEqual([50, 10, 40, 20, 30]);
    expect(peak).toBe(2);
  });

  it('rejects with the first failure', async () => {
    await expect(mapLimit([1, 2, 3], 2, async (n) => {
      if (n === 2) throw new Error('two');
      return n;
    })).rejects.toThrow('two');
  });
});

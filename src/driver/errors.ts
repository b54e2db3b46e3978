// driver/errors.ts — how a build stops for a reason the user can fix.
//
// BuildError: one line (unreadable input, a target that cannot run here). DiagnosticsReported:
// the compiler's diagnostics were already printed; the command ends with status 1 and adds
// nothing.

export class BuildError extends Error {
  override name = 'BuildError';
}

export class DiagnosticsReported extends Error {
  override name = 'DiagnosticsReported';
  constructor(readonly errorCount: number) {
    super(`${errorCount} error${errorCount === 1 ? '' : 's'}`);
  }
}

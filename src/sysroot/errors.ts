// sysroot/errors.ts — a sysroot that is missing, or that cannot be fetched, verified or installed.
// The message is one line saying what went wrong and, where it can, what to do.

export class SysrootError extends Error {
  override name = 'SysrootError';
}

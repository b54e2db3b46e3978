// toolchain/errors.ts — what goes wrong outside the compiler proper: a missing tool, a failed
// clang/lld/llvm-ar step, a program that could not be started.
//
// The message is one line a user can act on; `details` holds the tool's full output, which the
// CLI prints only with --verbose.

export class ToolchainError extends Error {
  override name = 'ToolchainError';
  constructor(
    message: string,
    readonly details: string = '',
  ) {
    super(message);
  }
}

// cli/errors.ts — a mistake in how pync was invoked: printed as one line, exit status 2.

export class UsageError extends Error {}

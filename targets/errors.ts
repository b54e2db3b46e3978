// targets/errors.ts — the one error the target registry and target configuration raise: a target
// name pync does not know, a host it cannot compile for, or a target option it does not accept
// (an unknown --board). The CLI prints its message as one line with exit status 2.

export class TargetError extends Error {
  override name = 'TargetError';
}

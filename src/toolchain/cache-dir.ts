// toolchain/cache-dir.ts — where pync keeps what it builds for the user: runtime archives,
// sysroots, build folders and cached executables.
//
// Takes: the environment. Hands on: an absolute folder — PYNC_CACHE_DIR, else
// $XDG_CACHE_HOME/pync (when absolute, as the XDG spec requires), else ~/.cache/pync.

import { homedir } from 'node:os';
import { isAbsolute, join, resolve } from 'node:path';

export function userCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.PYNC_CACHE_DIR) return resolve(env.PYNC_CACHE_DIR);
  const xdg = env.XDG_CACHE_HOME;
  if (xdg && isAbsolute(xdg)) return join(xdg, 'pync');
  return join(homedir(), '.cache', 'pync');
}

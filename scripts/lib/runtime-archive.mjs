// scripts/lib/runtime-archive.mjs — builds (or finds in the cache) pync's runtime archive for a
// target, for scripts that need to look inside it (make-macos-sysroot lists its undefined symbols).
//
//   node scripts/lib/runtime-archive.mjs TARGET
//
// Takes: a target name, and pync built into dist/ (npm run build). Prints one line: the archive's
// path, a tab, and the llvm-nm of the same LLVM. The cache is pync's own (PYNC_CACHE_DIR, ...), so
// the archive is the one later builds use.
import { accessSync, constants, realpathSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { resolveTarget } from '../../dist/targets/index.js';
import { userCacheDir } from '../../dist/src/toolchain/cache-dir.js';
import { findLlvm } from '../../dist/src/toolchain/llvm.js';
import { ensureRuntime } from '../../dist/src/toolchain/runtime.js';

const name = process.argv[2];
if (!name) {
  process.stderr.write('usage: node scripts/lib/runtime-archive.mjs TARGET\n');
  process.exit(2);
}
const target = resolveTarget(name);
const llvm = await findLlvm();
const archive = await ensureRuntime(target, llvm, { cacheDir: userCacheDir() });
// llvm-nm sits beside llvm-ar, with the same version suffix (llvm-ar-19 → llvm-nm-19)
const ar = realpathSync(llvm.ar);
const nm = join(dirname(ar), basename(ar).replace(/^llvm-ar/, 'llvm-nm'));
accessSync(nm, constants.X_OK);
process.stdout.write(`${archive.path}\t${nm}\n`);

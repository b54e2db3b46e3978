// cli/commands/sysroot.ts — `pync sysroot install|list|remove|path`: the sysroots of cross
// targets in pync's cache.
//
//   pync sysroot install TRIPLE [--mirror URL] [--from FILE.tar.gz] [--force]
//   pync sysroot list
//   pync sysroot remove TRIPLE
//   pync sysroot path TRIPLE
//
// TRIPLE is a target name or alias (its descriptor names the sysroot), or a sysroot name that
// has a manifest in sysroots/. Progress and results go to stderr; `path` and `list` print to
// stdout. Failures are one line (status 1); src/sysroot/ does the work.

import type { CommandModule } from 'yargs';
import { resolveTarget, TargetError, type TargetDescriptor } from '../../../targets/index.js';
import { BuildError } from '../../driver/errors.js';
import { installSysroot } from '../../sysroot/install.js';
import { listSysroots, removeSysroot } from '../../sysroot/manage.js';
import { hasManifest, loadManifest } from '../../sysroot/manifest.js';
import { mirrorFromEnv } from '../../sysroot/mirror.js';
import { readStamp, requireSysroot, stampArchives, sysrootDir, SysrootError } from '../../sysroot/paths.js';
import { UsageError } from '../errors.js';
import { reportUserErrors, targetFromArgs } from './common.js';

interface TripleArgs {
  triple: string;
}

interface InstallArgs extends TripleArgs {
  mirror?: string;
  from?: string;
  force: boolean;
}

const tripleOption = { type: 'string', describe: 'a target name or alias (or a sysroot name)', demandOption: true } as const;

/** The sysroot `given` names: a target's, or a manifest's of that name. */
function sysrootName(given: string): string {
  try {
    const target = resolveTarget(given);
    if (target.sysroot === null) throw new BuildError(`${target.name} links against this machine's own libraries and has no sysroot`);
    return target.sysroot;
  } catch (e) {
    if (e instanceof TargetError && hasManifest(given)) return given;
    throw e;
  }
}

const installCommand: CommandModule<object, InstallArgs> = {
  command: 'install <triple>',
  describe: 'Download, verify and install a target\'s sysroot into the cache',
  builder: (y) =>
    y
      .positional('triple', tripleOption)
      .option('mirror', { type: 'string', describe: 'fetch the archives from this URL or folder instead (default: $PYNC_SYSROOT_MIRROR)' })
      .option('from', { type: 'string', describe: 'install this local .tar.gz (still checked against the manifest)' })
      .option('force', { type: 'boolean', default: false, describe: 'replace an installed sysroot' })
      .example('pync sysroot install aarch64-linux-gnu', 'downloads the sysroot sysroots/aarch64-linux-gnu.json names')
      .example('pync sysroot install arm64-linux --from aarch64-linux-gnu.tar.gz', 'installs an archive made by scripts/make-sysroot') as never,
  handler: (args) =>
    reportUserErrors(false, async () => {
      const manifest = loadManifest(sysrootName(args.triple));
      const result = await installSysroot({ manifest, mirror: mirrorFromEnv(args.mirror), from: args.from, force: args.force });
      if (result.kind === 'installed') {
        process.stderr.write(`pync: installed the ${manifest.name} sysroot in ${result.dir}\n`);
        return;
      }
      const note = result.current ? '' : ` (not from the archive ${manifest.file} names; --force replaces it)`;
      process.stderr.write(`pync: the ${manifest.name} sysroot is already installed in ${result.dir}${note}\n`);
    }),
};

const listCommand: CommandModule = {
  command: 'list',
  describe: 'List the sysroots pync knows and which are installed',
  handler: () =>
    reportUserErrors(false, async () => {
      const rows = listSysroots().map((r) => {
        if (r.status === 'not-installed') return [r.name, 'not installed', `pync sysroot install ${r.name}`];
        if (r.status === 'installed') return [r.name, 'installed', r.dir];
        const made = stampArchives(readStamp(r.dir) ?? '') === null ? 'made by scripts/make-sysroot' : r.hasManifest ? 'another archive than its manifest names' : 'no manifest';
        return [r.name, `installed (${made})`, r.dir];
      });
      process.stdout.write(formatTable(['SYSROOT', 'STATE', 'FOLDER OR HOW TO INSTALL'], rows));
    }),
};

const removeCommand: CommandModule<object, TripleArgs> = {
  command: 'remove <triple>',
  describe: 'Remove an installed sysroot from the cache',
  builder: (y) => y.positional('triple', tripleOption) as never,
  handler: (args) =>
    reportUserErrors(false, async () => {
      const name = sysrootName(args.triple);
      const removed = removeSysroot(name);
      process.stderr.write(removed ? `pync: removed the ${name} sysroot\n` : `pync: the ${name} sysroot is not installed; nothing to remove\n`);
    }),
};

const pathCommand: CommandModule<object, TripleArgs> = {
  command: 'path <triple>',
  describe: 'Print the folder of a target\'s sysroot',
  builder: (y) => y.positional('triple', tripleOption) as never,
  handler: (args) =>
    reportUserErrors(false, async () => {
      let target: TargetDescriptor;
      try {
        target = targetFromArgs(args.triple);
      } catch (e) {
        // not a target: a sysroot name with a manifest
        if (!(e instanceof UsageError) || !hasManifest(args.triple)) throw e;
        const dir = sysrootDir(args.triple);
        if (readStamp(dir) === null) throw new SysrootError(`the ${args.triple} sysroot is not installed (${dir}): install it with pync sysroot install ${args.triple}`);
        process.stdout.write(dir + '\n');
        return;
      }
      const dir = requireSysroot(target);
      if (dir === null) throw new BuildError(`${target.name} links against this machine's own libraries and has no sysroot`);
      process.stdout.write(dir + '\n');
    }),
};

export const sysrootCommand: CommandModule = {
  command: 'sysroot',
  describe: 'Sysroots of cross targets (the target\'s C library and start-up files)',
  builder: (y) =>
    y
      .command(installCommand)
      .command(listCommand)
      .command(removeCommand)
      .command(pathCommand)
      .demandCommand(1, 'Give a sysroot command; `pync sysroot --help` lists them.') as never,
  handler: () => {},
};

function formatTable(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: readonly string[]): string => cells.map((c, i) => (i === cells.length - 1 ? c : c.padEnd(widths[i]!))).join('  ').trimEnd() + '\n';
  return line(header) + rows.map(line).join('');
}

// tests/toolchain/macho.ts — reads a 64-bit Mach-O executable's load commands and checks its ad-hoc
// code signature, independently of the linker that wrote it (the darwin tests' verifier).
//
// Takes: the bytes of a little-endian 64-bit Mach-O file. Hands on: its load commands
// (readMachO), and verifyAdhocSignature's account of the signature — or an Error naming the
// first thing that is wrong. The signature checked is what macOS demands of an arm64 program:
// LC_CODE_SIGNATURE points into __LINKEDIT at a SuperBlob (big-endian, magic 0xfade0cc0) whose
// CodeDirectory (0xfade0c02) hashes every page of the file before the signature with SHA-256
// (code slots) and the other blobs of the SuperBlob (special slots: 1 Info.plist, 2
// requirements, 5 entitlements, ...; a slot with no blob holds zeros).

import { createHash } from 'node:crypto';

export const LC_SEGMENT_64 = 0x19;
export const LC_CODE_SIGNATURE = 0x1d;
export const LC_MAIN = 0x80000028;
export const LC_LOAD_DYLIB = 0xc;
export const LC_BUILD_VERSION = 0x32;

const MH_MAGIC_64 = 0xfeedfacf;
const MH_EXECUTE = 2;
const CSMAGIC_EMBEDDED_SIGNATURE = 0xfade0cc0;
const CSMAGIC_CODEDIRECTORY = 0xfade0c02;
const CSSLOT_CODEDIRECTORY = 0;
const CS_HASHTYPE_SHA256 = 2;
export const CS_ADHOC = 0x2;
export const CS_LINKER_SIGNED = 0x20000;
const CS_EXECSEG_MAIN_BINARY = 0x1;

export interface Segment {
  readonly name: string;
  readonly fileoff: number;
  readonly filesize: number;
}

export interface MachO {
  readonly cputype: number;
  readonly filetype: number;
  /** every load command: its type and where its bytes are */
  readonly commands: readonly { readonly cmd: number; readonly offset: number; readonly size: number }[];
  readonly segments: readonly Segment[];
  /** LC_CODE_SIGNATURE's dataoff/datasize, or null */
  readonly codeSignature: { readonly dataoff: number; readonly datasize: number } | null;
}

export function readMachO(file: Buffer): MachO {
  if (file.length < 32 || file.readUInt32LE(0) !== MH_MAGIC_64) throw new Error('not a little-endian 64-bit Mach-O file');
  const cputype = file.readUInt32LE(4);
  const filetype = file.readUInt32LE(12);
  const ncmds = file.readUInt32LE(16);
  const sizeofcmds = file.readUInt32LE(20);
  if (32 + sizeofcmds > file.length) throw new Error('load commands run past the end of the file');
  const commands: { cmd: number; offset: number; size: number }[] = [];
  const segments: Segment[] = [];
  let codeSignature: MachO['codeSignature'] = null;
  let at = 32;
  for (let i = 0; i < ncmds; i++) {
    const cmd = file.readUInt32LE(at);
    const size = file.readUInt32LE(at + 4);
    if (size < 8 || at + size > 32 + sizeofcmds) throw new Error(`load command ${i} (0x${cmd.toString(16)}) has a bad size ${size}`);
    commands.push({ cmd, offset: at, size });
    if (cmd === LC_SEGMENT_64) {
      const name = file.subarray(at + 8, at + 24).toString('latin1').replace(/\0+$/, '');
      segments.push({ name, fileoff: Number(file.readBigUInt64LE(at + 40)), filesize: Number(file.readBigUInt64LE(at + 48)) });
    } else if (cmd === LC_CODE_SIGNATURE) {
      codeSignature = { dataoff: file.readUInt32LE(at + 8), datasize: file.readUInt32LE(at + 12) };
    }
    at += size;
  }
  return { cputype, filetype, commands, segments, codeSignature };
}

export interface AdhocSignature {
  readonly identifier: string;
  readonly version: number;
  readonly flags: number;
  readonly pageSize: number;
  /** code slots checked (every page up to the signature) */
  readonly codeSlots: number;
  /** special slots checked */
  readonly specialSlots: number;
  /** blob types in the SuperBlob, in order */
  readonly blobTypes: readonly number[];
}

/** Checks every hash of the ad-hoc signature; throws an Error saying what does not hold. */
export function verifyAdhocSignature(file: Buffer): AdhocSignature {
  const macho = readMachO(file);
  const sig = macho.codeSignature;
  if (!sig) throw new Error('no LC_CODE_SIGNATURE');
  const linkedit = macho.segments.find((s) => s.name === '__LINKEDIT');
  if (!linkedit) throw new Error('no __LINKEDIT segment');
  if (sig.dataoff + sig.datasize > file.length) throw new Error('the signature runs past the end of the file');
  if (sig.dataoff < linkedit.fileoff || sig.dataoff + sig.datasize > linkedit.fileoff + linkedit.filesize) {
    throw new Error('the signature is not inside __LINKEDIT');
  }
  if (sig.dataoff % 16 !== 0) throw new Error('the signature is not 16-byte aligned');

  const blob = file.subarray(sig.dataoff, sig.dataoff + sig.datasize);
  if (blob.readUInt32BE(0) !== CSMAGIC_EMBEDDED_SIGNATURE) throw new Error(`SuperBlob magic is 0x${blob.readUInt32BE(0).toString(16)}`);
  const superLength = blob.readUInt32BE(4);
  if (superLength > blob.length) throw new Error('the SuperBlob is longer than LC_CODE_SIGNATURE says');
  const count = blob.readUInt32BE(8);
  const index = new Map<number, Buffer>();
  const blobTypes: number[] = [];
  for (let i = 0; i < count; i++) {
    const type = blob.readUInt32BE(12 + 8 * i);
    const offset = blob.readUInt32BE(16 + 8 * i);
    if (offset + 8 > superLength) throw new Error(`blob ${i} starts outside the SuperBlob`);
    const length = blob.readUInt32BE(offset + 4);
    if (offset + length > superLength) throw new Error(`blob ${i} runs past the SuperBlob`);
    index.set(type, blob.subarray(offset, offset + length));
    blobTypes.push(type);
  }

  const cd = index.get(CSSLOT_CODEDIRECTORY);
  if (!cd) throw new Error('no CodeDirectory in the SuperBlob');
  if (cd.readUInt32BE(0) !== CSMAGIC_CODEDIRECTORY) throw new Error('the CodeDirectory slot holds another kind of blob');
  const version = cd.readUInt32BE(8);
  const flags = cd.readUInt32BE(12);
  const hashOffset = cd.readUInt32BE(16);
  const identOffset = cd.readUInt32BE(20);
  const nSpecialSlots = cd.readUInt32BE(24);
  const nCodeSlots = cd.readUInt32BE(28);
  const codeLimit = cd.readUInt32BE(32);
  const hashSize = cd.readUInt8(36);
  const hashType = cd.readUInt8(37);
  const pageSize = 2 ** cd.readUInt8(39);
  if (version < 0x20400) throw new Error(`CodeDirectory version 0x${version.toString(16)} has no exec segment fields (need 0x20400)`);
  if (hashType !== CS_HASHTYPE_SHA256 || hashSize !== 32) throw new Error(`hash type ${hashType} size ${hashSize} is not SHA-256`);
  if ((flags & CS_ADHOC) === 0) throw new Error(`flags 0x${flags.toString(16)} lack adhoc`);
  if (codeLimit !== sig.dataoff) throw new Error(`codeLimit ${codeLimit} is not the signature's offset ${sig.dataoff}`);
  if (nCodeSlots !== Math.ceil(codeLimit / pageSize)) throw new Error(`${nCodeSlots} code slots for ${codeLimit} bytes of ${pageSize}-byte pages`);
  if (hashOffset - nSpecialSlots * hashSize < 0 || hashOffset + nCodeSlots * hashSize > cd.length) throw new Error('the hash slots run outside the CodeDirectory');
  const identEnd = cd.indexOf(0, identOffset);
  if (identOffset >= cd.length || identEnd < 0) throw new Error('the identifier is not a NUL-terminated string inside the CodeDirectory');
  const identifier = cd.subarray(identOffset, identEnd).toString('utf8');

  // after pageSize@39: spare2@40, scatterOffset@44 (0x20100), teamOffset@48 (0x20200),
  // spare3@52 codeLimit64@56 (0x20300), execSegBase@64 execSegLimit@72 execSegFlags@80 (0x20400)
  const text = macho.segments.find((s) => s.name === '__TEXT');
  if (!text) throw new Error('no __TEXT segment');
  const execSegBase = Number(cd.readBigUInt64BE(64));
  const execSegLimit = Number(cd.readBigUInt64BE(72));
  const execSegFlags = Number(cd.readBigUInt64BE(80));
  if (execSegBase !== text.fileoff || execSegLimit !== text.filesize) {
    throw new Error(`exec segment ${execSegBase}+${execSegLimit} is not __TEXT (${text.fileoff}+${text.filesize})`);
  }
  if (macho.filetype === MH_EXECUTE && (execSegFlags & CS_EXECSEG_MAIN_BINARY) === 0) throw new Error('execSegFlags lack MAIN_BINARY for an executable');

  const sha256 = (b: Buffer): Buffer => createHash('sha256').update(b).digest();
  for (let page = 0; page < nCodeSlots; page++) {
    const start = page * pageSize;
    const expected = cd.subarray(hashOffset + page * hashSize, hashOffset + (page + 1) * hashSize);
    if (!sha256(file.subarray(start, Math.min(start + pageSize, codeLimit))).equals(expected)) {
      throw new Error(`page ${page} (bytes ${start}..) does not match its hash`);
    }
  }
  for (let slot = 1; slot <= nSpecialSlots; slot++) {
    const expected = cd.subarray(hashOffset - slot * hashSize, hashOffset - (slot - 1) * hashSize);
    const special = index.get(slot);
    const actual = special ? sha256(special) : Buffer.alloc(hashSize);
    if (!actual.equals(expected)) throw new Error(`special slot ${slot} does not match ${special ? 'its blob' : 'zeros (no blob)'}`);
  }
  return { identifier, version, flags, pageSize, codeSlots: nCodeSlots, specialSlots: nSpecialSlots, blobTypes };
}

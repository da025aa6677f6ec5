/**
 * Zip-bomb checks for XLSX files, run BEFORE exceljs inflates anything.
 *
 * 1. fflate's `unzipSync` with a filter that refuses every entry lists what
 *    the archive's central directory declares — entry count, compressed and
 *    uncompressed sizes — without inflating a byte.
 * 2. Declared sizes can lie, so each entry is then inflated in small chunks
 *    through a streaming Inflate that stops as soon as the output passes what
 *    the entry declared (or the total budget). Memory stays bounded whatever
 *    the archive claims; only an archive that passes both is given to exceljs.
 */
import { Inflate, unzipSync } from 'fflate';
import type { Translator } from '../i18n/translator';
import { englishTranslator } from './import-text';

/** Limits an archive must stay within. */
export interface ZipLimits {
  readonly maxEntries: number;
  readonly maxTotalBytes: number;
  readonly maxRatio: number;
  readonly ratioFloorBytes: number;
}

/** Limits for spreadsheets that are imported. */
export const ZIP_LIMITS: ZipLimits = {
  /** A workbook has a few dozen parts; thousands means something is wrong. */
  maxEntries: 2000,
  /** Total uncompressed size of all parts. */
  maxTotalBytes: 200 * 1024 * 1024,
  /** Largest ratio of uncompressed to compressed size for any sizeable part. */
  maxRatio: 200,
  /** Parts smaller than this are not ratio-checked (tiny XML compresses well). */
  ratioFloorBytes: 1024 * 1024,
};

/** What the archive declares about one entry. */
export interface ZipEntryInfo {
  readonly name: string;
  readonly compressedSize: number;
  readonly size: number;
  readonly compression: number;
}

/** Result of checking an archive. */
export type ZipCheck =
  | { readonly ok: true; readonly entries: readonly ZipEntryInfo[] }
  | { readonly ok: false; readonly message: string };

/** Megabytes of a byte count (the messages show one decimal). */
const MB = (n: number) => n / (1024 * 1024);

/** Lists the declared entries without inflating any (throws on a broken archive). */
function listZipEntries(data: Uint8Array): ZipEntryInfo[] {
  const entries: ZipEntryInfo[] = [];
  unzipSync(data, {
    filter(file) {
      entries.push({
        name: file.name,
        compressedSize: file.size,
        size: file.originalSize,
        compression: file.compression,
      });
      return false;
    },
  });
  return entries;
}

/**
 * Checks declared sizes, then inflates with a hard cap to catch lying
 * headers; a refusal is worded by `t` (default: English).
 */
export function checkZip(
  data: Uint8Array,
  limits: ZipLimits = ZIP_LIMITS,
  t: Translator = englishTranslator(),
): ZipCheck {
  let entries: ZipEntryInfo[];
  try {
    entries = listZipEntries(data);
  } catch {
    return { ok: false, message: t('content:zip.damaged') };
  }
  if (entries.length > limits.maxEntries)
    return {
      ok: false,
      message: t('content:zip.tooManyParts', {
        count: entries.length,
        max: limits.maxEntries,
      }),
    };
  let declaredTotal = 0;
  for (const e of entries) {
    declaredTotal += e.size;
    if (e.size >= limits.ratioFloorBytes && e.size > e.compressedSize * limits.maxRatio)
      return {
        ok: false,
        message: t('content:zip.bomb', {
          name: e.name,
          ratio: Math.round(e.size / Math.max(1, e.compressedSize)),
          size: MB(e.size),
        }),
      };
    if (e.compression !== 0 && e.compression !== 8)
      return { ok: false, message: t('content:zip.method') };
  }
  if (declaredTotal > limits.maxTotalBytes)
    return {
      ok: false,
      message: t('content:zip.tooBig', {
        size: MB(declaredTotal),
        max: MB(limits.maxTotalBytes),
      }),
    };

  const located = locateEntries(data);
  if (!located) return { ok: false, message: t('content:zip.directory') };
  let actualTotal = 0;
  for (const entry of located) {
    const produced = inflateBounded(
      data,
      entry,
      Math.min(entry.size, limits.maxTotalBytes - actualTotal),
    );
    if (produced === 'over')
      return {
        ok: false,
        message: t('content:zip.lying', { name: entry.name }),
      };
    if (produced === 'broken')
      return { ok: false, message: t('content:zip.partUnreadable', { name: entry.name }) };
    actualTotal += produced;
  }
  return { ok: true, entries };
}

interface LocatedEntry {
  name: string;
  compression: number;
  compressedSize: number;
  size: number;
  dataStart: number;
}

const u16 = (d: Uint8Array, i: number) => (d[i] ?? 0) | ((d[i + 1] ?? 0) << 8);
const u32 = (d: Uint8Array, i: number) => (u16(d, i) | (u16(d, i + 2) << 16)) >>> 0;

/** Reads entry offsets from the central directory (classic zip; ZIP64 is refused). */
function locateEntries(data: Uint8Array): LocatedEntry[] | null {
  let eocd = -1;
  for (let i = data.length - 22; i >= Math.max(0, data.length - 22 - 65_535); i--) {
    if (u32(data, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = u16(data, eocd + 10);
  let p = u32(data, eocd + 16);
  const out: LocatedEntry[] = [];
  const decoder = new TextDecoder();
  for (let n = 0; n < count; n++) {
    if (p + 46 > data.length || u32(data, p) !== 0x02014b50) return null;
    const compression = u16(data, p + 10);
    const compressedSize = u32(data, p + 20);
    const size = u32(data, p + 24);
    const nameLength = u16(data, p + 28);
    const extraLength = u16(data, p + 30);
    const commentLength = u16(data, p + 32);
    const localOffset = u32(data, p + 42);
    if (compressedSize === 0xffffffff || size === 0xffffffff || localOffset === 0xffffffff)
      return null;
    const name = decoder.decode(data.subarray(p + 46, p + 46 + nameLength));
    if (localOffset + 30 > data.length || u32(data, localOffset) !== 0x04034b50) return null;
    const dataStart = localOffset + 30 + u16(data, localOffset + 26) + u16(data, localOffset + 28);
    if (dataStart + compressedSize > data.length) return null;
    out.push({ name, compression, compressedSize, size, dataStart });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return out;
}

/** Inflates one entry in 16 KB input chunks; stops once output exceeds `cap`. */
function inflateBounded(
  data: Uint8Array,
  entry: LocatedEntry,
  cap: number,
): number | 'over' | 'broken' {
  const body = data.subarray(entry.dataStart, entry.dataStart + entry.compressedSize);
  if (entry.compression === 0) return body.length > cap ? 'over' : body.length;
  let produced = 0;
  let over = false;
  const inflate = new Inflate((chunk) => {
    produced += chunk.length;
    if (produced > cap) over = true;
  });
  const CHUNK = 16 * 1024;
  try {
    for (let i = 0; i < body.length && !over; i += CHUNK) {
      const end = Math.min(body.length, i + CHUNK);
      inflate.push(body.subarray(i, end), end === body.length);
    }
    if (body.length === 0) inflate.push(new Uint8Array(0), true);
  } catch {
    return over ? 'over' : 'broken';
  }
  return over ? 'over' : produced;
}

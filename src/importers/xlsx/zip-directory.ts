import { open } from "node:fs/promises";

/** What the zip's central directory says about its parts, read before anything is unpacked. */
export type ZipDirectory = { readonly entries: number; readonly unpackedBytes: number };

export class ZipDirectoryError extends Error {}

const EOCD = 0x06054b50;
const ZIP64_EOCD_LOCATOR = 0x07064b50;
const CENTRAL_ENTRY = 0x02014b50;
// The end record is 22 bytes plus a comment of up to 65.535 bytes.
const TAIL = 22 + 65_535;

/**
 * Sums the unpacked sizes the central directory declares (APPNOTE.TXT 4.3.12/4.3.16), so an XLSX that
 * would unpack to gigabytes (a zip bomb, or 2 million rows) is refused before exceljs inflates it (issue 19:
 * a 5,5 MB XLSX passed 8 GB). A zip64 file is counted as over any limit: no real talportal file needs it.
 */
export async function readZipDirectory(path: string): Promise<ZipDirectory> {
  const handle = await open(path, "r");
  try {
    const size = (await handle.stat()).size;
    const tailLength = Math.min(size, TAIL);
    const tail = Buffer.alloc(tailLength);
    await handle.read(tail, 0, tailLength, size - tailLength);
    let at = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD) {
        at = i;
        break;
      }
    }
    if (at < 0) throw new ZipDirectoryError("Filen er ikke en hel zip-fil (slutningen mangler); er den hentet helt?");
    if (at >= 20 && tail.readUInt32LE(at - 20) === ZIP64_EOCD_LOCATOR) return { entries: Infinity, unpackedBytes: Infinity };
    const entries = tail.readUInt16LE(at + 10);
    const directorySize = tail.readUInt32LE(at + 12);
    const directoryOffset = tail.readUInt32LE(at + 16);
    if (directoryOffset + directorySize > size) throw new ZipDirectoryError("Zip-filens indholdsfortegnelse peger uden for filen; filen er beskadiget.");
    const directory = Buffer.alloc(directorySize);
    await handle.read(directory, 0, directorySize, directoryOffset);
    let unpackedBytes = 0;
    let p = 0;
    for (let n = 0; n < entries; n++) {
      if (p + 46 > directory.length || directory.readUInt32LE(p) !== CENTRAL_ENTRY) throw new ZipDirectoryError("Zip-filens indholdsfortegnelse er beskadiget.");
      const unpacked = directory.readUInt32LE(p + 24);
      if (unpacked === 0xffffffff) return { entries, unpackedBytes: Infinity };
      unpackedBytes += unpacked;
      p += 46 + directory.readUInt16LE(p + 28) + directory.readUInt16LE(p + 30) + directory.readUInt16LE(p + 32);
    }
    return { entries, unpackedBytes };
  } finally {
    await handle.close();
  }
}

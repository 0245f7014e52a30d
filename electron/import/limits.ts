import { DomainError } from '../../shared/errors';

/** What an import file may hold; checked before anything is parsed. */
export interface ImportLimits {
  fileBytes: number;
  uncompressedBytes: number;
  zipEntries: number;
  compressionRatio: number;
  rows: number;
  columns: number;
  parseMilliseconds: number;
  heapMegabytes: number;
}

export const IMPORT_LIMITS: Readonly<ImportLimits> = {
  /** The file as uploaded. */
  fileBytes: 10 * 1024 * 1024,
  /** All entries of an .xlsx (a zip) unpacked, as declared in its central directory. */
  uncompressedBytes: 50 * 1024 * 1024,
  /** Entries in the zip. */
  zipEntries: 1000,
  /** An entry packed harder than this is a zip bomb, not a spreadsheet. */
  compressionRatio: 200,
  /** Data rows (a register of contact persons or clients, not a data dump). */
  rows: 20_000,
  /** Columns: the import has about fifteen fields. */
  columns: 200,
  /** Parsing runs in a worker thread with these limits. */
  parseMilliseconds: 20_000,
  heapMegabytes: 256,
};

const tooBig = (what: string) =>
  new DomainError(
    'INVALID_INPUT',
    `Filen kan inte importeras: ${what}. Dela upp filen eller spara den på nytt som en vanlig .xlsx- eller .csv-fil.`,
  );

/** Reads the zip's central directory (nothing is unpacked): number of entries and declared sizes. */
function checkZip(bytes: Buffer, limits: ImportLimits): void {
  const notZip = () => new DomainError('INVALID_INPUT', 'Filen kunde inte läsas. Är det en .xlsx- eller .csv-fil?');
  // End of central directory: 22 bytes plus a comment of up to 64 KiB, at the end of the file.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw notZip();
  const entries = bytes.readUInt16LE(eocd + 10);
  const cdSize = bytes.readUInt32LE(eocd + 12);
  const cdOffset = bytes.readUInt32LE(eocd + 16);
  if (entries === 0xffff || cdOffset === 0xffffffff) throw tooBig('filen använder zip64-format');
  if (entries > limits.zipEntries) throw tooBig(`den innehåller ${entries} delar (högst ${limits.zipEntries})`);
  if (cdOffset + cdSize > bytes.length) throw notZip();
  let p = cdOffset;
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (p + 46 > bytes.length || bytes.readUInt32LE(p) !== 0x02014b50) throw notZip();
    const compressed = bytes.readUInt32LE(p + 20);
    const size = bytes.readUInt32LE(p + 24);
    if (size === 0xffffffff || compressed === 0xffffffff) throw tooBig('filen använder zip64-format');
    total += size;
    if (total > limits.uncompressedBytes)
      throw tooBig(`uppackad är den större än ${Math.round(limits.uncompressedBytes / 1024 / 1024)} MB`);
    if (size > 1024 * 1024 && size > compressed * limits.compressionRatio)
      throw tooBig('den är packad på ett sätt som inte liknar ett kalkylark (en så kallad zip-bomb)');
    p += 46 + bytes.readUInt16LE(p + 28) + bytes.readUInt16LE(p + 30) + bytes.readUInt16LE(p + 32);
  }
}

/** Counts lines and the widest line's separators in one pass over the bytes. */
function checkCsv(bytes: Buffer, limits: ImportLimits): void {
  let lines = 0;
  let seps = 0;
  let widest = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === 0x0a) {
      lines++;
      widest = Math.max(widest, seps);
      seps = 0;
      if (lines > limits.rows + 1) throw tooBig(`den har fler än ${limits.rows} rader`);
    } else if (b === 0x3b || b === 0x2c) {
      seps++;
    }
  }
  widest = Math.max(widest, seps);
  // A field may itself contain commas, so only a line far beyond the limit is refused here; the parser counts exactly.
  if (widest > limits.columns * 4) throw tooBig(`en rad har fler än ${limits.columns} kolumner`);
}

/** Size and shape checks before parsing: a hostile file is refused without being unpacked or parsed. */
export function precheckImport(fileName: string, bytes: Buffer, limits: ImportLimits = IMPORT_LIMITS): void {
  if (bytes.length > limits.fileBytes)
    throw tooBig(`den är större än ${Math.round(limits.fileBytes / 1024 / 1024)} MB`);
  if (bytes.length === 0) throw new DomainError('INVALID_INPUT', 'Filen är tom.');
  if (/\.csv$/i.test(fileName)) checkCsv(bytes, limits);
  else checkZip(bytes, limits);
}

export { tooBig as importTooBig };

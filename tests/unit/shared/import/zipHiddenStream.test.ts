/**
 * Regression: a deflate stream hidden inside a stored entry, reachable only through the central
 * directory (what JSZip inside exceljs follows). Walking the local headers in file order sees
 * one harmless stored entry; JSZip would inflate the hidden stream to whatever it holds.
 * Recipe of the reviewer's mkbomb.py, built here with fflate. CRCs are 0: neither the guard nor
 * JSZip (checkCRC32 off by default) reads them.
 */
import { deflateSync } from 'fflate';
import { beforeEach, describe, expect, it, vi } from 'vitest';

const loads = vi.hoisted(() => ({ count: 0 }));
vi.mock('exceljs', () => {
  class Workbook {
    worksheets = [];
    xlsx = {
      load: async () => {
        loads.count++;
      },
    };
  }
  return { default: { Workbook } };
});

const { DEFAULT_LIMITS, ImportError, readTable } = await import('../../../../shared/import');
const { guardZip } = await import('../../../../shared/import/zipGuard');

const enc = (s: string) => new TextEncoder().encode(s);

function localHeader(name: Uint8Array, method: number, crc: number, size: number, usize: number) {
  const h = new Uint8Array(30 + name.length);
  const v = new DataView(h.buffer);
  v.setUint32(0, 0x04034b50, true);
  v.setUint16(4, 20, true);
  v.setUint16(8, method, true);
  v.setUint32(14, crc, true);
  v.setUint32(18, size, true);
  v.setUint32(22, usize, true);
  v.setUint16(26, name.length, true);
  h.set(name, 30);
  return h;
}

function centralHeader(
  name: string,
  method: number,
  crc: number,
  size: number,
  usize: number,
  offset: number,
) {
  const n = enc(name);
  const h = new Uint8Array(46 + n.length);
  const v = new DataView(h.buffer);
  v.setUint32(0, 0x02014b50, true);
  v.setUint16(4, 20, true);
  v.setUint16(6, 20, true);
  v.setUint16(10, method, true);
  v.setUint32(16, crc, true);
  v.setUint32(20, size, true);
  v.setUint32(24, usize, true);
  v.setUint16(28, n.length, true);
  v.setUint32(42, offset, true);
  h.set(n, 46);
  return h;
}

const concat = (parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** `[Content_Types].xml`, `xl/workbook.xml`, a stored carrier hiding sheet1's deflate stream. */
function hiddenStreamXlsx(hiddenBytes: number): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  const push = (b: Uint8Array) => {
    parts.push(b);
    offset += b.length;
  };
  for (const [name, text] of [
    ['[Content_Types].xml', '<Types/>'],
    ['xl/workbook.xml', '<workbook/>'],
  ] as const) {
    const data = enc(text);
    central.push(centralHeader(name, 0, 0, data.length, data.length, offset));
    push(concat([localHeader(enc(name), 0, 0, data.length, data.length), data]));
  }
  const hidden = deflateSync(new Uint8Array(hiddenBytes).fill(0x20), { level: 9 });
  const sheetName = enc('xl/worksheets/sheet1.xml');
  const payload = concat([localHeader(sheetName, 8, 0, hidden.length, 50_000), hidden]);
  const carrierName = 'xl/media/pad.bin';
  const carrierAt = offset;
  const carrier = localHeader(enc(carrierName), 0, 0, payload.length, payload.length);
  push(carrier);
  const hiddenAt = offset;
  push(payload);
  central.push(centralHeader(carrierName, 0, 0, payload.length, payload.length, carrierAt));
  central.push(centralHeader('xl/worksheets/sheet1.xml', 8, 0, hidden.length, 50_000, hiddenAt));
  const dir = concat(central);
  const eocd = new Uint8Array(22);
  const v = new DataView(eocd.buffer);
  v.setUint32(0, 0x06054b50, true);
  v.setUint16(8, central.length, true);
  v.setUint16(10, central.length, true);
  v.setUint32(12, dir.length, true);
  v.setUint32(16, offset, true);
  return concat([...parts, dir, eocd]);
}

describe('zip guard: streams hidden behind the central directory', () => {
  beforeEach(() => {
    loads.count = 0;
  });

  it('refuses the hidden stream before exceljs runs', async () => {
    const bomb = hiddenStreamXlsx(8 * 1024 * 1024);
    expect(bomb.length).toBeLessThan(64 * 1024);
    const err = await readTable(bomb, { fileName: 'bomb.xlsx' }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportError);
    expect((err as InstanceType<typeof ImportError>).code).toBe('zipCorrupt');
    expect((err as Error).message).toMatch(/^XLSX 파일이 손상되었습니다/);
    expect(loads.count).toBe(0);
  });

  it('checks what the directory points at, not the local headers in file order', () => {
    expect(() => guardZip(hiddenStreamXlsx(4096), DEFAULT_LIMITS)).toThrow(/overlap/);
  });
});

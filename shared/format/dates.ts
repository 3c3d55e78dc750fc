/**
 * Dates are stored as ISO `YYYY-MM-DD` strings (no time zone games) and accepted in the forms
 * people type: `2006-04-01`, `2006.4.1`, `2006/04/01`, `20060401`, `2006년 4월 1일`, or an Excel
 * serial number (1900 date system).
 */

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

function isRealDate(y: number, m: number, d: number): boolean {
  if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1) return false;
  const days = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return d <= days;
}

/** Excel serial (days since 1899-12-30, which absorbs Excel's 1900 leap-year bug) → ISO date. */
export function excelSerialToIso(serial: number): string | null {
  // Below 10000 (1927) a number is far more likely a year or a count than an Excel date.
  if (!Number.isFinite(serial) || serial < 10000 || serial > 2958465) return null;
  const ms = Math.round((Math.floor(serial) - 25569) * 86400000);
  const dt = new Date(ms);
  return `${dt.getUTCFullYear()}-${pad(dt.getUTCMonth() + 1)}-${pad(dt.getUTCDate())}`;
}

/** Parses a typed or imported date; returns ISO `YYYY-MM-DD` or null when it is not a real date. */
export function parseDate(input: unknown): string | null {
  if (input instanceof Date) {
    if (Number.isNaN(input.getTime())) return null;
    return `${input.getUTCFullYear()}-${pad(input.getUTCMonth() + 1)}-${pad(input.getUTCDate())}`;
  }
  if (typeof input === 'number') return excelSerialToIso(input);
  if (typeof input !== 'string') return null;
  const s = input.normalize('NFKC').trim();
  if (s === '') return null;
  let m = /^(\d{4})\s*[-./년]\s*(\d{1,2})\s*[-./월]\s*(\d{1,2})\s*일?\.?$/.exec(s);
  if (!m) m = /^(\d{4})(\d{2})(\d{2})$/.exec(s);
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isRealDate(y, mo, d) ? `${y}-${pad(mo)}-${pad(d)}` : null;
  }
  if (/^\d{5}(\.\d+)?$/.test(s)) return excelSerialToIso(Number(s));
  return null;
}

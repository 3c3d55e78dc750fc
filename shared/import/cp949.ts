/**
 * A strict CP949 (UHC) decoder that behaves the same in Node and in browsers. Browsers' WHATWG
 * `euc-kr` decoder is full CP949, but Node's ICU one is plain EUC-KR: it turns the 8,822 extra
 * Hangul syllables (`똠`, `햏`…) into C1 control characters without failing. The extension is
 * algorithmic: the syllables missing from KS X 1001, in Unicode order, fill lead bytes 81–C6.
 * So the table is built from the runtime's EUC-KR (KS X 1001 part) plus that rule.
 */

let table: Uint16Array | null = null;

const isExtTrail = (t: number) =>
  (t >= 0x41 && t <= 0x5a) || (t >= 0x61 && t <= 0x7a) || (t >= 0x81 && t <= 0xfe);

function buildTable(): Uint16Array {
  const map = new Uint16Array(0x10000); // 0 = unmapped
  const decoder = new TextDecoder('euc-kr');
  const ksHangul = new Set<number>();
  const pair = new Uint8Array(2);
  for (let lead = 0xa1; lead <= 0xfe; lead++) {
    for (let trail = 0xa1; trail <= 0xfe; trail++) {
      pair[0] = lead;
      pair[1] = trail;
      const s = decoder.decode(pair);
      const code = s.length === 1 ? s.charCodeAt(0) : 0xfffd;
      if (code === 0xfffd || code < 0x80) continue;
      map[(lead << 8) | trail] = code;
      if (code >= 0xac00 && code <= 0xd7a3) ksHangul.add(code);
    }
  }
  // Extension: lead 81–A0 take every extension trail; A1–C6 only trails below A1.
  let syllable = 0xac00;
  const nextMissing = () => {
    while (syllable <= 0xd7a3 && ksHangul.has(syllable)) syllable++;
    return syllable <= 0xd7a3 ? syllable++ : 0;
  };
  for (let lead = 0x81; lead <= 0xc6; lead++) {
    for (let trail = 0x41; trail <= 0xfe; trail++) {
      if (!isExtTrail(trail) || (lead >= 0xa1 && trail >= 0xa1)) continue;
      const code = nextMissing();
      if (code === 0) return map;
      map[(lead << 8) | trail] = code;
    }
  }
  return map;
}

export interface Cp949Result {
  text: string | null;
  /** offset of the first byte that is not CP949, when text is null */
  badOffset: number;
}

let platformIsCp949: boolean | null = null;

/** True where the runtime's `euc-kr` decoder is the WHATWG one, i.e. full CP949 (Chromium). */
function platformDecodesCp949(): boolean {
  if (platformIsCp949 === null) {
    platformIsCp949 = new TextDecoder('euc-kr').decode(new Uint8Array([0x8c, 0x63])) === '똠';
  }
  return platformIsCp949;
}

/** Decodes strictly: any unmapped pair or stray byte fails with its offset. */
export function decodeCp949(bytes: Uint8Array): Cp949Result {
  // Fast path: the platform decoder (native, WHATWG euc-kr = CP949). The derived table below
  // serves runtimes whose ICU decoder is plain EUC-KR (Node) and finds the offset of a bad byte.
  if (platformDecodesCp949()) {
    try {
      return { text: new TextDecoder('euc-kr', { fatal: true }).decode(bytes), badOffset: -1 };
    } catch {
      // fall through: the table decoder reports where the bad byte is
    }
  }
  table ??= buildTable();
  const out: string[] = [];
  let chunk: number[] = [];
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b < 0x80) {
      chunk.push(b);
    } else {
      const t = bytes[i + 1];
      const code = t === undefined ? 0 : table[(b << 8) | t]!;
      if (code === 0) return { text: null, badOffset: i };
      chunk.push(code);
      i++;
    }
    if (chunk.length >= 8192) {
      out.push(String.fromCharCode(...chunk));
      chunk = [];
    }
  }
  out.push(String.fromCharCode(...chunk));
  return { text: out.join(''), badOffset: -1 };
}

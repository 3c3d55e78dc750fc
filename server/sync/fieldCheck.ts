/**
 * A quick yes for the values a client usually sends, before the registry's zod validator
 * (shared/registry/schema.ts fieldSchema) is asked. Each check answers `true` only where that
 * validator surely accepts — the same preprocessing (NFC + trim, enumCode, parseDate) and
 * limits — and `false` for anything else, which then goes to zod for its verdict and message.
 * So a change is judged exactly as before (tests/unit/server/fieldCheck.test.ts compares both
 * on generated values), at a fraction of the cost: zod's pipeline per field was the largest
 * part of the push's checks (docs/BENCHMARKS.md, "Push after session 7").
 */
import type { FieldDef } from '../../shared/registry';
import { DEFAULT_MAX_LENGTH, enumOptions, PHONE_PATTERN } from '../../shared/registry/schema';
import { parseDate } from '../../shared/format/dates';

export type QuickCheck = (value: unknown) => boolean;

/** A non-blank string that, NFC-normalised and trimmed as the text kinds do, is within `max`
 *  UTF-16 units (zod measures code points: never more than units) and passes `pattern`. */
function quickText(max: number, pattern?: RegExp): QuickCheck {
  return (v) => {
    if (typeof v !== 'string') return false;
    const t = v.normalize('NFC').trim();
    return t !== '' && v.trim() !== '' && t.length <= max && (!pattern || pattern.test(t));
  };
}

/** A finite number (an integer within the safe range for the integer kinds) within min/max. */
function quickNumber(f: FieldDef, integer: boolean): QuickCheck {
  const { min, max } = f;
  return (v) =>
    typeof v === 'number' &&
    (integer ? Number.isSafeInteger(v) : Number.isFinite(v)) &&
    (min === undefined || v >= min) &&
    (max === undefined || v <= max);
}

/** One of the enum's codes that enumCode returns as it is (already NFKC and trimmed). */
function quickEnum(f: FieldDef): QuickCheck {
  const codes = new Set(
    enumOptions(f)
      .map((o) => o.code)
      .filter((c) => c.trim() !== '' && c.normalize('NFKC').trim() === c),
  );
  return (v) => typeof v === 'string' && codes.has(v);
}

/** The quick check of a field, or undefined for the kinds left to zod alone. */
export function quickCheckOf(f: FieldDef): QuickCheck | undefined {
  const maxText = (fallback: number) => f.maxLength ?? fallback;
  switch (f.kind) {
    case 'text':
      return quickText(maxText(DEFAULT_MAX_LENGTH.text));
    case 'longText':
      return quickText(maxText(DEFAULT_MAX_LENGTH.longText));
    case 'phone':
      return quickText(maxText(DEFAULT_MAX_LENGTH.text), PHONE_PATTERN);
    case 'integer':
    case 'money':
      return quickNumber(f, true);
    case 'decimal':
    case 'percent':
      return quickNumber(f, false);
    case 'boolean':
      return (v) => v === true || v === false;
    case 'enum':
      return quickEnum(f);
    case 'date':
      // an ISO date parseDate gives back unchanged: the shape and a real day
      return (v) => typeof v === 'string' && parseDate(v) === v;
    case 'ref':
      return (v) => typeof v === 'string' && v.trim() !== '' && v.length <= 64;
    default:
      return undefined;
  }
}

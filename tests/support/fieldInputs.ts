/**
 * Inputs near a registry field's edges, shared by the tests that hold a quick check to zod
 * (tests/unit/server/fieldCheck.test.ts, tests/unit/shared/registry/quickRecord.test.ts).
 */
import { enumOptions, type FieldDef } from '../../shared/registry';
import { DEFAULT_MAX_LENGTH } from '../../shared/registry/schema';

/** The text length the field's validator allows (its own maxLength, else the kind's default). */
export const textLimitOf = (f: FieldDef): number =>
  f.maxLength ?? (f.kind === 'longText' ? DEFAULT_MAX_LENGTH.longText : DEFAULT_MAX_LENGTH.text);

/** Everything a user may type for an enum option: its code, both labels and its synonyms. */
export const enumInputsOf = (f: FieldDef): string[] =>
  enumOptions(f).flatMap((o) => [o.code, o.label.ko, o.label.en, ...(o.synonyms ?? [])]);

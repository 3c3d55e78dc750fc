/**
 * "모든 행에 같은 값" proposed from the file's shape (issue 6): a list with industry,
 * representative or business-number columns and no kind column is a list of companies, so
 * 기관유형 = 기업 is pre-selected, shown in the preview, and changeable (the CLI's `--set`).
 */
import type { EntityDef, FieldValue } from '../registry';
import type { ImportMessageKey } from './messages';

export interface SuggestedDefault {
  field: string;
  value: FieldValue;
  /** why it is proposed (an import message key) */
  reason: ImportMessageKey;
}

/** Columns only a company list has (업종/대표자/사업자등록번호 …). */
const COMPANY_FIELDS = ['brn', 'crn', 'representative', 'industryName', 'ksic'];

export function suggestDefaults(
  entity: EntityDef,
  mappedFields: ReadonlySet<string>,
): SuggestedDefault[] {
  const out: SuggestedDefault[] = [];
  if (
    entity.name === 'organization' &&
    !mappedFields.has('kind') &&
    COMPANY_FIELDS.some((f) => mappedFields.has(f))
  ) {
    out.push({ field: 'kind', value: 'company', reason: 'suggestCompany' });
  }
  return out;
}

/**
 * Texts the user reads about an import: why a column was or was not mapped, and a stored value
 * shown as people read it (enum labels, lists, `(빈 값)`) in the preview's before → after.
 */
import type { EntityDef, FieldDef, FieldValue, Lang } from '../registry';
import { enumOptions } from '../registry/schema';
import { columnLetter } from './limits';
import type { ColumnMapping } from './mapping';
import { importMessage } from './messages';

const labelOf = (entity: EntityDef, key: string, lang: Lang) =>
  entity.fields.find((f) => f.key === key)?.label[lang] ?? key;

/** `머리글이 "기관명"와(과) 맞습니다`, `일련번호 열 …`: one line per column. */
export function mappingReasonText(m: ColumnMapping, entity: EntityDef, lang: Lang = 'ko'): string {
  const r = m.reason ?? (m.field ? { code: 'header' as const } : { code: 'none' as const });
  switch (r.code) {
    case 'header': {
      const field = labelOf(entity, m.field ?? '', lang);
      return r.share === undefined
        ? importMessage('mapHeader', { field }, lang)
        : importMessage('mapHeaderValues', { field, share: Math.round(r.share * 100) }, lang);
    }
    case 'serial':
      return importMessage('mapSerial', {}, lang);
    case 'values':
      return importMessage(
        'mapValues',
        {
          field: labelOf(entity, r.field, lang),
          share: Math.round(r.share * 100),
          examples: r.misfits.join(', '),
        },
        lang,
      );
    case 'taken':
      return importMessage(
        'mapTaken',
        { field: labelOf(entity, r.field, lang), column: columnLetter(r.column) },
        lang,
      );
    case 'meta':
      return importMessage('mapMeta', {}, lang);
    case 'user':
      return importMessage('mapUser', {}, lang);
    case 'none':
      return importMessage('mapNone', {}, lang);
  }
}

/** A stored value as the user reads it. */
export function displayValue(field: FieldDef | undefined, value: FieldValue, lang: Lang = 'ko') {
  if (value === null || value === undefined || value === '')
    return importMessage('blankValue', {}, lang);
  const options = field ? enumOptions(field) : [];
  const one = (v: string | number | boolean): string => {
    const o = options.find((x) => x.code === String(v));
    if (o) return o.label[lang];
    // Thousands separators as the office reads numbers (`1,200`); codes are strings, untouched.
    if (typeof v === 'number') return v.toLocaleString('en-US', { maximumFractionDigits: 6 });
    if (typeof v === 'boolean')
      return v ? (lang === 'ko' ? '예' : 'yes') : lang === 'ko' ? '아니오' : 'no';
    return String(v);
  };
  return Array.isArray(value) ? value.map(one).join(', ') : one(value);
}

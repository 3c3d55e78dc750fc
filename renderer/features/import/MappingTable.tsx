/**
 * Step 2: one row per source column with a select of the entity's fields (Korean labels) or
 * 가져오지 않음, then a value for each required field no column fills.
 */
import type { ColumnMapping } from '../../../shared/import';
import { mappingReasonText } from '../../../shared/import/explain';
import { columnLetter } from '../../../shared/import/limits';
import { enumOptions } from '../../../shared/registry/schema';
import type { EntityDef, FieldDef, Lang } from '../../../shared/registry';
import { META_KEYS, unmappedFields, type MappingAction, type MappingState } from './mappingState';
import { useImportT } from './messages';

export interface MappingTableProps {
  entity: EntityDef;
  state: MappingState;
  lang: Lang;
  onEdit: (action: MappingAction) => void;
}

const SKIP = '';
/** Select values of the record meta columns (`meta:clusterId`), apart from field keys. */
const META_PREFIX = 'meta:';

function selectValue(m: ColumnMapping): string {
  if (m.field) return m.field;
  return m.meta ? META_PREFIX + m.meta : SKIP;
}

function actionFor(column: number, value: string): MappingAction {
  if (value === SKIP) return { type: 'setField', column, field: null };
  const meta = META_KEYS.find((k) => META_PREFIX + k === value);
  if (meta) return { type: 'setField', column, field: null, meta };
  return { type: 'setField', column, field: value };
}

export function MappingTable({ entity, state, lang, onEdit }: MappingTableProps) {
  const t = useImportT();
  const unmapped = unmappedFields(entity, state.mapping);
  // Required fields without a column always ask; optional ones (or ones with a value) are
  // behind "more" unless a value is already chosen.
  const asked = unmapped.filter((f) => f.required || (state.defaults[f.key] ?? '') !== '');
  const more = unmapped.filter((f) => !asked.includes(f));
  const fieldLabel = (f: FieldDef) =>
    f.required ? `${f.label[lang]} ${t('mapping.required')}` : f.label[lang];

  const defaultRow = (f: FieldDef) => (
    <label key={f.key} className="import-default">
      <span>{fieldLabel(f)}</span>
      <DefaultInput
        field={f}
        lang={lang}
        value={state.defaults[f.key] ?? ''}
        chooseLabel={t('defaults.choose')}
        onChange={(value) => onEdit({ type: 'setDefault', field: f.key, value })}
      />
    </label>
  );

  return (
    <div className="import-mapping">
      <table data-testid="import-mapping" className="import-table">
        <caption>{t('mapping.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('mapping.column')}</th>
            <th scope="col">{t('mapping.header')}</th>
            <th scope="col">{t('mapping.field')}</th>
            <th scope="col">{t('mapping.reason')}</th>
          </tr>
        </thead>
        <tbody>
          {state.mapping.map((m: ColumnMapping) => (
            <tr key={m.column} data-mapped={m.field ? 'true' : 'false'}>
              <td>{columnLetter(m.column)}</td>
              <td>{m.header}</td>
              <td>
                <select
                  data-testid={`map-${m.column}`}
                  aria-label={t('mapping.selectLabel', {
                    column: columnLetter(m.column),
                    header: m.header,
                  })}
                  value={selectValue(m)}
                  onChange={(e) => onEdit(actionFor(m.column, e.target.value))}
                >
                  <option value={SKIP}>{t('mapping.skip')}</option>
                  {entity.fields.map((f) => (
                    <option key={f.key} value={f.key}>
                      {fieldLabel(f)}
                    </option>
                  ))}
                  <optgroup label={t('mapping.metaGroup')}>
                    {META_KEYS.map((k) => (
                      <option key={k} value={META_PREFIX + k}>
                        {t(`mapping.meta.${k}`)}
                      </option>
                    ))}
                  </optgroup>
                </select>
              </td>
              <td className="hint" data-testid={`map-reason-${m.column}`}>
                {mappingReasonText(m, entity, lang)}
              </td>
            </tr>
          ))}
        </tbody>
      </table>

      {unmapped.length > 0 && (
        <fieldset className="import-defaults" data-testid="import-defaults">
          <legend>{t('defaults.title')}</legend>
          <p className="hint">{t('defaults.newOnly')}</p>
          {asked.some((f) => f.required) && <p className="hint">{t('defaults.hint')}</p>}
          {asked.map((f) => defaultRow(f))}
          {more.length > 0 && (
            <details>
              <summary>{t('defaults.more')}</summary>
              {more.map((f) => defaultRow(f))}
            </details>
          )}
        </fieldset>
      )}
    </div>
  );
}

function DefaultInput(props: {
  field: FieldDef;
  lang: Lang;
  value: string;
  chooseLabel: string;
  onChange: (value: string) => void;
}) {
  const { field, lang, value, chooseLabel, onChange } = props;
  const testId = `default-${field.key}`;
  if (field.kind === 'enum') {
    return (
      <select data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{chooseLabel}</option>
        {enumOptions(field).map((o) => (
          <option key={o.code} value={o.code}>
            {o.label[lang]}
          </option>
        ))}
      </select>
    );
  }
  return <input data-testid={testId} value={value} onChange={(e) => onChange(e.target.value)} />;
}

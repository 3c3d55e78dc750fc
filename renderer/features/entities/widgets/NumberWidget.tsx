import { metricUnitOf, metricUnitWord } from '../../../../shared/registry';
import { normaliseNumberText } from '../formValues';
import { asText, inputAttrs, type WidgetProps } from './types';

function unitSuffix(p: WidgetProps): string {
  if (p.field.unitFromField)
    return metricUnitWord(metricUnitOf(p.field.unitFromField, p.record), p.lang);
  if (p.field.kind === 'percent') return '%';
  if (p.field.kind !== 'money') return '';
  if (p.field.unit === 'USD') return p.lang === 'ko' ? '달러' : 'USD';
  return p.lang === 'ko' ? '원' : 'KRW';
}

/**
 * A number typed as text: `1234567`, `1,234,567` or `1.2억` all work; on blur it is shown with
 * thousands separators. (type="number" would reject separators and 억/만.)
 */
export function NumberWidget(p: WidgetProps) {
  const suffix = unitSuffix(p);
  const integer = p.field.kind === 'integer' || p.field.kind === 'money';
  return (
    <span className="ef-number">
      <input
        {...inputAttrs(p)}
        type="text"
        className="ef-input ef-input--number"
        inputMode={integer ? 'numeric' : 'decimal'}
        autoComplete="off"
        placeholder={p.field.form?.placeholder}
        value={asText(p.value)}
        onChange={(e) => p.onChange(e.target.value)}
        onBlur={(e) => {
          const normalised = normaliseNumberText(e.target.value, p.field.plainDigits);
          if (normalised !== e.target.value) p.onChange(normalised);
        }}
      />
      {suffix && <span className="ef-unit">{suffix}</span>}
    </span>
  );
}

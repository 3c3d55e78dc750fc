import { enumOptions } from '../../../../shared/registry';
import { asList, asText, inputAttrs, type WidgetProps } from './types';

/**
 * A select with an empty choice whose current value always stays visible: a value no longer
 * among the options (older data, a name gone from a list) shows under `unknownLabel` rather than
 * being lost on the next save.
 */
export function KeepValueSelect(
  p: WidgetProps & {
    options: ReadonlyArray<{ value: string; label: string }>;
    unknownLabel: (value: string) => string;
  },
) {
  const value = asText(p.value);
  const known = value === '' || p.options.some((o) => o.value === value);
  return (
    <select
      {...inputAttrs(p)}
      className="ef-input ef-select"
      value={value}
      onChange={(e) => p.onChange(e.target.value)}
    >
      <option value="">{p.t('widget.selectNone')}</option>
      {p.options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
      {!known && <option value={value}>{p.unknownLabel(value)}</option>}
    </select>
  );
}

/** One value of an enumeration, shown by its label in the current language. */
export function EnumWidget(p: WidgetProps) {
  const options = enumOptions(p.field).map((o) => ({ value: o.code, label: o.label[p.lang] }));
  // A code no longer in the registry (older data) stays visible rather than being lost.
  return <KeepValueSelect {...p} options={options} unknownLabel={(v) => v} />;
}

/**
 * Several values of an enumeration as a checkbox group. The group (a fieldset labelled by the
 * field's legend) carries the test id and validity; each checkbox has its own label.
 */
export function MultiEnumWidget(p: WidgetProps) {
  const selected = asList(p.value);
  const toggle = (code: string, on: boolean) => {
    const next = on ? [...selected, code] : selected.filter((c) => c !== code);
    // Keep the registry's order, whatever order the boxes were ticked in.
    const order = enumOptions(p.field).map((o) => o.code);
    p.onChange(order.filter((c) => next.includes(c)));
  };
  return (
    <div
      className="ef-checks"
      role="group"
      aria-labelledby={`${p.inputId}-label`}
      data-testid={`field-${p.field.key}`}
      aria-invalid={p.invalid}
      aria-describedby={p.describedBy}
    >
      {enumOptions(p.field).map((o, i) => {
        const id = i === 0 ? p.inputId : `${p.inputId}-${o.code}`;
        return (
          <label key={o.code} className="ef-check" htmlFor={id}>
            <input
              id={id}
              type="checkbox"
              data-testid={`field-${p.field.key}-${o.code}`}
              checked={selected.includes(o.code)}
              onChange={(e) => toggle(o.code, e.target.checked)}
            />
            {o.label[p.lang]}
          </label>
        );
      })}
    </div>
  );
}

/** Yes / no as one checkbox (its label is the field's label). */
export function BooleanWidget(p: WidgetProps) {
  return (
    <input
      {...inputAttrs(p)}
      type="checkbox"
      className="ef-checkbox"
      checked={p.value === true}
      onChange={(e) => p.onChange(e.target.checked)}
    />
  );
}

import { normaliseDateText } from '../formValues';
import { asText, inputAttrs, type WidgetProps } from './types';

/**
 * A date typed the way people write it (`2006.4.1`, `20060401`, `2006년 4월 1일`), shown as
 * `2006-04-01` after blur. A text input, because the browser date picker rejects those forms.
 */
export function DateWidget(p: WidgetProps) {
  return (
    <input
      {...inputAttrs(p)}
      type="text"
      className="ef-input ef-input--date"
      inputMode="numeric"
      autoComplete="off"
      placeholder={p.t('widget.datePlaceholder')}
      value={asText(p.value)}
      onChange={(e) => p.onChange(e.target.value)}
      onBlur={(e) => {
        const normalised = normaliseDateText(e.target.value);
        if (normalised !== e.target.value) p.onChange(normalised);
      }}
    />
  );
}

import type { FieldKind } from '../../../../shared/registry';
import { asText, inputAttrs, type WidgetProps } from './types';

const INPUT_MODE: Partial<Record<FieldKind, 'tel' | 'email' | 'url' | 'numeric'>> = {
  phone: 'tel',
  email: 'email',
  url: 'url',
  brn: 'numeric',
  crn: 'numeric',
  ksic: 'numeric',
};

/** One line of text (also phone, e-mail, URL, 사업자/법인등록번호, KSIC and comma-separated tags). */
export function TextWidget(p: WidgetProps) {
  return (
    <input
      {...inputAttrs(p)}
      type="text"
      className="ef-input"
      inputMode={INPUT_MODE[p.field.kind]}
      autoComplete="off"
      maxLength={p.field.maxLength}
      placeholder={p.field.form?.placeholder}
      value={asText(p.value)}
      onChange={(e) => p.onChange(e.target.value)}
    />
  );
}

/** Multi-line text; Enter makes a new line here (saving is Ctrl+S). */
export function LongTextWidget(p: WidgetProps) {
  return (
    <textarea
      {...inputAttrs(p)}
      className="ef-input ef-textarea"
      rows={4}
      placeholder={p.field.form?.placeholder}
      value={asText(p.value)}
      onChange={(e) => p.onChange(e.target.value)}
    />
  );
}

import type { FieldDef, Lang } from '../../../../shared/registry';
import type { TitleLookups } from '../display';
import type { FormValue } from '../formValues';
import type { EntitiesT } from '../messages';

/** What every field widget receives. The widget owns only its input, not label or error. */
export interface WidgetProps {
  field: FieldDef;
  /** id of the focusable input, bound to the field's <label> */
  inputId: string;
  value: FormValue;
  onChange: (value: FormValue) => void;
  invalid: boolean;
  /** ids of the help and error texts (aria-describedby) */
  describedBy: string | undefined;
  lang: Lang;
  t: EntitiesT;
  titles: TitleLookups | undefined;
  /** the form's current values, for a unit decided by another field (FieldDef.unitFromField) */
  record?: Readonly<Record<string, FormValue>>;
}

/** The attributes every single input carries (testid, label binding, validity). */
export function inputAttrs(p: WidgetProps) {
  return {
    id: p.inputId,
    'data-testid': `field-${p.field.key}`,
    'aria-invalid': p.invalid,
    'aria-required': p.field.required === true,
    'aria-describedby': p.describedBy,
  } as const;
}

export const asText = (v: FormValue): string => (typeof v === 'string' ? v : '');
export const asList = (v: FormValue): string[] => (Array.isArray(v) ? v : []);

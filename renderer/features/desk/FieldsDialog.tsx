/**
 * A small form over a few difficulty fields (intake, "what this step needs"), with the registry's
 * widgets (FieldRow: searchable company / expert pickers, the staff picker for 담당자, dates,
 * amounts) and each error next to its field. The owner checks and saves in `onSubmit`, returning
 * errors to show (nothing saved). `below` adds content that reads and sets the dialog's values
 * (the 매칭 step's suggested experts).
 */
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import type { FieldDef, Lang } from '../../../shared/registry';
import { Button, Dialog } from '../../ui';
import type { TitleLookups } from '../entities/display';
import type { FormValue, FormValues } from '../entities/formValues';
import { useEntitiesT } from '../entities/messages';
import { FieldRow } from '../entities/widgets/FieldWidget';
import { deskMessages } from './messages';

export interface FieldsDialogProps {
  title: string;
  intro?: ReactNode;
  fields: readonly FieldDef[];
  initial: FormValues;
  titles: TitleLookups | undefined;
  lang: Lang;
  below?: (values: FormValues, set: (key: string, v: FormValue) => void) => ReactNode;
  submitLabel: string;
  onSubmit: (values: FormValues) => Promise<Array<{ field: string; message: string }>>;
  onClose: () => void;
  'data-testid': string;
}

export function FieldsDialog(p: FieldsDialogProps) {
  const t = useEntitiesT();
  const m = deskMessages(p.lang);
  const formId = useId();
  const [values, setValues] = useState<FormValues>(p.initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);
  const set = (key: string, v: FormValue) => setValues((old) => ({ ...old, [key]: v }));

  const submit = async (e?: FormEvent) => {
    e?.preventDefault();
    if (busy) return;
    setBusy(true);
    try {
      const list = await p.onSubmit(values);
      const byField: Record<string, string> = {};
      for (const err of list) if (!(err.field in byField)) byField[err.field] = err.message;
      setErrors(byField);
    } finally {
      setBusy(false);
    }
  };
  const general = Object.entries(errors).filter(([k]) => !p.fields.some((f) => f.key === k));
  return (
    <Dialog
      title={p.title}
      placement="center"
      onRequestClose={p.onClose}
      closeLabel={m.cancel}
      data-testid={p['data-testid']}
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
          e.preventDefault();
          void submit();
        }
      }}
      footer={
        <>
          <Button variant="primary" type="submit" form={formId} data-testid="desk-dialog-submit">
            {p.submitLabel}
          </Button>
          <Button onClick={p.onClose}>{m.cancel}</Button>
        </>
      }
    >
      {p.intro}
      {general.length > 0 && (
        <div className="ef-summary" role="alert" data-testid="desk-dialog-errors">
          {general.map(([k, msg]) => (
            <p key={k}>{msg}</p>
          ))}
        </div>
      )}
      <form id={formId} className="ef-fields" noValidate onSubmit={(e) => void submit(e)}>
        {p.fields.map((field) => (
          <FieldRow
            key={field.key}
            field={field}
            inputId={`${formId}-${field.key}`}
            value={values[field.key] ?? ''}
            onChange={(v) => set(field.key, v)}
            error={errors[field.key]}
            lang={p.lang}
            t={t}
            titles={p.titles}
          />
        ))}
      </form>
      {p.below?.(values, set)}
    </Dialog>
  );
}

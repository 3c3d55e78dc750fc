/**
 * The record form, generated from the registry: one widget per field, errors next to their
 * fields, Ctrl+S saves, Esc closes (asking first when something changed), delete is a soft
 * delete with an undo toast. Every write goes through mutate(); a rejected save writes nothing.
 */
import { useId, useState, type KeyboardEvent } from 'react';
import {
  validateRecord,
  type EntityDef,
  type Lang,
  type StoredRecord,
} from '../../../shared/registry';
import { getDb, mutate, type Mutation } from '../../db';
import { Button, Dialog, showToast } from '../../ui';
import { useShortcut } from '../../app/useShortcut';
import { clusterText, formatDateTime, type TitleLookups } from './display';
import {
  changedFieldKeys,
  errorsByField,
  formValuesToInput,
  recordToFormValues,
  updatePatch,
  type FormValue,
  type FormValues,
} from './formValues';
import { useEntitiesT, type EntitiesT } from './messages';
import { FieldRow } from './widgets/FieldWidget';
import { clearDraft, draftKey, useFormDraft } from './formDraft';

export interface EntityFormProps {
  entity: EntityDef;
  /** the record to edit; undefined for a new one */
  record: StoredRecord | undefined;
  titles: TitleLookups | undefined;
  /** cluster of new records (the setting `clusterId`); mutate() falls back to it too */
  clusterId: string | undefined;
  lang: Lang;
  onClose: () => void;
}

/** Errors about no field of the form (e.g. no cluster chosen) are shown above the fields. */
const GENERAL = '';

function isSaveKey(e: KeyboardEvent): boolean {
  // `code` too: with the Korean IME in 한글 mode the S key reports `ㄴ`.
  return (
    (e.ctrlKey || e.metaKey) && !e.altKey && (e.key.toLowerCase() === 's' || e.code === 'KeyS')
  );
}

function undoDelete(entity: EntityDef, id: string, lang: Lang, t: EntitiesT) {
  return async () => {
    const r = await mutate(getDb(), [{ entity: entity.name, op: 'restore', id }], { lang });
    if (r.ok) showToast({ message: t('form.restored'), tone: 'success' });
    else
      showToast({
        message: t('form.saveFailed', { message: r.errors[0]?.message ?? '' }),
        tone: 'error',
      });
  };
}

export function EntityForm({ entity, record, titles, clusterId, lang, onClose }: EntityFormProps) {
  const t = useEntitiesT();
  const idPrefix = useId();
  const [initial] = useState<FormValues>(() => recordToFormValues(entity, record));
  const [values, setValues] = useState<FormValues>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);

  const inputId = (key: string) => `${idPrefix}-${key}`;
  const visibleFields = entity.fields.filter((f) => f.form?.hidden !== true);
  const isDirty = () => changedFieldKeys(entity, initial, values).length > 0;
  const draftId = draftKey(entity.name, record?.id);
  const draft = useFormDraft(draftId, values, isDirty(), record?.version ?? null);
  /** Closes for good: what was typed is saved or deliberately dropped, so is its draft. */
  const finish = () => {
    void clearDraft(draftId);
    onClose();
  };

  const setValue = (key: string, value: FormValue) => {
    setValues((v) => ({ ...v, [key]: value }));
    // The message was about the old value; a new one is checked on the next save.
    setErrors((e) => {
      if (!(key in e)) return e;
      const next = { ...e };
      delete next[key];
      return next;
    });
  };

  const showErrors = (list: ReadonlyArray<{ field: string; message: string }>) => {
    const known = new Set(visibleFields.map((f) => f.key));
    const byField = errorsByField(
      list.map((e) => (known.has(e.field) ? e : { field: GENERAL, message: e.message })),
    );
    setErrors(byField);
    const first = visibleFields.find((f) => f.key in byField);
    if (first) {
      // After React has rendered the messages: move the caret to the first field to fix.
      requestAnimationFrame(() => document.getElementById(inputId(first.key))?.focus());
    }
  };

  const save = async () => {
    if (saving) return;
    const input = formValuesToInput(entity, values);
    const check = validateRecord(entity, input, lang);
    if (!check.ok) {
      showErrors(check.errors);
      return;
    }
    let mutation: Mutation;
    if (record) {
      const patch = updatePatch(entity, initial, values);
      if (Object.keys(patch).length === 0) {
        finish();
        return;
      }
      mutation = { entity: entity.name, op: 'update', id: record.id, values: patch };
    } else {
      mutation = {
        entity: entity.name,
        op: 'create',
        values: input,
        ...(clusterId ? { clusterId } : {}),
      };
    }
    setSaving(true);
    try {
      const result = await mutate(getDb(), [mutation], { lang });
      if (!result.ok) {
        showErrors(result.errors);
        return;
      }
      showToast({ message: t('form.saved'), tone: 'success' });
      finish();
    } catch (err) {
      setErrors({ [GENERAL]: t('form.saveFailed', { message: String(err) }) });
    } finally {
      setSaving(false);
    }
  };

  const remove = async () => {
    if (!record || saving) return;
    setSaving(true);
    try {
      const id = record.id;
      const result = await mutate(getDb(), [{ entity: entity.name, op: 'delete', id }], { lang });
      if (!result.ok) {
        showErrors(result.errors);
        return;
      }
      finish();
      showToast({
        message: t('form.deleted'),
        action: { kind: 'undo', label: t('form.undo'), run: undoDelete(entity, id, lang, t) },
      });
    } catch (err) {
      setErrors({ [GENERAL]: t('form.saveFailed', { message: String(err) }) });
    } finally {
      setSaving(false);
    }
  };

  const requestClose = () => {
    if (confirmingDiscard) setConfirmingDiscard(false);
    else if (isDirty()) setConfirmingDiscard(true);
    else finish();
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (isSaveKey(e)) {
      e.preventDefault();
      void save();
    }
  };

  // Keys pressed inside the dialog are handled there (and stop); these catch the ones pressed
  // while focus has fallen outside it (e.g. on the page body after a click on the backdrop edge).
  useShortcut({ key: 's', ctrl: true, run: () => void save() });
  useShortcut({ key: 'Escape', allowInFields: true, run: () => requestClose() });

  const title = t(record ? 'form.titleEdit' : 'form.titleNew', { entity: entity.label[lang] });
  const cluster = clusterText(record?.clusterId ?? clusterId, lang);
  const meta = [
    record ? t('meta.version', { version: record.version }) : '',
    record ? t('meta.updatedAt', { date: formatDateTime(record.updatedAt) }) : '',
    cluster ? t('meta.cluster', { cluster }) : '',
  ].filter(Boolean);
  const errorCount = Object.keys(errors).length;

  return (
    <Dialog
      data-testid="record-form"
      title={title}
      subtitle={<span data-testid="record-meta">{meta.join(' · ')}</span>}
      closeLabel={t('form.close')}
      onRequestClose={requestClose}
      onKeyDown={onKeyDown}
      footer={
        <>
          <Button
            variant="primary"
            data-testid="form-save"
            disabled={saving}
            title={t('form.saveHint')}
            onClick={() => void save()}
          >
            {saving ? t('form.saving') : t('form.save')}
          </Button>
          <Button data-testid="form-cancel" onClick={requestClose}>
            {t('form.close')}
          </Button>
          {record && (
            <Button
              variant="danger"
              className="ef-delete"
              data-testid="form-delete"
              disabled={saving}
              onClick={() => void remove()}
            >
              {t('form.delete')}
            </Button>
          )}
        </>
      }
    >
      <div className="ef-form">
        {confirmingDiscard && (
          <div className="ef-confirm" role="alert" data-testid="discard-confirm">
            <span>{t('form.unsaved')}</span>
            <Button variant="danger" data-testid="discard-yes" onClick={finish}>
              {t('form.discard')}
            </Button>
            <Button data-testid="discard-no" autoFocus onClick={() => setConfirmingDiscard(false)}>
              {t('form.keepEditing')}
            </Button>
          </div>
        )}
        {draft.offer && (
          <div className="ef-confirm" role="status" data-testid="draft-offer">
            <span>
              {t('draft.offer', { time: formatDateTime(draft.offer.savedAt) })}
              {record && draft.offer.baseVersion !== record.version && (
                <> {t('draft.changedSince')}</>
              )}
            </span>
            <Button
              variant="primary"
              data-testid="draft-restore"
              onClick={() => {
                const restored = draft.restore();
                if (restored) setValues(restored);
              }}
            >
              {t('draft.restore')}
            </Button>
            <Button data-testid="draft-discard" onClick={draft.discard}>
              {t('draft.discard')}
            </Button>
          </div>
        )}
        {errorCount > 0 && (
          <div className="ef-summary" role="alert" data-testid="form-errors">
            {t('form.errorSummary', { n: errorCount })}
            {errors[GENERAL] && <p data-testid="error-general">{errors[GENERAL]}</p>}
          </div>
        )}
        <p className="ef-note">{t('form.requiredNote')}</p>
        <form className="ef-fields" noValidate onSubmit={(e) => e.preventDefault()}>
          {visibleFields.map((field) => (
            <FieldRow
              key={field.key}
              field={field}
              inputId={inputId(field.key)}
              value={values[field.key] ?? ''}
              onChange={(v) => setValue(field.key, v)}
              error={errors[field.key]}
              lang={lang}
              t={t}
              titles={titles}
            />
          ))}
        </form>
      </div>
    </Dialog>
  );
}

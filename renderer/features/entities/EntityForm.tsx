/**
 * The record form, generated from the registry: one widget per field, errors next to their
 * fields, Ctrl+S saves, Esc closes (asking first when something changed), delete is a soft
 * delete with an undo toast. Every write goes through mutate(); a rejected save writes nothing.
 *
 * A save is conditional: it sends only the fields the user changed, each expected to still hold
 * the stored value the form's edit is based on (`base`, the record when the form opened). Where
 * another tab saved one meanwhile, mutate() refuses the whole save and the user chooses per
 * field (ConflictDialog); the choice is saved, again conditionally, against the newer value.
 */
import { useId, useMemo, useState, type KeyboardEvent } from 'react';
import {
  validateRecord,
  type EntityDef,
  type Lang,
  type StoredRecord,
} from '../../../shared/registry';
import { getDb, mutate } from '../../db';
import { Button, Dialog, showToast } from '../../ui';
import { useShortcut } from '../../routing/useShortcut';
import { clusterText, formatDateTime, type TitleLookups } from './display';
import {
  changedFieldKeys,
  errorsByField,
  formValuesToInput,
  recordToFormValues,
  type FormValue,
  type FormValues,
} from './formValues';
import { isSaveKey, undoDelete } from './formKeys';
import { saveConflicts, saveMutation } from './formSave';
import { useEntitiesT } from './messages';
import { FieldRow } from './widgets/FieldWidget';
import { useFormDraft } from './formDraft';
import { planDraftRestore } from './draftDecisions';
import { DraftOffer } from './DraftOffer';
import { ConflictDialog } from './ConflictDialog';
import { DuplicateBrnWarning } from './DuplicateBrnWarning';
import { LinkedRecords } from './LinkedRecords';
import { ExpertSuggestions } from '../suggest';
import { ResourceRequests } from '../resources';
import { PlanMilestones } from '../plans';
import {
  applyChoices,
  type ConflictChoices,
  type FieldConflict,
  type FormState,
} from './fieldConflicts';

export interface EntityFormProps {
  entity: EntityDef;
  /** the record to edit; undefined for a new one */
  record: StoredRecord | undefined;
  titles: TitleLookups | undefined;
  /** cluster of new records (the setting `clusterId`); mutate() falls back to it too */
  clusterId: string | undefined;
  lang: Lang;
  onClose: () => void;
  /** a new record was saved (the grid shows and selects it) */
  onCreated?: (id: string) => void;
}

/** Errors about no field of the form (e.g. no cluster chosen) are shown above the fields. */
const GENERAL = '';

/** Fields to choose for: after a refused save, or a draft restored over newer values. */
type PendingConflict =
  | { reason: 'save'; fields: FieldConflict[] }
  | { reason: 'draft'; fields: FieldConflict[]; apply: FormValues };

export function EntityForm({
  entity,
  record,
  titles,
  clusterId,
  lang,
  onClose,
  onCreated,
}: EntityFormProps) {
  const t = useEntitiesT();
  const idPrefix = useId();
  // Frozen when the form opens (the live `record` prop moves on): what a save expects.
  const [base, setBase] = useState<Record<string, unknown>>(() => ({ ...record }));
  const [baseVersion, setBaseVersion] = useState<number | null>(record?.version ?? null);
  const initial = useMemo(() => recordToFormValues(entity, base), [entity, base]);
  const [values, setValues] = useState<FormValues>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  const [conflict, setConflict] = useState<PendingConflict | null>(null);

  const inputId = (key: string) => `${idPrefix}-${key}`;
  const visibleFields = entity.fields.filter((f) => f.form?.hidden !== true);
  const isDirty = () => changedFieldKeys(entity, initial, values).length > 0;
  const draft = useFormDraft({
    entity,
    recordId: record?.id,
    initial,
    values,
    base: record ? base : null,
    baseVersion,
  });
  /** Closes for good: what was typed is saved or deliberately dropped, so is its draft. */
  const finish = () => {
    draft.clear();
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

  const save = () => {
    if (!saving && !conflict) void saveState({ base, values });
  };

  /** Saves `state` (passed explicitly: after a conflict choice React has not re-rendered yet). */
  const saveState = async (state: FormState) => {
    const check = validateRecord(entity, formValuesToInput(entity, state.values), lang);
    if (!check.ok) {
      showErrors(check.errors);
      return;
    }
    const mutation = saveMutation(entity, record?.id, clusterId, state);
    if (!mutation) {
      finish(); // nothing changed
      return;
    }
    setSaving(true);
    try {
      const result = await mutate(getDb(), [mutation], { lang });
      if (!result.ok) {
        // Nothing was written; a field saved elsewhere meanwhile is the user's to choose.
        const fields = saveConflicts(result.errors, state);
        if (fields.length > 0) setConflict({ reason: 'save', fields });
        else showErrors(result.errors);
        return;
      }
      showToast({ message: t('form.saved'), tone: 'success' });
      if (mutation.op === 'create' && mutation.id) onCreated?.(mutation.id);
      finish();
    } catch (err) {
      setErrors({ [GENERAL]: t('form.saveFailed', { message: String(err) }) });
    } finally {
      setSaving(false);
    }
  };

  const draftPlan =
    draft.offer && planDraftRestore(entity, draft.offer.draft, record ? base : null, baseVersion);

  /** Restores only what the user typed; a field also changed elsewhere is asked about first. */
  const restoreDraft = () => {
    if (!draftPlan) return;
    if (draftPlan.conflicts.length > 0) {
      setConflict({ reason: 'draft', fields: draftPlan.conflicts, apply: draftPlan.apply });
      return;
    }
    setValues((v) => ({ ...v, ...draftPlan.apply }));
    draft.restored();
  };

  const resolveConflict = (choices: ConflictChoices) => {
    if (!conflict) return;
    const current = {
      base,
      values: { ...values, ...(conflict.reason === 'draft' ? conflict.apply : {}) },
    };
    const next = applyChoices(entity, current, conflict.fields, choices);
    setBase(next.base);
    setBaseVersion(record?.version ?? null);
    setValues(next.values);
    setConflict(null);
    if (conflict.reason === 'save') void saveState(next);
    else draft.restored();
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
        {draft.offer && draftPlan && (
          <DraftOffer
            entity={entity}
            savedAt={draft.offer.draft.savedAt}
            changedSince={draftPlan.changedSince}
            lang={lang}
            t={t}
            onRestore={restoreDraft}
            onDiscard={draft.discard}
          />
        )}
        {conflict && (
          <ConflictDialog
            entity={entity}
            conflicts={conflict.fields}
            reason={conflict.reason}
            lang={lang}
            titles={titles}
            t={t}
            onResolve={resolveConflict}
            onCancel={() => setConflict(null)}
          />
        )}
        {errorCount > 0 && (
          <div className="ef-summary" role="alert" data-testid="form-errors">
            {t('form.errorSummary', { n: errorCount })}
            {errors[GENERAL] && <p data-testid="error-general">{errors[GENERAL]}</p>}
          </div>
        )}
        <p className="ef-note">{t('form.requiredNote')}</p>
        <form
          className="ef-fields"
          noValidate
          data-draft-checked={draft.checked}
          onSubmit={(e) => e.preventDefault()}
        >
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
              record={field.unitFromField ? values : undefined}
              extra={
                field.kind === 'brn' ? (
                  <DuplicateBrnWarning
                    value={values[field.key]}
                    recordId={record?.id}
                    lang={lang}
                  />
                ) : undefined
              }
            />
          ))}
        </form>
        {record && <LinkedRecords entity={entity.name} id={record.id} lang={lang} />}
        {/* A saved difficulty gets its suggested experts under the fields (issue 7). */}
        {entity.name === 'difficulty' && record && <ExpertSuggestions difficultyId={record.id} />}
        {/* A saved resource gets its usage requests (사용 요청, 승인/반려/완료). */}
        {entity.name === 'resource' && record && <ResourceRequests resource={record} />}
        {entity.name === 'plan' && record && <PlanMilestones plan={record} />}
      </div>
    </Dialog>
  );
}

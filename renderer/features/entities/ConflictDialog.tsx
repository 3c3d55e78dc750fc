/**
 * Field-by-field choice between the value stored now (saved elsewhere) and the value typed here.
 * Shown when a save meets a field changed since the form opened (nothing was saved), or when a
 * draft restored over one. Keyboard: focus starts on the first field's choices (arrow keys move
 * within a field, Tab to the next), Enter on the button applies, Esc cancels.
 */
import { useState } from 'react';
import type { EntityDef, Lang } from '../../../shared/registry';
import { Button, Dialog } from '../../ui';
import { fieldText, type TitleLookups } from './display';
import {
  allChosen,
  type ConflictChoice,
  type ConflictChoices,
  type FieldConflict,
} from './fieldConflicts';
import { formValueToInput } from './formValues';
import type { EntitiesT } from './messages';

export interface ConflictDialogProps {
  entity: EntityDef;
  conflicts: readonly FieldConflict[];
  /** `save`: a save was refused; `draft`: restoring a draft */
  reason: 'save' | 'draft';
  lang: Lang;
  titles: TitleLookups | undefined;
  t: EntitiesT;
  onResolve: (choices: ConflictChoices) => void;
  onCancel: () => void;
}

export function ConflictDialog({
  entity,
  conflicts,
  reason,
  lang,
  titles,
  t,
  onResolve,
  onCancel,
}: ConflictDialogProps) {
  const [choices, setChoices] = useState<ConflictChoices>({});
  const chooseAll = (choice: ConflictChoice) =>
    setChoices(Object.fromEntries(conflicts.map((c) => [c.field, choice])));
  const ctx = { lang, titles };
  const shown = (text: string) => text || t('conflict.blank');

  return (
    <Dialog
      data-testid="conflict-dialog"
      placement="center"
      title={t('conflict.title')}
      closeLabel={t('conflict.cancel')}
      onRequestClose={onCancel}
      footer={
        <>
          <Button
            variant="primary"
            data-testid="conflict-apply"
            disabled={!allChosen(conflicts, choices)}
            onClick={() => onResolve(choices)}
          >
            {t(reason === 'save' ? 'conflict.applySave' : 'conflict.applyDraft')}
          </Button>
          <Button data-testid="conflict-all-theirs" onClick={() => chooseAll('theirs')}>
            {t('conflict.allTheirs')}
          </Button>
          <Button data-testid="conflict-all-mine" onClick={() => chooseAll('mine')}>
            {t('conflict.allMine')}
          </Button>
          <Button data-testid="conflict-cancel" onClick={onCancel}>
            {t('conflict.cancel')}
          </Button>
        </>
      }
    >
      <p className="ef-note" data-testid="conflict-intro">
        {t(reason === 'save' ? 'conflict.introSave' : 'conflict.introDraft')}
      </p>
      <div className="ef-conflicts">
        {conflicts.map((c, i) => {
          const field = entity.fields.find((f) => f.key === c.field);
          if (!field) return null;
          const theirs = shown(fieldText(field, c.theirs, ctx));
          const mineInput = formValueToInput(field, c.mine);
          // Unreadable typed text (e.g. `12a`) is shown as typed rather than blank.
          const mine = shown(
            fieldText(field, mineInput, ctx) || (typeof mineInput === 'string' ? mineInput : ''),
          );
          const name = `conflict-${c.field}`;
          return (
            <fieldset key={c.field} className="ef-conflict" data-testid={`conflict-row-${c.field}`}>
              <legend>{field.label[lang]}</legend>
              <label>
                <input
                  type="radio"
                  name={name}
                  data-testid={`conflict-theirs-${c.field}`}
                  data-autofocus={i === 0 ? true : undefined}
                  checked={choices[c.field] === 'theirs'}
                  onChange={() => setChoices((x) => ({ ...x, [c.field]: 'theirs' }))}
                />
                <span className="ef-conflict__who">{t('conflict.theirs')}</span>
                <span className="ef-conflict__value">{theirs}</span>
              </label>
              <label>
                <input
                  type="radio"
                  name={name}
                  data-testid={`conflict-mine-${c.field}`}
                  checked={choices[c.field] === 'mine'}
                  onChange={() => setChoices((x) => ({ ...x, [c.field]: 'mine' }))}
                />
                <span className="ef-conflict__who">{t('conflict.mine')}</span>
                <span className="ef-conflict__value">{mine}</span>
              </label>
            </fieldset>
          );
        })}
      </div>
    </Dialog>
  );
}

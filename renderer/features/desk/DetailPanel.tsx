/**
 * One difficulty on the desk: its essentials, the status buttons (every status; a disallowed one
 * explains why instead of doing nothing) and its timeline.
 */
import { useState } from 'react';
import { enumLabel, getEntity, type Lang, type StoredRecord } from '../../../shared/registry';
import { checkMove, daysToResolve, DESK_STATUSES, isOverdue } from '../../../shared/desk';
import { seoulToday } from '../../../shared/report/period';
import { Button, Dialog } from '../../ui';
import { navigate } from '../../routing/route';
import { fieldText, type TitleLookups } from '../entities/display';
import { deskMessages } from './messages';
import { Timeline } from './Timeline';

const difficulty = getEntity('difficulty');
const SUMMARY = [
  'companyId',
  'area',
  'priority',
  'assignee',
  'receivedOn',
  'dueOn',
  'miniClusterId',
  'expertIds',
  'resolvedOn',
  'followUpOn',
];

export function DetailPanel({
  record,
  lang,
  titles,
  onMove,
  onClose,
}: {
  record: StoredRecord;
  lang: Lang;
  titles: TitleLookups | undefined;
  onMove: (to: string) => void;
  onClose: () => void;
}) {
  const m = deskMessages(lang);
  const [refusal, setRefusal] = useState('');
  const status = String(record.status ?? '');
  const days = daysToResolve(record);
  const tryMove = (to: string) => {
    const check = checkMove(status, to, lang);
    if (!check.ok) return setRefusal(check.reason);
    setRefusal('');
    onMove(to);
  };
  return (
    <Dialog
      title={String(record.title ?? '')}
      subtitle={
        <>
          {enumLabel('difficultyStatus', status, lang)}
          {isOverdue(record, seoulToday()) && (
            <span className="desk-flag" data-testid="detail-overdue">
              {' '}
              {m.overdue}
            </span>
          )}
          {days !== null && ` · ${m.daysToResolve(days)}`}
        </>
      }
      onRequestClose={onClose}
      closeLabel={m.cancel}
      data-testid="desk-detail"
    >
      <dl className="desk-summary">
        {SUMMARY.map((key) => {
          const field = difficulty.fields.find((f) => f.key === key);
          const text = field ? fieldText(field, record[key], { lang, titles }) : '';
          return text ? (
            <div key={key}>
              <dt>{field?.label[lang]}</dt>
              <dd>{text}</dd>
            </div>
          ) : null;
        })}
      </dl>
      <div className="desk-moves" role="group" aria-label={m.moveTo}>
        <span className="desk-moves__label">{m.moveTo}</span>
        {/* Every status, the current one included (pressed): a button that vanished after a move
            would take the keyboard focus out of the dialog. */}
        {DESK_STATUSES.map((s) => (
          <Button
            key={s}
            data-testid={`move-${s}`}
            aria-pressed={s === status}
            className={checkMove(status, s, lang).ok ? undefined : 'desk-move--blocked'}
            onClick={() => tryMove(s)}
          >
            {enumLabel('difficultyStatus', s, lang)}
          </Button>
        ))}
      </div>
      {refusal && (
        <p className="form-error" role="alert" data-testid="move-refused">
          {m.notAllowed}: {refusal}
        </p>
      )}
      <Button data-testid="desk-open-form" onClick={() => navigate(difficulty.path, [record.id])}>
        {m.openForm}
      </Button>
      <Timeline record={record} lang={lang} titles={titles} />
    </Dialog>
  );
}

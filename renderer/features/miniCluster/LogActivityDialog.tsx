/**
 * "활동 기록": a small form for a mini-cluster activity with attendees ticked from the members.
 * Saved through mutate() after the registry's validation; errors show next to their field and
 * nothing is written.
 */
import { useId, useState } from 'react';
import { enums, getEntity, validateRecord, type Lang } from '../../../shared/registry';
import { getDb, mutate } from '../../db';
import { Button, Dialog, showToast } from '../../ui';
import { todayIso } from '../suggest/useExpertSuggestions';
import { activityValues, enumText, type ActivityDraft, type MemberLine } from './model';
import type { MiniClusterT } from './messages';

export interface LogActivityDialogProps {
  miniClusterId: string;
  members: readonly MemberLine[];
  lang: Lang;
  t: MiniClusterT;
  onClose: () => void;
}

const activityEntity = getEntity('activity');

export function LogActivityDialog({
  miniClusterId,
  members,
  lang,
  t,
  onClose,
}: LogActivityDialogProps) {
  const id = useId();
  const [draft, setDraft] = useState<ActivityDraft>({
    title: '',
    type: enums.activityType[0]?.code ?? '',
    date: todayIso(),
    place: '',
    attendees: new Set(),
    attendance: '',
  });
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const set = (patch: Partial<ActivityDraft>) => setDraft((d) => ({ ...d, ...patch }));
  const toggle = (membershipId: string) => {
    const next = new Set(draft.attendees);
    if (next.has(membershipId)) next.delete(membershipId);
    else next.add(membershipId);
    set({ attendees: next });
  };

  const save = async () => {
    if (saving) return;
    const values = activityValues(miniClusterId, draft, members);
    const check = validateRecord(activityEntity, values, lang);
    if (!check.ok) {
      setErrors(Object.fromEntries(check.errors.map((e) => [e.field, e.message])));
      return;
    }
    setSaving(true);
    try {
      const result = await mutate(
        getDb(),
        [{ entity: 'activity', op: 'create', values: check.value }],
        {
          lang,
        },
      );
      if (!result.ok) {
        setErrors(Object.fromEntries(result.errors.map((e) => [e.field, e.message])));
        return;
      }
      showToast({ message: t('log.saved'), tone: 'success' });
      onClose();
    } finally {
      setSaving(false);
    }
  };

  const field = (key: string) => `${id}-${key}`;
  const error = (key: string) =>
    errors[key] ? (
      <p className="mc-log__error" role="alert" data-testid={`log-error-${key}`}>
        {errors[key]}
      </p>
    ) : null;

  return (
    <Dialog
      data-testid="log-activity"
      title={t('log.title')}
      placement="center"
      closeLabel={t('log.cancel')}
      onRequestClose={onClose}
      onKeyDown={(e) => {
        if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
          e.preventDefault();
          void save();
        }
      }}
      footer={
        <>
          <Button
            variant="primary"
            data-testid="log-save"
            disabled={saving}
            onClick={() => void save()}
          >
            {t('log.save')}
          </Button>
          <Button data-testid="log-cancel" onClick={onClose}>
            {t('log.cancel')}
          </Button>
        </>
      }
    >
      <form className="mc-log" noValidate onSubmit={(e) => e.preventDefault()}>
        {error('')}
        <label htmlFor={field('title')}>{t('log.activityTitle')} *</label>
        <input
          id={field('title')}
          data-testid="log-title"
          data-autofocus
          value={draft.title}
          onChange={(e) => set({ title: e.target.value })}
        />
        {error('title')}
        <label htmlFor={field('type')}>{t('log.type')} *</label>
        <select
          id={field('type')}
          data-testid="log-type"
          value={draft.type}
          onChange={(e) => set({ type: e.target.value })}
        >
          {enums.activityType.map((o) => (
            <option key={o.code} value={o.code}>
              {enumText('activityType', o.code, lang)}
            </option>
          ))}
        </select>
        {error('type')}
        <label htmlFor={field('date')}>{t('log.date')} *</label>
        <input
          id={field('date')}
          type="date"
          data-testid="log-date"
          value={draft.date}
          onChange={(e) => set({ date: e.target.value })}
        />
        {error('date')}
        <label htmlFor={field('place')}>{t('log.place')}</label>
        <input
          id={field('place')}
          data-testid="log-place"
          value={draft.place}
          onChange={(e) => set({ place: e.target.value })}
        />
        {error('place')}
        <fieldset className="mc-log__attendees" data-testid="log-attendees">
          <legend>{t('log.attendees')}</legend>
          {members.length === 0 && <p className="hint">{t('log.noMembers')}</p>}
          {members.map((m) => (
            <label key={m.membershipId} className="mc-log__attendee">
              <input
                type="checkbox"
                data-testid="log-attendee"
                checked={draft.attendees.has(m.membershipId)}
                onChange={() => toggle(m.membershipId)}
              />
              {m.name} ({enumText('memberRole', m.role, lang)})
            </label>
          ))}
        </fieldset>
        <label htmlFor={field('attendance')}>{t('log.attendance')}</label>
        <input
          id={field('attendance')}
          inputMode="numeric"
          data-testid="log-attendance"
          value={draft.attendance}
          onChange={(e) => set({ attendance: e.target.value })}
        />
        <p className="hint">{t('log.attendanceHint', { n: draft.attendees.size })}</p>
        {error('attendance')}
      </form>
    </Dialog>
  );
}

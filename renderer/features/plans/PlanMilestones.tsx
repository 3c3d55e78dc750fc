/**
 * A plan's structured milestones (date, title, done) under its form: each a planMilestone
 * record, added and checked off through mutate(); the new record takes the plan's cluster, as
 * only the plan's owner writes its steps.
 */
import { useEffect, useId, useMemo, useState } from 'react';
import { getEntity, validateRecord, type StoredRecord } from '../../../shared/registry';
import { getDb, mutate, useRecords } from '../../db';
import { useLang } from '../../i18n';
import { Button, showToast } from '../../ui';
import { usePlansT } from './messages';
import './plans.css';

const MILESTONE = getEntity('planMilestone');

export function PlanMilestones({ plan }: { plan: StoredRecord }) {
  const t = usePlansT();
  const lang = useLang();
  const id = useId();
  const all = useRecords('planMilestone');
  const [dueOn, setDueOn] = useState('');
  const [title, setTitle] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  // The box shows the click at once; the live record takes over once the write has landed.
  const [pending, setPending] = useState<Readonly<Record<string, boolean>>>({});
  const steps = useMemo(
    () =>
      (all ?? [])
        .filter((m) => m['planId'] === plan.id)
        .sort(
          (a, b) => String(a['dueOn']).localeCompare(String(b['dueOn'])) || (a.id < b.id ? -1 : 1),
        ),
    [all, plan.id],
  );
  const fail = (list: ReadonlyArray<{ message: string }>) =>
    showToast({
      message: t('failed', { message: list.map((e) => e.message).join(' ') }),
      tone: 'error',
    });

  const add = async () => {
    const check = validateRecord(
      MILESTONE,
      { planId: plan.id, dueOn, title: title.trim(), done: false },
      lang,
    );
    if (!check.ok) {
      setErrors(Object.fromEntries(check.errors.map((e) => [e.field, e.message])));
      return;
    }
    const result = await mutate(
      getDb(),
      [{ entity: 'planMilestone', op: 'create', clusterId: plan.clusterId, values: check.value }],
      { lang },
    );
    if (!result.ok) return fail(result.errors);
    setErrors({});
    setDueOn('');
    setTitle('');
  };

  const toggle = async (m: StoredRecord) => {
    const done = m['done'] === true;
    setPending((p) => ({ ...p, [m.id]: !done }));
    const result = await mutate(
      getDb(),
      [
        {
          entity: 'planMilestone',
          op: 'update',
          id: m.id,
          values: { done: !done },
          expect: { done: m['done'] ?? null },
        },
      ],
      { lang },
    );
    // On success the pending value stays until the live record shows it (effect below): clearing
    // it here would flash the old state back while the live query catches up.
    if (!result.ok) {
      setPending(({ [m.id]: _failed, ...rest }) => rest);
      fail(result.errors);
    }
  };
  useEffect(() => {
    const settled = steps.filter((m) => m.id in pending && pending[m.id] === (m['done'] === true));
    if (settled.length === 0) return;
    setPending((p) => {
      const rest = { ...p };
      for (const m of settled) delete rest[m.id];
      return rest;
    });
  }, [steps, pending]);

  const doneCount = steps.filter((m) => m['done'] === true).length;
  return (
    <section className="pm" data-testid="plan-milestones">
      <h3>{t('title', { done: doneCount, n: steps.length })}</h3>
      {steps.length === 0 ? (
        <p className="hint">{t('none')}</p>
      ) : (
        <ul className="pm__list">
          {steps.map((m) => (
            <li key={m.id} data-testid="pm-item">
              <label>
                <input
                  type="checkbox"
                  data-testid="pm-done"
                  checked={pending[m.id] ?? m['done'] === true}
                  onChange={() => void toggle(m)}
                />
                <span className="pm__date">{String(m['dueOn'] ?? '')}</span>{' '}
                {String(m['title'] ?? '')}
              </label>
            </li>
          ))}
        </ul>
      )}
      <div className="pm__add">
        <label htmlFor={`${id}-date`}>{t('date')}</label>
        <input
          id={`${id}-date`}
          type="date"
          data-testid="pm-date"
          value={dueOn}
          onChange={(e) => setDueOn(e.target.value)}
        />
        <label htmlFor={`${id}-title`}>{t('name')}</label>
        <input
          id={`${id}-title`}
          data-testid="pm-title"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
        />
        <Button data-testid="pm-add" onClick={() => void add()}>
          {t('add')}
        </Button>
      </div>
      {Object.entries(errors).map(([field, message]) => (
        <p key={field} role="alert" className="pm__error" data-testid={`pm-error-${field}`}>
          {message}
        </p>
      ))}
    </section>
  );
}

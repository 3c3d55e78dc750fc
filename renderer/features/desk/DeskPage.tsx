/**
 * 기술애로 데스크: the difficulties as a board by 처리상태 with filters, keyboard moves, intake,
 * and per card its detail and timeline. The list view is the difficulties' AG Grid page.
 */
import { useMemo, useState } from 'react';
import { enumLabel, getEntity, type StoredRecord } from '../../../shared/registry';
import {
  fieldsForStatus,
  nextStatus,
  isDeskStatus,
  checkMove,
  type DeskStatus,
} from '../../../shared/desk';
import { asStaffList } from '../../../shared/desk/people';
import { seoulToday } from '../../../shared/report/period';
import { useRecords, useSetting } from '../../db';
import { useLang } from '../../i18n';
import { navigate } from '../../routing/route';
import { useShortcut } from '../../routing/useShortcut';
import { SETTINGS_PATH } from '../../routing/nav';
import { Button, showToast } from '../../ui';
import { recordToFormValues, sameFormValue, type FormValues } from '../entities/formValues';
import { useTitleLookups } from '../entities/useTitleLookups';
import { buildBoard, COLUMN_PAGE, NO_FILTER, type BoardFilter } from './boardModel';
import { DeskBoard } from './DeskBoard';
import { DeskFilters } from './DeskFilters';
import { DetailPanel } from './DetailPanel';
import { FieldsDialog } from './FieldsDialog';
import { moveTo, takeIn } from './deskActions';
import { matchSuggestions } from './MatchSuggestions';
import { deskMessages } from './messages';
import './desk.css';

const difficulty = getEntity('difficulty');
const fieldsOf = (keys: readonly string[]) =>
  keys.flatMap((k) => difficulty.fields.filter((f) => f.key === k));
const INTAKE_FIELDS = fieldsOf([
  'companyId',
  'title',
  'description',
  'area',
  'priority',
  'dueOn',
  'assignee',
]);

type Pending = { id: string; to: DeskStatus } | null;

export function DeskPage() {
  const lang = useLang();
  const m = deskMessages(lang);
  const records = useRecords('difficulty');
  const titles = useTitleLookups(difficulty, lang);
  const staff = asStaffList(useSetting<unknown>('staff'));
  const profile = useSetting<unknown>('profile');
  const [filter, setFilter] = useState<BoardFilter>(NO_FILTER);
  const [limits, setLimits] = useState<Partial<Record<DeskStatus, number>>>({});
  const [openId, setOpenId] = useState<string | null>(null);
  const [pending, setPending] = useState<Pending>(null);
  const [intake, setIntake] = useState(false);
  const today = seoulToday();

  const columns = useMemo(
    () => buildBoard(records ?? [], filter, today, limits),
    [records, filter, today, limits],
  );
  const byId = useMemo(() => new Map((records ?? []).map((r) => [r.id, r])), [records]);
  const open = openId ? byId.get(openId) : undefined;
  const pendingRecord = pending ? byId.get(pending.id) : undefined;
  // The move dialog starts from the record's values of the step's fields only, and sends only
  // what the user changed: an unchanged field is not re-stamped (per-field sync stamps).
  const moveInitial = useMemo(() => {
    if (!pending || !pendingRecord) return {};
    const all = recordToFormValues(difficulty, pendingRecord);
    return Object.fromEntries(
      fieldsForStatus(pending.to).map((k) => [k, all[k] ?? '']),
    ) as FormValues;
  }, [pending, pendingRecord]);

  /** Asks for what the step needs, or moves at once when it needs nothing. */
  const requestMove = async (record: StoredRecord, to: string) => {
    if (!isDeskStatus(to)) return;
    const check = checkMove(String(record.status ?? ''), to, lang);
    if (!check.ok) {
      showToast({ message: check.reason, tone: 'error' });
      return;
    }
    if (fieldsForStatus(to).length > 0) {
      setPending({ id: record.id, to });
      return;
    }
    const errors = await moveTo(record, to, {}, lang);
    if (errors.length > 0) showToast({ message: errors[0]?.message ?? '', tone: 'error' });
    else announceMove(record, to);
  };
  const announceMove = (record: StoredRecord, to: string) =>
    showToast({
      message: m.moved(String(record.title ?? ''), enumLabel('difficultyStatus', to, lang)),
    });

  // Ctrl+N: intake. M: the focused card to its next status (a dialog if the step needs input).
  useShortcut({
    key: 'n',
    ctrl: true,
    run: () => {
      if (intake || pending || open) return false;
      setIntake(true);
    },
  });
  useShortcut({
    key: 'm',
    run: () => {
      const id = (document.activeElement as HTMLElement | null)?.dataset?.cardId;
      const record = id ? byId.get(id) : undefined;
      if (!record || !isDeskStatus(record.status)) return false;
      const next = nextStatus(record.status);
      if (next) void requestMove(record, next);
    },
  });

  return (
    <section className="page desk-page" aria-labelledby="desk-title" data-testid="desk-page">
      <header className="page-header desk-header">
        <h1 id="desk-title">{m.title}</h1>
        <div className="desk-header__actions">
          <Button variant="primary" data-testid="desk-intake" onClick={() => setIntake(true)}>
            {m.intake}
          </Button>
          <div className="desk-view-toggle" role="group">
            <Button aria-pressed="true" data-testid="desk-view-board">
              {m.board}
            </Button>
            <Button
              aria-pressed="false"
              data-testid="desk-view-list"
              onClick={() => navigate(difficulty.path)}
            >
              {m.list}
            </Button>
          </div>
        </div>
      </header>
      <p className="hint">{m.intro}</p>
      {profile === undefined || profile === null ? (
        <p className="hint" data-testid="desk-no-profile">
          {m.noProfile}{' '}
          <button type="button" className="link" onClick={() => navigate(SETTINGS_PATH)}>
            {m.needProfileLink}
          </button>
        </p>
      ) : null}
      <DeskFilters
        filter={filter}
        onChange={setFilter}
        lang={lang}
        titles={titles}
        staff={staff}
        records={records}
      />
      {records === undefined ? (
        <p className="hint">…</p>
      ) : (
        <DeskBoard
          columns={columns}
          lang={lang}
          titles={titles}
          onOpen={setOpenId}
          keepFocus={!open && !pending && !intake}
          onMore={(s) => setLimits((l) => ({ ...l, [s]: (l[s] ?? COLUMN_PAGE) + COLUMN_PAGE }))}
        />
      )}
      {open && !pending && (
        <DetailPanel
          record={open}
          lang={lang}
          titles={titles}
          onMove={(to) => void requestMove(open, to)}
          onClose={() => setOpenId(null)}
        />
      )}
      {pending && pendingRecord && (
        <FieldsDialog
          data-testid="desk-move-dialog"
          title={m.moveTitle(enumLabel('difficultyStatus', pending.to, lang))}
          intro={<p className="hint">{m.moveNeeds}</p>}
          fields={fieldsOf(fieldsForStatus(pending.to))}
          initial={moveInitial}
          titles={titles}
          lang={lang}
          below={pending.to === 'matched' ? matchSuggestions(pending.id) : undefined}
          submitLabel={m.moveConfirm}
          onClose={() => setPending(null)}
          onSubmit={async (values) => {
            const changed = Object.fromEntries(
              Object.entries(values).filter(([k, v]) => !sameFormValue(v, moveInitial[k])),
            ) as FormValues;
            const errors = await moveTo(pendingRecord, pending.to, changed, lang);
            if (errors.length === 0) {
              announceMove(pendingRecord, pending.to);
              setPending(null);
            }
            return errors;
          }}
        />
      )}
      {intake && (
        <FieldsDialog
          data-testid="desk-intake-dialog"
          title={m.intake}
          fields={INTAKE_FIELDS}
          initial={{ priority: 'normal' }}
          titles={titles}
          lang={lang}
          submitLabel={m.save}
          onClose={() => setIntake(false)}
          onSubmit={async (values) => {
            const errors = await takeIn(values, lang);
            if (errors.length === 0) {
              showToast({ message: m.saved(String(values.title ?? '')) });
              setIntake(false);
            }
            return errors;
          }}
        />
      )}
    </section>
  );
}

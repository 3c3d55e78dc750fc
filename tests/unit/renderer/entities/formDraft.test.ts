import 'fake-indexeddb/auto'; // before Dexie loads: it captures the IndexedDB globals
import { describe, expect, it } from 'vitest';
import { getEntity } from '../../../../shared/registry';
import {
  draftToKeep,
  pickDraftOffer,
  planDraftRestore,
} from '../../../../renderer/features/entities/draftDecisions';
import {
  deleteDraft,
  draftKey,
  isFormDraft,
  listDrafts,
  saveDraft,
  type FormDraft,
  type StoredDraft,
} from '../../../../renderer/features/entities/draftStore';
import { recordToFormValues } from '../../../../renderer/features/entities/formValues';
import { freshDb } from '../db/helpers';

const org = getEntity('organization');
const TAB_A = '01JTABA0000000000000000000';
const TAB_B = '01JTABB0000000000000000000';
const REC = '01J0000000000000000000000A';

const stored = (tabId: string, savedAt: string): StoredDraft => ({
  key: draftKey('organization', REC, tabId),
  tabId,
  draft: { values: { name: tabId }, base: {}, savedAt, baseVersion: 1 },
});

describe('draft keys and shape', () => {
  it('are kept per entity, record and tab', () => {
    expect(draftKey('organization', undefined, TAB_A)).toBe(`draft:organization:new:${TAB_A}`);
    expect(draftKey('expert', REC, TAB_B)).toBe(`draft:expert:${REC}:${TAB_B}`);
  });

  it('are recognised only in their stored shape (older drafts without base too)', () => {
    const draft = { values: { name: '가나' }, savedAt: '2026-11-26T01:00:00Z', baseVersion: 3 };
    expect(isFormDraft(draft)).toBe(true);
    expect(isFormDraft({ ...draft, base: { name: '가' } })).toBe(true);
    expect(isFormDraft({ ...draft, baseVersion: null, base: null })).toBe(true);
    expect(isFormDraft(undefined)).toBe(false);
    expect(isFormDraft({ ...draft, base: 'x' })).toBe(false);
    expect(isFormDraft({ values: null, savedAt: 'x', baseVersion: null })).toBe(false);
    expect(isFormDraft({ values: {}, baseVersion: null })).toBe(false);
  });
});

describe('which draft is offered', () => {
  const a = stored(TAB_A, '2026-12-01T10:00:00Z');
  const b = stored(TAB_B, '2026-12-01T11:00:00Z');
  const legacy: StoredDraft = { ...stored('', '2026-11-01T00:00:00Z'), key: 'draft:x' };

  it('never one a live tab is still typing', () => {
    expect(pickDraftOffer([b], TAB_A, new Set([TAB_A, TAB_B]))).toBeNull();
    expect(pickDraftOffer([a, b], TAB_A, new Set([TAB_A, TAB_B]))).toBe(a);
  });

  it("this tab's own (a reload), and one left by a tab that is gone; the newest first", () => {
    expect(pickDraftOffer([a], TAB_A, new Set([TAB_A]))).toBe(a);
    expect(pickDraftOffer([a, b], TAB_A, new Set([TAB_A]))).toBe(b);
    expect(pickDraftOffer([legacy, a], 'C', new Set(['C']))).toBe(a);
    expect(pickDraftOffer([legacy], 'C', new Set(['C']))).toBe(legacy);
  });

  it('every other tab counts as gone where liveness is unknown', () => {
    expect(pickDraftOffer([a, b], 'C', null)).toBe(b);
    expect(pickDraftOffer([], 'C', null)).toBeNull();
  });
});

describe('what a draft keeps', () => {
  const record = { name: '구미정밀', kind: 'company', employees: 10 };
  const initial = recordToFormValues(org, record);
  const now = new Date('2026-12-01T10:00:00Z');

  it('only the typed fields, with the stored values the typing was based on', () => {
    const draft = draftToKeep(org, initial, { ...initial, name: '구미정밀2' }, record, 4, now);
    expect(draft?.values).toEqual({ name: '구미정밀2' });
    expect(draft?.base).toMatchObject({ name: '구미정밀', employees: 10, website: null });
    expect(draft?.baseVersion).toBe(4);
    expect(draft?.savedAt).toBe(now.toISOString());
  });

  it('nothing when nothing was typed (the row is deleted then)', () => {
    expect(draftToKeep(org, initial, { ...initial }, record, 4, now)).toBeNull();
  });

  it('no base for a new record', () => {
    const empty = recordToFormValues(org, undefined);
    const draft = draftToKeep(org, empty, { ...empty, name: '새 회사' }, null, null, now);
    expect(draft).toMatchObject({ values: { name: '새 회사' }, base: null, baseVersion: null });
  });
});

describe('restoring a draft', () => {
  const typedAt = { name: '구미정밀', kind: 'company', employees: 10 };
  const initial = recordToFormValues(org, typedAt);
  const now = new Date('2026-12-01T10:00:00Z');

  it('does not revert a field saved elsewhere since (종업원 99 stays 99)', () => {
    const draft = draftToKeep(org, initial, { ...initial, name: '구미정밀(주)' }, typedAt, 1, now);
    const after = { ...typedAt, employees: 99 };
    const plan = planDraftRestore(org, draft as FormDraft, after, 2);
    expect(plan.apply).toEqual({ name: '구미정밀(주)' });
    expect(plan.conflicts).toEqual([]);
    expect(plan.changedSince).toEqual(['employees']);
  });

  it('asks where a typed field was also changed elsewhere', () => {
    const typed = { ...initial, employees: '50', name: '구미정밀(주)' };
    const draft = draftToKeep(org, initial, typed, typedAt, 1, now) as FormDraft;
    const plan = planDraftRestore(org, draft, { ...typedAt, employees: 99 }, 2);
    expect(plan.apply).toEqual({ name: '구미정밀(주)' });
    expect(plan.conflicts).toEqual([{ field: 'employees', theirs: 99, mine: '50' }]);
  });

  it('skips a typed value the record already holds', () => {
    const draft = draftToKeep(org, initial, { ...initial, employees: '99' }, typedAt, 1, now);
    const plan = planDraftRestore(org, draft as FormDraft, { ...typedAt, employees: 99 }, 2);
    expect(plan).toEqual({ apply: {}, conflicts: [], changedSince: ['employees'] });
  });

  it('applies everything typed into a new record', () => {
    const empty = recordToFormValues(org, undefined);
    const draft = draftToKeep(org, empty, { ...empty, name: '새 회사' }, null, null, now);
    expect(planDraftRestore(org, draft as FormDraft, null, null).apply).toEqual({
      name: '새 회사',
    });
  });

  it('an older whole-form draft: applied if the record is unchanged, asked about if not', () => {
    const legacy: FormDraft = {
      values: { ...initial, name: '구미정밀(주)' },
      savedAt: now.toISOString(),
      baseVersion: 1,
    };
    expect(planDraftRestore(org, legacy, typedAt, 1)).toEqual({
      apply: { name: '구미정밀(주)' },
      conflicts: [],
      changedSince: [],
    });
    const changed = planDraftRestore(org, legacy, { ...typedAt, employees: 99 }, 2);
    expect(changed.apply).toEqual({});
    expect(changed.conflicts.map((c) => [c.field, c.theirs, c.mine])).toEqual([
      ['name', '구미정밀', '구미정밀(주)'],
      ['employees', 99, '10'],
    ]);
  });
});

describe('draft rows', () => {
  it('are listed per record from every tab; emptied and foreign rows are left out', async () => {
    const db = await freshDb();
    const draft: FormDraft = { values: { name: 'x' }, base: null, savedAt: 'now', baseVersion: 1 };
    await saveDraft(db, draftKey('organization', REC, TAB_A), draft);
    await saveDraft(db, draftKey('organization', REC, TAB_B), draft);
    await saveDraft(db, draftKey('organization', `${REC}B`, TAB_A), draft); // another record
    await db.prefs.put({ key: `draft:organization:${REC}`, value: undefined }); // emptied, older
    const found = await listDrafts(db, 'organization', REC);
    expect(found.map((d) => d.tabId).sort()).toEqual([TAB_A, TAB_B]);
    // The emptied row of the older format is gone; deleting leaves no row either.
    expect(await db.prefs.get(`draft:organization:${REC}`)).toBeUndefined();
    await deleteDraft(db, draftKey('organization', REC, TAB_A));
    expect(await db.prefs.get(draftKey('organization', REC, TAB_A))).toBeUndefined();
  });
});

import { describe, expect, it } from 'vitest';
import type { ColumnState } from 'ag-grid-community';
import { getEntity } from '../../../../shared/registry';
import { buildColumnDefs, columnIds } from '../../../../renderer/features/entities/columns';
import {
  columnChoices,
  gridPrefsKey,
  parseGridPrefs,
  prefsSignature,
  toApplyColumnState,
  toGridPrefs,
} from '../../../../renderer/features/entities/gridState';

const defs = buildColumnDefs(getEntity('organization'), 'ko');
const known = columnIds(defs);

const state: ColumnState[] = [
  { colId: 'kind', width: 130.4, hide: false, pinned: null, sort: 'asc', sortIndex: 0 },
  { colId: 'name', width: 220, hide: false, pinned: 'left', sort: null, sortIndex: null },
  { colId: 'crn', width: 150, hide: true, pinned: null, sort: null },
];

describe('grid prefs', () => {
  it('are keyed per entity', () => {
    expect(gridPrefsKey('organization')).toBe('grid:organization');
  });

  it('round-trip through JSON: order, widths, sort, visibility, pinning, filters', () => {
    const filter = { employees: { filterType: 'number', type: 'greaterThan', filter: 100 } };
    const prefs = toGridPrefs(state, filter);
    const stored = JSON.parse(JSON.stringify(prefs)) as unknown;
    const back = parseGridPrefs(stored, known);
    expect(back).toEqual(prefs);
    expect(back?.columns.map((c) => c.colId)).toEqual(['kind', 'name', 'crn']);
    expect(back?.columns[0]).toEqual({ colId: 'kind', width: 130, sort: 'asc', sortIndex: 0 });
    expect(back?.columns[1]?.pinned).toBe('left');
    expect(back?.columns[2]?.hide).toBe(true);
    expect(back?.filter).toEqual(filter);
  });

  it('apply the saved order and reset sort on columns they do not mention', () => {
    const apply = toApplyColumnState(toGridPrefs(state, null));
    expect(apply.applyOrder).toBe(true);
    expect(apply.defaultState).toEqual({ sort: null });
    expect(apply.state?.map((s) => s.colId)).toEqual(['kind', 'name', 'crn']);
    expect(apply.state?.[2]).toMatchObject({ colId: 'crn', hide: true, sort: null });
  });

  it('drop columns and filters of fields that no longer exist, and duplicates', () => {
    const raw = {
      v: 1,
      columns: [
        { colId: 'removedField', width: 100 },
        { colId: 'name', width: 200 },
        { colId: 'name', width: 300 },
        { colId: 'kind', width: 5, sort: 'sideways' },
        'garbage',
      ],
      filter: { removedField: { type: 'equals' }, name: { type: 'contains', filter: '정밀' } },
    };
    const prefs = parseGridPrefs(raw, known);
    expect(prefs?.columns).toEqual([{ colId: 'name', width: 200 }, { colId: 'kind' }]);
    expect(prefs?.filter).toEqual({ name: { type: 'contains', filter: '정밀' } });
  });

  it('are ignored when absent, malformed or of another version', () => {
    expect(parseGridPrefs(undefined, known)).toBeNull();
    expect(parseGridPrefs(null, known)).toBeNull();
    expect(parseGridPrefs('x', known)).toBeNull();
    expect(parseGridPrefs({ v: 2, columns: [] }, known)).toBeNull();
    expect(parseGridPrefs({ v: 1, columns: 'no' }, known)).toBeNull();
  });

  it('have a signature that tells real changes from echoes', () => {
    const a = toGridPrefs(state, null);
    expect(prefsSignature(a)).toBe(prefsSignature(toGridPrefs(state, null)));
    expect(prefsSignature(a)).not.toBe(
      prefsSignature(toGridPrefs([{ ...state[0], colId: 'kind', width: 90 }], null)),
    );
    expect(prefsSignature(null)).toBe('');
  });
});

describe('column chooser', () => {
  it('lists registry defaults when nothing is saved', () => {
    const choices = columnChoices(defs, null);
    expect(choices.map((c) => c.colId)).toEqual(known);
    expect(choices.find((c) => c.colId === 'crn')).toEqual({
      colId: 'crn',
      headerName: '법인등록번호',
      visible: false,
    });
    expect(choices.find((c) => c.colId === 'name')?.visible).toBe(true);
  });

  it('follows saved order and visibility, appending columns added since', () => {
    const prefs = toGridPrefs(
      [
        { colId: 'crn', hide: false },
        { colId: 'name', hide: true },
      ],
      null,
    );
    const choices = columnChoices(defs, prefs);
    expect(choices.slice(0, 2)).toEqual([
      { colId: 'crn', headerName: '법인등록번호', visible: true },
      { colId: 'name', headerName: '기관명', visible: false },
    ]);
    expect(choices).toHaveLength(known.length);
  });
});

import { describe, expect, it } from 'vitest';
import type { GridOptions } from 'ag-grid-community';
import { changedOptions } from '../../../../renderer/features/entities/PlainAgGrid';

type Row = { id: string };

describe('changedOptions (what PlainAgGrid hands to updateGridOptions)', () => {
  const onSortChanged = () => undefined;
  const rows: Row[] = [{ id: 'a' }];
  const before: GridOptions<Row> = { rowData: rows, quickFilterText: '', onSortChanged };

  it('hands over nothing when every option is the same value (by identity)', () => {
    expect(changedOptions(before, { ...before })).toEqual({});
  });

  it('hands over only the options whose value changed', () => {
    const nextRows: Row[] = [...rows, { id: 'b' }];
    const changed = changedOptions(before, {
      ...before,
      rowData: nextRows,
      quickFilterText: '구미',
    });
    expect(changed).toEqual({ rowData: nextRows, quickFilterText: '구미' });
    expect(changed.rowData).toBe(nextRows);
  });

  it('treats an equal-looking new array as a change (the grid compares rows by identity)', () => {
    expect(changedOptions(before, { ...before, rowData: [{ id: 'a' }] })).toHaveProperty('rowData');
  });

  it('clears an option the caller no longer passes', () => {
    const { quickFilterText: _dropped, ...next } = before;
    const changed = changedOptions(before, next);
    expect(Object.keys(changed)).toEqual(['quickFilterText']);
    expect(changed.quickFilterText).toBeUndefined();
  });

  it('hands over a new callback', () => {
    const other = () => undefined;
    expect(changedOptions(before, { ...before, onSortChanged: other })).toEqual({
      onSortChanged: other,
    });
  });
});

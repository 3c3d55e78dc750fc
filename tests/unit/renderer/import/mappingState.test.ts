import { describe, expect, it } from 'vitest';
import { mapColumns } from '../../../../shared/import/mapping';
import { getEntity } from '../../../../shared/registry';
import {
  EMPTY_MAPPING,
  effectiveDefaults,
  unmappedFields,
  mappingPrefKey,
  mappingReducer,
  missingRequiredFields,
  restoreSavedMapping,
  sameMapping,
  toSavedMapping,
  type MappingState,
} from '../../../../renderer/features/import/mappingState';

const organization = getEntity('organization');
const HEADERS = ['업체 이름', '사업자등록번호', '대표자', '종업원수'];
const proposed = (): MappingState => ({
  mapping: mapColumns(HEADERS, organization),
  defaults: {},
});
const fields = (s: MappingState) => s.mapping.map((m) => m.field);

describe('mapping reducer', () => {
  it('starts from the pipeline proposal, where an unknown header maps to nothing', () => {
    expect(fields(proposed())).toEqual([null, 'brn', 'representative', 'employees']);
  });

  it('maps a column to a field chosen by the user', () => {
    const s = mappingReducer(proposed(), { type: 'setField', column: 0, field: 'name' });
    expect(fields(s)).toEqual(['name', 'brn', 'representative', 'employees']);
    expect(s.mapping[0]).toMatchObject({ header: '업체 이름', confidence: 1 });
  });

  it('takes a field away from the column that had it: one column per field', () => {
    const s = mappingReducer(proposed(), { type: 'setField', column: 2, field: 'brn' });
    expect(fields(s)).toEqual([null, null, 'brn', 'employees']);
  });

  it('un-maps a column with 가져오지 않음 (null)', () => {
    const s = mappingReducer(proposed(), { type: 'setField', column: 3, field: null });
    expect(fields(s)).toEqual([null, 'brn', 'representative', null]);
    expect(s.mapping[3]?.confidence).toBe(0);
  });

  it('keeps defaults across a reset without defaults, replaces them with', () => {
    let s = mappingReducer(EMPTY_MAPPING, { type: 'setDefault', field: 'kind', value: 'company' });
    s = mappingReducer(s, { type: 'reset', mapping: proposed().mapping });
    expect(s.defaults).toEqual({ kind: 'company' });
    s = mappingReducer(s, { type: 'reset', mapping: [], defaults: {} });
    expect(s.defaults).toEqual({});
  });
});

describe('record meta columns', () => {
  it('a column becomes the cluster column, taken from the column that had it', () => {
    let s = mappingReducer(proposed(), {
      type: 'setField',
      column: 0,
      field: null,
      meta: 'clusterId',
    });
    expect(s.mapping[0]).toMatchObject({ field: null, meta: 'clusterId', confidence: 1 });
    s = mappingReducer(s, { type: 'setField', column: 3, field: null, meta: 'clusterId' });
    expect(s.mapping[0]?.meta).toBeUndefined();
    expect(s.mapping[3]).toMatchObject({ field: null, meta: 'clusterId' });
    // choosing a field for it drops the meta role
    s = mappingReducer(s, { type: 'setField', column: 3, field: 'employees' });
    expect(s.mapping[3]?.meta).toBeUndefined();
    expect(s.mapping[3]?.field).toBe('employees');
  });

  it('are saved and restored with the mapping', () => {
    const s = mappingReducer(proposed(), {
      type: 'setField',
      column: 0,
      field: null,
      meta: 'clusterId',
    });
    const restored = restoreSavedMapping(
      JSON.parse(JSON.stringify(toSavedMapping(s))),
      HEADERS,
      organization,
    );
    expect(restored?.mapping[0]).toMatchObject({ field: null, meta: 'clusterId' });
    expect(restored && sameMapping(restored.mapping, s.mapping)).toBe(true);
    expect(sameMapping(proposed().mapping, s.mapping)).toBe(false);
  });
});

describe('required fields and defaults', () => {
  it('lists required fields no column fills', () => {
    expect(missingRequiredFields(organization, proposed().mapping).map((f) => f.key)).toEqual([
      'name',
      'kind',
    ]);
    const named = mappingReducer(proposed(), { type: 'setField', column: 0, field: 'name' });
    expect(missingRequiredFields(organization, named.mapping).map((f) => f.key)).toEqual(['kind']);
  });

  it('passes only non-empty defaults of unmapped required fields to the pipeline', () => {
    let s = mappingReducer(proposed(), { type: 'setDefault', field: 'kind', value: 'company' });
    s = mappingReducer(s, { type: 'setDefault', field: 'name', value: '' });
    expect(effectiveDefaults(organization, s)).toEqual({ kind: 'company' });
    // Once a column supplies kind, its default no longer applies.
    s = mappingReducer(s, { type: 'setField', column: 2, field: 'kind' });
    expect(effectiveDefaults(organization, s)).toEqual({});
  });

  it('offers "same for all" for optional fields without a column too', () => {
    const s = mappingReducer(proposed(), { type: 'setDefault', field: 'complex', value: '구미' });
    expect(effectiveDefaults(organization, s)).toEqual({ complex: '구미' });
    expect(unmappedFields(organization, s.mapping).map((f) => f.key)).toContain('complex');
  });

  it("marks a column the user chose as the user's choice, and keeps merge decisions per row", () => {
    let s = mappingReducer(proposed(), { type: 'setField', column: 0, field: 'name' });
    expect(s.mapping[0]!.reason).toEqual({ code: 'user' });
    s = mappingReducer(s, { type: 'setSameAs', row: 7, id: 'x1' });
    s = mappingReducer(s, { type: 'setSameAs', row: 9, id: 'x2' });
    s = mappingReducer(s, { type: 'setSameAs', row: 9, id: null });
    expect(s.sameAs).toEqual({ 7: 'x1' });
  });
});

describe('saved mappings', () => {
  it('are keyed by entity and header signature', () => {
    expect(mappingPrefKey('organization', '4:0badc0de')).toBe(
      'import-mapping:organization:4:0badc0de',
    );
  });

  it('round-trip through prefs: the corrected mapping and defaults come back', () => {
    let s = mappingReducer(proposed(), { type: 'setField', column: 0, field: 'name' });
    s = mappingReducer(s, { type: 'setDefault', field: 'kind', value: 'company' });
    const stored = JSON.parse(JSON.stringify(toSavedMapping(s))) as unknown;
    const restored = restoreSavedMapping(stored, HEADERS, organization);
    expect(restored && fields(restored)).toEqual(['name', 'brn', 'representative', 'employees']);
    expect(restored?.defaults).toEqual({ kind: 'company' });
    expect(restored?.mapping[0]?.header).toBe('업체 이름');
  });

  it('drop fields the entity no longer has and a field saved for two columns', () => {
    const stored = {
      fields: [
        { column: 0, field: 'name' },
        { column: 1, field: 'retiredField' },
        { column: 2, field: 'name' },
      ],
      defaults: { kind: 'company', gone: 'x', employees: 3 },
    };
    const restored = restoreSavedMapping(stored, HEADERS, organization);
    expect(restored && fields(restored)).toEqual(['name', null, null, null]);
    expect(restored?.defaults).toEqual({ kind: 'company' });
  });

  it('ignore nothing or garbage stored under the key', () => {
    expect(restoreSavedMapping(undefined, HEADERS, organization)).toBeNull();
    expect(restoreSavedMapping('x', HEADERS, organization)).toBeNull();
    expect(restoreSavedMapping({ fields: 'x' }, HEADERS, organization)).toBeNull();
  });

  it('compare by field per column only', () => {
    const a = proposed().mapping;
    const b = a.map((m) => ({ ...m, confidence: 1 }));
    expect(sameMapping(a, b)).toBe(true);
    expect(
      sameMapping(
        a,
        mappingReducer(proposed(), { type: 'setField', column: 0, field: 'name' }).mapping,
      ),
    ).toBe(false);
  });
});

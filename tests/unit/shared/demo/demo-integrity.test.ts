/** Every demo row is a valid, stored-form record with sound ids, references and numbers. */
import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { generateDemoData, ULID_PATTERN } from '../../../../shared/demo';
import { CENTRAL_OFFICE_CLUSTER_ID, CLUSTER_FACTS } from '../../../../shared/demo/facts';
import { isValidBrn, isValidCrn } from '../../../../shared/korean/ids';
import { getEntity, validateRecord } from '../../../../shared/registry';
import { data, byId, rowsOf } from './helpers';

/**
 * The whole data set, frozen. Update it only on purpose: a change means every user who loaded
 * the demo gets different rows on the next load.
 */
const EXPECTED_SHA256 = '53097bd52f4f7a282662bfd1ae8cf63c06344c36f04e392303965bd6fdb1bdc8';

describe('demo data: determinism', () => {
  it('is the same on every run and matches the frozen hash', () => {
    const again = generateDemoData();
    expect(again).toEqual(data);
    const hash = createHash('sha256').update(JSON.stringify(data)).digest('hex');
    expect(hash).toBe(EXPECTED_SHA256);
  });
});

describe('demo data: records', () => {
  it('passes validateRecord for every row, already in stored (normalised) form', () => {
    const failures: string[] = [];
    for (const { entity, rows } of data) {
      const def = getEntity(entity);
      const declared = new Set(def.fields.map((f) => f.key));
      for (const r of rows) {
        const result = validateRecord(def, r.values, 'ko');
        if (!result.ok) failures.push(`${entity} ${r.id}: ${JSON.stringify(result.errors)}`);
        else if (JSON.stringify(result.value) !== JSON.stringify(r.values)) {
          failures.push(`${entity} ${r.id}: not in normalised form`);
        }
        // validateRecord drops unknown keys silently; a typo in a key must not pass unnoticed.
        for (const key of Object.keys(r.values)) {
          if (!declared.has(key)) failures.push(`${entity} ${r.id}: undeclared field ${key}`);
        }
      }
    }
    expect(failures.slice(0, 10)).toEqual([]);
  });

  it('has unique ULID-shaped ids and known owning clusters', () => {
    const ids = data.flatMap((b) => b.rows.map((r) => r.id));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.filter((id) => !ULID_PATTERN.test(id))).toEqual([]);
    const owners = new Set([...CLUSTER_FACTS.map((c) => c.code), CENTRAL_OFFICE_CLUSTER_ID]);
    const unknown = data.flatMap((b) => b.rows.filter((r) => !owners.has(r.clusterId)));
    expect(unknown).toEqual([]);
  });

  it('refers only to earlier entities, to rows of the right entity in the same cluster', () => {
    const entityOf = new Map(data.flatMap((b) => b.rows.map((r) => [r.id, b.entity] as const)));
    const failures: string[] = [];
    data.forEach(({ entity, rows }, position) => {
      const earlier = new Set(data.slice(0, position).map((b) => b.entity));
      for (const f of getEntity(entity).fields) {
        if (f.kind !== 'ref' && f.kind !== 'refs') continue;
        if (!f.ref || !earlier.has(f.ref)) failures.push(`${entity}.${f.key} → later ${f.ref}`);
        for (const r of rows) {
          const value = r.values[f.key];
          if (value === undefined) continue;
          for (const id of f.kind === 'refs' ? (value as string[]) : [value as string]) {
            if (entityOf.get(id) !== f.ref) failures.push(`${entity} ${r.id}.${f.key}: ${id}`);
            else if (byId.get(id)?.clusterId !== r.clusterId) {
              failures.push(`${entity} ${r.id}.${f.key}: other cluster`);
            }
          }
        }
      }
    });
    expect(failures.slice(0, 10)).toEqual([]);
  });

  it('keeps natural keys unique within each cluster (import dedupe would merge them)', () => {
    const failures: string[] = [];
    for (const { entity, rows } of data) {
      for (const keyFields of getEntity(entity).naturalKeys ?? []) {
        const seen = new Set<string>();
        for (const r of rows) {
          const parts = keyFields.map((k) => r.values[k]);
          if (parts.some((p) => p === undefined)) continue;
          const key = JSON.stringify([r.clusterId, ...parts]);
          if (seen.has(key)) failures.push(`${entity} ${keyFields.join('+')}: ${key}`);
          seen.add(key);
        }
      }
    }
    expect(failures.slice(0, 10)).toEqual([]);
  });
});

describe('demo data: time line', () => {
  const foundedOn = new Map(rowsOf('miniCluster').map((m) => [m.id, String(m.values.foundedOn)]));
  const founded = (id: unknown) => foundedOn.get(String(id)) ?? 'missing';

  it('dates every event between the mini-cluster’s founding and the end of 2006', () => {
    const late: string[] = [];
    for (const a of rowsOf('activity')) {
      const date = String(a.values.date);
      const from = a.values.miniClusterId ? founded(a.values.miniClusterId) : '2005-04-01';
      if (date < from || date > '2006-12-31') late.push(`activity ${a.id} ${date}`);
    }
    for (const m of rowsOf('membership')) {
      const since = String(m.values.since);
      if (since < founded(m.values.miniClusterId)) late.push(`membership ${m.id} ${since}`);
      if (m.values.until !== undefined && String(m.values.until) <= since) late.push(m.id);
    }
    for (const d of rowsOf('difficulty')) {
      if (String(d.values.receivedOn) < founded(d.values.miniClusterId)) late.push(d.id);
    }
    expect(late.slice(0, 10)).toEqual([]);
  });

  it('receives a difficulty only from a company that had joined its mini-cluster', () => {
    const joined = new Map(
      rowsOf('membership')
        .filter((m) => m.values.organizationId !== undefined)
        .map((m) => [`${m.values.miniClusterId}|${m.values.organizationId}`, m] as const),
    );
    const strangers = rowsOf('difficulty').filter((d) => {
      const m = joined.get(`${d.values.miniClusterId}|${d.values.companyId}`);
      return !m || String(m.values.since) > String(d.values.receivedOn);
    });
    expect(strangers.map((d) => d.id)).toEqual([]);
  });
});

describe('demo data: companies', () => {
  const companies = rowsOf('organization').filter((o) => o.values.kind === 'company');

  it('gives every company a valid, unique 사업자등록번호 and valid 법인등록번호', () => {
    const brns = companies.map((c) => String(c.values.brn));
    expect(brns.filter((brn) => !/^\d{3}-\d{2}-\d{5}$/.test(brn) || !isValidBrn(brn))).toEqual([]);
    expect(new Set(brns).size).toBe(brns.length);
    const crns = companies.flatMap((c) => (c.values.crn ? [String(c.values.crn)] : []));
    expect(crns.length).toBeGreaterThan(companies.length / 3);
    expect(crns.filter((crn) => !isValidCrn(crn))).toEqual([]);
    expect(new Set(crns).size).toBe(crns.length);
  });

  it('names, places and classifies companies like their cluster', () => {
    const names = companies.map((c) => String(c.values.name));
    expect(new Set(names).size).toBe(names.length);
    expect(names.filter((n) => /㈜|주식회사/.test(n)).length).toBeGreaterThan(names.length / 2);
    for (const fact of CLUSTER_FACTS) {
      const mine = companies.filter((c) => c.clusterId === fact.code);
      for (const c of mine) {
        expect(fact.addresses.some((a) => String(c.values.address).startsWith(a))).toBe(true);
        expect(c.values.complex).toBe(fact.complex);
        expect(String(c.values.phone).startsWith(`${fact.phoneArea}-`)).toBe(true);
        expect(Number(c.values.revenueKrw)).toBeGreaterThan(0);
        expect(Number(c.values.employees)).toBeGreaterThan(0);
      }
    }
    const share = (cluster: string, prefix: string) => {
      const mine = companies.filter((c) => c.clusterId === cluster);
      return mine.filter((c) => String(c.values.ksic).startsWith(prefix)).length / mine.length;
    };
    expect(share('gumi', '26')).toBeGreaterThan(0.5);
    expect(share('changwon', '29')).toBeGreaterThan(0.5);
    expect(share('ulsan', '30')).toBeGreaterThan(0.5);
    expect(share('wonju', '27')).toBeGreaterThan(0.9);
  });
});

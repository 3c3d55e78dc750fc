/**
 * Another device's changes for the pull benchmarks (issues 9 and 10): whole company records as
 * sync mutations. Shared by the pull bench and the year-of-use bench (tests/bench/pull.ts,
 * tests/bench/year.ts); pure, so it runs in Node as well as in the page.
 */
import { getEntity, validateRecord } from '../../shared/registry';
import type { Mutation } from '../../shared/sync/protocol';
import { generateCompanies } from './rows';

/** The device that "made" the changes: not the bench page's own, so the pull keeps them all. */
export const SOURCE_DEVICE = '01BENCHSRCDEVICE0000000000';

/**
 * `rows` whole, valid company records as another device's mutations: every field and the
 * tombstone `deleted` stamped — the server refuses a change for a record it lacks unless it is
 * whole (`unknown_record_incomplete`), and httpPush fails on any refusal.
 */
export function companyChanges(rows: number): Mutation[] {
  const organization = getEntity('organization');
  // ten minutes ago: inside the client's drift bound, ascending per device
  const base = Date.now() - 10 * 60_000;
  return generateCompanies(rows, 4242).map((input, i) => {
    const r = validateRecord(organization, input, 'ko');
    if (!r.ok) throw new Error(`bench row ${i} invalid`);
    const wall = String(base + Math.floor(i / 1000)).padStart(13, '0');
    const hlc = `${wall}-${(i % 1000).toString(16).padStart(4, '0')}-${SOURCE_DEVICE}`;
    const fields: Mutation['change']['fields'] = { deleted: { value: 0, hlc } };
    for (const [k, v] of Object.entries(r.value))
      if (v !== undefined) fields[k] = { value: v, hlc };
    return {
      mutationId: hlc,
      change: { entity: 'organization', id: `pull-${i}`, clusterId: 'gumi', fields },
    };
  });
}

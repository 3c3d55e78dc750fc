import { describe, expect, it } from 'vitest';
import { byId, rowsOf } from './helpers';

describe('demo success cases (issue 7)', () => {
  it('each links the resolved difficulty it came from, same cluster, company and mini-cluster', () => {
    const cases = rowsOf('successCase');
    expect(cases.length).toBeGreaterThan(0);
    for (const c of cases) {
      const d = byId.get(String(c.values['difficultyId']));
      expect(d, c.id).toBeDefined();
      expect(d?.clusterId).toBe(c.clusterId);
      expect(d?.values['companyId']).toBe(c.values['companyId']);
      expect(d?.values['status']).toBe('resolved');
      if (c.values['miniClusterId'])
        expect(d?.values['miniClusterId']).toBe(c.values['miniClusterId']);
    }
  });
});

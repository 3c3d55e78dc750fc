/**
 * The registry is the contract every room reads (Dexie schema, grids, forms, importer, sync):
 * these tests pin the binding field table and the cross-references generic code relies on.
 */
import { describe, expect, it } from 'vitest';
import { entities, entityByName, getEntity, enums } from '../../../../shared/registry';
import type { EntityDef, EntityName, FieldKind } from '../../../../shared/registry';

/**
 * The binding table (task brief): `key*:kind[:enumId|ref|unit]`, `*` = required. Changing a key
 * here means every helper's code changes too.
 */
const CONTRACT: Record<EntityName, string> = {
  cluster:
    'code*:enum:clusterCode name*:text complex*:text complexType:enum:complexType ' +
    'specialisation*:text region:text regionCode:text regionCodeSystem:enum:regionCodeSystem ' +
    'teamHead:text designatedOn:date teamStartedOn:date notes:longText',
  miniCluster:
    'name*:text theme:text type:enum:miniClusterType status*:enum:miniClusterStatus ' +
    'coordinator:text foundedOn:date memberTarget:integer description:longText',
  organization:
    'name*:text kind*:enum:orgKind brn:brn crn:crn representative:text ksic:ksic ' +
    'ksicRevision:enum:ksicRevision industryName:text firmSize:enum:firmSize complex:text ' +
    'address:text phone:phone operatingStatus:enum:operatingStatus employees:integer ' +
    'revenueKrw:money:KRW exportsUsd:money:USD website:url notes:longText',
  expert:
    'name*:text organizationId:ref:organization affiliation:text position:text expertise*:tags ' +
    'phone:phone email:email patents:integer techTransfers:integer rndProjects:integer ' +
    'papers:integer sharedWithNetwork:boolean notes:longText unavailable:boolean',
  membership:
    'miniClusterId*:ref:miniCluster organizationId:ref:organization expertId:ref:expert ' +
    'role*:enum:memberRole since:date until:date notes:longText',
  difficulty:
    'title*:text companyId*:ref:organization description:longText area*:enum:difficultyArea ' +
    'techField:text handling:enum:handling status*:enum:difficultyStatus ' +
    'miniClusterId:ref:miniCluster expertIds:refs:expert supportTypes:multiEnum:supportType ' +
    'receivedOn*:date dueOn:date resolvedOn:date solution:longText ' +
    'outcomeTypes:multiEnum:outcomeType outcomeRevenueKrw:money:KRW outcomeExportsUsd:money:USD ' +
    'outcomeCostSavedKrw:money:KRW outcomeMonthsSaved:decimal outcomeJobs:integer ' +
    'satisfaction:enum:satisfaction followUp:longText ' +
    'priority:enum:difficultyPriority assignee:text followUpOn:date',
  activity:
    'title*:text type*:enum:activityType miniClusterId:ref:miniCluster date*:date place:text ' +
    'attendance:integer attendeeOrgIds:refs:organization attendeeExpertIds:refs:expert ' +
    'minutes:longText difficultyIds:refs:difficulty',
  resource:
    'name*:text kind*:enum:resourceKind ownerOrgId:ref:organization description:longText ' +
    'availability*:enum:availability costShare:text sharedWithNetwork:boolean contact:text',
  plan:
    'title*:text scope*:enum:planScope miniClusterId:ref:miniCluster startOn:date endOn:date ' +
    'status*:enum:planStatus milestones:longText description:longText owner:text',
  indicator:
    'metric*:enum:indicatorMetric periodType*:enum:periodType period*:text value*:decimal ' +
    'complex:text industryGroup:enum:industryGroup source:text',
  target: 'metric*:enum:indicatorMetric year*:integer value*:decimal complex:text notes:longText',
  successCase:
    'title*:text year*:integer miniClusterId:ref:miniCluster companyId:ref:organization ' +
    'summary*:longText impact:text impactRevenueKrw:money:KRW impactExportsUsd:money:USD ' +
    'notes:longText difficultyId:ref:difficulty',
  resourceRequest:
    'resourceId*:ref:resource companyId*:ref:organization startOn*:date endOn:date ' +
    'purpose*:longText contact:text',
  resourceDecision:
    'requestId*:ref:resourceRequest status*:enum:resourceDecision decidedOn:date note:longText',
  planMilestone: 'planId*:ref:plan dueOn*:date title*:text done:boolean',
  companyYear:
    'companyId*:ref:organization year*:integer revenueKrw:money:KRW exportsUsd:money:USD ' +
    'employees:integer source:text notes:longText',
};

const PLACEMENT: Record<EntityName, [table: string, navOrder: number, path: string, own: string]> =
  {
    cluster: ['clusters', 110, 'clusters', 'central'],
    miniCluster: ['miniClusters', 40, 'mini-clusters', 'cluster'],
    organization: ['organizations', 20, 'organizations', 'cluster'],
    expert: ['experts', 30, 'experts', 'cluster'],
    membership: ['memberships', 45, 'memberships', 'cluster'],
    difficulty: ['difficulties', 50, 'difficulties', 'cluster'],
    activity: ['activities', 60, 'activities', 'cluster'],
    resource: ['resources', 70, 'resources', 'shared'],
    plan: ['plans', 80, 'plans', 'shared'],
    indicator: ['indicators', 90, 'indicators', 'shared'],
    target: ['targets', 95, 'targets', 'shared'],
    successCase: ['successCases', 100, 'success-cases', 'shared'],
    resourceRequest: ['resourceRequests', 72, 'resource-requests', 'shared'],
    resourceDecision: ['resourceDecisions', 73, 'resource-decisions', 'shared'],
    planMilestone: ['planMilestones', 81, 'plan-milestones', 'shared'],
    companyYear: ['companyYears', 97, 'company-years', 'cluster'],
  };

/** Written by mutate() on every record; a field of the same key would be overwritten. */
const META_KEYS = [
  'id',
  'clusterId',
  'version',
  'hlc',
  'deviceId',
  'createdAt',
  'updatedAt',
  'deleted',
];

const describeField = (f: { key: string; kind: FieldKind; required?: boolean } & object) => {
  const extra =
    'enumId' in f && f.enumId
      ? `:${String(f.enumId)}`
      : 'ref' in f && f.ref
        ? `:${String(f.ref)}`
        : 'unit' in f && f.unit
          ? `:${String(f.unit)}`
          : '';
  return `${f.key}${f.required ? '*' : ''}:${f.kind}${extra}`;
};

/** Header matching is forgiving about spaces and case, so collisions are checked the same way. */
const headerKey = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

describe('entity registry', () => {
  it('registers all sixteen entities, sorted by navigation order', () => {
    expect(entities.map((e) => e.name).sort()).toEqual(Object.keys(CONTRACT).sort());
    const orders = entities.map((e) => e.navOrder);
    expect(orders).toEqual([...orders].sort((a, b) => a - b));
    expect(getEntity('difficulty')).toBe(entityByName.difficulty);
    expect(() => getEntity('nope' as EntityName)).toThrow('unknown entity');
  });

  it('keeps table, navOrder and path unique', () => {
    const picks: Array<(e: EntityDef) => string | number> = [
      (e) => e.table,
      (e) => e.navOrder,
      (e) => e.path,
    ];
    for (const pick of picks) {
      const values = entities.map(pick);
      expect(new Set(values).size).toBe(values.length);
    }
  });

  describe.each(entities.map((e) => [e.name, e] as const))('%s', (name, entity) => {
    it('declares exactly the binding keys, kinds and required flags', () => {
      expect(entity.fields.map(describeField).join(' ')).toBe(CONTRACT[name]);
      const [table, navOrder, path, ownership] = PLACEMENT[name];
      expect({ table: entity.table, navOrder: entity.navOrder, path: entity.path }).toEqual({
        table,
        navOrder,
        path,
      });
      expect(entity.ownership).toBe(ownership);
    });

    it('has unique field keys and never redeclares record metadata', () => {
      const keys = entity.fields.map((f) => f.key);
      expect(new Set(keys).size).toBe(keys.length);
      for (const k of META_KEYS) expect(keys).not.toContain(k);
    });

    it('points enums, refs and units at things that exist', () => {
      for (const f of entity.fields) {
        const where = `${name}.${f.key}`;
        if (f.kind === 'enum' || f.kind === 'multiEnum') {
          expect(Object.keys(enums), where).toContain(f.enumId);
        } else {
          expect(f.enumId, where).toBeUndefined();
        }
        if (f.kind === 'ref' || f.kind === 'refs') {
          expect(f.ref && entityByName[f.ref], where).toBeDefined();
        } else {
          expect(f.ref, where).toBeUndefined();
        }
        if (f.kind === 'money') expect(['KRW', 'USD'], where).toContain(f.unit);
        // The staff picker stores a plain name: only a text field can hold one.
        if (f.staffName) expect(f.kind, where).toBe('text');
      }
    });

    it('names a required title field and natural keys of declared fields', () => {
      const title = entity.fields.find((f) => f.key === entity.titleField);
      expect(title?.required).toBe(true);
      const keys = new Set(entity.fields.map((f) => f.key));
      for (const nk of entity.naturalKeys ?? []) {
        expect(nk.length).toBeGreaterThan(0);
        for (const k of nk) expect(keys, `${name} natural key ${k}`).toContain(k);
      }
    });

    it('labels everything in Korean and English', () => {
      expect(entity.label.ko).toMatch(/[가-힣]/);
      expect(entity.label.en).toMatch(/[A-Za-z]/);
      for (const f of entity.fields) {
        expect(f.label.ko, f.key).toMatch(/[가-힣]/);
        expect(f.label.en, f.key).toMatch(/[A-Za-z]/);
        if (f.help) expect(f.help.ko && f.help.en, f.key).toBeTruthy();
      }
    });

    it('maps every import header to one field only', () => {
      const owner = new Map<string, string>();
      for (const f of entity.fields) {
        const headers = new Set(
          [f.label.ko, f.label.en, ...(f.importSynonyms ?? [])].map(headerKey),
        );
        for (const h of headers) {
          expect(
            owner.get(h),
            `${name}: header "${h}" used by ${owner.get(h)} and ${f.key}`,
          ).toBeUndefined();
          owner.set(h, f.key);
        }
      }
    });

    it('shows a handful of columns and keeps indexes few', () => {
      const visible = entity.fields.filter((f) => !f.grid?.hide).length;
      expect(visible).toBeGreaterThanOrEqual(Math.min(6, entity.fields.length - 1));
      expect(visible).toBeLessThanOrEqual(10);
      // each index costs every write; lists filter and join on a few refs and dates only
      expect(entity.fields.filter((f) => f.indexed).length).toBeLessThanOrEqual(4);
      for (const f of entity.fields.filter((x) => x.indexed)) {
        expect(['ref', 'enum', 'date', 'text', 'brn'], `${name}.${f.key}`).toContain(f.kind);
      }
    });
  });

  it('picks team members from the staff list: 기술애로 담당자 and 개발계획 담당자', () => {
    const staffFields = entities.flatMap((e) =>
      e.fields.filter((f) => f.staffName).map((f) => `${e.name}.${f.key}`),
    );
    expect(staffFields.sort()).toEqual(['difficulty.assignee', 'plan.owner']);
  });

  it('indexes the refs lists join by', () => {
    const indexed = (n: EntityName) =>
      getEntity(n)
        .fields.filter((f) => f.indexed)
        .map((f) => f.key);
    expect(indexed('difficulty')).toEqual(expect.arrayContaining(['companyId', 'miniClusterId']));
    expect(indexed('membership')).toEqual(expect.arrayContaining(['miniClusterId']));
    expect(indexed('expert')).toContain('organizationId');
  });
});

/** The board's filters: mini-cluster, 애로분야, assignee, overdue only. */
import { useId, useMemo } from 'react';
import { enums, type Lang, type StoredRecord } from '../../../shared/registry';
import type { StaffMember } from '../../../shared/desk/people';
import type { TitleLookups } from '../entities/display';
import type { BoardFilter } from './boardModel';
import { deskMessages } from './messages';

export function DeskFilters({
  filter,
  onChange,
  lang,
  titles,
  staff,
  records,
}: {
  filter: BoardFilter;
  onChange: (f: BoardFilter) => void;
  lang: Lang;
  titles: TitleLookups | undefined;
  staff: readonly StaffMember[];
  records: readonly StoredRecord[] | undefined;
}) {
  const m = deskMessages(lang);
  const id = useId();
  const miniClusters = useMemo(
    () =>
      [...(titles?.miniCluster ?? new Map<string, string>())].sort((a, b) =>
        a[1].localeCompare(b[1], 'ko'),
      ),
    [titles],
  );
  // Assignees: the staff list plus any name already on a difficulty (a former colleague).
  const assignees = useMemo(() => {
    const names = new Set(staff.map((s) => s.name));
    for (const r of records ?? []) if (typeof r.assignee === 'string') names.add(r.assignee);
    return [...names].sort((a, b) => a.localeCompare(b, 'ko'));
  }, [staff, records]);
  const set = (patch: Partial<BoardFilter>) => onChange({ ...filter, ...patch });
  return (
    <div className="desk-filters" role="search" data-testid="desk-filters">
      <label htmlFor={`${id}-mc`}>{m.filterMiniCluster}</label>
      <select
        id={`${id}-mc`}
        value={filter.miniClusterId}
        onChange={(e) => set({ miniClusterId: e.target.value })}
        data-testid="desk-filter-miniCluster"
      >
        <option value="">{m.all}</option>
        {miniClusters.map(([value, title]) => (
          <option key={value} value={value}>
            {title}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-area`}>{m.filterArea}</label>
      <select
        id={`${id}-area`}
        value={filter.area}
        onChange={(e) => set({ area: e.target.value })}
        data-testid="desk-filter-area"
      >
        <option value="">{m.all}</option>
        {enums.difficultyArea.map((o) => (
          <option key={o.code} value={o.code}>
            {o.label[lang]}
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-who`}>{m.filterAssignee}</label>
      <select
        id={`${id}-who`}
        value={filter.assignee}
        onChange={(e) => set({ assignee: e.target.value })}
        data-testid="desk-filter-assignee"
      >
        <option value="">{m.all}</option>
        {assignees.map((n) => (
          <option key={n} value={n}>
            {n}
          </option>
        ))}
      </select>
      <label className="desk-filters__check">
        <input
          type="checkbox"
          checked={filter.overdueOnly}
          onChange={(e) => set({ overdueOnly: e.target.checked })}
          data-testid="desk-filter-overdue"
        />
        {m.filterOverdue}
      </label>
    </div>
  );
}

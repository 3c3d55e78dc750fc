import { enumLabel } from '../../../../shared/registry';
import { asStaffList } from '../../../../shared/desk/people';
import { useSetting } from '../../../db';
import { asText, inputAttrs, type WidgetProps } from './types';

/**
 * A team member's name (FieldDef.staffName: 기술애로 담당자, 개발계획 담당자), picked from the
 * staff list kept in settings — the same list the monthly report's 결재란 reads. The stored value
 * stays the plain name, so imports and other installs need no list; a name that is not (or no
 * longer) on this install's list stays selected and says so rather than being dropped.
 */
export function StaffWidget(p: WidgetProps) {
  const staff = asStaffList(useSetting<unknown>('staff'));
  const value = asText(p.value);
  const listed = value === '' || staff.some((s) => s.name === value);
  return (
    <>
      <select
        {...inputAttrs(p)}
        className="ef-input ef-select"
        value={value}
        onChange={(e) => p.onChange(e.target.value)}
      >
        <option value="">{p.t('widget.selectNone')}</option>
        {staff.map((s) => (
          <option key={s.name} value={s.name}>
            {`${s.name} (${enumLabel('staffRole', s.role, p.lang)})`}
          </option>
        ))}
        {!listed && <option value={value}>{p.t('widget.staffNotListed', { name: value })}</option>}
      </select>
      {staff.length === 0 && (
        <p className="ef-help" data-testid={`staff-empty-${p.field.key}`}>
          {p.t('widget.staffEmpty')}
        </p>
      )}
    </>
  );
}

import { enumLabel } from '../../../../shared/registry';
import { asStaffList } from '../../../../shared/desk/people';
import { useSetting } from '../../../db';
import { KeepValueSelect } from './ChoiceWidgets';
import { type WidgetProps } from './types';

/**
 * A team member's name (FieldDef.staffName: 기술애로 담당자, 개발계획 담당자), picked from the
 * staff list kept in settings — the same list the monthly report's 결재란 reads. The stored value
 * stays the plain name, so imports and other installs need no list; a name that is not (or no
 * longer) on this install's list stays selected and says so rather than being dropped.
 */
export function StaffWidget(p: WidgetProps) {
  const staff = asStaffList(useSetting<unknown>('staff'));
  const options = staff.map((s) => ({
    value: s.name,
    label: `${s.name} (${enumLabel('staffRole', s.role, p.lang)})`,
  }));
  return (
    <>
      <KeepValueSelect
        {...p}
        options={options}
        unknownLabel={(name) => p.t('widget.staffNotListed', { name })}
      />
      {staff.length === 0 && (
        <p className="ef-help" data-testid={`staff-empty-${p.field.key}`}>
          {p.t('widget.staffEmpty')}
        </p>
      )}
    </>
  );
}

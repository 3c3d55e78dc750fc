/** Name + 직책 inputs, used by first run, the profile and the staff list. */
import { useId } from 'react';
import { enums } from '../../../shared/registry';
import type { PersonError } from '../../../shared/desk/people';
import { useLang } from '../../i18n';
import { profileMessages } from './messages';

export interface PersonValue {
  name: string;
  role: string;
}

export function PersonFields({
  value,
  onChange,
  errors = [],
  testIdPrefix,
}: {
  value: PersonValue;
  onChange: (v: PersonValue) => void;
  errors?: PersonError[];
  testIdPrefix: string;
}) {
  const lang = useLang();
  const m = profileMessages(lang);
  const nameId = useId();
  const roleId = useId();
  const errorOf = (field: 'name' | 'role') => errors.find((e) => e.field === field)?.message;
  return (
    <div className="person-fields">
      <label htmlFor={nameId}>{m.name}</label>
      <input
        id={nameId}
        value={value.name}
        maxLength={100}
        aria-invalid={errorOf('name') ? true : undefined}
        onChange={(e) => onChange({ ...value, name: e.target.value })}
        data-testid={`${testIdPrefix}-name`}
      />
      {errorOf('name') && (
        <p className="form-error" role="alert">
          {errorOf('name')}
        </p>
      )}
      <label htmlFor={roleId}>{m.role}</label>
      <select
        id={roleId}
        value={value.role}
        aria-invalid={errorOf('role') ? true : undefined}
        onChange={(e) => onChange({ ...value, role: e.target.value })}
        data-testid={`${testIdPrefix}-role`}
      >
        <option value="">{m.chooseRole}</option>
        {enums.staffRole.map((o) => (
          <option key={o.code} value={o.code}>
            {o.label[lang]}
          </option>
        ))}
      </select>
      {errorOf('role') && (
        <p className="form-error" role="alert">
          {errorOf('role')}
        </p>
      )}
    </div>
  );
}

/** 설정 → 내 프로필 and the team's staff list. */
import { useEffect, useState, type FormEvent } from 'react';
import { enumLabel } from '../../../shared/registry';
import { asPerson, asStaffList, type PersonError } from '../../../shared/desk/people';
import { getDb } from '../../db';
import { useSetting } from '../../db/hooks';
import { useLang } from '../../i18n';
import { showToast } from '../../ui';
import { profileMessages } from './messages';
import { PersonFields, type PersonValue } from './PersonFields';
import { addStaffMember, removeStaffMember, saveProfile } from './profileStore';

const EMPTY: PersonValue = { name: '', role: '' };

export function ProfileSetting() {
  const lang = useLang();
  const m = profileMessages(lang);
  const stored = asPerson(useSetting<unknown>('profile'));
  const [value, setValue] = useState<PersonValue>(EMPTY);
  const [errors, setErrors] = useState<PersonError[]>([]);
  useEffect(() => {
    if (stored) setValue(stored);
  }, [stored?.name, stored?.role]); // eslint-disable-line react-hooks/exhaustive-deps -- by value

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await saveProfile(getDb(), value, lang);
    setErrors(r.ok ? [] : r.errors);
    if (r.ok) showToast({ message: m.saved });
  };
  return (
    <form className="setting" onSubmit={(e) => void onSubmit(e)} data-testid="settings-profile">
      <span className="setting-label">{m.profileTitle}</span>
      <PersonFields value={value} onChange={setValue} errors={errors} testIdPrefix="profile" />
      <button type="submit" data-testid="profile-save">
        {m.save}
      </button>
      <p className="hint">{m.profileHelp}</p>
    </form>
  );
}

export function StaffSetting() {
  const lang = useLang();
  const m = profileMessages(lang);
  const staff = asStaffList(useSetting<unknown>('staff'));
  const [value, setValue] = useState<PersonValue>(EMPTY);
  const [errors, setErrors] = useState<PersonError[]>([]);
  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const r = await addStaffMember(getDb(), value, lang);
    setErrors(r.ok ? [] : r.errors);
    if (r.ok) setValue(EMPTY);
  };
  return (
    <form className="setting" onSubmit={(e) => void onSubmit(e)} data-testid="settings-staff">
      <span className="setting-label">{m.staffTitle}</span>
      {staff.length === 0 ? (
        <p className="hint">{m.staffEmpty}</p>
      ) : (
        <ul className="staff-list">
          {staff.map((s) => (
            <li key={s.name}>
              {s.name} · {enumLabel('staffRole', s.role, lang)}{' '}
              <button
                type="button"
                aria-label={m.removeOne(s.name)}
                onClick={() => void removeStaffMember(getDb(), s.name)}
              >
                {m.remove}
              </button>
            </li>
          ))}
        </ul>
      )}
      <PersonFields value={value} onChange={setValue} errors={errors} testIdPrefix="staff" />
      <button type="submit" data-testid="staff-add">
        {m.add}
      </button>
      <p className="hint">{m.staffHelp}</p>
    </form>
  );
}

/**
 * The install's user profile and the team's staff list, kept in settings (`profile`, `staff`).
 * mutate() reads `profile` to stamp history entries with `who`; the desk reads the staff list for
 * assignees and the monthly report's 결재란 reads it through getStaffList().
 */
import type { Lang } from '../../../shared/registry';
import {
  asPerson,
  asStaffList,
  checkPerson,
  type PersonError,
  type StaffMember,
} from '../../../shared/desk/people';
import { getSetting, setSetting, type PumasiDb } from '../../db';

export type SaveResult = { ok: true } | { ok: false; errors: PersonError[] };

export async function getProfile(db: PumasiDb): Promise<StaffMember | undefined> {
  return asPerson(await getSetting<unknown>(db, 'profile'));
}

/** Saves the profile after checking it; the user also joins the staff list if not on it. */
export async function saveProfile(
  db: PumasiDb,
  input: { name: string; role: string },
  lang: Lang,
): Promise<SaveResult> {
  const checked = checkPerson(input, lang);
  if (!checked.ok) return checked;
  await setSetting(db, 'profile', checked.value);
  const staff = await getStaffList(db);
  if (!staff.some((s) => s.name === checked.value.name)) {
    await setSetting(db, 'staff', [...staff, checked.value]);
  }
  return { ok: true };
}

/** The team's staff, in the order they were added (결재란 of the monthly report, assignees). */
export async function getStaffList(db: PumasiDb): Promise<StaffMember[]> {
  return asStaffList(await getSetting<unknown>(db, 'staff'));
}

export async function addStaffMember(
  db: PumasiDb,
  input: { name: string; role: string },
  lang: Lang,
): Promise<SaveResult> {
  const checked = checkPerson(input, lang);
  if (!checked.ok) return checked;
  const staff = await getStaffList(db);
  if (staff.some((s) => s.name === checked.value.name)) {
    const message =
      lang === 'ko' ? '이미 명단에 있는 이름입니다' : 'This name is already on the list';
    return { ok: false, errors: [{ field: 'name', message }] };
  }
  await setSetting(db, 'staff', [...staff, checked.value]);
  return { ok: true };
}

export async function removeStaffMember(db: PumasiDb, name: string): Promise<void> {
  const staff = await getStaffList(db);
  await setSetting(
    db,
    'staff',
    staff.filter((s) => s.name !== name),
  );
}

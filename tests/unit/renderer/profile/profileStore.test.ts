import 'fake-indexeddb/auto'; // before Dexie loads: it captures the IndexedDB globals
import { describe, expect, it } from 'vitest';
import {
  addStaffMember,
  getProfile,
  getStaffList,
  removeStaffMember,
  saveProfile,
} from '../../../../renderer/features/profile/profileStore';
import { mutate } from '../../../../renderer/db/mutate';
import { readHistory } from '../../../../renderer/db/outbox';
import { freshDb, orgValues } from '../db/helpers';

describe('profile and staff list in settings', () => {
  it('saves a checked profile, which joins the staff list and stamps later history', async () => {
    const db = await freshDb();
    expect(await saveProfile(db, { name: ' 이코디 ', role: 'coordinator' }, 'ko')).toEqual({
      ok: true,
    });
    expect(await getProfile(db)).toEqual({ name: '이코디', role: 'coordinator' });
    expect(await getStaffList(db)).toEqual([{ name: '이코디', role: 'coordinator' }]);
    await mutate(db, [{ entity: 'organization', op: 'create', values: orgValues(1) }]);
    expect((await readHistory(db))[0]?.who).toEqual({ name: '이코디', role: 'coordinator' });
  });

  it('refuses a bad profile and changes nothing', async () => {
    const db = await freshDb();
    const r = await saveProfile(db, { name: '', role: 'coordinator' }, 'ko');
    expect(r).toEqual({ ok: false, errors: [{ field: 'name', message: '이름을 입력하세요' }] });
    expect(await getProfile(db)).toBeUndefined();
    expect(await getStaffList(db)).toEqual([]);
  });

  it('adds, refuses a repeated name, and removes staff members', async () => {
    const db = await freshDb();
    await addStaffMember(db, { name: '김단장', role: 'head' }, 'ko');
    await addStaffMember(db, { name: '박위원', role: 'specialist' }, 'ko');
    const again = await addStaffMember(db, { name: '김단장', role: 'coordinator' }, 'en');
    expect(again).toEqual({
      ok: false,
      errors: [{ field: 'name', message: 'This name is already on the list' }],
    });
    await removeStaffMember(db, '김단장');
    expect(await getStaffList(db)).toEqual([{ name: '박위원', role: 'specialist' }]);
  });
});

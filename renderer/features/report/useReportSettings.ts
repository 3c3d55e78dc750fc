/**
 * What the team keeps for its reports, in the `prefs` table (backed up with the database, never
 * synced — it is the team's own paperwork): the 결재란 roles, and the notes of each month per
 * cluster. The staff list belongs to the profile feature's `staff` setting and is only read here,
 * defensively (see signoffNames).
 */
import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import { signoffNames, signoffRoles, type SignoffRole } from '../../../shared/report/monthly';
import { getDb, setPref, usePref } from '../../db';

export const SIGNOFF_PREF = 'report.signoffRoles';
export const NOTES_MAX = 2000;
export const notesPref = (clusterId: string, month: string) => `report.notes.${clusterId}.${month}`;

export function useSignoff(): {
  roles: SignoffRole[];
  boxes: Array<{ label: string; name: string }>;
  save: (roles: SignoffRole[]) => void;
} {
  const [stored, setStored] = usePref<unknown>(SIGNOFF_PREF, undefined);
  // A key another feature owns: read by name, whatever its shape (signoffNames checks it).
  const staff = useLiveQuery(async () => (await getDb().settings.get('staff'))?.value, []);
  const roles = signoffRoles(stored);
  const names = signoffNames(roles, staff);
  return {
    roles,
    boxes: roles.map((r, i) => ({ label: r.label, name: names[i] ?? '' })),
    save: setStored,
  };
}

/**
 * The month's notes: typed into local state (no lag from the live query), written to prefs as
 * typed, and read back when the month or cluster changes.
 */
export function useNotes(
  clusterId: string,
  month: string,
): { text: string; loaded: boolean; saved: boolean; setText: (v: string) => void } {
  const key = notesPref(clusterId, month);
  const stored = useLiveQuery(
    async () => ({ key, value: (await getDb().prefs.get(key))?.value }),
    [key],
  );
  const [text, setLocal] = useState('');
  // What the database holds for sure: the page says "저장됨" only once the write committed, so a
  // user who closes the app right after typing can see whether the last words are kept.
  const [savedText, setSavedText] = useState('');
  // State, not a ref: marking the notes loaded must re-render even when the text stays ''.
  const [loadedKey, setLoadedKey] = useState('');
  useEffect(() => {
    if (stored && stored.key === key && loadedKey !== key) {
      const value = typeof stored.value === 'string' ? stored.value : '';
      setLoadedKey(key);
      setLocal(value);
      setSavedText(value);
    }
  }, [stored, key, loadedKey]);
  const setText = (v: string) => {
    const next = v.slice(0, NOTES_MAX);
    setLocal(next);
    void setPref(getDb(), key, next).then(() => setSavedText(next));
  };
  const loaded = loadedKey === key;
  const saved = loaded && savedText === text;
  return { text, loaded, saved, setText };
}

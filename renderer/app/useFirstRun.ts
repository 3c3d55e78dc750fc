import { useLiveQuery } from 'dexie-react-hooks';
import { getDb, getSetting } from '../db';

/**
 * Whether the first-run dialog is due: `undefined` while the setting is being read, so the shell
 * never flashes the dialog at a team that already finished it (useSetting cannot tell "not read
 * yet" from "unset"; wrapping the value in an object can).
 */
export function useFirstRunDue(): boolean | undefined {
  const state = useLiveQuery(async () => ({
    done: await getSetting<boolean>(getDb(), 'firstRunDone'),
  }));
  return state === undefined ? undefined : state.done !== true;
}

/**
 * Recent items of the global search: the records last opened from it, newest first, kept as a
 * preference (`prefs` table, `search:recent`) so they survive a restart. Pure; the stored value
 * is read defensively (a preference is user data and may be old or malformed).
 */
import type { EntityName } from '../../../shared/registry';

export const RECENT_PREF_KEY = 'search:recent';
export const RECENT_LIMIT = 8;

export interface RecentItem {
  entity: EntityName;
  id: string;
}

/** The stored value as a list; anything unreadable or of an unknown entity is dropped. */
export function parseRecent(raw: unknown, known: readonly EntityName[]): RecentItem[] {
  if (!Array.isArray(raw)) return [];
  const out: RecentItem[] = [];
  for (const item of raw) {
    if (typeof item !== 'object' || item === null) continue;
    const { entity, id } = item as Record<string, unknown>;
    if (typeof id !== 'string' || id === '') continue;
    const name = known.find((k) => k === entity);
    if (name && !out.some((o) => o.id === id)) out.push({ entity: name, id });
  }
  return out.slice(0, RECENT_LIMIT);
}

/** `item` first, without an older copy of itself, at most RECENT_LIMIT items. */
export function pushRecent(list: readonly RecentItem[], item: RecentItem): RecentItem[] {
  return [item, ...list.filter((r) => r.id !== item.id)].slice(0, RECENT_LIMIT);
}

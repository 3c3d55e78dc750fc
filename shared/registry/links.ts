/**
 * Which fields of which entities point at an entity (`ref` / `refs`), from the registry alone:
 * a company's form lists its difficulties, memberships, activities and success cases without a
 * hand-kept list, and a new entity with a reference appears there by itself.
 */
import type { EntityDef, EntityName } from './types';

export interface IncomingRef {
  entity: EntityDef;
  /** the field holding the id (`ref`) or ids (`refs`) */
  field: string;
  many: boolean;
}

export function incomingRefs(registry: readonly EntityDef[], target: EntityName): IncomingRef[] {
  const found: IncomingRef[] = [];
  for (const entity of registry) {
    for (const f of entity.fields) {
      if ((f.kind === 'ref' || f.kind === 'refs') && f.ref === target) {
        found.push({ entity, field: f.key, many: f.kind === 'refs' });
      }
    }
  }
  return found;
}

/** True when `value` (an id or a list of ids) names `id`. */
export function refersTo(value: unknown, id: string): boolean {
  return Array.isArray(value) ? value.includes(id) : value === id;
}

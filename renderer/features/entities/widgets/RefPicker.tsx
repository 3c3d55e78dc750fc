import { useMemo } from 'react';
import { getEntity, type EntityName, type StoredRecord } from '../../../../shared/registry';
import { useRecords } from '../../../db';
import { RefCombobox, type RefComboboxProps } from './RefCombobox';
import type { RefNumbers } from './refSearch';

type PickerProps = Omit<RefComboboxProps, 'numbers'> & { target: EntityName | undefined };

/** Keys of the registration-number fields (사업자등록번호, 법인등록번호) of an entity. */
function numberKeys(target: EntityName | undefined): string[] {
  if (!target) return [];
  return getEntity(target)
    .fields.filter((f) => f.kind === 'brn' || f.kind === 'crn')
    .map((f) => f.key);
}

/**
 * A reference picker: for a target with registration numbers (companies) the picker also finds
 * a record by its number, typed with or without hyphens; other targets search titles only.
 */
export function RefPicker({ target, ...props }: PickerProps) {
  const keys = useMemo(() => numberKeys(target), [target]);
  return target && keys.length > 0 ? (
    <NumberedRefCombobox target={target} keys={keys} {...props} />
  ) : (
    <RefCombobox {...props} />
  );
}

function NumberedRefCombobox({
  target,
  keys,
  ...props
}: Omit<PickerProps, 'target'> & { target: EntityName; keys: readonly string[] }) {
  // The shared live set (the same read the grids use): a renumbered company is found at once.
  const records = useRecords(target);
  const numbers = useMemo(
    () => (records ? numbersById(records, keys) : undefined),
    [records, keys],
  );
  return <RefCombobox {...props} numbers={numbers} />;
}

export function numbersById(records: readonly StoredRecord[], keys: readonly string[]): RefNumbers {
  const map = new Map<string, string[]>();
  for (const r of records) {
    const nums: string[] = [];
    for (const k of keys) {
      const v = r[k];
      if (typeof v === 'string' && v !== '') nums.push(v);
    }
    if (nums.length > 0) map.set(r.id, nums);
  }
  return map;
}

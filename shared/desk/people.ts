/**
 * People of a team: the install's user profile (name + 직책, a staffRole code) and the staff list
 * kept in settings (desk assignees, the monthly report's 결재란). Pure checks with Korean-first
 * messages; storage is in renderer/features/profile.
 */
import { enums } from '../registry/enums';
import type { Lang } from '../registry/types';

export interface StaffMember {
  name: string;
  /** staffRole code (추진단장 · 수석코디네이터 · 코디네이터 · 기업지원 전문위원) */
  role: string;
}

export const MAX_NAME_LENGTH = 50;

export interface PersonError {
  field: 'name' | 'role';
  message: string;
}

/** Trims and checks one person; errors name the field they belong to. */
export function checkPerson(
  input: { name?: unknown; role?: unknown },
  lang: Lang,
): { ok: true; value: StaffMember } | { ok: false; errors: PersonError[] } {
  const name = typeof input.name === 'string' ? input.name.trim() : '';
  const role = typeof input.role === 'string' ? input.role : '';
  const errors: PersonError[] = [];
  if (name === '') {
    errors.push({ field: 'name', message: lang === 'ko' ? '이름을 입력하세요' : 'Enter a name' });
  } else if (name.length > MAX_NAME_LENGTH) {
    errors.push({
      field: 'name',
      message:
        lang === 'ko'
          ? `이름은 ${MAX_NAME_LENGTH}자 이내로 입력하세요`
          : `A name has at most ${MAX_NAME_LENGTH} characters`,
    });
  }
  if (!enums.staffRole.some((o) => o.code === role)) {
    errors.push({ field: 'role', message: lang === 'ko' ? '직책을 고르세요' : 'Choose a role' });
  }
  return errors.length > 0 ? { ok: false, errors } : { ok: true, value: { name, role } };
}

/** A stored value read back as a person, or undefined when it is not one (never throws). */
export function asPerson(value: unknown): StaffMember | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const r = checkPerson(value as { name?: unknown; role?: unknown }, 'ko');
  return r.ok ? r.value : undefined;
}

/** A stored staff list, keeping only well-formed people, first of each name. */
export function asStaffList(value: unknown): StaffMember[] {
  if (!Array.isArray(value)) return [];
  const seen = new Set<string>();
  const out: StaffMember[] = [];
  for (const v of value) {
    const p = asPerson(v);
    if (p && !seen.has(p.name)) {
      seen.add(p.name);
      out.push(p);
    }
  }
  return out;
}

/**
 * The cover's 결재란 (sign-off box): configurable roles (담당 · 팀장 · 단장 by default), each
 * optionally tied to a staff role so its name comes from the team's staff list. The staff list is
 * another feature's setting, so it is read defensively: anything unexpected gives a blank name,
 * never an error on the cover.
 */
import { z } from 'zod';

export interface SignoffRole {
  /** printed in the box's header, e.g. 담당 */
  label: string;
  /** a `staffRole` code whose first staff member's name is printed (none = blank line to sign) */
  staffRole?: string;
}

export const DEFAULT_SIGNOFF_ROLES: readonly SignoffRole[] = [
  { label: '담당', staffRole: 'coordinator' },
  { label: '팀장', staffRole: 'chiefCoordinator' },
  { label: '단장', staffRole: 'head' },
];

export const MAX_SIGNOFF_ROLES = 6;

export const signoffRolesSchema = z
  .array(
    z.object({
      label: z.string().trim().min(1).max(10),
      staffRole: z.string().max(40).optional(),
    }),
  )
  .min(1)
  .max(MAX_SIGNOFF_ROLES);

/** Stored roles if valid, else the defaults (a damaged setting must not break printing). */
export function signoffRoles(stored: unknown): SignoffRole[] {
  const parsed = signoffRolesSchema.safeParse(stored);
  return parsed.success ? parsed.data : [...DEFAULT_SIGNOFF_ROLES];
}

/** Parses "담당, 팀장, 단장" typed in a field into roles, keeping staff links of known labels. */
export function parseSignoffLabels(text: string, current: readonly SignoffRole[]): SignoffRole[] {
  const labels = text
    .split(/[,·]/)
    .map((s) => s.trim())
    .filter((s) => s !== '');
  if (
    labels.length === 0 ||
    labels.length > MAX_SIGNOFF_ROLES ||
    labels.some((l) => l.length > 10)
  ) {
    throw new Error(
      `결재란 직위는 1~${MAX_SIGNOFF_ROLES}개, 각 10자 이내로 쉼표로 나눠 적으세요. / Use 1–${MAX_SIGNOFF_ROLES} roles of up to 10 characters, separated by commas.`,
    );
  }
  const known = new Map(
    [...DEFAULT_SIGNOFF_ROLES, ...current].map((r) => [r.label, r.staffRole] as const),
  );
  return labels.map((label) => {
    const staffRole = known.get(label);
    return staffRole ? { label, staffRole } : { label };
  });
}

const staffMember = z.object({ name: z.string(), role: z.string().optional() }).passthrough();

/** The name for each role from a staff list of `{ name, role }` (any other shape: blanks). */
export function signoffNames(roles: readonly SignoffRole[], staff: unknown): string[] {
  const list = Array.isArray(staff)
    ? staff.flatMap((s) => {
        const m = staffMember.safeParse(s);
        return m.success ? [m.data] : [];
      })
    : [];
  return roles.map((r) =>
    r.staffRole ? (list.find((s) => s.role === r.staffRole)?.name.trim() ?? '') : '',
  );
}

/** The three roles of the unit. A user may hold several. */
export const ROLES = ['admin', 'handlaggare', 'attestant'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administratör',
  handlaggare: 'Handläggare',
  attestant: 'Attestant',
};

/** Who may call a procedure: anyone (before login), any logged-in user, or holders of one of the roles. */
export type Access = 'public' | 'session' | readonly Role[];

export function hasAccess(access: Access, roles: readonly Role[] | null): boolean {
  if (access === 'public') return true;
  if (roles === null) return false;
  if (access === 'session') return true;
  return access.some((r) => roles.includes(r));
}

/** Where the user is in the app, mirrored in the URL hash so reload keeps it. */

/** The sections of an open plan, grouped as in the Plan → Launch → Manage practice. */
export const PLAN_SECTIONS = [{ id: 'objective', group: 'Plan', label: 'Objective' }] as const;

/** Id of a plan section. */
export type SectionId = (typeof PLAN_SECTIONS)[number]['id'];

/** A place in the app. */
export type Route = { view: 'library' } | { view: 'plan'; planId: string; section: SectionId };

const sectionIds: readonly string[] = PLAN_SECTIONS.map((s) => s.id);

/** Reads a route from a location hash such as `#/plan/abc/objective`. */
export function parseHash(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('/').map(decodeURIComponent);
  if (parts[0] === 'plan' && parts[1]) {
    const section = sectionIds.includes(parts[2] ?? '') ? (parts[2] as SectionId) : 'objective';
    return { view: 'plan', planId: parts[1], section };
  }
  return { view: 'library' };
}

/** The location hash for a route. */
export function toHash(route: Route): string {
  return route.view === 'plan'
    ? `#/plan/${encodeURIComponent(route.planId)}/${route.section}`
    : '#/';
}

/** Where the user is in the app, mirrored in the URL hash so reload keeps it. */

/**
 * The sections of an open plan, grouped as in the Plan → Launch → Manage
 * practice. Only sections that work are listed; each feature adds its entry
 * here and its component in `sections.tsx`.
 */
export const PLAN_SECTIONS = [
  { id: 'objective', group: 'Plan', label: 'Objective' },
  { id: 'theoryOfChange', group: 'Plan', label: 'Theory of change' },
  { id: 'logicModel', group: 'Plan', label: 'Logic model' },
  { id: 'stakeholders', group: 'Plan', label: 'Stakeholders & partners' },
  { id: 'learners', group: 'Plan', label: 'Learners' },
  { id: 'content', group: 'Plan', label: 'Content catalog' },
  { id: 'makeOrBuy', group: 'Plan', label: 'Make or buy' },
  { id: 'pathways', group: 'Plan', label: 'Pathways & skills' },
  { id: 'health', group: 'Plan', label: 'Plan health' },
  { id: 'onboarding', group: 'Launch', label: 'Onboarding checklist' },
  { id: 'communications', group: 'Launch', label: 'Communications' },
  { id: 'invitations', group: 'Launch', label: 'Invitations' },
  { id: 'marketing', group: 'Launch', label: 'Marketing' },
  { id: 'roster', group: 'Manage', label: 'Learner progress' },
  { id: 'engagement', group: 'Manage', label: 'Engagement & follow-ups' },
  { id: 'kpis', group: 'Manage', label: 'KPIs' },
  { id: 'dashboard', group: 'Manage', label: 'Dashboard' },
  { id: 'reviews', group: 'Manage', label: 'Reviews & cohorts' },
  { id: 'contentInUse', group: 'Manage', label: 'Content in use' },
  { id: 'skillsFirst', group: 'Manage', label: 'Skills-first KPIs' },
] as const;

/** Id of a plan section. */
export type SectionId = (typeof PLAN_SECTIONS)[number]['id'];

/**
 * A place in the app; `focus` optionally names an element to select (e.g. from
 * a health finding). `unreadable` marks the library reached from an address
 * that could not be read (a typo, a truncated link), so the app can say so.
 */
export type Route =
  | { view: 'library'; unreadable?: true }
  | { view: 'plan'; planId: string; section: SectionId; focus?: string };

const sectionIds: readonly string[] = PLAN_SECTIONS.map((s) => s.id);

/** A path segment decoded, or null for a malformed escape such as a lone `%`. */
function decodeSegment(segment: string): string | null {
  try {
    return decodeURIComponent(segment);
  } catch {
    return null;
  }
}

/**
 * Reads a route from a location hash such as `#/plan/abc/objective`. Never
 * throws: a hash it cannot read (a typo, a truncated link) is the library,
 * marked `unreadable`.
 */
export function parseHash(hash: string): Route {
  const [path = '', query = ''] = hash.replace(/^#\/?/, '').split('?');
  const unreadable = { view: 'library', unreadable: true } as const;
  const decoded = path.split('/').map(decodeSegment);
  if (decoded.some((part) => part === null)) return unreadable;
  const parts = decoded as string[];
  if (parts[0] === 'plan' && parts[1]) {
    const section = sectionIds.includes(parts[2] ?? '') ? (parts[2] as SectionId) : 'objective';
    const focus = new URLSearchParams(query).get('focus') ?? undefined;
    return { view: 'plan', planId: parts[1], section, ...(focus ? { focus } : {}) };
  }
  return path === '' ? { view: 'library' } : unreadable;
}

/** Half of a surrogate pair on its own: text JSON allows but encodeURIComponent refuses. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** encodeURIComponent that never throws (a lone surrogate becomes U+FFFD). */
const encode = (text: string) => encodeURIComponent(text.replace(LONE_SURROGATE, '\ufffd'));

/** The location hash for a route. Never throws, whatever an id from a file holds. */
export function toHash(route: Route): string {
  if (route.view !== 'plan') return '#/';
  const base = `#/plan/${encode(route.planId)}/${route.section}`;
  return route.focus ? `${base}?focus=${encode(route.focus)}` : base;
}

/**
 * The stakeholder register as a list: categories (stakeholder or partner
 * type), stances, search, filtering and sorting, shared by the matrix and the
 * register table so both always show the same selection.
 */
import type { Stakeholder } from '../plan/schema';
import { QUADRANT_ORDER, quadrantOf, type Quadrant } from './quadrants';
import { dueStatus, type DueStatus } from './schedule';

/** What kind of entry this is, for filters and colours. */
export const CATEGORIES = {
  stakeholder: 'stakeholder',
  programTechnology: 'programTechnology',
  outreach: 'outreach',
  wraparound: 'wraparound',
  other: 'other',
} as const;

/** A stakeholder, or a partner of a given type. */
export type Category = (typeof CATEGORIES)[keyof typeof CATEGORIES];

/** Categories in display order with their labels. */
export const CATEGORY_INFO: readonly {
  readonly id: Category;
  /** Plural, for filters and headings. */
  readonly label: string;
  /** Singular, for one entry. */
  readonly short: string;
  /** A word or two, for compact filter chips. */
  readonly chip: string;
}[] = [
  { id: 'stakeholder', label: 'Stakeholders', short: 'Stakeholder', chip: 'Stakeholders' },
  {
    id: 'programTechnology',
    label: 'Program & technology partners',
    short: 'Program & technology partner',
    chip: 'Program & tech',
  },
  { id: 'outreach', label: 'Outreach partners', short: 'Outreach partner', chip: 'Outreach' },
  {
    id: 'wraparound',
    label: 'Wraparound-service partners',
    short: 'Wraparound partner',
    chip: 'Wraparound',
  },
  { id: 'other', label: 'Other partners', short: 'Other partner', chip: 'Other' },
];

/** The category of an entry: stakeholders, or partners by partner type. */
export function categoryOf(entry: Pick<Stakeholder, 'relation' | 'partnerType'>): Category {
  if (entry.relation === 'stakeholder') return 'stakeholder';
  return entry.partnerType ?? 'other';
}

/** Short label of a category ("Outreach partner"). */
export function categoryLabel(category: Category): string {
  return CATEGORY_INFO.find((c) => c.id === category)?.short ?? category;
}

/** Stances in order from furthest to closest, with labels. */
export const STANCE_INFO: readonly { readonly id: Stakeholder['currentStance']; label: string }[] =
  [
    { id: 'unaware', label: 'Unaware' },
    { id: 'resistant', label: 'Resistant' },
    { id: 'neutral', label: 'Neutral' },
    { id: 'supportive', label: 'Supportive' },
    { id: 'leading', label: 'Leading' },
  ];

/** Label of a stance. */
export function stanceLabel(stance: Stakeholder['currentStance']): string {
  return STANCE_INFO.find((s) => s.id === stance)?.label ?? stance;
}

/** Which entries to show. */
export interface RegisterFilter {
  /** Free text matched against name, organisation, role, owner, contact and notes. */
  readonly search: string;
  /** Categories hidden from view. */
  readonly hiddenCategories: readonly Category[];
  /** Only entries in this quadrant, if set. */
  readonly quadrant?: Quadrant | null;
}

export { countOf } from '../words';

/**
 * Whether an entry has a position on the matrix. A new stakeholder waits in
 * the "Unplaced" tray (`placed: false`) until someone positions it; entries
 * from older files (no flag) are placed.
 */
export function isPlaced(entry: { readonly placed?: boolean | undefined }): boolean {
  return entry.placed !== false;
}

/** The quadrant of a placed entry; null while it waits in the Unplaced tray. */
export function placedQuadrant(
  entry: Pick<Stakeholder, 'power' | 'interest' | 'placed'>,
): Quadrant | null {
  return isPlaced(entry) ? quadrantOf(entry) : null;
}

/** Whether an entry passes a filter. */
export function matchesFilter(entry: Stakeholder, filter: RegisterFilter): boolean {
  if (filter.hiddenCategories.includes(categoryOf(entry))) return false;
  if (filter.quadrant && placedQuadrant(entry) !== filter.quadrant) return false;
  const terms = filter.search.trim().toLocaleLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return true;
  const haystack = [
    entry.name,
    entry.organisation,
    entry.role,
    entry.owner,
    entry.contact,
    entry.notes,
  ]
    .join('\n')
    .toLocaleLowerCase();
  return terms.every((t) => haystack.includes(t));
}

/** Columns the register can be sorted by. */
export const SORT_KEYS = [
  'name',
  'category',
  'power',
  'interest',
  'quadrant',
  'stance',
  'owner',
  'nextCheckpoint',
] as const;

/** A register column to sort by. */
export type SortKey = (typeof SORT_KEYS)[number];

/** Sort direction. */
export type SortDirection = 'ascending' | 'descending';

const stanceRank = (s: Stakeholder['currentStance']) => STANCE_INFO.findIndex((x) => x.id === s);
const categoryRank = (c: Category) => CATEGORY_INFO.findIndex((x) => x.id === c);
// Quadrants sort by priority of attention: manage closely first, unplaced last.
const quadrantRank = (q: Quadrant | null) =>
  q === null ? 4 : ['manageClosely', 'keepSatisfied', 'keepInformed', 'monitor'].indexOf(q);
const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

function compareBy(key: SortKey, a: Stakeholder, b: Stakeholder): number {
  switch (key) {
    case 'name':
      return collator.compare(a.name, b.name);
    case 'category':
      return categoryRank(categoryOf(a)) - categoryRank(categoryOf(b));
    case 'power':
      return a.power - b.power;
    case 'interest':
      return a.interest - b.interest;
    case 'quadrant':
      return quadrantRank(placedQuadrant(a)) - quadrantRank(placedQuadrant(b));
    case 'stance':
      return stanceRank(a.currentStance) - stanceRank(b.currentStance);
    case 'owner':
      return collator.compare(a.owner, b.owner);
    case 'nextCheckpoint':
      // Entries without a date go last in ascending order.
      if (a.nextCheckpoint === b.nextCheckpoint) return 0;
      if (!a.nextCheckpoint) return 1;
      if (!b.nextCheckpoint) return -1;
      return a.nextCheckpoint < b.nextCheckpoint ? -1 : 1;
  }
}

/** Entries sorted by a column; ties keep register order (stable). */
export function sortEntries(
  entries: readonly Stakeholder[],
  key: SortKey,
  direction: SortDirection,
): Stakeholder[] {
  const sign = direction === 'ascending' ? 1 : -1;
  return entries
    .map((entry, index) => ({ entry, index }))
    .sort((a, b) => sign * compareBy(key, a.entry, b.entry) || a.index - b.index)
    .map((x) => x.entry);
}

/** Number of placed entries per quadrant (entries in the Unplaced tray count in none). */
export function countByQuadrant(
  entries: readonly Pick<Stakeholder, 'power' | 'interest' | 'placed'>[],
): Record<Quadrant, number> {
  const counts = Object.fromEntries(QUADRANT_ORDER.map((q) => [q, 0])) as Record<Quadrant, number>;
  for (const e of entries) if (isPlaced(e)) counts[quadrantOf(e)]++;
  return counts;
}

/** One engagement item on the program-wide engagement list. */
export interface EngagementItem {
  readonly kind: 'action' | 'checkpoint';
  /** Action id, or the stakeholder id for a stakeholder's next checkpoint. */
  readonly id: string;
  readonly stakeholderId: string;
  readonly stakeholderName: string;
  readonly what: string;
  readonly who: string;
  readonly when: string | null;
  readonly repeatEveryDays: number | null;
  readonly done: boolean;
  readonly status: DueStatus;
}

/**
 * Every engagement action and stakeholder checkpoint in the register, with
 * its status on `today`, ordered with overdue first, then by date.
 */
export function engagementItems(entries: readonly Stakeholder[], today: string): EngagementItem[] {
  const items: EngagementItem[] = [];
  for (const s of entries) {
    for (const a of s.actions) {
      items.push({
        kind: 'action',
        id: a.id,
        stakeholderId: s.id,
        stakeholderName: s.name,
        what: a.what,
        who: a.who,
        when: a.when,
        repeatEveryDays: a.repeatEveryDays,
        done: a.done,
        status: dueStatus(a.when, a.done, today),
      });
    }
    if (s.nextCheckpoint) {
      items.push({
        kind: 'checkpoint',
        id: s.id,
        stakeholderId: s.id,
        stakeholderName: s.name,
        what: 'Checkpoint',
        who: s.owner,
        when: s.nextCheckpoint,
        repeatEveryDays: null,
        done: false,
        status: dueStatus(s.nextCheckpoint, false, today),
      });
    }
  }
  const rank = { overdue: 0, dueSoon: 1, scheduled: 2, unscheduled: 3, done: 4 } as const;
  return items.sort(
    (a, b) =>
      rank[a.status.state] - rank[b.status.state] ||
      (a.when ?? '9999').localeCompare(b.when ?? '9999') ||
      collator.compare(a.stakeholderName, b.stakeholderName),
  );
}

/** Number of overdue actions and checkpoints for one stakeholder. */
export function overdueCount(entry: Stakeholder, today: string): number {
  let n = 0;
  for (const a of entry.actions) if (dueStatus(a.when, a.done, today).state === 'overdue') n++;
  if (entry.nextCheckpoint && dueStatus(entry.nextCheckpoint, false, today).state === 'overdue')
    n++;
  return n;
}

/**
 * What changed between two versions of a plan (a kept version and the
 * current one, or two kept ones): theory-of-change elements and links,
 * indicators, stakeholders and partners, pathways, KPIs (targets and
 * actuals), reviews and cohorts — each element matched by id and said to be
 * added, removed or changed, with the changed fields named in words (KPI
 * actuals counted: "actuals: 2 added, 1 changed"). Pure and JSON-shaped, for
 * the compare view and tests. Each entry also carries codes (what it is, the
 * fields' keys, the actuals counted) so the screen can word it in its language.
 */
import type { Plan, TocNode } from '../plan/schema';
import { kindLabel } from '../toc/kinds';

/** The parts of a plan compared. */
export type DiffArea =
  'theoryOfChange' | 'indicators' | 'stakeholders' | 'pathways' | 'kpis' | 'reviews' | 'cohorts';

/** Words for each area. */
export const DIFF_AREA_LABEL: Record<DiffArea, string> = {
  theoryOfChange: 'Theory of change',
  indicators: 'Indicators',
  stakeholders: 'Stakeholders & partners',
  pathways: 'Pathways',
  kpis: 'KPIs',
  reviews: 'Reviews',
  cohorts: 'Cohorts',
};

/** What kind of element differs (for wording it in any language). */
export type DiffType =
  | 'node'
  | 'link'
  | 'narrative'
  | 'indicator'
  | 'stakeholder'
  | 'partner'
  | 'pathway'
  | 'kpi'
  | 'review'
  | 'cohort';

/** One element that differs. */
export interface DiffEntry {
  readonly id: string;
  /** What it is, as a code. */
  readonly type: DiffType;
  /** A theory-of-change element's kind and horizon (type `node`). */
  readonly node?: Pick<TocNode, 'kind' | 'horizon'>;
  /** A link's ends: the elements' titles, null when an end no longer exists (type `link`). */
  readonly ends?: { readonly from: string | null; readonly to: string | null };
  /** A review's date, ISO (type `review`). */
  readonly date?: string;
  /** The keys of the changed fields (the record's own, `text` for the narrative), in `fields` order. */
  readonly fieldKeys: readonly string[];
  /** A KPI's actuals counted by change, when they changed. */
  readonly actuals?: ActualsChange;
  /** What the element is ("Outcome", "Link", "Indicator"). */
  readonly what: string;
  /** Its title in the newer version (the older one when removed). */
  readonly title: string;
  readonly change: 'added' | 'removed' | 'changed';
  /** Changed fields in words (empty unless `changed`). */
  readonly fields: readonly string[];
}

/** The differences in one area. */
export interface AreaDiff {
  readonly area: DiffArea;
  readonly label: string;
  readonly entries: readonly DiffEntry[];
}

/** Every difference between two plans, area by area (areas without differences included, empty). */
export interface PlanDiff {
  readonly areas: readonly AreaDiff[];
  /** Number of entries in all areas. */
  readonly total: number;
}

/** A KPI's actuals added, changed and removed. */
export interface ActualsChange {
  readonly added: number;
  readonly changed: number;
  readonly removed: number;
}

type Fields<T> = readonly (readonly [keyof T & string, string])[];

type Described = Omit<DiffEntry, 'id' | 'change' | 'fields' | 'fieldKeys'>;

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

function diffList<T extends { readonly id: string }>(
  before: readonly T[],
  after: readonly T[],
  fields: Fields<T>,
  describe: (item: T) => Described,
): DiffEntry[] {
  const old = new Map(before.map((x) => [x.id, x]));
  const next = new Map(after.map((x) => [x.id, x]));
  const entries: DiffEntry[] = [];
  for (const item of after) {
    const was = old.get(item.id);
    if (!was) {
      entries.push({ id: item.id, ...describe(item), change: 'added', fields: [], fieldKeys: [] });
      continue;
    }
    const changed = fields.filter(([key]) => !same(was[key], item[key]));
    if (changed.length > 0)
      entries.push({
        id: item.id,
        ...describe(item),
        change: 'changed',
        fields: changed.map(([, word]) => word),
        fieldKeys: changed.map(([key]) => key),
      });
  }
  for (const item of before) {
    if (!next.has(item.id))
      entries.push({
        id: item.id,
        ...describe(item),
        change: 'removed',
        fields: [],
        fieldKeys: [],
      });
  }
  return entries;
}

const NODE_FIELDS = [
  ['title', 'title'],
  ['kind', 'kind'],
  ['horizon', 'horizon'],
  ['description', 'description'],
] as const;

const LINK_FIELDS = [
  ['source', 'from'],
  ['target', 'to'],
  ['rationale', 'rationale'],
  ['assumptions', 'assumptions'],
  ['evidence', 'evidence'],
] as const;

const INDICATOR_FIELDS = [
  ['name', 'name'],
  ['unit', 'unit'],
  ['baseline', 'baseline'],
  ['target', 'target'],
  ['dataSource', 'data source'],
  ['frequency', 'frequency'],
  ['owner', 'owner'],
  ['disaggregation', 'disaggregation'],
  ['subjectIds', 'what it measures'],
  ['successMeasure', 'success measure'],
] as const;

const STAKEHOLDER_FIELDS = [
  ['name', 'name'],
  ['organisation', 'organisation'],
  ['role', 'role'],
  ['relation', 'stakeholder or partner'],
  ['partnerType', 'partner type'],
  ['power', 'power'],
  ['interest', 'interest'],
  ['currentStance', 'current stance'],
  ['desiredStance', 'desired stance'],
  ['owner', 'owner'],
  ['contact', 'contact'],
  ['notes', 'notes'],
  ['interventionIds', 'interventions'],
  ['actions', 'engagement actions'],
] as const;

const PATHWAY_FIELDS = [
  ['name', 'name'],
  ['targetRole', 'target role'],
  ['segmentIds', 'learner segments'],
  ['mode', 'arrangement'],
  ['hoursPerWeek', 'hours per week'],
  ['steps', 'steps'],
  ['requiredSkills', 'required skills'],
] as const;

const KPI_FIELDS = [
  ['name', 'name'],
  ['indicatorId', 'indicator'],
  ['category', 'category'],
  ['unit', 'unit'],
  ['baseline', 'baseline'],
  ['baselineDate', 'baseline date'],
  ['target', 'target'],
  ['targetDate', 'target date'],
  ['source', 'source of the actuals'],
  ['segmentId', 'segment'],
] as const;

const REVIEW_FIELDS = [
  ['date', 'date'],
  ['cohortId', 'cohort reviewed'],
  ['summary', 'summary'],
  ['lessons', 'what was learned'],
  ['decisions', 'decisions'],
  ['assumptions', 'assumptions judged'],
  ['actions', 'actions'],
] as const;

const COHORT_FIELDS = [
  ['name', 'name'],
  ['start', 'start'],
  ['end', 'end'],
  ['notes', 'notes'],
] as const;

type Actual = Plan['manage']['kpis'][number]['actuals'][number];

/** How a KPI's actuals changed, counted, or null. */
function actualsChange(before: readonly Actual[], after: readonly Actual[]): ActualsChange | null {
  const entries = diffList(
    before,
    after,
    [
      ['date', 'date'],
      ['value', 'value'],
      ['cohortId', 'cohort'],
      ['note', 'note'],
      ['origin', 'origin'],
    ],
    () => ({ type: 'kpi', what: 'Actual', title: '' }),
  );
  if (!entries.length) return null;
  const count = (change: DiffEntry['change']) => entries.filter((e) => e.change === change).length;
  return { added: count('added'), changed: count('changed'), removed: count('removed') };
}

/** The actuals' change in words: "actuals: 2 added, 1 changed". */
function actualsText(actuals: ActualsChange): string {
  const parts = (['added', 'changed', 'removed'] as const)
    .filter((c) => actuals[c] > 0)
    .map((c) => `${actuals[c]} ${c}`);
  return `actuals: ${parts.join(', ')}`;
}

/** The KPIs' differences: their fields, and their actuals counted. */
function diffKpis(before: Plan, after: Plan): DiffEntry[] {
  // Fields first (actuals are not among them), then the actuals counted.
  const entries = diffList(before.manage.kpis, after.manage.kpis, KPI_FIELDS, (k) => ({
    type: 'kpi',
    what: 'KPI',
    title: k.name,
  }));
  const old = new Map(before.manage.kpis.map((k) => [k.id, k]));
  const out: DiffEntry[] = entries.filter((e) => e.change !== 'changed');
  const changed = new Map(entries.filter((e) => e.change === 'changed').map((e) => [e.id, e]));
  for (const kpi of after.manage.kpis) {
    const was = old.get(kpi.id);
    if (!was) continue;
    const actuals = actualsChange(was.actuals, kpi.actuals);
    const entry = changed.get(kpi.id);
    const fields = [...(entry?.fields ?? []), ...(actuals ? [actualsText(actuals)] : [])];
    if (fields.length)
      out.push({
        id: kpi.id,
        type: 'kpi',
        what: 'KPI',
        title: kpi.name,
        change: 'changed',
        fields,
        fieldKeys: entry?.fieldKeys ?? [],
        ...(actuals ? { actuals } : {}),
      });
  }
  // Added and removed first as diffList has them, then the changed in the newer order.
  return [
    ...out.filter((e) => e.change === 'added'),
    ...out.filter((e) => e.change === 'changed'),
    ...out.filter((e) => e.change === 'removed'),
  ];
}

/** The differences from `before` to `after`. */
export function diffPlans(before: Plan, after: Plan): PlanDiff {
  const titleOf = new Map<string, string>();
  for (const n of before.theoryOfChange.nodes) titleOf.set(n.id, n.title);
  for (const n of after.theoryOfChange.nodes) titleOf.set(n.id, n.title);
  const nodeTitle = (id: string) => `“${titleOf.get(id) ?? 'deleted element'}”`;

  const toc = [
    ...diffList(before.theoryOfChange.nodes, after.theoryOfChange.nodes, NODE_FIELDS, (n) => ({
      type: 'node',
      node: { kind: n.kind, horizon: n.horizon },
      what: kindLabel(n),
      title: n.title,
    })),
    ...diffList(before.theoryOfChange.links, after.theoryOfChange.links, LINK_FIELDS, (l) => ({
      type: 'link',
      ends: { from: titleOf.get(l.source) ?? null, to: titleOf.get(l.target) ?? null },
      what: 'Link',
      title: `${nodeTitle(l.source)} → ${nodeTitle(l.target)}`,
    })),
  ];
  if (before.theoryOfChange.narrative !== after.theoryOfChange.narrative) {
    toc.push({
      id: 'narrative',
      type: 'narrative',
      what: 'Narrative',
      title: 'Narrative',
      change: 'changed',
      fields: ['text'],
      fieldKeys: ['text'],
    });
  }
  const areas: AreaDiff[] = [
    { area: 'theoryOfChange', label: DIFF_AREA_LABEL.theoryOfChange, entries: toc },
    {
      area: 'indicators',
      label: DIFF_AREA_LABEL.indicators,
      entries: diffList(before.indicators, after.indicators, INDICATOR_FIELDS, (i) => ({
        type: 'indicator',
        what: 'Indicator',
        title: i.name,
      })),
    },
    {
      area: 'stakeholders',
      label: DIFF_AREA_LABEL.stakeholders,
      entries: diffList(
        before.stakeholders.entries,
        after.stakeholders.entries,
        STAKEHOLDER_FIELDS,
        (s) =>
          s.relation === 'partner'
            ? { type: 'partner', what: 'Partner', title: s.name }
            : { type: 'stakeholder', what: 'Stakeholder', title: s.name },
      ),
    },
    {
      area: 'pathways',
      label: DIFF_AREA_LABEL.pathways,
      entries: diffList(before.content.pathways, after.content.pathways, PATHWAY_FIELDS, (p) => ({
        type: 'pathway',
        what: 'Pathway',
        title: p.name,
      })),
    },
    { area: 'kpis', label: DIFF_AREA_LABEL.kpis, entries: diffKpis(before, after) },
    {
      area: 'reviews',
      label: DIFF_AREA_LABEL.reviews,
      entries: diffList(before.manage.reviews, after.manage.reviews, REVIEW_FIELDS, (r) => ({
        type: 'review',
        date: r.date,
        what: 'Review',
        title: `of ${r.date}`,
      })),
    },
    {
      area: 'cohorts',
      label: DIFF_AREA_LABEL.cohorts,
      entries: diffList(before.manage.cohorts, after.manage.cohorts, COHORT_FIELDS, (c) => ({
        type: 'cohort',
        what: 'Cohort',
        title: c.name,
      })),
    },
  ];
  return { areas, total: areas.reduce((sum, a) => sum + a.entries.length, 0) };
}

/** One entry in words: "Outcome “Youth employed” changed: title, description". */
export function describeDiffEntry(entry: DiffEntry): string {
  const name =
    entry.what === 'Link' || entry.what === 'Review'
      ? `${entry.what} ${entry.title}`
      : `${entry.what} “${entry.title}”`;
  if (entry.change === 'changed') return `${name} changed: ${entry.fields.join(', ')}`;
  return `${name} ${entry.change}`;
}

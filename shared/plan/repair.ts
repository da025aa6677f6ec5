/**
 * Repairs for plan files that are valid field by field but not as a whole:
 * two elements sharing an id. Hand-edited and merged files produce them, and
 * the editors cannot tell such elements apart (selecting one selects both,
 * deleting one deletes both). The later duplicate gets a fresh id; anything
 * that refers to the id by name keeps pointing at the first, since a bare id
 * cannot say which of the two it meant. Every rename is reported in a
 * sentence the planner can check.
 */
import { newId } from './create';
import type { Plan } from './schema';

/** A plan with its duplicate ids made unique, and what was renamed. */
export interface IdRepairResult {
  /** The repaired plan; the same object as the input when nothing needed repair. */
  readonly plan: Plan;
  /** One plain-language sentence per renamed element, in plan order. */
  readonly repairs: string[];
}

/** Ids are at most this long in a plan file (the schema's limit). */
const MAX_ID_LENGTH = 100;
/** Titles quoted in a repair sentence are cut to this many characters. */
const MAX_LABEL = 60;

/** How a sentence names one and several elements of a collection. */
interface Noun {
  readonly one: string;
  readonly many: string;
}

const noun = (one: string, many = `${one}s`): Noun => ({ one, many });

/**
 * Ids already used in one namespace: every id present before renaming starts
 * (so a fresh id never takes one that a later element has), which collection
 * claimed each id first, and the fresh ids handed out.
 */
interface Namespace {
  readonly taken: Set<string>;
  readonly owner: Map<string, Noun>;
}

function namespaceOf(...collections: readonly (readonly { id: string }[])[]): Namespace {
  const taken = new Set<string>();
  for (const items of collections) for (const item of items) taken.add(item.id);
  return { taken, owner: new Map() };
}

const NUMBER_WORDS = ['', 'One', 'Two', 'Three', 'Four', 'Five', 'Six', 'Seven', 'Eight', 'Nine'];
const ORDINALS = [
  '',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
];

const countWord = (n: number) => NUMBER_WORDS[n] ?? String(n);

function ordinal(n: number): string {
  const word = ORDINALS[n];
  if (word) return word;
  const teen = n % 100 >= 11 && n % 100 <= 13;
  const suffix = teen ? 'th' : (({ 1: 'st', 2: 'nd', 3: 'rd' } as const)[n % 10] ?? 'th');
  return `${n}${suffix}`;
}

/** `"Title"`, shortened; or a stand-in when there is no title. */
function quoted(title: string | null | undefined): string {
  const text = (title ?? '').trim().replace(/\s+/g, ' ');
  if (!text) return 'untitled';
  return `"${text.length > MAX_LABEL ? `${text.slice(0, MAX_LABEL - 1)}…` : text}"`;
}

/** Titles by id; with duplicate ids, the first element's (where references stay). */
function titlesById<T extends { id: string }>(
  items: readonly T[],
  title: (item: T) => string,
): Map<string, string> {
  const titles = new Map<string, string>();
  for (const item of items) if (!titles.has(item.id)) titles.set(item.id, title(item));
  return titles;
}

/** Cuts `id` so that `id + suffix` fits the id limit, never inside a surrogate pair. */
function fitId(id: string, suffix: string): string {
  let end = Math.min(id.length, MAX_ID_LENGTH - suffix.length);
  const last = id.charCodeAt(end - 1);
  if (end < id.length && last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${id.slice(0, end)}${suffix}`;
}

/** The first of `id-n`, `id-(n+1)`, … that nothing in the namespace uses. */
function freshId(id: string, n: number, taken: ReadonlySet<string>): string {
  for (let k = n; ; k++) {
    const candidate = fitId(id, `-${k}`);
    if (!taken.has(candidate)) return candidate;
  }
}

/** An object holding an id-carrying array under `key`. */
type Owner<K extends string> = Record<K, readonly { id: string }[]>;

/**
 * Visits the id-carrying array `owner[key]`: the renaming visitor replaces it
 * with a repaired copy when it holds duplicates, and leaves it (and `owner`)
 * untouched otherwise.
 */
type Visit = <O extends Owner<K>, K extends keyof O & string>(
  owner: O,
  key: K,
  kind: Noun,
  label: (item: O[K][number]) => string,
  namespace?: Namespace,
  where?: string,
) => void;

/** The visitor that renames duplicates and writes a sentence for each. */
function renamingVisit(repairs: string[]): Visit {
  return <O extends Owner<K>, K extends keyof O & string>(
    owner: O,
    key: K,
    kind: Noun,
    label: (item: O[K][number]) => string,
    namespace?: Namespace,
    where = '',
  ) => {
    const items: O[K] = owner[key];
    const names = namespace ?? namespaceOf(items);
    const totals = new Map<string, number>();
    for (const item of items) totals.set(item.id, (totals.get(item.id) ?? 0) + 1);
    const seen = new Map<string, number>();
    let repaired: O[K][number][] | null = null;
    items.forEach((item, index) => {
      const n = (seen.get(item.id) ?? 0) + 1;
      seen.set(item.id, n);
      const first = names.owner.get(item.id);
      if (!first) {
        names.owner.set(item.id, kind);
        return;
      }
      const id = freshId(item.id, first === kind ? n : 2, names.taken);
      names.taken.add(id);
      repaired ??= [...items];
      repaired[index] = { ...item, id };
      repairs.push(
        first === kind
          ? `${countWord(totals.get(item.id) ?? n)} ${kind.many}${where} had the id "${item.id}"; the ${ordinal(n)} (${label(item)}) now has the id "${id}".`
          : `A ${kind.one}${where} had the same id ("${item.id}") as a ${first.one}; the ${kind.one} (${label(item)}) now has the id "${id}".`,
      );
    });
    // Same element type as before, only ids changed.
    if (repaired) owner[key] = repaired as unknown as O[K];
  };
}

/** The visitor that only notices whether anything needs repair; it changes nothing. */
function detectingVisit(found: { any: boolean }): Visit {
  const element = noun('element');
  return (owner, key, _kind, _label, namespace) => {
    if (found.any) return;
    const ids = new Set<string>();
    for (const item of owner[key]) {
      if (ids.has(item.id) || namespace?.owner.has(item.id)) {
        found.any = true;
        return;
      }
      ids.add(item.id);
    }
    if (namespace) for (const id of ids) namespace.owner.set(id, element);
  };
}

const N = {
  tocNode: noun('theory-of-change element'),
  tocLink: noun('theory-of-change link'),
  logicItem: noun('logic-model item'),
  logicLink: noun('logic-model arrow'),
  indicator: noun('indicator'),
  stakeholder: noun('stakeholder'),
  action: noun('engagement action'),
  checkpoint: noun('industry checkpoint'),
  snapshot: noun('workshop snapshot'),
  segment: noun('learner segment'),
  incentive: noun('incentive'),
  catalogItem: noun('catalog item'),
  decision: noun('make-or-buy decision'),
  criterion: noun('criterion', 'criteria'),
  rater: noun('rater'),
  pathway: noun('pathway'),
  step: noun('pathway step'),
  checklist: noun('launch checklist item'),
  communication: noun('launch communication'),
  channel: noun('marketing channel'),
  story: noun('learner story', 'learner stories'),
  engagement: noun('engagement activity', 'engagement activities'),
  followUp: noun('follow-up rule'),
  kpi: noun('KPI'),
  actual: noun('KPI value'),
  cohort: noun('cohort'),
  review: noun('review'),
  holder: noun('person or role', 'people or roles'),
  skill: noun('skill'),
  capability: noun('critical capability', 'critical capabilities'),
} as const;

/**
 * Walks every id-carrying collection of a plan, replacing each array the
 * visitor repairs. Collections nested in an element (a stakeholder's
 * actions, a decision's criteria) need unique ids only within their parent,
 * which is how the editors and references (e.g. ratings) find them.
 */
function eachCollection(plan: Plan, visit: Visit): void {
  // Indicators name the element they measure by id, whether it is a
  // theory-of-change element or a logic-model item: one namespace for both.
  const toc = plan.theoryOfChange;
  const model = plan.logicModel;
  const elements = namespaceOf(toc.nodes, model.items);
  const nodeTitles = titlesById(toc.nodes, (n) => n.title);
  visit(toc, 'nodes', N.tocNode, (n) => quoted(n.title), elements);
  visit(
    toc,
    'links',
    N.tocLink,
    (l) => `from ${quoted(nodeTitles.get(l.source))} to ${quoted(nodeTitles.get(l.target))}`,
  );
  const itemTitles = titlesById(model.items, (i) => i.title);
  visit(model, 'items', N.logicItem, (i) => quoted(i.title), elements);
  visit(
    model,
    'links',
    N.logicLink,
    (l) => `from ${quoted(itemTitles.get(l.source))} to ${quoted(itemTitles.get(l.target))}`,
  );
  visit(plan, 'indicators', N.indicator, (i) => quoted(i.name));

  const s = plan.stakeholders;
  visit(s, 'entries', N.stakeholder, (e) => quoted(e.name));
  for (const entry of s.entries) {
    const where = ` of the stakeholder ${quoted(entry.name)}`;
    visit(entry, 'actions', N.action, (a) => quoted(a.what), undefined, where);
  }
  visit(s, 'checkpoints', N.checkpoint, (c) => quoted(c.title));
  visit(s, 'snapshots', N.snapshot, (x) => quoted(x.name));

  visit(plan, 'learners', N.segment, (x) => quoted(x.name));
  for (const segment of plan.learners) {
    const where = ` of the learner segment ${quoted(segment.name)}`;
    visit(
      segment,
      'incentives',
      N.incentive,
      (i) => quoted(i.description || i.type),
      undefined,
      where,
    );
  }

  const c = plan.content;
  const catalogTitles = titlesById(c.catalog, (i) => i.title);
  visit(c, 'catalog', N.catalogItem, (i) => quoted(i.title));
  visit(c, 'decisions', N.decision, (d) => quoted(d.need));
  for (const decision of c.decisions) {
    const where = ` of the decision ${quoted(decision.need)}`;
    visit(decision, 'criteria', N.criterion, (x) => quoted(x.label), undefined, where);
    visit(decision, 'raters', N.rater, (x) => quoted(x.name), undefined, where);
  }
  visit(c, 'pathways', N.pathway, (p) => quoted(p.name));
  for (const pathway of c.pathways) {
    const where = ` of the pathway ${quoted(pathway.name)}`;
    visit(
      pathway,
      'steps',
      N.step,
      (x) => quoted(catalogTitles.get(x.contentItemId) ?? x.contentItemId),
      undefined,
      where,
    );
  }

  const l = plan.launch;
  visit(l, 'checklist', N.checklist, (x) => quoted(x.label));
  visit(l, 'communications', N.communication, (x) => quoted(x.title));
  const m = l.marketing;
  visit(m, 'channels', N.channel, (x) => quoted(x.description || x.kind));
  visit(m, 'stories', N.story, (x) => quoted(x.title));

  const g = plan.manage;
  visit(g, 'engagement', N.engagement, (x) => quoted(x.title));
  visit(g, 'followUps', N.followUp, (x) => quoted(x.message));
  visit(g, 'kpis', N.kpi, (x) => quoted(x.name));
  for (const kpi of g.kpis) {
    const where = ` of the KPI ${quoted(kpi.name)}`;
    visit(kpi, 'actuals', N.actual, (x) => quoted(x.date), undefined, where);
  }
  visit(g, 'cohorts', N.cohort, (x) => quoted(x.name));
  visit(g, 'reviews', N.review, (x) => quoted(x.date));

  const k = plan.skillsMap;
  visit(k, 'holders', N.holder, (x) => quoted(x.name));
  visit(k, 'skills', N.skill, (x) => quoted(x.name));
  visit(k, 'capabilities', N.capability, (x) => quoted(x.initiative));
}

/** True when some collection of the plan holds two elements with the same id. */
export function hasDuplicateIds(plan: Plan): boolean {
  const found = { any: false };
  eachCollection(plan, detectingVisit(found));
  return found.any;
}

/**
 * Gives every later duplicate id in every collection of the plan a fresh id
 * (`toc-3` → `toc-3-2`) and says what was renamed. References by id are left
 * as they are, so they keep pointing at the first element with that id.
 * Never changes its input: a repaired plan is a copy.
 */
export function repairDuplicateIds(plan: Plan): IdRepairResult {
  if (!hasDuplicateIds(plan)) return { plan, repairs: [] };
  const draft = structuredClone(plan);
  const repairs: string[] = [];
  eachCollection(draft, renamingVisit(repairs));
  return { plan: draft, repairs };
}

/** Half of a surrogate pair on its own: JSON allows it, URLs and file names do not. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/**
 * Every repair a plan read from outside gets: duplicate ids renamed, and a
 * plan id that is not valid text (half a surrogate pair, which a JSON escape
 * can produce) replaced, since the app links to a plan by its id and could
 * not open it. Never changes its input.
 */
export function repairPlan(plan: Plan): IdRepairResult {
  const result = repairDuplicateIds(plan);
  if (!LONE_SURROGATE.test(result.plan.id)) return result;
  const id = newId('plan');
  return {
    plan: { ...result.plan, id },
    repairs: [
      `The plan's id was not valid text; the plan now has the id "${id}".`,
      ...result.repairs,
    ],
  };
}

/**
 * Large, realistic-shaped plans for benchmarks and scale tests.
 *
 * - `planWithLargeToc`: a bare plan whose theory of change is a layered grid
 *   (impact on top, interventions at the bottom, ~1.2 links per node); the
 *   canvas bench uses it, so its output must not change.
 * - `largePlan`: the sample plan grown to the size issue 9 names (3,000
 *   theory-of-change elements, 300 stakeholders, 10,000 catalog items) by
 *   repeating its own content per district and sector, so text lengths,
 *   kinds, links, indicators and cross-references stay those of a real plan.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createBlankPlan } from '../../shared/plan/create';
import { readPlanFile } from '../../shared/plan/plan-file';
import {
  Plan,
  type ContentItem,
  type Indicator,
  type LogicItem,
  type Stakeholder,
  type TocLink,
  type TocNode,
} from '../../shared/plan/schema';

/** A plan whose theory of change has `count` nodes and ~1.2 × count links. */
export function planWithLargeToc(count: number, seed = 1): Plan {
  const plan = createBlankPlan(`Scale test — ${count} elements`, new Date('2026-11-01T00:00:00Z'));
  let state = seed;
  const random = () => {
    state = (state * 1664525 + 1013904223) % 2 ** 32;
    return state / 2 ** 32;
  };
  const levels = Math.max(4, Math.round(Math.sqrt(count / 8)));
  const perLevel = Math.ceil(count / levels);
  const nodes: TocNode[] = [];
  for (let i = 0; i < count; i++) {
    const level = Math.min(levels - 1, Math.floor(i / perLevel));
    const column = i % perLevel;
    const kind =
      i === 0
        ? 'impact'
        : level === levels - 1
          ? 'intervention'
          : level % 3 === 2
            ? 'precondition'
            : 'outcome';
    nodes.push({
      id: `n${i}`,
      kind,
      horizon: kind === 'outcome' ? (['long', 'intermediate', 'short'] as const)[level % 3]! : null,
      title: `${kind === 'intervention' ? 'Deliver' : 'Learners achieve'} step ${i} of the pathway`,
      description: '',
      position: { x: column * 260, y: level * 160 },
    });
  }
  plan.theoryOfChange.nodes = nodes;
  const links = new Set<string>();
  const linkCount = Math.round(count * 1.2);
  for (let i = 1; links.size < linkCount && i < count * 10; i++) {
    const source = nodes[1 + Math.floor(random() * (count - 1))]!;
    const sourceLevel = Math.floor(Number(source.id.slice(1)) / perLevel);
    if (sourceLevel === 0) continue;
    const targetLevel = sourceLevel - 1;
    const target =
      nodes[Math.min(count - 1, targetLevel * perLevel + Math.floor(random() * perLevel))]!;
    if (target.id === source.id) continue;
    links.add(`${source.id}>${target.id}`);
  }
  plan.theoryOfChange.links = [...links].map((pair, i) => {
    const [source, target] = pair.split('>') as [string, string];
    return {
      id: `l${i}`,
      source,
      target,
      rationale: i % 3 ? 'Because it leads there.' : '',
      assumptions: [],
      evidence: 'moderate' as const,
    };
  });
  return plan;
}

/** Sizes of a large plan; the defaults are the large plan of issue 9. */
export interface LargePlanSize {
  /** Theory-of-change elements, impact included. */
  tocElements?: number;
  stakeholders?: number;
  catalogItems?: number;
  /** Logic-model copies of the sample's 26 items (one per strand, from the first). */
  logicModelCopies?: number;
  /** Plan id, so two sizes can sit in one library. */
  id?: string;
  name?: string;
}

/** The large plan of issue 9's bench: 3,000 elements, 300 stakeholders, 10,000 catalog items. */
export const LARGE_PLAN = {
  id: 'bench-large-plan',
  name: 'Large plan — 3,000 elements, 300 stakeholders, 10,000 catalog items',
  tocElements: 3000,
  stakeholders: 300,
  catalogItems: 10_000,
  logicModelCopies: 12,
} as const;

const SAMPLE_PATH = join(
  import.meta.dirname,
  '..',
  '..',
  'resources',
  'sample-plans',
  'youth-digital-skills.upskill.json',
);

/** The shipped sample plan, read and validated as the app reads it. */
export function samplePlan(): Plan {
  const read = readPlanFile(readFileSync(SAMPLE_PATH, 'utf8'));
  if (!read.ok) throw new Error(`The sample plan is invalid: ${read.message}`);
  return read.plan;
}

// Strands of a large program: the sample's pathway repeated for each
// district and sector it runs in (24 × 8 = 192 names, enough for 4,000+ elements).
const DISTRICTS = [
  'Eastbrook',
  'Northgate',
  'Millford',
  'Ardley',
  'Brackenfield',
  'Orrin',
  'Kestrel Bay',
  'Harrow Vale',
  'Stonecross',
  'Wexley',
  'Fenmoor',
  'Ashby Green',
  'Calder',
  'Dunmore',
  'Elmstead',
  'Farrowdale',
  'Glenhurst',
  'Holloway',
  'Ivybridge',
  'Juniper Hill',
  'Kingsmere',
  'Larchfield',
  'Marlow End',
  'Netherby',
] as const;
const SECTORS = [
  'health and care',
  'logistics',
  'public services',
  'retail',
  'manufacturing',
  'hospitality',
  'construction',
  'creative industries',
] as const;
const EDITIONS = [
  'regional edition',
  'workplace edition',
  'refresher',
  'practice lab',
  'Spanish edition',
  'evening cohort',
  'assessment prep',
  'employer-led version',
  'blended delivery',
  'short version',
] as const;
const PROVIDERS = [
  'Tessary',
  'Alderwick Learning',
  'Northgate College',
  'Lower Valley Regional Employment Service',
  'Brightpath Academy',
  'OpenSkills Collective',
  'Kestrel Digital',
  'Harbour Tech Institute',
  'Civic Code School',
  'Meridian Online',
] as const;

function strandName(s: number): string {
  return `${DISTRICTS[s % DISTRICTS.length]!}, ${SECTORS[Math.floor(s / DISTRICTS.length) % SECTORS.length]!}`;
}

/** A deterministic pseudo-random generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const clamp100 = (n: number) => Math.max(0, Math.min(100, Math.round(n)));

/**
 * `count` catalog items: the sample's own, then editions of them (regional,
 * refresher, Spanish…) from other providers with varied hours and costs.
 * Deterministic; titles are unique per provider.
 */
export function largeCatalog(
  count: number,
  sampleCatalog: readonly ContentItem[] = samplePlan().content.catalog,
): ContentItem[] {
  const rand = random(11);
  const catalog: ContentItem[] = sampleCatalog.slice(0, count);
  for (let k = sampleCatalog.length; catalog.length < count; k++) {
    const base = sampleCatalog[k % sampleCatalog.length]!;
    const v = Math.floor(k / sampleCatalog.length);
    catalog.push({
      ...base,
      id: `${base.id}-v${v}`,
      title: `${base.title}: ${EDITIONS[v % EDITIONS.length]!} ${Math.ceil(v / EDITIONS.length)}`,
      provider: PROVIDERS[(k + v) % PROVIDERS.length]!,
      hours: base.hours === null ? null : Math.round(base.hours * (0.6 + rand()) * 2) / 2,
      costPerLearner:
        base.costPerLearner === null
          ? null
          : Math.round(base.costPerLearner * (0.8 + rand() * 0.5)),
      skills: [...base.skills],
      languages: v % 3 === 0 ? [...base.languages, 'Portuguese'] : [...base.languages],
      // A sample item without a link stays without one ("-3" is no URL).
      url: base.url ? `${base.url}-${v}` : '',
    });
  }
  return catalog;
}

/**
 * The sample plan grown to `size` (defaults: {@link LARGE_PLAN}). The
 * theory of change is the sample's pathway below its one impact, repeated
 * per district and sector (strand) with each copy's long-term outcomes
 * feeding the shared impact, one link per strand into its neighbour, the
 * sample's rationales and evidence, and indicators on every copied outcome.
 * Stakeholders, catalog items, logic-model items and pathways are copies of
 * the sample's with varied names, scores and ids; references (interventions,
 * traced outcomes, pathway steps, indicators) point at the copies. The counts
 * are exact and the result passes the plan schema. Deterministic.
 */
export function largePlan(size: LargePlanSize = {}): Plan {
  const tocElements = size.tocElements ?? LARGE_PLAN.tocElements;
  const stakeholderCount = size.stakeholders ?? LARGE_PLAN.stakeholders;
  const catalogCount = size.catalogItems ?? LARGE_PLAN.catalogItems;
  const lmCopies = size.logicModelCopies ?? LARGE_PLAN.logicModelCopies;
  const sample = samplePlan();
  const plan = structuredClone(sample);
  const rand = random(9);
  plan.id = size.id ?? LARGE_PLAN.id;
  plan.name = size.name ?? LARGE_PLAN.name;
  plan.createdAt = '2026-11-01T09:00:00.000Z';
  plan.updatedAt = '2026-11-20T16:30:00.000Z';

  // Theory of change: strand 0 is the sample itself; strands 1… are copies.
  const toc = sample.theoryOfChange;
  const impact = toc.nodes.find((n) => n.kind === 'impact');
  if (!impact) throw new Error('The sample plan has no impact.');
  const below = toc.nodes.filter((n) => n !== impact);
  const strandOf = (id: string, s: number) => (s === 0 || id === impact.id ? id : `${id}-s${s}`);
  const nodes: TocNode[] = [...toc.nodes];
  const links: TocLink[] = [...toc.links];
  const indicators: Indicator[] = [...sample.indicators];
  const tocIndicators = sample.indicators.filter((i) =>
    i.subjectIds.some((id) => below.some((n) => n.id === id)),
  );
  const strands = Math.ceil((tocElements - toc.nodes.length) / below.length);
  const columns = 12;
  for (let s = 1; s <= strands; s++) {
    const copied = below.slice(0, Math.min(below.length, tocElements - nodes.length));
    const has = new Set(copied.map((n) => n.id));
    const col = s % columns;
    const row = Math.floor(s / columns);
    for (const n of copied)
      nodes.push({
        ...n,
        id: strandOf(n.id, s),
        title: `${n.title} — ${strandName(s)}`,
        // Each strand below the sample's own, so the canvas reads as a grid of pathways.
        position: { x: n.position.x + col * 1500, y: n.position.y + 1000 + row * 1100 },
      });
    for (const l of toc.links)
      if (
        (has.has(l.source) || l.source === impact.id) &&
        (has.has(l.target) || l.target === impact.id)
      )
        links.push({
          ...l,
          id: strandOf(l.id, s),
          source: strandOf(l.source, s),
          target: strandOf(l.target, s),
          assumptions: [...l.assumptions],
        });
    for (const i of tocIndicators)
      if (i.subjectIds.some((id) => has.has(id)))
        indicators.push({
          ...i,
          id: strandOf(i.id, s),
          subjectIds: i.subjectIds.filter((id) => has.has(id)).map((id) => strandOf(id, s)),
          successMeasure: null,
          name: `${i.name} (${strandName(s)})`,
          disaggregation: [...i.disaggregation],
        });
  }
  // Employers aware in one district hire from the next (one cross-strand link each).
  const awareness = below.find((n) => n.id === 'toc-out-employer-awareness')?.id;
  const hiring = below.find((n) => n.id === 'toc-out-hiring-practice')?.id;
  const ids = new Set(nodes.map((n) => n.id));
  if (awareness && hiring)
    for (let s = 1; s <= strands; s++) {
      const source = strandOf(awareness, s);
      const target = strandOf(hiring, s - 1);
      if (ids.has(source) && ids.has(target))
        links.push({
          id: `toc-link-cross-s${s}`,
          source,
          target,
          rationale:
            'Because employers in neighbouring districts share recruitment networks, awareness spreads to hiring practice next door.',
          assumptions: [],
          evidence: 'weak',
        });
    }
  plan.theoryOfChange.nodes = nodes;
  plan.theoryOfChange.links = links;

  // Logic model: the sample's, repeated for the first strands and traced to their outcomes.
  const lm = sample.logicModel;
  const lmIndicators = sample.indicators.filter((i) =>
    i.subjectIds.some((id) => lm.items.some((m) => m.id === id)),
  );
  const items: LogicItem[] = [...lm.items];
  const lmLinks = [...lm.links];
  for (let s = 1; s < lmCopies; s++) {
    for (const m of lm.items)
      items.push({
        ...m,
        id: strandOf(m.id, s),
        title: `${m.title} — ${strandName(s)}`,
        order: m.order + s * 100,
        tocOutcomeId:
          m.tocOutcomeId && ids.has(strandOf(m.tocOutcomeId, s))
            ? strandOf(m.tocOutcomeId, s)
            : m.tocOutcomeId,
      });
    for (const l of lm.links)
      lmLinks.push({
        id: strandOf(l.id, s),
        source: strandOf(l.source, s),
        target: strandOf(l.target, s),
      });
    for (const i of lmIndicators)
      indicators.push({
        ...i,
        id: strandOf(`${i.id}-lm`, s),
        subjectIds: i.subjectIds
          .filter((id) => lm.items.some((m) => m.id === id))
          .map((id) => strandOf(id, s)),
        successMeasure: null,
        name: `${i.name} (${strandName(s)})`,
        disaggregation: [...i.disaggregation],
      });
  }
  plan.logicModel.items = items;
  plan.logicModel.links = lmLinks;
  plan.indicators = indicators;

  // Stakeholders: the sample's register, then local counterparts per strand.
  const register = sample.stakeholders.entries;
  const entries: Stakeholder[] = register.slice(0, stakeholderCount);
  for (let k = register.length; entries.length < stakeholderCount; k++) {
    const base = register[k % register.length]!;
    const s = Math.floor(k / register.length);
    const place = strandName(s);
    entries.push({
      ...base,
      id: `${base.id}-s${s}`,
      name: `${base.name} (${place})`,
      organisation: `${base.organisation}, ${DISTRICTS[s % DISTRICTS.length]!} office`,
      power: clamp100(base.power + (rand() - 0.5) * 30),
      interest: clamp100(base.interest + (rand() - 0.5) * 30),
      nextCheckpoint: base.nextCheckpoint,
      desiredPosition: base.desiredPosition ? { ...base.desiredPosition } : null,
      interventionIds: base.interventionIds.map((id) =>
        ids.has(strandOf(id, s)) ? strandOf(id, s) : id,
      ),
      actions: base.actions.map((a) => ({ ...a, id: `${a.id}-s${s}` })),
      history: [],
    });
  }
  plan.stakeholders.entries = entries;

  const catalog = largeCatalog(catalogCount, sample.content.catalog);
  plan.content.catalog = catalog;

  // Pathways: the sample's, then one per district built from that district's editions.
  const pathways = [...sample.content.pathways];
  const catalogIds = new Set(catalog.map((c) => c.id));
  for (let s = 1; s < 12; s++)
    for (const p of sample.content.pathways)
      pathways.push({
        ...p,
        id: `${p.id}-s${s}`,
        name: `${p.name} — ${DISTRICTS[s % DISTRICTS.length]!}`,
        segmentIds: [...p.segmentIds],
        requiredSkills: [...p.requiredSkills],
        steps: p.steps.map((step) => ({
          ...step,
          id: `${step.id}-s${s}`,
          contentItemId: catalogIds.has(`${step.contentItemId}-v${s}`)
            ? `${step.contentItemId}-v${s}`
            : step.contentItemId,
        })),
      });
  plan.content.pathways = pathways;

  const parsed = Plan.parse(plan);
  const counts = {
    tocElements: parsed.theoryOfChange.nodes.length,
    stakeholders: parsed.stakeholders.entries.length,
    catalogItems: parsed.content.catalog.length,
  };
  const wanted = { tocElements, stakeholders: stakeholderCount, catalogItems: catalogCount };
  if (JSON.stringify(counts) !== JSON.stringify(wanted))
    throw new Error(`largePlan built ${JSON.stringify(counts)}, not ${JSON.stringify(wanted)}.`);
  return parsed;
}

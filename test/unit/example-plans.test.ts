/**
 * Issue 15: the worked example plans bundled for the "New plan" gallery.
 * Each opens as a valid plan file, passes its own Plan health with only the
 * findings listed here (each with the reason a real plan would honestly have
 * it), whenever it is opened, and hangs together: its budget adds up, its
 * invitations follow from its licences, every cross-reference resolves, its
 * make-or-buy decisions follow their scores, and its Manage figures are the
 * aggregates of its synthetic roster of fake learners.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { checkPlanHealth } from '../../shared/health/check';
import { scoreDecision } from '../../shared/content/makeorbuy';
import { invitationsNeeded, invitationSummary } from '../../shared/launch/invitations';
import { budgetLinesTotal, BUDGET_LINES, plannedCosts } from '../../shared/learners/budget';
import { fillCommunication } from '../../shared/launch/merge-fields';
import { syncRosterActuals } from '../../shared/manage/kpis';
import { storyProgress, storyRoster } from '../../shared/manage/story-roster';
import englishLibrary from '../../shared/i18n/locales/en/library.json';
import { EXAMPLE_PLANS, type ExamplePlan } from '../../shared/plan/examples';
import { readPlanFile } from '../../shared/plan/plan-file';
import { SAMPLE_AS_OF, sampleAsOf, shiftDate } from '../../shared/plan/sample';
import { Plan } from '../../shared/plan/schema';
import type { PlanSectionId } from '../../shared/plan/sections';
import { addDays } from '../../shared/stakeholders/schedule';

/**
 * The findings each example keeps on purpose (finding ids), and why a real
 * plan at that stage would honestly have them. Anything else is a mistake in
 * the example.
 */
const KEPT_FINDINGS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'youth-digital-skills': {},
  'youth-digital-skills-es': {},
  'northmere-skills-forward': {
    'role-without-qualified-holder:cap-mlops:role-ml-engineer':
      'Nobody inside Northmere is near level 4 in ML operations; the skills council decided to hire two senior ML engineers (vacancies open in December). The gap stays until they start.',
  },
  'nafitha-rural-women': {},
  'nafitha-rural-women-ar': {},
  'calder-fresh-start': {
    'kpi-off-track:kpi-placement-rate':
      'Placement within 90 days (36%) lags the path to 60%: an employer’s background-check vendor withdrew offers and second-shift jobs need a car. The October review recorded what the program changes; the next figure will show whether it worked.',
  },
};

const SECTION_IDS: readonly PlanSectionId[] = [
  'objective',
  'theoryOfChange',
  'logicModel',
  'stakeholders',
  'learners',
  'content',
  'makeOrBuy',
  'pathways',
  'invitations',
  'onboarding',
  'communications',
  'marketing',
  'roster',
  'kpis',
  'dashboard',
  'engagement',
  'reviews',
  'contentInUse',
  'skillsFirst',
  'health',
];

function load(example: ExamplePlan): Plan {
  const text = readFileSync(
    join(import.meta.dirname, '..', '..', 'resources', 'sample-plans', example.file),
    'utf8',
  );
  const result = readPlanFile(text);
  if (!result.ok)
    throw new Error(`${example.file}: ${result.message}\n${result.details.join('\n')}`);
  return result.plan;
}

/** Plan health as on `day` (noon, local time). */
function healthOn(plan: Plan, day: string) {
  vi.useFakeTimers({ now: new Date(`${day}T12:00:00`), toFake: ['Date'] });
  try {
    return checkPlanHealth(plan);
  } finally {
    vi.useRealTimers();
  }
}

/** Every reference between parts of the plan that points at nothing, in words. */
function brokenReferences(plan: Plan): string[] {
  const broken: string[] = [];
  const has = (set: ReadonlySet<string>, id: string | null, where: string) => {
    if (id !== null && !set.has(id)) broken.push(`${where} → ${id}`);
  };
  const ids = <T extends { id: string }>(list: readonly T[]) => new Set(list.map((x) => x.id));
  const nodes = ids(plan.theoryOfChange.nodes);
  const kinds = new Map(plan.theoryOfChange.nodes.map((n) => [n.id, n.kind]));
  const items = ids(plan.logicModel.items);
  const segments = ids(plan.learners);
  const catalog = ids(plan.content.catalog);
  const decisions = ids(plan.content.decisions);
  const stakeholders = ids(plan.stakeholders.entries);
  const indicators = ids(plan.indicators);
  const kpis = ids(plan.manage.kpis);
  const cohorts = ids(plan.manage.cohorts);
  const pathways = ids(plan.content.pathways);
  const holders = ids(plan.skillsMap.holders);
  const skills = ids(plan.skillsMap.skills);
  const roles = new Set(plan.skillsMap.holders.filter((h) => h.kind === 'role').map((h) => h.id));
  const sections = new Set<string>(SECTION_IDS);

  for (const l of plan.theoryOfChange.links) {
    has(nodes, l.source, `ToC link ${l.id}`);
    has(nodes, l.target, `ToC link ${l.id}`);
  }
  for (const i of plan.logicModel.items) {
    has(nodes, i.tocOutcomeId, `logic item ${i.id}`);
    if (i.tocOutcomeId && !['outcome', 'impact'].includes(kinds.get(i.tocOutcomeId) ?? ''))
      broken.push(`logic item ${i.id} traced to a ${kinds.get(i.tocOutcomeId)}`);
  }
  for (const l of plan.logicModel.links) {
    has(items, l.source, `logic link ${l.id}`);
    has(items, l.target, `logic link ${l.id}`);
  }
  const subjects = new Set([...nodes, ...items]);
  for (const i of plan.indicators) {
    for (const s of i.subjectIds) has(subjects, s, `indicator ${i.id}`);
    for (const s of i.disaggregation) has(segments, s, `indicator ${i.id} segments`);
  }
  for (const e of plan.stakeholders.entries)
    for (const n of e.interventionIds) {
      has(nodes, n, `stakeholder ${e.id}`);
      if (kinds.get(n) !== 'intervention')
        broken.push(`stakeholder ${e.id} → ${n} (not an intervention)`);
    }
  for (const s of plan.stakeholders.snapshots)
    for (const id of Object.keys(s.positions)) has(stakeholders, id, `snapshot ${s.id}`);
  for (const p of plan.content.pathways) {
    for (const s of p.steps) has(catalog, s.contentItemId, `pathway ${p.id}`);
    for (const s of p.segmentIds) has(segments, s, `pathway ${p.id} segments`);
  }
  for (const a of plan.content.audit) {
    has(catalog, a.itemId, 'audit entry');
    has(decisions, a.decisionId, `audit entry ${a.itemId}`);
  }
  for (const d of plan.content.decisions) {
    const criteria = ids(d.criteria);
    const raters = ids(d.raters);
    for (const [rater, ratings] of Object.entries(d.ratings)) {
      has(raters, rater, `decision ${d.id} ratings`);
      for (const c of Object.keys(ratings)) has(criteria, c, `decision ${d.id} ratings`);
    }
  }
  const launch = plan.launch;
  for (const c of launch.checklist)
    for (const p of c.partnerIds) has(stakeholders, p, `checklist ${c.id}`);
  for (const c of launch.communications)
    for (const s of c.segmentIds) has(segments, s, `communication ${c.id}`);
  for (const c of launch.marketing.channels) {
    for (const s of c.segmentIds) has(segments, s, `channel ${c.id}`);
    for (const p of c.partnerIds) has(stakeholders, p, `channel ${c.id} partners`);
  }
  for (const f of launch.marketing.funnel) has(segments, f.segmentId, `funnel ${f.stage}`);
  for (const s of launch.marketing.stories) has(segments, s.segmentId, `story ${s.id}`);
  const manage = plan.manage;
  for (const a of manage.engagement) {
    has(stakeholders, a.partnerId, `engagement ${a.id}`);
    for (const s of a.segmentIds) has(segments, s, `engagement ${a.id} segments`);
  }
  for (const r of manage.followUps)
    for (const s of r.segmentIds) has(segments, s, `follow-up ${r.id}`);
  for (const k of manage.kpis) {
    has(indicators, k.indicatorId, `KPI ${k.id}`);
    has(segments, k.segmentId, `KPI ${k.id} segment`);
    for (const a of k.actuals) has(cohorts, a.cohortId, `KPI ${k.id} actual ${a.id}`);
  }
  for (const r of manage.reviews) {
    has(cohorts, r.cohortId, `review ${r.id}`);
    for (const a of r.assumptions) {
      has(nodes, a.nodeId, `review ${r.id}`);
      if (kinds.get(a.nodeId) !== 'assumption')
        broken.push(`review ${r.id} judges ${a.nodeId}, not an assumption`);
      for (const k of a.kpiIds) has(kpis, k, `review ${r.id} assumption ${a.nodeId}`);
    }
    for (const a of r.actions)
      if (a.section) has(sections, a.section, `review ${r.id} action ${a.id}`);
  }
  for (const a of manage.iteration.carriedActions)
    if (a.section) has(sections, a.section, `carried ${a.id}`);
  for (const s of manage.progress) {
    for (const id of Object.keys(s.bySegment)) if (id) has(segments, id, `snapshot ${s.date}`);
    for (const id of Object.keys(s.byCohort)) if (id) has(cohorts, id, `snapshot ${s.date}`);
  }
  for (const h of plan.skillsMap.holders)
    if (h.kind === 'person') has(roles, h.roleId, `holder ${h.id}`);
  for (const a of plan.skillsMap.assessments) {
    has(holders, a.holderId, 'assessment');
    has(skills, a.skillId, 'assessment');
  }
  for (const c of plan.skillsMap.capabilities)
    for (const s of c.skillIds) has(skills, s, `capability ${c.id}`);
  void pathways;
  return broken;
}

afterEach(() => {
  vi.useRealTimers();
});

describe.each(EXAMPLE_PLANS.map((e) => [e.id, e] as const))(
  'the example plan %s',
  (_id, example) => {
    const plan = load(example);
    const kept = KEPT_FINDINGS[example.id];

    it('is a valid plan file named as the gallery names it, in its language', () => {
      expect(plan.name).toBe(example.title);
      expect(plan.objective.programName).toBe(example.title);
      expect(plan.objective.language.split('-')[0]).toBe(example.language);
      expect(plan.documentLanguage).toBe(example.language);
      expect(kept, 'list its kept findings in KEPT_FINDINGS').toBeDefined();
    });

    it('fills every section, Launch and Manage included', () => {
      const o = plan.objective;
      for (const text of [
        o.changeSought,
        o.targetGroup,
        o.problemStatement,
        o.successDefinition,
        o.baseline.description,
      ])
        expect(text.length).toBeGreaterThan(100);
      for (const phase of [o.timeline.plan, o.timeline.launch, o.timeline.manage]) {
        expect(phase.start).not.toBeNull();
        expect(phase.end).not.toBeNull();
      }
      const kinds = new Set(plan.theoryOfChange.nodes.map((n) => n.kind));
      expect([...kinds].sort()).toEqual([
        'assumption',
        'externalFactor',
        'impact',
        'intervention',
        'outcome',
        'precondition',
      ]);
      expect(plan.theoryOfChange.narrative.length).toBeGreaterThan(500);
      const lanes = new Set(plan.logicModel.items.map((i) => i.lane));
      expect(lanes.size).toBe(8);
      expect(
        plan.indicators.filter((i) => i.successMeasure !== null).length,
      ).toBeGreaterThanOrEqual(3);
      expect(plan.stakeholders.entries.length).toBeGreaterThanOrEqual(12);
      expect(
        new Set(plan.stakeholders.entries.map((e) => e.partnerType)).size,
      ).toBeGreaterThanOrEqual(3);
      expect(plan.stakeholders.checkpoints.length).toBeGreaterThanOrEqual(2);
      expect(plan.learners.length).toBeGreaterThanOrEqual(3);
      expect(plan.content.catalog.length).toBeGreaterThanOrEqual(20);
      expect(plan.content.decisions.length).toBeGreaterThanOrEqual(2);
      expect(plan.content.pathways.length).toBeGreaterThanOrEqual(2);
      expect(plan.content.audit.length).toBeGreaterThanOrEqual(5);
      const launch = plan.launch;
      expect(new Set(launch.checklist.map((c) => c.step)).size).toBeGreaterThanOrEqual(7);
      expect(launch.communications.length).toBeGreaterThanOrEqual(3);
      expect(launch.invitations.waves.length).toBeGreaterThanOrEqual(2);
      expect(launch.marketing.channels.length).toBeGreaterThanOrEqual(4);
      // Every stage, for everyone (a row may also be for one segment).
      expect(
        launch.marketing.funnel.filter((f) => f.segmentId === null).map((f) => f.stage),
      ).toEqual(['awareness', 'consideration', 'conversion', 'loyalty']);
      expect(launch.marketing.stories.length).toBeGreaterThanOrEqual(2);
      const manage = plan.manage;
      expect(new Set(manage.engagement.map((a) => a.kind)).size).toBe(4);
      expect(manage.followUps.length).toBeGreaterThanOrEqual(3);
      expect(manage.kpis.filter((k) => k.actuals.length > 0).length).toBeGreaterThanOrEqual(6);
      expect(manage.cohorts.length).toBeGreaterThanOrEqual(2);
      expect(manage.reviews.length).toBeGreaterThanOrEqual(1);
      for (const r of manage.reviews) expect(r.assumptions.length).toBeGreaterThan(0);
      expect(manage.progress.length).toBeGreaterThanOrEqual(3);
      expect(plan.skillsMap.skills.length).toBeGreaterThan(0);
      expect(plan.skillsMap.capabilities.length).toBeGreaterThan(0);
    });

    it('passes its own Plan health with only the findings kept on purpose, whenever it is opened', () => {
      const expected = Object.keys(kept ?? {}).sort();
      const found = (p: Plan, day: string) =>
        healthOn(p, day)
          .map((f) => f.id)
          .sort();
      // On its own day, and up to a month later (dates move by whole months only).
      expect(found(plan, SAMPLE_AS_OF)).toEqual(expected);
      expect(found(plan, addDays(SAMPLE_AS_OF, 29))).toEqual(expected);
      // Opened months or years later, its dates moved ahead.
      for (const today of ['2027-03-19', '2028-12-03', '2031-02-27']) {
        const later = Plan.parse(sampleAsOf(plan, today));
        expect(found(later, today), today).toEqual(expected);
      }
    });

    it('has every cross-reference resolve', () => {
      expect(brokenReferences(plan)).toEqual([]);
    });

    it('has a budget that adds up and covers what the plan costs', () => {
      const { budget } = plan;
      expect(budget.currency).toMatch(/^[A-Z]{3}$/);
      expect(budgetLinesTotal(budget)).toBe(budget.total);
      const planned = plannedCosts(plan);
      for (const line of BUDGET_LINES) {
        expect(budget.lines[line], line).not.toBeNull();
        expect(planned.lines[line] ?? 0, line).toBeLessThanOrEqual(budget.lines[line]!);
      }
      expect(planned.participants).toBeLessThanOrEqual(plan.launch.marketing.licenses!);
      const outreach = plan.launch.marketing.channels.reduce((s, c) => s + (c.budget ?? 0), 0);
      expect(outreach).toBeLessThanOrEqual(budget.lines.outreach!);
    });

    it('sends invitations as licences × ratio, in dated waves, and fills its communications', () => {
      const licences = plan.launch.marketing.licenses!;
      const summary = invitationSummary(plan);
      expect(summary.needed).toBe(invitationsNeeded(licences, plan.launch.invitations.ratio));
      expect(summary.waves.reduce((s, w) => s + w.invitations, 0)).toBe(summary.needed);
      expect(plan.launch.invitations.waves.reduce((s, w) => s + w.share, 0)).toBe(100);
      for (const w of summary.waves) expect(w.date, w.name).not.toBeNull();
      for (const c of plan.launch.communications)
        expect(fillCommunication(plan, c).problems, c.id).toEqual([]);
    });

    it('records make-or-buy decisions that follow their scores', () => {
      for (const d of plan.content.decisions) {
        const { recommendation } = scoreDecision(d);
        expect(d.decision, d.id).toBe(recommendation);
        expect(d.rationale.length, d.id).toBeGreaterThan(100);
      }
    });

    it('dates its Manage figures on or before its own day, and plans open actions after it', () => {
      for (const k of plan.manage.kpis)
        for (const a of k.actuals) expect(a.date <= SAMPLE_AS_OF, `${k.id} ${a.date}`).toBe(true);
      for (const r of plan.manage.reviews) expect(r.date <= SAMPLE_AS_OF, r.id).toBe(true);
      for (const s of plan.manage.progress) expect(s.date <= SAMPLE_AS_OF, s.date).toBe(true);
      for (const e of plan.stakeholders.entries)
        for (const a of e.actions)
          if (!a.done && a.when) expect(a.when > SAMPLE_AS_OF, `${e.id} ${a.what}`).toBe(true);
    });

    it('holds the aggregates of its synthetic roster of fake learners', () => {
      const { story } = example.roster;
      expect(plan.manage.progress).toEqual(storyProgress(plan, story));
      const synced = structuredClone(plan);
      syncRosterActuals(synced);
      expect(synced.manage.kpis).toEqual(plan.manage.kpis);
      const roster = storyRoster(plan, story);
      expect(roster.learners).toHaveLength(story.segments.reduce((s, [, n]) => s + n, 0));
      const name = new RegExp(`^${story.person.name} \\d{5}$`);
      for (const l of roster.learners) {
        expect(l.name).toMatch(name);
        expect(l.email).toMatch(/^[a-z]+\d{5}@example\.org$/);
      }
      const pathways = new Set(plan.content.pathways.map((p) => p.id));
      for (const t of story.tracks) if (t.pathwayId) expect(pathways).toContain(t.pathwayId);
      expect(story.imports.at(-1)!.date <= SAMPLE_AS_OF).toBe(true);
      // Its dates move with the plan's.
      expect(shiftDate(story.imports.at(-1)!.date, 3) > story.imports.at(-1)!.date).toBe(true);
    });
  },
);

/** Keys whose string values are not text (ids, kinds, dates): a translation keeps them. */
const NOT_TEXT = new Set([
  'id',
  'schemaVersion',
  'createdAt',
  'updatedAt',
  'kind',
  'horizon',
  'lane',
  'relation',
  'partnerType',
  'currentStance',
  'desiredStance',
  'populationType',
  'barriers',
  'type',
  'level',
  'mode',
  'favours',
  'decision',
  'gapDecision',
  'anchor',
  'status',
  'stage',
  'trigger',
  'channel',
  'category',
  'origin',
  'frequency',
  'successMeasure',
  'url',
  'csvLayout',
  'currency',
  'date',
  'at',
  'takenAt',
  'keptAt',
  'importedAt',
  'registrationLink',
  'section',
  'step',
  'evidence',
  'disaggregation',
]);
const isIdKey = (key: string) => NOT_TEXT.has(key) || /Ids?$/.test(key);
const LINK_END = /^[a-z]+(-[a-z0-9]+)+$/;
const ENUM_SOURCE =
  /^(manual|enrolments|learningHours|completions|activeRate|completionRate|placements|assessed|selfReported)$/;

/** The plan with every text blanked ('' for a translated string), and the texts in order. */
function skeleton(value: unknown, key = '', texts: string[] = []): unknown {
  if (typeof value === 'string') {
    const kept =
      isIdKey(key) ||
      /^\d{4}-\d{2}-\d{2}/.test(value) ||
      (key === 'source' && ENUM_SOURCE.test(value)) ||
      ((key === 'source' || key === 'target') && LINK_END.test(value)) ||
      value.trim() === '';
    if (kept) return value;
    texts.push(value);
    return '';
  }
  if (Array.isArray(value)) return value.map((v) => skeleton(v, key, texts));
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value))
      out[k] = ['positions', 'ratings', 'bySegment', 'byCohort', 'byRule', 'progress'].includes(k)
        ? v
        : skeleton(v, k, texts);
    return out;
  }
  return value;
}

describe.each(EXAMPLE_PLANS.filter((e) => e.translationOf).map((e) => [e.id, e] as const))(
  'the translated example %s',
  (_id, example) => {
    const plan = load(example);
    const original = load(EXAMPLE_PLANS.find((e) => e.id === example.translationOf)!);

    it('is its original with only the words changed: same ids, numbers, dates and links', () => {
      const strip = (p: Plan) => ({
        ...p,
        id: '',
        documentLanguage: '',
        objective: { ...p.objective, language: '' },
      });
      expect(skeleton(strip(plan))).toEqual(skeleton(strip(original)));
    });

    it('translates its texts (only brand names and titles of English-only content stay as they are)', () => {
      const texts: string[] = [];
      const originals: string[] = [];
      skeleton(plan, '', texts);
      skeleton(original, '', originals);
      const same = texts.filter((t, i) => t === originals[i]);
      expect(same.length / texts.length, [...new Set(same)].join(' | ')).toBeLessThan(0.06);
    });
  },
);

describe('the gallery’s list of examples', () => {
  it('has a unique id and file per example, and kept findings with a reason for each', () => {
    expect(new Set(EXAMPLE_PLANS.map((e) => e.id)).size).toBe(EXAMPLE_PLANS.length);
    expect(new Set(EXAMPLE_PLANS.map((e) => e.file)).size).toBe(EXAMPLE_PLANS.length);
    for (const e of EXAMPLE_PLANS) {
      expect(e.file).toBe(`${e.id}.upskill.json`);
      for (const reason of Object.values(KEPT_FINDINGS[e.id] ?? {}))
        expect(reason.length).toBeGreaterThan(40);
      if (e.translationOf) expect(EXAMPLE_PLANS.map((x) => x.id)).toContain(e.translationOf);
    }
  });

  it('words each example in the library catalog, in English as here (the gallery shows the catalog)', () => {
    const catalog = englishLibrary.examples as Record<
      string,
      { summary: string; shows: Record<string, string> }
    >;
    expect(Object.keys(catalog).sort()).toEqual(EXAMPLE_PLANS.map((e) => e.id).sort());
    for (const e of EXAMPLE_PLANS) {
      expect(catalog[e.id]!.summary).toBe(e.summary);
      expect(Object.values(catalog[e.id]!.shows)).toEqual(e.shows);
    }
  });
});

/**
 * Large, realistic-shaped plans for benchmarks and scale tests: a layered
 * theory of change (impact on top, interventions at the bottom) with about
 * 1.2 links per node, laid out on a grid.
 */
import { createBlankPlan } from '../../shared/plan/create';
import type { Plan, TocNode } from '../../shared/plan/schema';

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

/**
 * The large plan of the export benchmark (issue 6): 1,000 theory-of-change
 * elements, 300 logic-model items with links and indicators, 300
 * stakeholders with engagement actions, 500 catalog items, make-or-buy
 * decisions and pathways — realistic text lengths, deterministic.
 */
export function largePlan(seed = 6): Plan {
  const plan = planWithLargeToc(1000, seed);
  plan.name = 'Scale test — large plan';
  plan.objective.programName = 'Scale test — regional digital skills program';
  plan.objective.organisation = 'Scale Test Employment Service';
  plan.objective.region = 'Scale Region';
  plan.objective.changeSought =
    'Unemployed and underemployed residents gain job-ready digital skills and move into stable work.';
  const lanes = [
    'input',
    'activity',
    'output',
    'shortTermOutcome',
    'intermediateOutcome',
    'longTermOutcome',
  ] as const;
  for (let i = 0; i < 300; i++) {
    const lane = lanes[i % lanes.length]!;
    plan.logicModel.items.push({
      id: `lm${i}`,
      lane,
      title: `Logic-model item ${i}: ${lane} that delivers a measurable change for learners`,
      description: 'Delivered with partners across the region; reviewed every quarter.',
      order: Math.floor(i / lanes.length),
      tocOutcomeId: lane.endsWith('Outcome') ? `n${1 + (i % 100)}` : null,
      meansOfVerification: 'Platform reports and quarterly partner returns',
      assumptions: 'Partners deliver on time.',
    });
    // Each item (after the first lane) is fed by the item to its left.
    if (i % lanes.length !== 0)
      plan.logicModel.links.push({ id: `ll${i}`, source: `lm${i - 1}`, target: `lm${i}` });
    if (lane === 'output' || lane.endsWith('Outcome'))
      plan.indicators.push({
        id: `ind${i}`,
        subjectId: `lm${i}`,
        name: `Indicator for item ${i}`,
        unit: '% of learners',
        baseline: { value: 10 + (i % 30), date: '2026-06-30' },
        target: { value: 40 + (i % 50), date: '2028-06-30' },
        dataSource: 'Learning platform export',
        frequency: 'quarterly',
        owner: 'Data and M&E Officer',
        disaggregation: [],
      });
  }
  const stances = ['unaware', 'resistant', 'neutral', 'supportive', 'leading'] as const;
  for (let i = 0; i < 300; i++) {
    plan.stakeholders.entries.push({
      id: `sh${i}`,
      name: `Stakeholder ${i}`,
      organisation: `Organisation ${i % 120}`,
      role: 'Funds, hosts or refers learners; attends the quarterly advisory panel',
      relation: i % 3 === 0 ? 'partner' : 'stakeholder',
      partnerType:
        i % 3 === 0
          ? (['programTechnology', 'outreach', 'wraparound'] as const)[(i / 3) % 3]!
          : null,
      power: (i * 37) % 101,
      interest: (i * 53) % 101,
      currentStance: stances[i % 5]!,
      desiredStance: stances[Math.min(4, (i % 5) + 1)]!,
      owner: 'Partnerships Lead',
      contact: `contact${i}@example.org · 021 555 ${String(1000 + i)}`,
      nextCheckpoint: `2027-0${1 + (i % 9)}-1${i % 10}`,
      notes: 'Met at the launch event; interested in hosting study halls next year.',
      desiredPosition: null,
      interventionIds: [],
      actions: [
        {
          id: `act${i}`,
          what: 'Quarterly briefing on progress and placements',
          who: 'Partnerships Lead',
          when: `2027-0${1 + (i % 9)}-0${1 + (i % 9)}`,
          done: i % 4 === 0,
          repeatEveryDays: i % 2 ? 91 : null,
        },
      ],
      history: [],
    });
  }
  const kinds = ['course', 'professionalCertificate', 'skillSet', 'guidedProject', 'clip'] as const;
  const levels = ['beginner', 'intermediate', 'advanced'] as const;
  for (let i = 0; i < 500; i++)
    plan.content.catalog.push({
      id: `cat${i}`,
      title: `Catalog item ${i}: practical digital skills for entry-level roles`,
      provider: `Provider ${i % 25}`,
      kind: kinds[i % kinds.length]!,
      skills: [`Skill ${i % 40}`, `Skill ${(i + 7) % 40}`],
      level: levels[i % 3]!,
      hours: 1 + (i % 40),
      languages: ['English', 'Spanish'],
      costPerLearner: i % 4 === 0 ? 95 : 0,
      url: `https://example.org/catalog/${i}`,
      notes: 'Included in the platform licence.',
    });
  for (let d = 0; d < 5; d++) {
    const criteria = Array.from({ length: 11 }, (_, c) => ({
      id: `d${d}c${c}`,
      label: `Criterion ${c} of decision ${d}`,
      favours: c % 2 ? ('buy' as const) : ('make' as const),
      weight: 5 + c,
    }));
    plan.content.decisions.push({
      id: `d${d}`,
      need: `Content need ${d}`,
      includeHybrid: d % 2 === 1,
      criteria,
      raters: [
        { id: `d${d}r0`, name: 'Program Director' },
        { id: `d${d}r1`, name: 'College partner' },
      ],
      ratings: {
        [`d${d}r0`]: Object.fromEntries(criteria.map((c, i) => [c.id, 1 + ((i + d) % 5)])),
        [`d${d}r1`]: Object.fromEntries(criteria.map((c, i) => [c.id, 1 + ((i * 2 + d) % 5)])),
      },
      rationale: 'Scored by the program team in a workshop.',
      decision: null,
    });
  }
  for (let p = 0; p < 10; p++)
    plan.content.pathways.push({
      id: `pw${p}`,
      name: `Pathway ${p}`,
      targetRole: `Entry-level role ${p}`,
      segmentIds: [],
      mode: p % 2 ? 'group' : 'sequence',
      hoursPerWeek: 6,
      steps: Array.from({ length: 15 }, (_, s) => ({
        id: `pw${p}s${s}`,
        contentItemId: `cat${p * 15 + s}`,
        group: p % 2 ? `Group ${s % 4}` : '',
      })),
      requiredSkills: ['Skill 1', 'Skill 2'],
    });
  return plan;
}

/** Plan health (issue 3 of 5): the full rule set on a large plan, in Node (pure functions). */
import { performance } from 'node:perf_hooks';
import { atMost, median, type BenchSuite } from '../metrics';

// shared/ is type-checked by its own projects (tsconfig.node/web), not by the
// bench's, so it is loaded at run time and described here by the parts used.
type TocNodeKind =
  'impact' | 'outcome' | 'precondition' | 'intervention' | 'assumption' | 'externalFactor';
interface BenchPlan {
  theoryOfChange: { nodes: Record<string, unknown>[]; links: Record<string, unknown>[] };
  logicModel: { items: Record<string, unknown>[]; links: Record<string, unknown>[] };
  indicators: Record<string, unknown>[];
}
interface SharedModules {
  checkPlanHealth: (plan: BenchPlan) => unknown[];
  createBlankPlan: (name: string) => BenchPlan;
}
const SHARED = ['../../../shared/health/check.ts', '../../../shared/plan/create.ts'];

async function loadShared(): Promise<SharedModules> {
  const [check, create] = await Promise.all(
    SHARED.map((path) => import(/* @vite-ignore */ new URL(path, import.meta.url).href)),
  );
  return { ...check, ...create } as SharedModules;
}

/** A deterministic pseudo-random generator (mulberry32), so every run checks the same plan. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const KINDS: TocNodeKind[] = [
  'outcome',
  'outcome',
  'outcome',
  'precondition',
  'intervention',
  'intervention',
  'assumption',
  'externalFactor',
];

/**
 * A plan with `nodes` theory-of-change nodes and ~1.2 links per node (mostly
 * pointing "up" towards the impact, as real pathways do, with a few loose
 * ends), a logic model a tenth that size and indicators on half the outcomes,
 * so that every rule has work and some findings.
 */
export function largePlan(shared: SharedModules, nodes: number, seed = 7): BenchPlan {
  const rand = random(seed);
  const plan = shared.createBlankPlan(`Bench ${nodes}`);
  const toc = plan.theoryOfChange;
  toc.nodes.push({
    id: 'n0',
    kind: 'impact',
    horizon: null,
    title: 'Impact',
    description: '',
    position: { x: 0, y: 0 },
  });
  for (let i = 1; i < nodes; i++) {
    const kind = KINDS[Math.floor(rand() * KINDS.length)]!;
    toc.nodes.push({
      id: `n${i}`,
      kind,
      horizon: kind === 'outcome' ? (['short', 'intermediate', 'long'] as const)[i % 3]! : null,
      title: `Element ${i} of the pathway`,
      description: '',
      position: { x: (i % 60) * 220, y: Math.floor(i / 60) * 120 },
    });
  }
  const links = Math.round(nodes * 1.2);
  for (let l = 0; l < links; l++) {
    const source = 1 + Math.floor(rand() * (nodes - 1));
    const target = Math.floor(rand() * source);
    toc.links.push({
      id: `l${l}`,
      source: `n${source}`,
      target: `n${target}`,
      rationale: rand() < 0.8 ? 'Because the evidence says so.' : '',
      assumptions: [],
      evidence: 'moderate',
    });
  }
  for (const node of toc.nodes) {
    if (node.kind === 'outcome' && rand() < 0.5)
      plan.indicators.push({
        id: `ind-${node.id}`,
        subjectIds: [node.id],
        successMeasure: null,
        name: `Indicator for ${node.id}`,
        unit: '%',
        baseline: { value: rand() < 0.8 ? 10 : null, date: null },
        target: { value: 50, date: '2028-06-30' },
        dataSource: rand() < 0.8 ? 'Register' : '',
        frequency: 'quarterly',
        owner: '',
        disaggregation: [],
      });
  }
  const lanes = [
    'input',
    'activity',
    'output',
    'shortTermOutcome',
    'intermediateOutcome',
    'longTermOutcome',
  ] as const;
  const items = Math.round(nodes / 10);
  for (let i = 0; i < items; i++) {
    const lane = lanes[i % lanes.length]!;
    plan.logicModel.items.push({
      id: `lm${i}`,
      lane,
      title: `Item ${i}`,
      description: '',
      order: i,
      tocOutcomeId:
        lane.endsWith('Outcome') && rand() < 0.9 ? `n${1 + Math.floor(rand() * 50)}` : null,
      meansOfVerification: '',
      assumptions: '',
    });
  }
  for (let i = lanes.length; i < items; i++) {
    plan.logicModel.links.push({
      id: `ll${i}`,
      source: `lm${i - lanes.length}`,
      target: `lm${i - lanes.length + 1}`,
    });
  }
  return plan;
}

function timeCheck(
  checkPlanHealth: SharedModules['checkPlanHealth'],
  plan: BenchPlan,
  runs: number,
): { median: number; findings: number } {
  let findings = 0;
  for (let i = 0; i < 5; i++) findings = checkPlanHealth(plan).length; // warm up the JIT
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    checkPlanHealth(plan);
    times.push(performance.now() - start);
  }
  return { median: median(times), findings };
}

/** health.check_ms.n3000 (and n1000 for the trend). */
export const healthSuite: BenchSuite = {
  name: 'health',
  metrics: [
    { name: 'health.check_ms.n1000', unit: 'ms', limit: 20 },
    { name: 'health.check_ms.n3000', unit: 'ms', limit: 20 },
  ],
  async run() {
    const shared = await loadShared();
    const metrics = [];
    for (const [n, limit] of [
      [1000, 20],
      [3000, 20],
    ] as const) {
      const plan = largePlan(shared, n);
      const { median: ms, findings } = timeCheck(shared.checkPlanHealth, plan, 60);
      metrics.push(
        atMost(
          `health.check_ms.n${n}`,
          ms,
          limit,
          'ms',
          `median of 60 runs; ${plan.theoryOfChange.links.length} links, ${plan.logicModel.items.length} logic-model items, ${plan.indicators.length} indicators, ${findings} findings`,
        ),
      );
    }
    return metrics;
  },
};

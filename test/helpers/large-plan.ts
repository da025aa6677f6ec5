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

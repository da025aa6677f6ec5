import ELK from 'elkjs/lib/elk.bundled.js';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { createBlankPlan } from '../../shared/plan/create';
import type { Plan } from '../../shared/plan/schema';
import {
  LinkPathCache,
  distanceToPath,
  fitViewport,
  graphBounds,
  linkAt,
  mergeLinkPaths,
  mergeNodePaths,
  nodeAt,
  nodesIn,
  tileLinks,
  tileNodes,
  viewBox,
} from '../../shared/toc/canvas-geometry';
import { kindLabel } from '../../shared/toc/kinds';
import {
  OUTLINE_GROUPS,
  countLinks,
  groupTocNodes,
  matchesWords,
  neighbourhood,
  queryWords,
} from '../../shared/toc/outline';
import { layoutTheoryOfChange, type ElkLike } from '../../shared/toc/layout';
import {
  addTocNode,
  connectTocNodes,
  copyTocSelection,
  freePosition,
  linkProblem,
  linkProblemsFrom,
  moveTocNodes,
  NODE_SIZE,
  pasteTocSelection,
  removeTocElements,
  searchTocNodes,
} from '../../shared/toc/operations';

/** impact ← outcome ← intervention, plus an assumption note. */
function smallPlan(): Plan {
  const plan = createBlankPlan('ToC');
  addTocNode(plan, {
    id: 'impact',
    kind: 'impact',
    title: 'Youth in decent work',
    position: { x: 0, y: 0 },
  });
  addTocNode(plan, {
    id: 'out',
    kind: 'outcome',
    title: 'Learners get hired',
    position: { x: 0, y: 200 },
  });
  addTocNode(plan, {
    id: 'int',
    kind: 'intervention',
    title: 'Digital skills bootcamp',
    position: { x: 0, y: 400 },
  });
  addTocNode(plan, {
    id: 'note',
    kind: 'assumption',
    title: 'Employers keep hiring',
    position: { x: 400, y: 400 },
  });
  connectTocNodes(plan, 'out', 'impact', 'l1');
  connectTocNodes(plan, 'int', 'out', 'l2');
  return plan;
}

describe('theory-of-change operations', () => {
  it('adds outcomes as short-term and names kinds for people', () => {
    const plan = smallPlan();
    const out = plan.theoryOfChange.nodes.find((n) => n.id === 'out')!;
    expect(out.horizon).toBe('short');
    expect(kindLabel(out)).toBe('Short-term outcome');
    expect(kindLabel({ kind: 'externalFactor', horizon: null })).toBe('External factor');
  });

  it('refuses self-links, duplicates, links from the impact and links to notes', () => {
    const plan = smallPlan();
    expect(linkProblem(plan, 'int', 'int')).toMatch(/itself/);
    expect(linkProblem(plan, 'int', 'out')).toMatch(/already linked/);
    expect(linkProblem(plan, 'impact', 'out')).toMatch(/end of the pathway/);
    expect(linkProblem(plan, 'note', 'out')).toMatch(/notes/);
    expect(linkProblem(plan, 'int', 'missing')).toMatch(/Both ends/);
    expect(linkProblem(plan, 'int', 'impact')).toBeNull();
    expect(connectTocNodes(plan, 'int', 'int')).toHaveProperty('problem');
  });

  it('removes a node with its links, indicators, traces and stakeholder links', () => {
    const base = smallPlan();
    base.indicators.push({
      id: 'i1',
      subjectIds: ['out'],
      successMeasure: null,
      name: 'Hired',
      unit: '%',
      baseline: { value: null, date: null },
      target: { value: null, date: null },
      dataSource: '',
      frequency: null,
      owner: '',
      disaggregation: [],
    });
    base.logicModel.items.push({
      id: 'lm',
      lane: 'shortTermOutcome',
      title: 'Hired',
      description: '',
      order: 0,
      tocOutcomeId: 'out',
      meansOfVerification: '',
      assumptions: '',
    });
    base.stakeholders.entries.push({
      id: 's',
      name: 'Employer',
      organisation: '',
      role: '',
      relation: 'partner',
      partnerType: null,
      power: 50,
      interest: 50,
      currentStance: 'neutral',
      desiredStance: 'supportive',
      owner: '',
      contact: '',
      nextCheckpoint: null,
      notes: '',
      desiredPosition: null,
      interventionIds: ['int'],
      actions: [],
      history: [],
    });
    const after = produce(base, (d) => removeTocElements(d, ['out', 'int']));
    expect(after.theoryOfChange.nodes.map((n) => n.id)).toEqual(['impact', 'note']);
    expect(after.theoryOfChange.links).toEqual([]);
    expect(after.indicators).toEqual([]);
    expect(after.logicModel.items[0]!.tocOutcomeId).toBeNull();
    expect(after.stakeholders.entries[0]!.interventionIds).toEqual([]);
    // Removing only a link keeps both nodes.
    const linkOnly = produce(base, (d) => removeTocElements(d, [], ['l1']));
    expect(linkOnly.theoryOfChange.nodes).toHaveLength(4);
    expect(linkOnly.theoryOfChange.links.map((l) => l.id)).toEqual(['l2']);
  });

  it('moves nodes, rounding positions, and leaves unmoved nodes untouched', () => {
    const base = smallPlan();
    const after = produce(base, (d) => moveTocNodes(d, new Map([['out', { x: 10.4, y: 20.6 }]])));
    expect(after.theoryOfChange.nodes[1]!.position).toEqual({ x: 10, y: 21 });
    expect(after.theoryOfChange.nodes[0]).toBe(base.theoryOfChange.nodes[0]);
  });

  it('copies and pastes a selection with fresh ids, internal links and indicators', () => {
    const plan = smallPlan();
    plan.indicators.push({
      id: 'i1',
      subjectIds: ['out'],
      successMeasure: null,
      name: 'Hired',
      unit: '%',
      baseline: { value: 10, date: null },
      target: { value: 40, date: null },
      dataSource: 'Survey',
      frequency: 'quarterly',
      owner: '',
      disaggregation: [],
    });
    const clip = copyTocSelection(plan, ['out', 'int']);
    expect(clip.links.map((l) => l.id)).toEqual(['l2']);
    const pasted = pasteTocSelection(plan, clip);
    expect(pasted).toHaveLength(2);
    expect(new Set([...plan.theoryOfChange.nodes.map((n) => n.id)]).size).toBe(6);
    const newLink = plan.theoryOfChange.links.at(-1)!;
    expect(pasted).toContain(newLink.source);
    expect(pasted).toContain(newLink.target);
    expect(plan.indicators.at(-1)!.subjectIds).toEqual([pasted[0]]);
    expect(plan.theoryOfChange.nodes.at(-2)!.position).toEqual({ x: 40, y: 240 });
  });

  it('finds nodes by words in title or description, title matches first', () => {
    const plan = smallPlan();
    plan.theoryOfChange.nodes[2]!.description = 'Twelve weeks, learners get a laptop';
    const hits = searchTocNodes(plan.theoryOfChange.nodes, 'learners get');
    expect(hits.map((n) => n.id)).toEqual(['out', 'int']);
    expect(searchTocNodes(plan.theoryOfChange.nodes, '   ')).toEqual([]);
  });

  it('finds a free spot for a new node', () => {
    const plan = smallPlan();
    const spot = freePosition(plan.theoryOfChange.nodes, { x: 0, y: 200 });
    const overlaps = plan.theoryOfChange.nodes.some(
      (n) =>
        Math.abs(n.position.x - spot.x) < NODE_SIZE.width &&
        Math.abs(n.position.y - spot.y) < NODE_SIZE.height,
    );
    expect(overlaps).toBe(false);
  });
});

describe('automatic layout', () => {
  const elk = new ELK() as unknown as ElkLike;

  it('puts the impact on top, interventions at the bottom and notes underneath', async () => {
    const plan = smallPlan();
    const positions = await layoutTheoryOfChange(elk, plan.theoryOfChange);
    const y = (id: string) => positions.get(id)!.y;
    expect(y('impact')).toBeLessThan(y('out'));
    expect(y('out')).toBeLessThan(y('int'));
    expect(y('note')).toBeGreaterThan(y('int'));
    expect(Math.min(...[...positions.values()].map((p) => p.x))).toBe(0);
  });

  it('lays out a selection in place, leaving other nodes alone', async () => {
    const plan = smallPlan();
    plan.theoryOfChange.nodes[1]!.position = { x: 500, y: 700 };
    plan.theoryOfChange.nodes[2]!.position = { x: 900, y: 300 };
    const positions = await layoutTheoryOfChange(elk, plan.theoryOfChange, new Set(['out', 'int']));
    expect([...positions.keys()].sort()).toEqual(['int', 'out']);
    expect(Math.min(positions.get('out')!.x, positions.get('int')!.x)).toBe(500);
    expect(Math.min(positions.get('out')!.y, positions.get('int')!.y)).toBe(300);
    expect(positions.get('out')!.y).toBeLessThan(positions.get('int')!.y);
  });
});

describe('canvas geometry of large graphs', () => {
  /** A grid of `count` elements, 300 apart, each linked to the one above it. */
  function grid(count: number, perRow = 10): Plan {
    const plan = createBlankPlan('Grid');
    for (let i = 0; i < count; i++) {
      addTocNode(plan, {
        id: `n${i}`,
        kind: i === 0 ? 'impact' : 'outcome',
        title: `Element ${i}`,
        position: { x: (i % perRow) * 300, y: Math.floor(i / perRow) * 200 },
      });
      if (i >= perRow) connectTocNodes(plan, `n${i}`, `n${i - perRow}`, `l${i}`);
    }
    return plan;
  }

  it('bounds every link curve by its box, and finds a link only near its curve', () => {
    const plan = grid(40);
    const paths = new LinkPathCache().paths(plan.theoryOfChange.nodes, plan.theoryOfChange.links);
    expect(paths).toHaveLength(30);
    const tiles = tileLinks(paths, 1000);
    for (const p of paths) {
      // Sample the curve through its distance function: its ends are on it.
      expect(distanceToPath(p, p.x1, p.y1)).toBeLessThan(0.5);
      expect(distanceToPath(p, p.x2, p.y2)).toBeLessThan(0.5);
      expect(p.minY).toBeLessThanOrEqual(Math.min(p.y1, p.y2));
      expect(p.maxY).toBeGreaterThanOrEqual(Math.max(p.y1, p.y2));
    }
    const l15 = paths.find((p) => p.id === 'l15')!;
    const mid = { x: (l15.x1 + l15.x2) / 2, y: (l15.y1 + l15.y2) / 2 };
    expect(linkAt(tiles.values(), mid.x + 3, mid.y, 6)?.id).toBe('l15');
    expect(linkAt(tiles.values(), mid.x + 60, mid.y, 6)).toBeNull();
  });

  it('keeps unchanged curves and tiles as the same objects after an edit', () => {
    const plan = grid(40);
    const cache = new LinkPathCache();
    const before = cache.paths(plan.theoryOfChange.nodes, plan.theoryOfChange.links);
    const tilesBefore = tileLinks(before, 1000);
    const moved = produce(plan, (d) => {
      d.theoryOfChange.nodes[35]!.position = { x: 1510, y: 610 };
    });
    const after = cache.paths(moved.theoryOfChange.nodes, moved.theoryOfChange.links);
    const changed = after.filter((p, i) => p !== before[i]).map((p) => p.id);
    // Only links touching n35 (n35 → n25) got new curves.
    expect(changed).toEqual(['l35']);
    const tilesAfter = tileLinks(after, 1000, tilesBefore);
    const newTiles = [...tilesAfter.values()].filter((t) => tilesBefore.get(t.key) !== t);
    expect(newTiles.map((t) => t.key)).toEqual([tileKeyOf(after.find((p) => p.id === 'l35')!)]);
    // Skipped (live) links are left out.
    expect(
      cache.paths(moved.theoryOfChange.nodes, moved.theoryOfChange.links, new Set(['l35'])),
    ).toHaveLength(29);
  });

  function tileKeyOf(p: { x1: number; y1: number }) {
    return `${Math.floor(p.x1 / 1000)}:${Math.floor(p.y1 / 1000)}`;
  }

  it('finds elements at a point and inside a box, and fits the whole graph', () => {
    const plan = grid(100);
    const tiles = tileNodes(plan.theoryOfChange.nodes, 1000);
    expect(nodeAt(tiles.values(), 310, 210)?.id).toBe('n11');
    expect(nodeAt(tiles.values(), 250, 10)).toBeNull();
    const inside = nodesIn(tiles.values(), { minX: 0, minY: 0, maxX: 520, maxY: 290 });
    expect(inside.map((n) => n.id).sort()).toEqual(['n0', 'n1', 'n10', 'n11']);
    const box = graphBounds(plan.theoryOfChange.nodes);
    expect(box).toEqual({
      minX: 0,
      minY: 0,
      maxX: 2700 + NODE_SIZE.width,
      maxY: 1800 + NODE_SIZE.height,
    });
    const view = fitViewport(box, 1000, 500, { padding: 0.1, maxZoom: 1 });
    // The whole graph is in view and centred.
    const shown = viewBox([view.x, view.y, view.zoom], 1000, 500, 0);
    expect(shown.minX).toBeLessThanOrEqual(box.minX);
    expect(shown.maxX).toBeGreaterThanOrEqual(box.maxX);
    expect(shown.minY).toBeLessThanOrEqual(box.minY);
    expect(shown.maxY).toBeGreaterThanOrEqual(box.maxY);
    expect(fitViewport(graphBounds([]), 1000, 500).zoom).toBe(1);
  });

  it('draws a tile as a few merged paths, one per look', () => {
    const plan = grid(40);
    plan.theoryOfChange.links[0]!.rationale = 'Because.';
    plan.theoryOfChange.links[1]!.evidence = 'strong';
    const paths = new LinkPathCache().paths(plan.theoryOfChange.nodes, plan.theoryOfChange.links);
    const merged = mergeLinkPaths(paths);
    expect(merged.map((m) => m.look).sort()).toEqual([
      'head explained',
      'head unexplained',
      'none explained',
      'none unexplained',
      'strong unexplained',
    ]);
    // Every link is one curve (M…C) and one arrowhead.
    const curves = merged.filter((m) => !m.look.startsWith('head'));
    expect(curves.reduce((n, m) => n + m.d.split('M').length - 1, 0)).toBe(30);
    const boxes = mergeNodePaths(plan.theoryOfChange.nodes);
    expect(boxes.map((b) => b.look).sort()).toEqual(['impact', 'outcome short']);
    expect(boxes.reduce((n, b) => n + b.d.split('M').length - 1, 0)).toBe(40);
  });
});

describe('outline of a theory of change too large to draw', () => {
  /** A chain n0 ← n1 ← … ← n(count-1), each linked to the one before. */
  function chain(count: number): Plan {
    const plan = createBlankPlan('Chain');
    for (let i = 0; i < count; i++) {
      addTocNode(plan, {
        id: `n${i}`,
        kind: i === 0 ? 'impact' : i % 2 ? 'outcome' : 'intervention',
        title: `Element ${i}`,
        position: { x: 0, y: i * 100 },
      });
      if (i > 0) connectTocNodes(plan, `n${i}`, `n${i - 1}`, `l${i}`);
    }
    return plan;
  }

  it('groups elements by kind and horizon in pathway order, keeping plan order', () => {
    const plan = smallPlan();
    addTocNode(plan, { id: 'long', kind: 'outcome', title: 'Long', position: { x: 0, y: 0 } });
    plan.theoryOfChange.nodes.at(-1)!.horizon = 'long';
    const groups = groupTocNodes(plan.theoryOfChange.nodes);
    expect([...groups.keys()]).toEqual(OUTLINE_GROUPS.map((g) => g.key));
    expect(groups.get('impact')!.map((n) => n.id)).toEqual(['impact']);
    expect(groups.get('outcome-long')!.map((n) => n.id)).toEqual(['long']);
    expect(groups.get('outcome-short')!.map((n) => n.id)).toEqual(['out']);
    expect(groups.get('intervention')!.map((n) => n.id)).toEqual(['int']);
    expect(groups.get('assumption')!.map((n) => n.id)).toEqual(['note']);
  });

  it('matches every word of a query in the title or description, ignoring case', () => {
    const plan = smallPlan();
    const [impact, out] = plan.theoryOfChange.nodes;
    out!.description = 'Within six MONTHS of finishing';
    expect(matchesWords(out!, queryWords('learners months'))).toBe(true);
    expect(matchesWords(out!, queryWords('learners years'))).toBe(false);
    expect(matchesWords(impact!, queryWords('  DECENT   youth '))).toBe(true);
    expect(queryWords('   ')).toEqual([]);
  });

  it('counts links per element the same in slices as at once', () => {
    const links = chain(50).theoryOfChange.links;
    const whole = countLinks(links, new Map());
    const sliced = new Map();
    for (let at = 0; at < links.length; at += 7) countLinks(links, sliced, at, at + 7);
    expect(sliced).toEqual(whole);
    expect(whole.get('n10')).toEqual({ out: 1, in: 1 });
    expect(whole.get('n0')).toEqual({ out: 0, in: 1 });
  });

  it('takes an element and whole steps around it while they fit, then as much as fits', () => {
    const links = chain(100).theoryOfChange.links;
    const two = neighbourhood(links, ['n50'], 2, 1000);
    expect([...two.ids].sort()).toEqual(['n48', 'n49', 'n50', 'n51', 'n52']);
    expect(two).toMatchObject({ steps: 2, truncated: false });
    // At the end of the chain there is less to take: all of it, no truncation.
    expect(neighbourhood(links, ['n0'], 3, 1000)).toMatchObject({ steps: 3, truncated: false });
    expect(neighbourhood(links, ['n0'], 3, 1000).ids.size).toBe(4);
    // A limit of 4 fits one whole step (3) and one element of the next.
    const cut = neighbourhood(links, ['n50'], 3, 4);
    expect(cut).toMatchObject({ steps: 1, truncated: true });
    expect(cut.ids.size).toBe(4);
    expect([...cut.ids].slice(0, 3).sort()).toEqual(['n49', 'n50', 'n51']);
  });

  it('finds link problems from one source the same as one by one', () => {
    const plan = smallPlan();
    const ids = [...plan.theoryOfChange.nodes.map((n) => n.id), 'missing'];
    for (const source of ids) {
      const from = linkProblemsFrom(plan, source);
      for (const target of ids) expect(from(target)).toBe(linkProblem(plan, source, target));
    }
  });

  it('keeps the best matches of a search in order without sorting every match', () => {
    const plan = chain(300);
    plan.theoryOfChange.nodes.forEach((n, i) => {
      n.title = `${['Alpha', 'beta', 'Gamma'][i % 3]} step ${(i * 7919) % 300}`;
    });
    const nodes = plan.theoryOfChange.nodes;
    // The same as scoring and sorting all matches, then taking the first ones.
    const reference = (query: string, limit: number) => {
      const words = query.toLowerCase().split(/\s+/).filter(Boolean);
      return nodes
        .map((node) => ({ node, title: node.title.toLowerCase() }))
        .filter(({ title }) => words.every((w) => title.includes(w)))
        .map(({ node, title }) => ({
          node,
          score:
            (title.startsWith(words[0]!) ? 0 : 1) + (words.every((w) => title.includes(w)) ? 0 : 2),
        }))
        .sort((a, b) => a.score - b.score || a.node.title.localeCompare(b.node.title))
        .slice(0, limit)
        .map((s) => s.node.id);
    };
    for (const [query, limit] of [
      ['step', 8],
      ['step 1', 20],
      ['ta', 50],
      ['gamma step 2', 5],
    ] as const)
      expect(searchTocNodes(nodes, query, limit).map((n) => n.id)).toEqual(reference(query, limit));
  });
});

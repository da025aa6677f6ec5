/** Each plan-health rule on its own: what it flags, and what it leaves alone. */
import { describe, expect, it } from 'vitest';
import {
  danglingReference,
  duplicateLink,
  indicatorIncomplete,
  leadsNowhere,
  linkWithoutRationale,
  logicModelCycle,
  missingIndicatorParts,
  noImpact,
  notTraced,
  orphanNode,
  outcomeWithoutIndicator,
  selfLink,
} from '../../shared/health/rules';
import { ALL_RULES } from '../../shared/health/rules';
import { quoted } from '../../shared/health/words';
import { english, englishValue, inEnglish } from './health-english';
import { healthyPlan, indicator, planWith } from './health-fixtures';

/** A title as findings write it in English. */
const quoteTitle = (title: string) => englishValue(quoted(title));

const targets = (findings: { target: { elementId: string | null } }[]) =>
  findings.map((f) => f.target.elementId);

describe('the healthy fixture', () => {
  it('has no finding from any rule', () => {
    const plan = healthyPlan();
    for (const rule of ALL_RULES) expect(rule(plan)).toEqual([]);
  });
});

describe('outcome without indicator', () => {
  it('flags a theory-of-change outcome without an indicator, pointing at it', () => {
    const plan = healthyPlan();
    plan.indicators = plan.indicators.filter((i) => !i.subjectIds.includes('out-skills'));
    const findings = outcomeWithoutIndicator(plan);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      id: 'outcome-without-indicator:out-skills',
      rule: 'outcome-without-indicator',
      severity: 'warning',
      target: { section: 'theoryOfChange', elementId: 'out-skills' },
    });
    expect(english(findings[0]!.message)).toBe(
      'The short-term outcome “out-skills” has no indicator, so no one will be able to tell whether it happened.',
    );
  });

  it('flags logic-model outputs and outcomes, but not inputs, activities or notes', () => {
    const plan = planWith({
      items: [
        { id: 'in', lane: 'input' },
        { id: 'act', lane: 'activity' },
        { id: 'out', lane: 'output' },
        { id: 'sto', lane: 'shortTermOutcome' },
        { id: 'imo', lane: 'intermediateOutcome' },
        { id: 'lto', lane: 'longTermOutcome' },
        { id: 'asm', lane: 'assumption' },
        { id: 'ext', lane: 'externalFactor' },
      ],
    });
    const findings = outcomeWithoutIndicator(plan);
    expect(targets(findings)).toEqual(['out', 'sto', 'imo', 'lto']);
    expect(findings.every((f) => f.target.section === 'logicModel')).toBe(true);
    expect(english(findings[0]!.message)).toMatch(/^The output “out” has no indicator/);
  });

  it('does not flag preconditions, interventions or the impact', () => {
    const plan = planWith({
      nodes: [
        { id: 'i', kind: 'impact' },
        { id: 'p', kind: 'precondition' },
        { id: 'n', kind: 'intervention' },
      ],
    });
    expect(outcomeWithoutIndicator(plan)).toEqual([]);
  });
});

describe('indicator without baseline, target or data source', () => {
  it('names exactly what is missing', () => {
    expect(missingIndicatorParts(indicator({ id: 'a', subjectId: 's' }))).toEqual([]);
    expect(
      missingIndicatorParts(
        indicator({ id: 'a', subjectId: 's', baseline: { value: null, date: '2026-01-01' } }),
      ),
    ).toEqual(['baseline']);
    expect(
      missingIndicatorParts(
        indicator({
          id: 'a',
          subjectId: 's',
          baseline: { value: null, date: null },
          target: { value: null, date: null },
          dataSource: '  ',
        }),
      ),
    ).toEqual(['baseline', 'target', 'data source']);
  });

  it('flags an incomplete indicator and points at the element it measures', () => {
    const plan = healthyPlan();
    plan.indicators.find((i) => i.id === 'i-jobs')!.target.value = null;
    plan.indicators.find((i) => i.id === 'i-out')!.dataSource = '';
    plan.indicators.find((i) => i.id === 'i-out')!.baseline.value = null;
    const findings = indicatorIncomplete(plan);
    expect(findings.map((f) => [f.id, f.target])).toEqual([
      ['indicator-incomplete:i-jobs', { section: 'theoryOfChange', elementId: 'out-jobs' }],
      ['indicator-incomplete:i-out', { section: 'logicModel', elementId: 'out' }],
    ]);
    expect(english(findings[0]!.message)).toBe(
      'The indicator “Indicator i-jobs” (for “out-jobs”) has no target.',
    );
    expect(english(findings[1]!.message)).toMatch(/has no baseline or data source\.$/);
  });

  it('counts zero as a value, and leaves indicators of missing elements to another rule', () => {
    const plan = planWith({
      indicators: [{ id: 'x', subjectId: 'gone', dataSource: '' }],
      items: [{ id: 'out', lane: 'output' }],
    });
    expect(indicatorIncomplete(plan)).toEqual([]);
    const zero = planWith({
      items: [{ id: 'out', lane: 'output' }],
      indicators: [
        {
          id: 'z',
          subjectId: 'out',
          baseline: { value: 0, date: null },
          target: { value: 0, date: null },
        },
      ],
    });
    expect(indicatorIncomplete(zero)).toEqual([]);
  });
});

describe('orphan node', () => {
  it('flags a theory-of-change element with no link', () => {
    const plan = healthyPlan();
    plan.theoryOfChange.nodes.push({
      id: 'lonely',
      kind: 'precondition',
      horizon: null,
      title: 'Lonely',
      description: '',
      position: { x: 0, y: 0 },
    });
    const findings = orphanNode(plan);
    expect(findings).toHaveLength(1);
    expect(inEnglish(findings[0]!)).toMatchObject({
      severity: 'warning',
      target: { section: 'theoryOfChange', elementId: 'lonely' },
      message: 'The precondition “Lonely” is not linked to anything in the theory of change.',
    });
  });

  it('lets assumption and external-factor notes stand alone', () => {
    const plan = planWith({
      nodes: [
        { id: 'a', kind: 'assumption' },
        { id: 'e', kind: 'externalFactor' },
      ],
    });
    expect(orphanNode(plan)).toEqual([]);
  });

  it('does not count a link whose other end no longer exists', () => {
    const plan = planWith({
      nodes: [{ id: 'o', kind: 'outcome', horizon: 'short' }],
      links: [['o', 'gone']],
    });
    expect(targets(orphanNode(plan))).toEqual(['o']);
  });
});

describe('intervention or activity that leads nowhere', () => {
  it('flags an intervention with no path to an outcome', () => {
    const plan = healthyPlan();
    plan.theoryOfChange.nodes.push({
      id: 'int-idle',
      kind: 'intervention',
      horizon: null,
      title: 'Idle',
      description: '',
      position: { x: 0, y: 0 },
    });
    // Linked, but only to another intervention: still no outcome downstream.
    plan.theoryOfChange.nodes.push({
      id: 'int-dead-end',
      kind: 'intervention',
      horizon: null,
      title: 'Dead end',
      description: '',
      position: { x: 0, y: 0 },
    });
    plan.theoryOfChange.links.push({
      id: 'x',
      source: 'int-idle',
      target: 'int-dead-end',
      rationale: 'r',
      assumptions: [],
      evidence: 'none',
    });
    const findings = leadsNowhere(plan);
    expect(targets(findings)).toEqual(['int-idle', 'int-dead-end']);
    expect(english(findings[0]!.message)).toMatch(
      /^The intervention “Idle” does not lead to any outcome/,
    );
  });

  it('accepts a path through preconditions, and a direct link to the impact', () => {
    const plan = planWith({
      nodes: [
        { id: 'impact', kind: 'impact' },
        { id: 'a', kind: 'intervention' },
        { id: 'b', kind: 'intervention' },
        { id: 'p', kind: 'precondition' },
        { id: 'p2', kind: 'precondition' },
        { id: 'o', kind: 'outcome' },
      ],
      links: [
        ['a', 'p'],
        ['p', 'p2'],
        ['p2', 'o'],
        ['b', 'impact'],
      ],
    });
    expect(leadsNowhere(plan)).toEqual([]);
  });

  it('flags an activity with no path to an output or outcome', () => {
    const plan = planWith({
      items: [
        { id: 'a1', lane: 'activity', title: 'Run outreach' },
        { id: 'a2', lane: 'activity' },
        { id: 'a3', lane: 'activity' },
        { id: 'out', lane: 'output' },
        { id: 'sto', lane: 'shortTermOutcome' },
        { id: 'in', lane: 'input' },
      ],
      lmLinks: [
        ['a2', 'out'],
        ['a3', 'sto'],
        ['in', 'a1'],
      ],
    });
    const findings = leadsNowhere(plan);
    expect(findings).toHaveLength(1);
    expect(inEnglish(findings[0]!)).toMatchObject({
      target: { section: 'logicModel', elementId: 'a1' },
      message: 'The activity “Run outreach” does not lead to any output or outcome.',
    });
  });
});

describe('link without rationale', () => {
  it('flags a causal link whose rationale is empty or blank, as advice', () => {
    const plan = planWith({
      nodes: [
        { id: 'a', kind: 'intervention', title: 'Coaching' },
        { id: 'b', kind: 'outcome', title: 'Completion' },
      ],
      links: [
        ['a', 'b', '  '],
        ['a', 'b', 'Coaches catch learners who stall'],
      ],
    });
    const findings = linkWithoutRationale(plan);
    expect(findings.map(inEnglish)).toEqual([
      {
        id: 'link-without-rationale:link-1',
        rule: 'link-without-rationale',
        severity: 'info',
        message:
          'The link from “Coaching” to “Completion” has no rationale saying why one leads to the other.',
        target: { section: 'theoryOfChange', elementId: 'link-1' },
      },
    ]);
  });

  it('leaves broken links to the dangling-reference rule', () => {
    const plan = planWith({
      nodes: [{ id: 'a', kind: 'intervention' }],
      links: [['a', 'gone', '']],
    });
    expect(linkWithoutRationale(plan)).toEqual([]);
  });
});

describe('logic-model cycle', () => {
  it('finds a loop and names it in order', () => {
    const plan = planWith({
      items: [
        { id: 'a', lane: 'activity', title: 'A' },
        { id: 'b', lane: 'output', title: 'B' },
        { id: 'c', lane: 'shortTermOutcome', title: 'C' },
        { id: 'd', lane: 'intermediateOutcome', title: 'D' },
      ],
      lmLinks: [
        ['a', 'b'],
        ['b', 'c'],
        ['c', 'a'],
        ['c', 'd'],
      ],
    });
    const findings = logicModelCycle(plan);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      id: 'logic-model-cycle:a+b+c',
      severity: 'error',
      target: { section: 'logicModel', elementId: 'a' },
    });
    expect(english(findings[0]!.message)).toBe(
      'The logic model goes round in a circle: “A” → “B” → “C” → “A”. Arrows should run from inputs towards impact.',
    );
  });

  it('finds separate loops and self-loops, and ignores a diamond (no loop)', () => {
    const plan = planWith({
      items: ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ id, lane: 'output' as const })),
      lmLinks: [
        ['a', 'b'],
        ['b', 'a'],
        ['c', 'c'],
        ['d', 'e'],
        ['d', 'f'],
        ['e', 'f'],
      ],
    });
    expect(logicModelCycle(plan).map((f) => f.id)).toEqual([
      'logic-model-cycle:a+b',
      'logic-model-cycle:c',
    ]);
    expect(logicModelCycle(healthyPlan())).toEqual([]);
  });

  it('handles a chain of 20,000 items without overflowing the stack', () => {
    const ids = Array.from({ length: 20_000 }, (_, i) => `n${i}`);
    const plan = planWith({
      items: ids.map((id) => ({ id, lane: 'output' as const })),
      lmLinks: ids.slice(1).map((id, i) => [ids[i]!, id] as [string, string]),
    });
    expect(logicModelCycle(plan)).toEqual([]);
    plan.logicModel.links.push({ id: 'back', source: 'n19999', target: 'n0' });
    expect(logicModelCycle(plan)).toHaveLength(1);
  });
});

describe('no impact', () => {
  it('flags a theory of change without an impact, for the section as a whole', () => {
    const plan = healthyPlan();
    plan.theoryOfChange.nodes = plan.theoryOfChange.nodes.filter((n) => n.kind !== 'impact');
    expect(noImpact(plan).map(inEnglish)).toEqual([
      {
        id: 'no-impact',
        rule: 'no-impact',
        severity: 'warning',
        message:
          'The theory of change has no long-term goal (impact) at the top for the outcomes to lead to.',
        target: { section: 'theoryOfChange', elementId: null },
      },
    ]);
  });

  it('says where to start when the theory of change is empty, and is quiet with an impact', () => {
    expect(english(noImpact(planWith({}))[0]!.message)).toMatch(/^The theory of change is empty/);
    expect(noImpact(planWith({ nodes: [{ id: 'i', kind: 'impact' }] }))).toEqual([]);
  });
});

describe('logic-model outcome not traced to the theory of change', () => {
  const plan = planWith({
    nodes: [
      { id: 'o', kind: 'outcome', title: 'Jobs' },
      { id: 'imp', kind: 'impact' },
      { id: 'int', kind: 'intervention', title: 'Coaching' },
    ],
    items: [
      { id: 'ok', lane: 'shortTermOutcome', tocOutcomeId: 'o' },
      { id: 'ok-impact', lane: 'longTermOutcome', tocOutcomeId: 'imp' },
      { id: 'none', lane: 'intermediateOutcome', title: 'Placements' },
      { id: 'gone', lane: 'longTermOutcome', tocOutcomeId: 'deleted' },
      { id: 'wrong', lane: 'shortTermOutcome', tocOutcomeId: 'int' },
      { id: 'activity', lane: 'activity' },
      { id: 'output', lane: 'output' },
    ],
  });

  it('flags untraced, missing and non-outcome links, each with its own sentence', () => {
    const findings = notTraced(plan);
    expect(targets(findings)).toEqual(['none', 'gone', 'wrong']);
    expect(findings.map((f) => english(f.message))).toEqual([
      'The intermediate outcome “Placements” is not linked to an outcome in the theory of change, so it is unclear which change it puts into practice.',
      'The long-term outcome “gone” is linked to a theory-of-change outcome that no longer exists.',
      'The short-term outcome “wrong” is linked to “Coaching”, which is an intervention, not an outcome.',
    ]);
    expect(findings.every((f) => f.severity === 'warning')).toBe(true);
  });

  it('does not ask activities or outputs to be traced', () => {
    expect(targets(notTraced(plan))).not.toContain('activity');
    expect(targets(notTraced(plan))).not.toContain('output');
  });
});

describe('dangling references', () => {
  it('flags links and indicators that point at missing elements, with a repair', () => {
    const plan = healthyPlan();
    plan.theoryOfChange.links.push({
      id: 'bad-toc',
      source: 'impact',
      target: 'gone',
      rationale: '',
      assumptions: [],
      evidence: 'none',
    });
    plan.logicModel.links.push({ id: 'bad-lm', source: 'gone', target: 'out' });
    plan.indicators.push(indicator({ id: 'bad-ind', subjectId: 'gone', name: 'Orphan count' }));
    const findings = danglingReference(plan);
    expect(findings.map((f) => [f.severity, f.repair?.kind, f.repair?.id])).toEqual([
      ['error', 'removeTocLink', 'bad-toc'],
      ['error', 'removeLogicLink', 'bad-lm'],
      ['error', 'removeIndicator', 'bad-ind'],
    ]);
    expect(english(findings[2]!.message)).toBe(
      'The indicator “Orphan count” belongs to an element that no longer exists.',
    );
  });

  it('is quiet when every reference resolves', () => {
    expect(danglingReference(healthyPlan())).toEqual([]);
  });
});

describe('link from an element to itself', () => {
  it('flags a theory-of-change self-link as an error that opens the link', () => {
    const plan = healthyPlan();
    plan.theoryOfChange.links.push({
      id: 'loop',
      source: 'pre-access',
      target: 'pre-access',
      rationale: 'x',
      assumptions: [],
      evidence: 'none',
    });
    expect(selfLink(plan).map(inEnglish)).toEqual([
      {
        id: 'self-link:loop',
        rule: 'self-link',
        severity: 'error',
        message:
          'The precondition “pre-access” is linked to itself, which says it leads to itself. Remove the link, or point it at what the element contributes to.',
        target: { section: 'theoryOfChange', elementId: 'loop' },
      },
    ]);
  });

  it('leaves a self-link to a missing element to the broken-reference rule', () => {
    const plan = planWith({ nodes: [{ id: 'a', kind: 'outcome' }], links: [['gone', 'gone']] });
    expect(selfLink(plan)).toEqual([]);
    expect(danglingReference(plan)).toHaveLength(1);
  });
});

describe('the same link twice', () => {
  it('flags each repeat of a theory-of-change link, not the first', () => {
    const plan = planWith({
      nodes: [
        { id: 'a', kind: 'intervention' },
        { id: 'b', kind: 'outcome' },
      ],
      links: [
        ['a', 'b'],
        ['b', 'a'],
        ['a', 'b', 'a second reason'],
        ['a', 'b'],
      ],
    });
    const findings = duplicateLink(plan);
    expect(targets(findings)).toEqual(['link-3', 'link-4']);
    expect(inEnglish(findings[0]!)).toMatchObject({
      id: 'duplicate-link:link-3',
      rule: 'duplicate-link',
      severity: 'warning',
      message:
        'The link from “a” to “b” is in the theory of change more than once. Keep one, with everything the copies say.',
    });
    // A causal link may say something of its own: no one-click removal.
    expect(findings[0]!.repair).toBeUndefined();
  });

  it('flags a repeated logic-model arrow, removable in one click', () => {
    const plan = healthyPlan();
    plan.logicModel.links.push({ id: 'again', source: 'act', target: 'out' });
    expect(duplicateLink(plan).map(inEnglish)).toEqual([
      {
        id: 'duplicate-link:again',
        rule: 'duplicate-link',
        severity: 'warning',
        message:
          'The arrow from the activity “act” to the output “out” is in the logic model more than once.',
        target: { section: 'logicModel', elementId: 'again' },
        repair: { kind: 'removeLogicLink', id: 'again', label: 'Remove the extra arrow' },
      },
    ]);
  });

  it('does not count links whose ends are missing (broken references are reported once)', () => {
    const plan = planWith({
      nodes: [{ id: 'a', kind: 'outcome' }],
      links: [
        ['a', 'x'],
        ['a', 'x'],
      ],
    });
    expect(duplicateLink(plan)).toEqual([]);
  });
});

describe('titles in messages', () => {
  it('quotes, trims and shortens titles, and names untitled elements', () => {
    expect(quoteTitle('  Jobs \n now ')).toBe('“Jobs now”');
    expect(quoteTitle('')).toBe('an untitled element');
    const long = quoteTitle('x'.repeat(200));
    expect(long.length).toBe(82);
    expect(long.endsWith('…”')).toBe(true);
  });
});

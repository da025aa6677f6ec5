import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  describeDuration,
  durationWeeks,
  holderForRole,
  mergeSkills,
  moveItem,
  requiredSkillsOf,
  skillGaps,
  summarisePathway,
} from '../../shared/content/pathways';
import { readPlanFile } from '../../shared/plan/plan-file';
import { ContentItem, Pathway } from '../../shared/plan/schema';
import { formatMoney, incentiveBudget, totalIncentiveBudget } from '../../shared/learners/segments';
import { LearnerSegment } from '../../shared/plan/schema';

const item = (id: string, level: ContentItem['level'], hours: number | null, skills: string[]) =>
  ContentItem.parse({ id, title: `Item ${id}`, level, hours, skills, costPerLearner: 10 });

const catalog = [
  item('a', 'beginner', 10, ['Computer basics']),
  item('b', 'intermediate', 20.5, ['SQL', 'Data cleaning']),
  item('c', 'beginner', null, ['sql ']),
  item('d', 'advanced', 4, ['Python']),
];

const pathway = (
  steps: string[],
  requiredSkills: string[],
  mode: 'sequence' | 'group' = 'sequence',
) =>
  Pathway.parse({
    id: 'p',
    name: 'P',
    mode,
    hoursPerWeek: 6,
    requiredSkills,
    steps: steps.map((contentItemId, i) => ({ id: `s${i}`, contentItemId })),
  });

describe('duration', () => {
  it('rounds weeks up and describes longer durations in months', () => {
    expect(durationWeeks(30.5, 6)).toBe(6);
    expect(durationWeeks(30, 6)).toBe(5);
    expect(durationWeeks(0, 6)).toBe(0);
    expect(durationWeeks(10, 0)).toBe(0);
    expect(describeDuration(5)).toBe('5 weeks');
    expect(describeDuration(1)).toBe('1 week');
    expect(describeDuration(26)).toBe('26 weeks (about 6 months)');
  });

  it('always gives enough weeks for the hours, and not a week more (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 100_000 }),
        fc.integer({ min: 1, max: 160 }),
        (h10, p2) => {
          const hours = h10 / 10;
          const pace = p2 / 2;
          const weeks = durationWeeks(hours, pace);
          expect(weeks * pace).toBeGreaterThanOrEqual(hours - 1e-6);
          expect((weeks - 1) * pace).toBeLessThan(hours);
        },
      ),
    );
  });
});

describe('pathway summary', () => {
  it('totals hours, counts items without hours and computes duration', () => {
    const s = summarisePathway(pathway(['a', 'b', 'c'], []), catalog);
    expect(s.totalHours).toBe(30.5);
    expect(s.stepsWithoutHours).toBe(1);
    expect(s.weeks).toBe(6);
    expect(s.totalCost).toBe(30);
  });

  it('lists required skills not covered, matching names without case or spaces', () => {
    const s = summarisePathway(
      pathway(['a', 'c'], ['Computer basics', 'SQL', 'Python', 'python']),
      catalog,
    );
    expect(s.covered.map((c) => c.skill)).toEqual(['Computer basics', 'SQL']);
    expect(s.covered[1]!.stepIds).toEqual(['s1']);
    expect(s.uncovered).toEqual(['Python']);
  });

  it('warns when a level goes backwards in a sequence, but not in group mode', () => {
    const s = summarisePathway(pathway(['a', 'b', 'c', 'd'], []), catalog);
    expect(s.levelWarnings).toEqual([
      expect.objectContaining({
        stepId: 's2',
        index: 2,
        level: 'beginner',
        previousLevel: 'intermediate',
      }),
    ]);
    expect(summarisePathway(pathway(['a', 'b', 'c'], [], 'group'), catalog).levelWarnings).toEqual(
      [],
    );
    expect(summarisePathway(pathway(['a', 'b', 'd'], []), catalog).levelWarnings).toEqual([]);
  });

  it('counts steps whose catalog item was deleted', () => {
    const s = summarisePathway(pathway(['a', 'gone'], ['Computer basics']), catalog);
    expect(s.missingItems).toBe(1);
    expect(s.totalHours).toBe(10);
  });

  it('groups steps by their group label with hours per group', () => {
    const p = pathway(['a', 'b', 'd'], [], 'group');
    p.steps[0]!.group = 'Basics';
    p.steps[1]!.group = 'Data';
    p.steps[2]!.group = 'Data';
    const s = summarisePathway(p, catalog);
    expect(s.groups).toEqual([
      { group: 'Basics', stepIds: ['s0'], hours: 10 },
      { group: 'Data', stepIds: ['s1', 's2'], hours: 24.5 },
    ]);
  });

  it('moves a step keeping every other step in order (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer(), { minLength: 1, maxLength: 20 }),
        fc.nat(),
        fc.nat(),
        (list, f, t) => {
          const from = f % list.length;
          const to = t % list.length;
          const moved = moveItem(list, from, to);
          expect(moved).toHaveLength(list.length);
          expect(moved[to]).toBe(list[from]);
          const rest = [...list];
          rest.splice(from, 1);
          const movedRest = [...moved];
          movedRest.splice(to, 1);
          expect(movedRest).toEqual(rest);
        },
      ),
    );
  });
});

describe('skills map', () => {
  const text = readFileSync(
    join(import.meta.dirname, '../../resources/sample-plans/youth-digital-skills.upskill.json'),
    'utf8',
  );
  const read = readPlanFile(text);
  if (!read.ok) throw new Error(read.message);
  const map = read.plan.skillsMap;

  it('lists gaps, largest first', () => {
    const gaps = skillGaps(map);
    expect(gaps[0]).toMatchObject({
      holderName: 'Customer service agent (digital channels)',
      skillName: 'CRM software',
      gap: 2,
    });
    expect(gaps.every((g) => g.gap > 0)).toBe(true);
  });

  it('feeds a role’s required skills to a pathway', () => {
    const holder = holderForRole(map, '  it support technician (ENTRY level) ');
    expect(holder).toBe('role-it-support');
    expect(requiredSkillsOf(map, holder!)).toContain('Operating systems');
    expect(requiredSkillsOf(map, holder!, true)).toEqual([
      'Operating systems',
      'Networking fundamentals',
    ]);
    expect(mergeSkills(['SQL'], ['sql', 'Python', ' '])).toEqual(['SQL', 'Python']);
  });

  it('the sample IT pathway covers hardware skills with its lab, and would not without it', () => {
    const p = read.plan.content.pathways.find((x) => x.id === 'pw-it-support')!;
    expect(summarisePathway(p, read.plan.content.catalog).uncovered).toEqual([]);
    const withoutLab = {
      ...p,
      steps: p.steps.filter((s) => s.contentItemId !== 'cat-hardware-lab'),
    };
    expect(summarisePathway(withoutLab, read.plan.content.catalog).uncovered).toEqual([
      'Hardware installation and repair',
    ]);
  });
});

describe('incentive budget', () => {
  // Issue 10: budgets count expected participants, never the whole population.
  it('multiplies cost per learner by expected participants and counts uncosted incentives', () => {
    const seg = LearnerSegment.parse({
      id: 's',
      name: 'S',
      estimatedSize: 9800,
      expectedParticipants: 1000,
      incentives: [
        { id: 'i1', type: 'stipend', costPerLearner: 600 },
        { id: 'i2', type: 'deviceOrData', costPerLearner: 36.5 },
        { id: 'i3', type: 'community', costPerLearner: null },
      ],
    });
    expect(incentiveBudget(seg)).toEqual({
      perLearner: 636.5,
      total: 636_500,
      financialPerLearner: 600,
      uncosted: 1,
    });
    expect(incentiveBudget({ ...seg, expectedParticipants: null }).total).toBeNull();
    expect(totalIncentiveBudget([seg, { ...seg, expectedParticipants: null }])).toEqual({
      learners: 19_600,
      participants: 1000,
      budget: 636_500,
      unsized: 1,
    });
    expect(formatMoney(636_500)).toBe('636,500');
    expect(formatMoney(36.5)).toBe('36.50');
  });
});

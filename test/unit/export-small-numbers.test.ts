/**
 * Small-number suppression (issue 14 new-user finding): in a partner-safe
 * file, a count of learners per segment or cohort from 1 to 4 reads "<5"
 * and rates worked out from it are left out, and the file states the rule;
 * totals and zeros stay, and the internal and funder files show every count.
 */
import { describe, expect, it } from 'vitest';
import { planDocument } from '../../shared/export/document';
import {
  groupCount,
  isSmallCount,
  SMALL_COUNT_RULE,
  suppressesSmallCounts,
} from '../../shared/export/small-numbers';
import { buildPlanWorkbook } from '../../shared/export/xlsx';
import type { Plan, ProgressCounts } from '../../shared/plan/schema';
import { exportOptions, samplePlan } from './export-helpers';

const counts = (over: Partial<ProgressCounts>): ProgressCounts => ({
  learners: 0,
  invited: 0,
  registered: 0,
  enrolled: 0,
  active: 0,
  completed: 0,
  placed: 0,
  hours: 0,
  ...over,
});

/** The sample with one snapshot: a large segment with 2 placed, and a segment of 3 learners. */
function withSmallGroups(): Plan {
  const plan = samplePlan();
  const [big, small] = plan.learners;
  plan.manage.progress = [
    {
      date: '2026-11-30',
      importedAt: '2026-12-01T08:00:00.000Z',
      total: counts({
        learners: 43,
        registered: 43,
        enrolled: 41,
        active: 30,
        completed: 12,
        placed: 2,
        hours: 900,
      }),
      bySegment: {
        [big!.id]: counts({
          learners: 40,
          registered: 40,
          enrolled: 38,
          active: 28,
          completed: 10,
          placed: 2,
          hours: 850,
        }),
        [small!.id]: counts({
          learners: 3,
          registered: 3,
          enrolled: 3,
          active: 2,
          completed: 2,
          placed: 0,
          hours: 50,
        }),
      },
      byCohort: {},
    },
  ];
  return plan;
}

describe('the rule', () => {
  it('suppresses 1–4 in partner-safe files only; zero and five stay', () => {
    expect([0, 1, 4, 5].map(isSmallCount)).toEqual([false, true, true, false]);
    expect(suppressesSmallCounts('partner')).toBe(true);
    expect(suppressesSmallCounts('funder')).toBe(false);
    expect(groupCount(3, 'partner', String)).toBe('<5');
    expect(groupCount(3, 'funder', String)).toBe('3');
    expect(groupCount(0, 'partner', String)).toBe('0');
  });
});

describe('Learner progress by segment', () => {
  const plan = withSmallGroups();
  const segmentTable = (profile: 'internal' | 'partner') => {
    const chapter = planDocument(plan, exportOptions({ profile })).sections.find(
      (s) => s.id === 'roster',
    )!;
    return {
      table: chapter.blocks.filter((b) => b.type === 'table')[0]!,
      text: JSON.stringify(chapter.blocks),
    };
  };

  it('reads "<5" for small counts in the partner-safe Word file, and says why', () => {
    const { table, text } = segmentTable('partner');
    const [big, small] = table.rows;
    // Learners … Job outcome, Learning hours, Completion rate.
    expect(big!.slice(1)).toEqual(['40', '40', '38', '28', '10', '<5', '850', '26 %']);
    expect(small!.slice(1)).toEqual(['<5', '<5', '<5', '<5', '<5', '<5', '—', '—']);
    expect(text).toContain(SMALL_COUNT_RULE);
    // The total stays.
    expect(text).toContain('43');
  });

  it('shows every count in the internal file', () => {
    const { table, text } = segmentTable('internal');
    expect(table.rows[1]!.slice(1)).toEqual(['3', '3', '3', '2', '2', '0', '50', '67 %']);
    expect(text).not.toContain(SMALL_COUNT_RULE);
  });

  it('reads "<5" in the partner-safe Excel sheet too, its rule under the table', async () => {
    const { workbook } = await buildPlanWorkbook(plan, exportOptions({ profile: 'partner' }));
    const ws = workbook.getWorksheet('Learner progress')!;
    const rows = (ws.getSheetValues().slice(2) as unknown[][]).filter((r) => r?.[2] === 'Segment');
    const small = rows.find((r) => r[4] === '<5')!;
    // Learners … Job outcome read "<5"; the hours and the completion rate are left out.
    expect(small.slice(4, 10)).toEqual(['<5', '<5', '<5', '<5', '<5', '<5']);
    expect([small[10], small[11]]).toEqual([undefined, undefined]);
    const big = rows.find((r) => r[4] === 40)!;
    expect(big[9]).toBe('<5');
    const total = (ws.getSheetValues().slice(2) as unknown[][]).find((r) => r?.[2] === 'Total')!;
    expect(total[9]).toBe(2);
    let rule = false;
    ws.eachRow((row) => {
      if (String(row.getCell(1).value ?? '').includes(SMALL_COUNT_RULE)) rule = true;
    });
    expect(rule).toBe(true);
  });
});

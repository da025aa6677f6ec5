/**
 * Issue 14: the Learner progress chapter of the Word plan and its Excel
 * sheet carry the roster's dated aggregates only — latest counts, by segment
 * and cohort, over time — in every profile; the roster (names, e-mails) is
 * never in the plan, so never in an export.
 */
import { describe, expect, it } from 'vitest';
import { planDocument } from '../../shared/export/document';
import { PROFILE_IDS } from '../../shared/export/options';
import { buildPlanWorkbook } from '../../shared/export/xlsx';
import { snapshotOf } from '../../shared/manage/roster';
import { syntheticRoster } from '../../shared/manage/synthetic-roster';
import type { Plan } from '../../shared/plan/schema';
import { exportOptions, samplePlan } from './export-helpers';

/** The sample with two roster imports of its own (a month apart). */
function withProgress(): { plan: Plan; emails: string[] } {
  const plan = samplePlan();
  const { learners } = syntheticRoster(plan, { learners: 300, seed: 3, asOf: '2026-11-30' });
  plan.manage.progress = [
    snapshotOf(learners, '2026-10-31', '2026-11-01T08:00:00.000Z'),
    snapshotOf(learners, '2026-11-30', '2026-12-01T08:00:00.000Z'),
  ];
  return { plan, emails: learners.map((l) => l.email) };
}

describe('Learner progress in the Word plan', () => {
  it('has the latest counts, by segment and cohort, and progress over time, in every profile', () => {
    const { plan } = withProgress();
    for (const profile of PROFILE_IDS) {
      const doc = planDocument(plan, exportOptions({ profile }));
      const chapter = doc.sections.find((s) => s.id === 'roster')!;
      expect(chapter.title).toBe('Learner progress');
      const text = JSON.stringify(chapter.blocks);
      expect(text).toContain('As of 30 November 2026, 300 learners are on the roster');
      expect(text).not.toMatch(/learner\d+@example\.org|Learner \d{5}/);
      const headings = chapter.blocks.filter((b) => b.type === 'heading').map((b) => b.text);
      expect(headings[0]).toMatch(/^By learner segment, 30 November 2026$/);
      expect(headings).toContain('Progress over time');
      const over = chapter.blocks.filter((b) => b.type === 'table').at(-1)!;
      expect(over.rows.map((r) => r[0])).toEqual(['31 October 2026', '30 November 2026']);
    }
  });

  it('is left out while the plan has no snapshot', () => {
    const plan = samplePlan();
    plan.manage.progress = [];
    expect(
      planDocument(plan, exportOptions()).sections.find((s) => s.id === 'roster'),
    ).toBeUndefined();
  });
});

describe('Learner progress in the Excel workbook', () => {
  it('has one row per snapshot and group (total, segments, cohorts), no person', async () => {
    const { plan, emails } = withProgress();
    const { workbook: wb } = await buildPlanWorkbook(plan, exportOptions());
    const ws = wb.getWorksheet('Learner progress')!;
    const rows = ws.getSheetValues().slice(1) as unknown[][];
    expect(rows[0]!.slice(1, 5)).toEqual(['Snapshot date', 'By', 'Group', 'Learners']);
    const totals = rows.filter((r) => r[2] === 'Total');
    expect(totals.map((r) => r[4])).toEqual([300, 300]);
    expect(rows.some((r) => r[2] === 'Segment')).toBe(true);
    const all = JSON.stringify(rows);
    for (const e of emails.slice(0, 50)) expect(all).not.toContain(e);
  });
});

/**
 * Issue 13: the Invitations chapter of the Word plan and its Excel sheets
 * carry counts only — invitations needed, per segment and wave, the funnel
 * per wave — in every profile; the invitation list (names, e-mails) is never
 * in the plan, so never in an export.
 */
import { describe, expect, it } from 'vitest';
import { planDocument } from '../../shared/export/document';
import { PROFILE_IDS } from '../../shared/export/options';
import { buildPlanWorkbook } from '../../shared/export/xlsx';
import { exportOptions, samplePlan } from './export-helpers';

describe('Invitations in the Word plan', () => {
  it('has a chapter with the invitations needed, the split by segment and wave, and the funnel', () => {
    for (const profile of PROFILE_IDS) {
      const doc = planDocument(samplePlan(), exportOptions({ profile }));
      const chapter = doc.sections.find((s) => s.id === 'invitations')!;
      expect(chapter.title).toBe('Invitations');
      const text = JSON.stringify(chapter.blocks);
      expect(text).toContain(
        'To fill 2,000 licences the program sends 4,000 invitations: 2 per licence.',
      );
      const tables = chapter.blocks.filter((b) => b.type === 'table');
      expect(tables.map((t) => t.columns.map((c) => c.title))).toEqual([
        [
          'Learner segment',
          'Expected participants',
          'Wave 1 (April)',
          'Wave 2 (May)',
          'Invitations',
        ],
        ['Wave', 'Date', 'Invited', 'Registered', 'Active', 'Completing'],
        ['After', 'Date', 'Invited so far', 'Licences in use', 'Waiting for a licence'],
      ]);
      expect(tables[0]!.totalRow).toEqual(['Total', '', '2,600', '1,400', '4,000']);
      expect(tables[1]!.rows[0]!.slice(0, 3)).toEqual(['Wave 1 (April)', '1 April 2027', '2,600']);
    }
  });

  it('is left out while the plan has no licences', () => {
    const plan = samplePlan();
    plan.launch.marketing.licenses = null;
    const doc = planDocument(plan, exportOptions());
    expect(doc.sections.find((s) => s.id === 'invitations')).toBeUndefined();
  });
});

describe('Invitations in the Excel workbook', () => {
  it('has the segment × wave counts and the funnel per wave', async () => {
    const plan = samplePlan();
    const { workbook: wb } = await buildPlanWorkbook(plan, exportOptions());
    const split = wb.getWorksheet('Invitations')!;
    const rows = split.getSheetValues().slice(1) as unknown[][];
    expect(rows[0]!.slice(1)).toEqual([
      'Learner segment',
      'Expected participants',
      'Wave 1 (April)',
      'Wave 2 (May)',
      'Invitations',
    ]);
    // Totals and counts are live formulas now (issue 13); their cached results are the counts.
    const value = (v: unknown) =>
      v !== null && typeof v === 'object' && 'formula' in v
        ? (v as unknown as { result: unknown }).result
        : v;
    expect(rows[plan.learners.length + 1]!.slice(1).map(value)).toEqual([
      'Total',
      undefined,
      2600,
      1400,
      4000,
    ]);
    const waves = wb.getWorksheet('Invitation waves')!;
    const w = waves.getSheetValues().slice(1) as unknown[][];
    expect(w[1]![1]).toBe('Wave 1 (April)');
    expect(w[1]!.slice(3).map(value)).toEqual([65, 2600, 1820, 1456, 874]);
  });
});

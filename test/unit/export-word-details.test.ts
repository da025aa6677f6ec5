/** Word details a strict reader or a ministry notices (issue 12). */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import {
  indicatorCompleteness,
  nameWithOrganisation,
  planDocument,
  withoutLeadingBecause,
} from '../../shared/export/document';
import { buildPlanDocx } from '../../shared/export/docx';
import { exportOptions, samplePlan } from './export-helpers';

describe('the Word document', () => {
  it('defines every style another is based on, and says its language', async () => {
    const files = unzipSync(await buildPlanDocx(samplePlan(), exportOptions()));
    const styles = strFromU8(files['word/styles.xml']!);
    const defined = new Set([...styles.matchAll(/w:styleId="([^"]+)"/g)].map((m) => m[1]));
    const bases = new Set([...styles.matchAll(/w:basedOn w:val="([^"]+)"/g)].map((m) => m[1]));
    for (const base of bases) expect(defined, `style ${base}`).toContain(base);
    expect(styles).toMatch(/<w:docDefaults>[\s\S]*<w:lang w:val="en-GB"/);
  });

  it('says baselines and targets are dated, and who owns them, only as far as it is true', () => {
    const { indicators } = samplePlan();
    const complete = indicators.map((i) => ({
      ...i,
      baseline: { ...i.baseline, date: i.baseline.date ?? '2026-06-30' },
      target: { ...i.target, date: i.target.date ?? '2028-06-30' },
      dataSource: i.dataSource || 'Survey',
      frequency: i.frequency ?? ('quarterly' as const),
      owner: i.owner || 'M&E lead',
    }));
    expect(indicatorCompleteness(complete)).toBe(
      'Baselines and targets are dated. Each has a data source, a reporting frequency and an owner.',
    );
    const partly = complete.map((i, n) =>
      n < 2 ? { ...i, target: { ...i.target, date: null }, owner: '' } : i,
    );
    expect(indicatorCompleteness(partly)).toBe(
      `${complete.length - 2} of ${complete.length} have a dated baseline and target. 2 of ${complete.length} have no owner yet.`,
    );
    const bare = complete.map((i) => ({ ...i, dataSource: '' }));
    expect(indicatorCompleteness(bare)).toContain('None has a data source yet.');
  });

  it('reads as written by a person: no name said twice, no "Because" under "Because", no bare "Other"', () => {
    expect(nameWithOrganisation('Corvane Learning', 'Corvane Learning (learning platform)')).toBe(
      'Corvane Learning (learning platform)',
    );
    expect(
      nameWithOrganisation(
        'Trades Council',
        'Lower Valley Trades Council (trade union federation)',
      ),
    ).toBe('Trades Council — Lower Valley Trades Council (trade union federation)');
    expect(nameWithOrganisation('Skills Fund board', 'Lower Valley Skills Fund')).toBe(
      'Skills Fund board (Lower Valley Skills Fund)',
    );
    expect(nameWithOrganisation('Riveline Mobile', ' riveline  mobile ')).toBe('Riveline Mobile');
    expect(withoutLeadingBecause('Because learners who finish get hired.')).toBe(
      'Learners who finish get hired.',
    );
    expect(withoutLeadingBecause('Because.')).toBe('Because.');
    expect(withoutLeadingBecause('Employers trust the certificate.')).toBe(
      'Employers trust the certificate.',
    );
    const plan = samplePlan();
    if (!plan.learners[0]!.barriers.includes('other')) plan.learners[0]!.barriers.push('other');
    const doc = planDocument(plan, exportOptions());
    const texts = doc.sections.flatMap((s) =>
      s.blocks.flatMap((b) =>
        b.type === 'paragraph'
          ? [b.text]
          : b.type === 'bullets'
            ? [...b.items]
            : b.type === 'table'
              ? b.rows.flat()
              : [],
      ),
    );
    expect(texts.filter((t) => /\([^()]*\(/.test(t))).toEqual([]);
    expect(texts.filter((t) => /^because\b/i.test(t))).toEqual([]);
    // Barrier lists (bullets, and the segments table's Barriers column) never end in a bare "Other".
    const barrierTexts = doc.sections.flatMap((s) =>
      s.blocks.flatMap((b) => {
        if (b.type === 'bullets') return [...b.items];
        if (b.type !== 'table') return [];
        const col = b.columns.findIndex((c) => c.title === 'Barriers');
        return col < 0 ? [] : b.rows.map((r) => r[col]!);
      }),
    );
    expect(barrierTexts.filter((t) => t === 'Other' || /, Other$/.test(t))).toEqual([]);
    expect(barrierTexts.some((t) => /Other barriers/.test(t))).toBe(true);
  });
});

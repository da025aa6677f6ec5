/** Word details a strict reader or a ministry notices (issue 12). */
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { indicatorCompleteness } from '../../shared/export/document';
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
});

/**
 * Issue 13: the "Marketing plan" chapter of the Word plan and the Excel
 * sheets. Channels with their budgets in the plan currency and the total
 * against the outreach line, the coverage of segments, the fewest-clicks
 * verdict, learner stories — only those with consent, in every profile and
 * both files — and the funnel figure (SVG with a PNG fallback) with its table.
 */
import { produce } from 'immer';
import { beforeAll, describe, expect, it } from 'vitest';
import { createNodeRasterizer } from '../../electron/export-node';
import { planDocument } from '../../shared/export/document';
import { buildPlanDocx, estimatePlanPages } from '../../shared/export/docx';
import type { Rasterize } from '../../shared/export/options';
import { PROFILE_IDS } from '../../shared/export/options';
import { buildPlanXlsx } from '../../shared/export/xlsx';
import type { Plan } from '../../shared/plan/schema';
import { exportOptions, samplePlan, xmlUnescape, zipText } from './export-helpers';

const squash = (s: string) => xmlUnescape(s.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');

const SECRET_TITLE = 'Jo finds her feet UNCONSENTED';
const SECRET_STORY = 'Jo, 23, told us this in confidence NOT-FOR-EXPORT.';

/** The sample with a story whose consent is not recorded. */
const plan: Plan = produce(samplePlan(), (d) => {
  d.launch.marketing.stories.push({
    id: 'story-jo',
    title: SECRET_TITLE,
    summary: SECRET_STORY,
    segmentId: 'seg-neet',
    consentGiven: false,
    consentDate: null,
    consentNote: '',
  });
});

let rasterize: Rasterize;
beforeAll(async () => {
  rasterize = await createNodeRasterizer();
});

describe('marketing plan export', () => {
  it('the Word chapter: channels and total, coverage, verdict, consented stories, funnel figure and table', async () => {
    const doc = planDocument(plan, exportOptions({ sections: ['marketing'] }));
    expect(doc.sections.map((s) => s.title)).toEqual(['Marketing plan']);
    const blocks = doc.sections[0]!.blocks;
    const channels = blocks.find((b) => b.type === 'table')!;
    expect(channels.type === 'table' && channels.totalRow).toEqual([
      'Total',
      '',
      '',
      '',
      '',
      '€63,500',
    ]);
    expect(channels.type === 'table' && channels.columns.at(-1)!.title).toBe('Budget (EUR)');
    // A channel's name first (bold), then its kind and description; the reach table names it too.
    expect(channels.type === 'table' && channels.rows[0]![0]).toBe(
      'Spring ads and radio spots\nPaid ads: Targeted social and search ads for 18–29s in the region, plus 60 Lower Valley Community Radio spot adverts in the rural east',
    );
    const reach = blocks.filter((b) => b.type === 'table')[1]!;
    expect(reach.type === 'table' && reach.rows.flat().join(' ')).toContain(
      'Digital Futures website hub',
    );
    const texts = blocks.flatMap((b) =>
      b.type === 'paragraph' ? [b.text] : b.type === 'heading' ? [b.text] : [],
    );
    expect(texts).toContain(
      '3 steps from invitation to first lesson: within the target of 3 steps.',
    );
    expect(texts).toContain('Every learner segment is reached by at least one channel.');
    expect(texts.some((t) => t.startsWith('The channels cost €63,500'))).toBe(true);
    expect(texts).toContain('From warehouse shifts to the Brackenfield service desk');
    expect(texts).not.toContain(SECRET_TITLE);
    const figure = blocks.find((b) => b.type === 'diagram');
    expect(figure?.type === 'diagram' && figure.caption).toMatch(/^Learner journey funnel\./);

    const bytes = await buildPlanDocx(plan, exportOptions({ sections: ['marketing'], rasterize }));
    const xml = squash(zipText(bytes, /^word\/document\.xml$/));
    expect(xml).toContain('Marketing plan');
    expect(xml).toContain('Awareness');
    expect(xml).toContain('Learner journey funnel.');
    // The figure is in the file as SVG with its PNG fallback.
    const media = Object.keys((await import('fflate')).unzipSync(bytes)).filter((n) =>
      n.startsWith('word/media/'),
    );
    expect(media.some((n) => n.endsWith('.svg'))).toBe(true);
    expect(media.some((n) => n.endsWith('.png'))).toBe(true);
    // The page estimate counts the figure's height (without a rasteriser it is a one-line note).
    const withFigure = estimatePlanPages(
      plan,
      exportOptions({ sections: ['marketing'], rasterize }),
    );
    const without = estimatePlanPages(plan, exportOptions({ sections: ['marketing'] }));
    expect(withFigure.pageCount).toBeGreaterThan(without.pageCount);
  });

  it.each(PROFILE_IDS)(
    'a story without consent is in no file (%s), the consented ones are',
    async (profile) => {
      const options = exportOptions({ profile });
      const word = squash(zipText(await buildPlanDocx(plan, options), /\.xml$/));
      const excel = squash(zipText(await buildPlanXlsx(plan, options), /\.xml$/));
      for (const text of [word, excel]) {
        expect(text).not.toContain('UNCONSENTED');
        expect(text).not.toContain('NOT-FOR-EXPORT');
        expect(text).toContain('A loaned laptop and a first apprenticeship');
      }
      // Budgets and owners are in every profile, as the Budget chapter is.
      expect(word).toContain('Tomás Ferreira, Marketing and Communications Lead');
      expect(excel).toContain('Employer');
    },
  );

  it('the Excel sheets: channels with budgets, and consented stories only', async () => {
    const bytes = await buildPlanXlsx(plan, exportOptions());
    const book = zipText(bytes, /^xl\/workbook\.xml$/);
    expect(book).toContain('name="Marketing"');
    expect(book).toContain('name="Learner stories"');
    const strings = squash(zipText(bytes, /sharedStrings\.xml$/));
    expect(strings).toContain('Website hub');
    expect(strings).toContain('Targeted social and search ads');
    // Nothing of the marketing plan when the section is not chosen.
    const none = await buildPlanXlsx(plan, exportOptions({ sections: ['objective'] }));
    expect(zipText(none, /^xl\/workbook\.xml$/)).not.toContain('name="Marketing"');
  });

  it('has no chapter for a plan without a marketing plan', () => {
    const empty = produce(plan, (d) => {
      d.launch.marketing = {
        ...d.launch.marketing,
        channels: [],
        journeySteps: [],
        stories: [],
        funnel: [],
        toolkit: [],
      };
    });
    expect(planDocument(empty, exportOptions({ sections: ['marketing'] })).sections).toEqual([]);
  });
});

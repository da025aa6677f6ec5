/**
 * Issue 14: the "Reviews and lessons" chapter of the Word plan and its Excel
 * sheets — versions kept, the assumption status table, each review, the
 * lessons carried, the cohorts compared (aggregates only; cohort notes never
 * exported) — with the partner-safe file leaving out the review judgements.
 * LibreOffice opens both files: the chapter reads back from the PDF (a page
 * image lands in test-results/export-pages/), the sheets from CSV.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { planDocument } from '../../shared/export/document';
import { buildPlanDocx } from '../../shared/export/docx';
import { reviewSheets } from '../../shared/export/reviews-chapter';
import { buildPlanWorkbook, buildPlanXlsx } from '../../shared/export/xlsx';
import type { Plan } from '../../shared/plan/schema';
import { exportOptions, samplePlan } from './export-helpers';

const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';
const root = join(import.meta.dirname, '..', '..');

/** The sample after a second review and the start of the next version. */
function reviewedPlan(): Plan {
  const plan = samplePlan();
  plan.manage.reviews.push({
    id: 'rev-2027-q3',
    date: '2027-09-15',
    cohortId: 'cohort-1-2027',
    summary: 'First quarter of Cohort 1.',
    lessons: 'Hiring slowed over the summer at the smaller employers.',
    decisions: 'Ask each employer partner to renew its hiring pledge before October.',
    assumptions: [
      {
        nodeId: 'toc-asm-hiring',
        status: 'atRisk',
        kpiIds: [],
        note: 'Two of five employers paused hiring',
      },
    ],
    actions: [
      { id: 'act-1', text: 'Renew employer hiring pledges', section: 'stakeholders', done: false },
    ],
  });
  plan.manage.iteration.previousVersions.push({
    id: 'v1',
    name: 'Version 1 — Cohort 1',
    keptAt: '2027-09-16T09:00:00.000Z',
    cohortId: 'cohort-1-2027',
  });
  plan.manage.iteration.carriedActions.push({
    id: 'act-1',
    text: 'Renew employer hiring pledges',
    section: 'stakeholders',
    done: false,
  });
  return plan;
}

const chapterText = (plan: Plan, profile: 'internal' | 'funder' | 'partner') => {
  const doc = planDocument(plan, exportOptions({ profile }));
  const chapter = doc.sections.find((s) => s.id === 'reviews');
  return chapter ? { title: chapter.title, text: JSON.stringify(chapter.blocks) } : null;
};

describe('Reviews and lessons in the Word plan', () => {
  it('has the versions, the assumption statuses, each review, the carried lessons and the cohorts', () => {
    const chapter = chapterText(reviewedPlan(), 'internal')!;
    expect(chapter.title).toBe('Reviews and lessons');
    for (const text of [
      'Earlier versions kept',
      'Version 1 — Cohort 1',
      'Assumptions at the latest review',
      'Employers keep their hiring commitments',
      'At risk',
      'Two of five employers paused hiring',
      'Review of 15 September 2027',
      'Ask each employer partner to renew its hiring pledge before October.',
      'Open: Renew employer hiring pledges (act in Stakeholders & partners)',
      'Lessons carried into this version',
      'Cohorts compared',
      'Pilot 2026',
    ])
      expect(chapter.text, text).toContain(text);
  });

  it('never exports cohort notes (they may name people)', () => {
    const plan = reviewedPlan();
    for (const profile of ['internal', 'funder', 'partner'] as const) {
      const { text } = chapterText(plan, profile)!;
      for (const c of plan.manage.cohorts) expect(text).not.toContain(c.notes.slice(0, 40));
    }
  });

  it('leaves the review judgements out of the partner-safe file, keeping dates and cohorts', () => {
    const { text } = chapterText(reviewedPlan(), 'partner')!;
    expect(text).toContain('Review of 15 September 2027');
    expect(text).toContain('Cohorts compared');
    for (const judged of [
      'Assumptions at the latest review',
      'Two of five employers paused hiring',
      'Ask each employer partner',
      'Hiring slowed',
      'Renew employer hiring pledges',
    ])
      expect(text).not.toContain(judged);
  });

  it('leaves no heading without content, no empty column and no row of dashes', () => {
    const unjudged = reviewedPlan();
    for (const r of unjudged.manage.reviews)
      r.assumptions = r.assumptions.map((c) => ({ ...c, kpiIds: [], note: '' }));
    unjudged.manage.progress = [];
    for (const plan of [reviewedPlan(), unjudged])
      for (const profile of ['internal', 'funder', 'partner'] as const) {
        const blocks = planDocument(plan, exportOptions({ profile })).sections.find(
          (s) => s.id === 'reviews',
        )!.blocks;
        const empty = (cell: string | undefined) => !cell || cell === '—';
        blocks.forEach((block, i) => {
          if (block.type === 'heading') expect(blocks[i + 1], block.text).toBeDefined();
          if (block.type !== 'table') return;
          block.columns.forEach((column, c) =>
            expect(
              block.rows.some((row) => !empty(row[c])),
              column.title,
            ).toBe(true),
          );
          for (const row of block.rows) expect(row.slice(1).every(empty), row[0]).toBe(false);
        });
      }
  });

  it('is left out while the plan has no reviews, cohorts or kept versions', () => {
    const plan = samplePlan();
    plan.manage.reviews = [];
    plan.manage.cohorts = [];
    expect(chapterText(plan, 'internal')).toBeNull();
  });
});

describe('Reviews and lessons in the Excel workbook', () => {
  it('has a Reviews sheet, an assumption sheet and the cohorts compared; partners get no judgements', async () => {
    const plan = reviewedPlan();
    expect(reviewSheets(plan, 'internal').map((s) => s.name)).toEqual([
      'Reviews',
      'Assumptions at reviews',
      'Cohorts compared',
    ]);
    expect(reviewSheets(plan, 'partner').map((s) => s.name)).toEqual([
      'Reviews',
      'Cohorts compared',
    ]);
    const { workbook } = await buildPlanWorkbook(plan, exportOptions());
    const reviews = workbook.getWorksheet('Reviews')!;
    const header = (reviews.getRow(1).values as unknown[]).slice(1);
    expect(header.slice(0, 3)).toEqual(['Date', 'Cohort', 'Summary']);
    const assumptions = workbook.getWorksheet('Assumptions at reviews')!;
    const rows = (assumptions.getSheetValues().slice(2) as unknown[][]).map((r) => r.slice(1));
    expect(rows).toContainEqual([
      expect.any(Date),
      'Employers keep their hiring commitments',
      'At risk',
      undefined,
      'Two of five employers paused hiring',
    ]);
  });

  it('opens in LibreOffice: the Word chapter reads back from the PDF, the sheets from CSV', async () => {
    const plan = reviewedPlan();
    const work = mkdtempSync(join(tmpdir(), 'upskill-reviews-'));
    const profile = `file://${join(work, 'profile')}`;
    const convert = (file: string, to: string) => {
      execFileSync(
        SOFFICE,
        [
          `-env:UserInstallation=${profile}`,
          '--headless',
          '--convert-to',
          to,
          '--outdir',
          work,
          file,
        ],
        { stdio: 'pipe', timeout: 120_000 },
      );
    };
    const options = exportOptions({ sections: ['reviews'] });
    const docx = join(work, 'reviews.docx');
    writeFileSync(docx, await buildPlanDocx(plan, options));
    convert(docx, 'pdf');
    const text = execFileSync('pdftotext', ['-layout', join(work, 'reviews.pdf'), '-'], {
      encoding: 'utf8',
    });
    for (const words of [
      'Reviews and lessons',
      'Assumptions at the latest review',
      'Cohorts compared',
    ])
      expect(text).toContain(words);
    const pages = join(root, 'test-results', 'export-pages');
    mkdirSync(pages, { recursive: true });
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      join(work, 'reviews.pdf'),
      join(pages, 'reviews'),
    ]);

    const xlsx = join(work, 'reviews.xlsx');
    writeFileSync(xlsx, await buildPlanXlsx(plan, exportOptions({ sections: ['reviews'] })));
    convert(xlsx, 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1');
    const csv = readdirSync(work)
      .filter((f) => f.endsWith('.csv'))
      .map((f) => readFileSync(join(work, f), 'utf8'))
      .join('\n');
    expect(csv).toContain('Employers keep their hiring commitments');
    expect(csv).toContain('Completion (of enrolled)');
  }, 120_000);
});

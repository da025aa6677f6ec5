/**
 * The Word contents show the page each chapter starts on without the reader
 * updating fields (issue 12): the estimate of word-pages.ts is written into
 * the contents' page references, and LibreOffice, our reference renderer,
 * puts each chapter heading on exactly that page: the sample plan, a
 * multilingual plan and a large one (some 540 pages). One conversion per plan.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeRasterizer } from '../../electron/export-node';
import { planDocument } from '../../shared/export/document';
import { buildPlanDocx, estimatePlanPages } from '../../shared/export/docx';
import type { ExportOptions, Rasterize } from '../../shared/export/options';
import type { Plan } from '../../shared/plan/schema';
import { largePlan } from '../helpers/large-plan';
import { multilingualPlan } from '../helpers/multilingual-plan';
import { exportOptions, samplePlan, zipText } from './export-helpers';

const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';
const root = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'upskill-contents-'));
const profile = `file://${join(work, 'profile')}`;
let rasterize: Rasterize;

/** Whitespace collapsed: text assertions independent of where lines wrap. */
const squash = (s: string) => s.replace(/\s+/g, ' ').trim();

/** The pages of a .docx as LibreOffice lays them out, as text, one string per page. */
function pagesViaLibreOffice(bytes: Uint8Array, name: string): { pdf: string; pages: string[] } {
  const file = join(work, `${name}.docx`);
  writeFileSync(file, bytes);
  execFileSync(
    SOFFICE,
    [
      `-env:UserInstallation=${profile}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      work,
      file,
    ],
    { stdio: 'pipe', timeout: 180_000 },
  );
  const pdf = join(work, `${name}.pdf`);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], {
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  return { pdf, pages: text.split('\f') };
}

/** The contents' entries as printed: chapter heading and page number. */
function contentsEntries(page: string): { heading: string; page: number }[] {
  return page
    .split('\n')
    .map((line) => /^\s*(\d+\s+\S.*?)\s*\.{3,}\s*(\d+)\s*$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ heading: squash(m[1]!), page: Number(m[2]) }));
}

beforeAll(async () => {
  rasterize = await createNodeRasterizer();
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe.skipIf(!existsSync(SOFFICE))(
  'the Word contents give the page each chapter starts on',
  { timeout: 300_000 },
  () => {
    it.each<[string, () => Plan, Partial<ExportOptions>?]>([
      ['the sample plan', samplePlan],
      // Another audience, some chapters, figures not drawn (a note in their place).
      [
        'the sample plan, partner-safe',
        samplePlan,
        {
          profile: 'partner',
          sections: ['theoryOfChange', 'stakeholders', 'catalog'],
          rasterize: undefined,
        },
      ],
      ['a multilingual plan', multilingualPlan],
      // Some 540 pages: long tables whose rows wrap, a figure in parts, 300 stakeholders.
      [
        'a large plan',
        () =>
          largePlan({
            tocElements: 1000,
            stakeholders: 300,
            catalogItems: 2000,
            logicModelCopies: 4,
          }),
      ],
    ])(
      '%s: every entry’s page is where LibreOffice prints its chapter',
      async (name, make, extra) => {
        const plan = make();
        const options = exportOptions({ rasterize, ...extra });
        const bytes = await buildPlanDocx(plan, options);
        // Written clean, with their numbers: Word shows them as written and does not ask to update fields.
        const xml = zipText(bytes, /^word\/(document|settings)\.xml$/);
        expect(xml).not.toContain('w:dirty');
        expect(xml).not.toContain('updateFields');
        expect(xml).toMatch(/PAGEREF _Toc\d+ \\h/);

        const slug = name.replace(/\W+/g, '-');
        const { pdf, pages } = pagesViaLibreOffice(bytes, slug);
        const contentsAt = pages.findIndex((p) => /^\s*Contents\s*$/m.test(p));
        expect(contentsAt).toBeGreaterThan(0);
        const entries = contentsEntries(pages[contentsAt]!);
        const chapters = planDocument(plan, options).sections;
        expect(entries.map((e) => e.heading)).toEqual(
          chapters.map((c) => squash(`${c.number} ${c.title}`)),
        );
        for (const entry of entries) {
          // The heading as a line of its own, on a page after the contents.
          const printedOn =
            pages.findIndex(
              (p, i) => i > contentsAt && p.split('\n').some((l) => squash(l) === entry.heading),
            ) + 1;
          expect({ heading: entry.heading, page: entry.page }).toEqual({
            heading: entry.heading,
            page: printedOn,
          });
        }
        expect(estimatePlanPages(plan, options).pageCount).toBe(
          pages.filter((p) => p.trim()).length,
        );
        // The contents page as an image, for a person to look at.
        const out = join(root, 'test-results', 'contents-pages');
        mkdirSync(out, { recursive: true });
        execFileSync('pdftoppm', [
          '-png',
          '-r',
          '80',
          '-f',
          String(contentsAt + 1),
          '-l',
          String(contentsAt + 1),
          pdf,
          join(out, slug),
        ]);
      },
    );
  },
);

/**
 * The stakeholder matrix through an independent reader (issue 12): the
 * sample's and a 300-stakeholder plan's Word chapter convert with LibreOffice
 * to PDF; the figure is on one page, whole (never cut into parts), and its key
 * — the tables by quadrant — follows it. The figure's page lands as a PNG in
 * test-results/matrix-pages/ for a person to look at.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { createNodeRasterizer } from '../../electron/export-node';
import { buildPlanDocx } from '../../shared/export/docx';
import type { Plan } from '../../shared/plan/schema';
import { QUADRANT_INFO } from '../../shared/stakeholders/quadrants';
import { largePlan } from '../helpers/large-plan';
import { exportOptions, samplePlan } from './export-helpers';

const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';
const root = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'upskill-matrix-lo-'));

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

/** The Word stakeholder chapter as LibreOffice lays it out: the PDF and each page's text. */
async function chapterPages(plan: Plan, name: string): Promise<{ pdf: string; pages: string[] }> {
  const docx = await buildPlanDocx(
    plan,
    exportOptions({
      profile: 'funder',
      sections: ['stakeholders'],
      rasterize: await createNodeRasterizer(),
    }),
  );
  const file = join(work, `${name}.docx`);
  writeFileSync(file, docx);
  execFileSync(
    SOFFICE,
    [
      `-env:UserInstallation=file://${join(work, 'profile')}`,
      '--headless',
      '--convert-to',
      'pdf',
      '--outdir',
      work,
      file,
    ],
    { stdio: 'pipe', timeout: 170_000 },
  );
  const pdf = join(work, `${name}.pdf`);
  const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  return { pdf, pages: text.split('\f') };
}

const squash = (s: string) => s.replace(/\s+/g, ' ');

describe.skipIf(!existsSync(SOFFICE))('the matrix in LibreOffice', { timeout: 180_000 }, () => {
  it.each([
    ['sample', samplePlan()],
    ['300-stakeholders', largePlan({ tocElements: 40, stakeholders: 300, catalogItems: 20 })],
  ])('prints the %s matrix whole on one page, its key by quadrant after it', async (name, plan) => {
    const { pdf, pages } = await chapterPages(plan, name);
    const figure = pages.findIndex((p) => squash(p).includes('Figure: Power/interest matrix.'));
    expect(figure).toBeGreaterThanOrEqual(0);
    expect(pages.filter((p) => p.includes('Power/interest matrix')).length).toBe(1);
    expect(pages.join('\n')).not.toContain('Figure, part');
    // The key starts right after the figure, with every quadrant's table.
    const rest = squash(pages.slice(figure).join(' '));
    const key = rest.indexOf('Engagement approach by quadrant');
    expect(key).toBeGreaterThan(0);
    expect(key).toBeLessThan(rest.indexOf('Register'));
    for (const q of Object.values(QUADRANT_INFO))
      expect(rest).toContain(`${q.label} (${q.summary.toLowerCase()})`);
    // The figure's page as an image for a person to look at.
    const out = join(root, 'test-results', 'matrix-pages');
    mkdirSync(out, { recursive: true });
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '110',
      '-singlefile',
      '-f',
      String(figure + 1),
      '-l',
      String(figure + 1),
      pdf,
      join(out, name),
    ]);
    expect(existsSync(join(out, `${name}.png`))).toBe(true);
  });
});

/**
 * Issue 14: the "KPIs and results to date" chapter of the Word plan and the
 * Excel "KPIs" sheet, after three roster imports of 2,000 synthetic learners.
 * The charts are the app's ECharts options rendered to SVG without a browser
 * (embedded as SVG with a PNG fallback), each followed by its table; the
 * sheet lists every actual with its date, the expected value and the status,
 * and states the rule. LibreOffice reads both files; the Word pages are
 * written as PNGs (test-results/export-kpis/) for a person to look at. No
 * learner's name or e-mail reaches either file.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { produce } from 'immer';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeRasterizer } from '../../electron/export-node';
import { planDocument } from '../../shared/export/document';
import { buildPlanDocx } from '../../shared/export/docx';
import type { Rasterize } from '../../shared/export/options';
import { buildPlanXlsx } from '../../shared/export/xlsx';
import { syncRosterActuals } from '../../shared/manage/kpis';
import { snapshotOf } from '../../shared/manage/roster';
import { syntheticRoster } from '../../shared/manage/synthetic-roster';
import type { Plan } from '../../shared/plan/schema';
import { exportOptions, samplePlan, zipText } from './export-helpers';

const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';
const root = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'upskill-kpis-'));
const profile = `file://${join(work, 'profile')}`;

const DATES = ['2027-07-31', '2027-08-31', '2027-09-30'];

/** The sample after three monthly roster imports (aggregates only in the plan). */
const plan: Plan = produce(samplePlan(), (d) => {
  d.manage.progress = DATES.map((date, i) =>
    snapshotOf(
      syntheticRoster(d as Plan, { learners: 2000, seed: 7, asOf: date }).learners,
      date,
      `${date}T09:0${i}:00.000Z`,
    ),
  );
  syncRosterActuals(d as Plan);
});
const learnerNames = syntheticRoster(plan, { learners: 5, seed: 7, asOf: DATES[0]! }).learners;

function convert(file: string, to: string, name: string): string {
  const out = join(work, name);
  mkdirSync(out, { recursive: true });
  execFileSync(
    SOFFICE,
    [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', to, '--outdir', out, file],
    { stdio: 'pipe', timeout: 120_000 },
  );
  return out;
}

let rasterize: Rasterize;
beforeAll(async () => {
  rasterize = await createNodeRasterizer();
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('KPIs and results to date export', () => {
  it('the chapter: rule, KPIs at a glance, the charts as ECharts SVG with their tables', () => {
    const doc = planDocument(plan, exportOptions({ sections: ['kpis'] }));
    expect(doc.sections.map((s) => s.title)).toEqual(['KPIs and results to date']);
    const blocks = doc.sections[0]!.blocks;
    const diagrams = blocks.filter((b) => b.type === 'diagram');
    // Funnel, licences, segments and at least one KPI.
    expect(diagrams.length).toBeGreaterThanOrEqual(4);
    for (const d of diagrams) {
      if (d.type !== 'diagram') continue;
      expect(d.scene.svg).toMatch(/^<svg[^>]+xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      expect(d.caption).toMatch(/^Figure: /);
    }
    const funnel = diagrams[0]!;
    expect(funnel.type === 'diagram' && funnel.scene.svg).toContain('Invited');
    // Each figure is followed by its table.
    const index = blocks.indexOf(funnel);
    expect(blocks[index + 1]!.type).toBe('table');
    const texts = blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));
    expect(texts.some((t) => t.startsWith('Status compares the latest actual'))).toBe(true);
  });

  it(
    'Word and Excel open in LibreOffice with the figures, the actuals, the status and the rule; no learner named',
    { timeout: 120_000 },
    async () => {
      const options = exportOptions({ sections: ['kpis'], rasterize });
      const docx = await buildPlanDocx(plan, options);
      const media = zipText(docx, /word\/media\/.*\.svg$/);
      expect(media).toContain('Straight-line path to target');
      const docFile = join(work, 'kpis.docx');
      writeFileSync(docFile, docx);
      const pdf = join(convert(docFile, 'pdf', 'kpis-pdf'), 'kpis.pdf');
      const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain('KPIs and results to date');
      expect(text).toContain('KPIs at a glance');
      expect(text).toContain('Completion and placement by segment');
      const pages = join(root, 'test-results', 'export-kpis');
      rmSync(pages, { recursive: true, force: true });
      mkdirSync(pages, { recursive: true });
      execFileSync('pdftoppm', ['-png', '-r', '70', pdf, join(pages, 'page')]);
      expect(readdirSync(pages).length).toBeGreaterThan(2);

      const xlsx = await buildPlanXlsx(plan, options);
      const xlsxFile = join(work, 'kpis.xlsx');
      writeFileSync(xlsxFile, xlsx);
      const out = convert(
        xlsxFile,
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
        'kpis-csv',
      );
      const csv = readdirSync(out).find((f) => f.includes('KPIs'))!;
      const rows = Papa.parse<string[]>(readFileSync(join(out, csv), 'utf8')).data;
      expect(rows[0]!.slice(0, 3)).toEqual(['KPI', 'Unit', 'Actuals from']);
      expect(rows[0]).toContain('Expected on the path');
      const enrolments = rows.filter((r) => r[0]?.startsWith('Course enrollments'));
      // One row per roster import at least, each dated, from the roster.
      expect(enrolments.filter((r) => r.includes('Roster import')).length).toBe(DATES.length);
      expect(rows.some((r) => r[0]?.startsWith('Status rule: Status compares'))).toBe(true);

      for (const l of learnerNames) {
        for (const bytes of [docx, xlsx]) {
          const all = zipText(bytes, /\.(xml|svg)$/);
          expect(all).not.toContain(l.email);
          expect(all).not.toContain(l.name);
        }
      }
    },
  );
});

/**
 * The "Learner progress" chapter and sheet as LibreOffice reads them: the
 * sample plan with two roster snapshots of a synthetic roster — the Word
 * file converts to PDF with the latest counts, the tables by segment and
 * cohort and the progress over time (page images in
 * test-results/export-roster/ to look at); the workbook converts to CSV
 * with a row per snapshot and group; no learner's name or e-mail in either.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { produce } from 'immer';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPlanDocx } from '../../shared/export/docx';
import { buildPlanXlsx } from '../../shared/export/xlsx';
import { snapshotOf } from '../../shared/manage/roster';
import { syntheticRoster } from '../../shared/manage/synthetic-roster';
import type { Plan } from '../../shared/plan/schema';
import { exportOptions, samplePlan } from './export-helpers';

const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';
const root = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'upskill-roster-lo-'));
const profile = `file://${join(work, 'profile')}`;

const base = samplePlan();
const learners = syntheticRoster(base, { learners: 2000, seed: 8, asOf: '2027-06-30' }).learners;
const plan: Plan = produce(base, (d) => {
  d.manage.progress = [
    snapshotOf(learners, '2027-05-31', '2027-06-01T08:00:00.000Z'),
    snapshotOf(learners, '2027-06-30', '2027-07-01T08:00:00.000Z'),
  ];
});

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

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('Learner progress export in LibreOffice', () => {
  it(
    'Word and Excel hold the counts by segment, cohort and date; no learner named',
    { timeout: 180_000 },
    async () => {
      const options = exportOptions({ sections: ['roster'] });
      const docFile = join(work, 'roster.docx');
      writeFileSync(docFile, await buildPlanDocx(plan, options));
      const pdf = join(convert(docFile, 'pdf', 'pdf'), 'roster.pdf');
      const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain('Learner progress');
      expect(text).toContain('As of 30 June 2027, 2,000 learners are on the roster');
      expect(text).toContain('By learner segment, 30 June 2027');
      expect(text).toContain('Progress over time');
      expect(text).not.toMatch(/learner\d+@example\.org|Learner \d{5}/);
      const pages = join(root, 'test-results', 'export-roster');
      rmSync(pages, { recursive: true, force: true });
      mkdirSync(pages, { recursive: true });
      execFileSync('pdftoppm', ['-png', '-r', '70', pdf, join(pages, 'page')]);
      expect(readdirSync(pages).length).toBeGreaterThan(1);

      const xlsxFile = join(work, 'roster.xlsx');
      writeFileSync(xlsxFile, await buildPlanXlsx(plan, options));
      const out = convert(
        xlsxFile,
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
        'csv',
      );
      const file = readdirSync(out).find((f) => f.includes('Learner progress'))!;
      const rows = Papa.parse<string[]>(readFileSync(join(out, file), 'utf8'), {
        skipEmptyLines: true,
      }).data;
      expect(rows[0]!.slice(0, 4)).toEqual(['Snapshot date', 'By', 'Group', 'Learners']);
      const totals = rows.filter((r) => r[1] === 'Total');
      expect(totals.map((r) => r[3]!.replace(/,/g, ''))).toEqual(['2000', '2000']);
      expect(rows.some((r) => r[1] === 'Cohort')).toBe(true);
      const all = readdirSync(out)
        .map((f) => readFileSync(join(out, f), 'utf8'))
        .join('\n');
      expect(all).not.toMatch(/learner\d+@example\.org|Learner \d{5}/);
    },
  );
});

/**
 * The "Engagement and follow-ups" chapter and sheets as LibreOffice reads
 * them: the sample plan (its activities and rules) with follow-up counts
 * kept from a synthetic roster's list — the Word file converts to PDF with
 * the activities, the rules and the counts, page images land in
 * test-results/export-engagement/; the workbook converts to CSV with one row
 * per activity and rule and a row per kept day; no learner's name or e-mail
 * is in either file.
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
import { followUpCountsOf, followUpList, licenceRelease } from '../../shared/manage/follow-ups';
import { syntheticRoster } from '../../shared/manage/synthetic-roster';
import type { Plan } from '../../shared/plan/schema';
import { exportOptions, samplePlan, zipText } from './export-helpers';

const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';
const root = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'upskill-engagement-'));
const profile = `file://${join(work, 'profile')}`;
const DATES = ['2027-05-03', '2027-05-10'];

const base = samplePlan();
const learners = syntheticRoster(base, { learners: 3000, seed: 5, asOf: DATES[1]! }).learners;
/** The sample with two days of follow-up counts kept (counts only). */
const plan: Plan = produce(base, (d) => {
  d.manage.followUpCounts = DATES.map((date) =>
    followUpCountsOf(
      followUpList(d as Plan, learners, date),
      licenceRelease(d as Plan, learners, date),
    ),
  );
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

describe('Engagement and follow-ups export in LibreOffice', () => {
  it(
    'Word and Excel hold the activities, rules and follow-up counts; no learner named',
    { timeout: 180_000 },
    async () => {
      const options = exportOptions({ sections: ['engagement'] });
      const docx = await buildPlanDocx(plan, options);
      const docFile = join(work, 'engagement.docx');
      writeFileSync(docFile, docx);
      const pdf = join(convert(docFile, 'pdf', 'pdf'), 'engagement.pdf');
      const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain('Engagement and follow-ups');
      expect(text).toContain('Engagement activities');
      expect(text).toContain('Follow-up rules');
      expect(text).toContain('Follow-up counts');
      expect(text).toContain(plan.manage.engagement[0]!.title);
      expect(text).toContain('10 May 2027');
      const pages = join(root, 'test-results', 'export-engagement');
      rmSync(pages, { recursive: true, force: true });
      mkdirSync(pages, { recursive: true });
      execFileSync('pdftoppm', ['-png', '-r', '70', pdf, join(pages, 'page')]);
      expect(readdirSync(pages).length).toBeGreaterThan(1);

      const xlsx = await buildPlanXlsx(plan, options);
      const xlsxFile = join(work, 'engagement.xlsx');
      writeFileSync(xlsxFile, xlsx);
      const out = convert(
        xlsxFile,
        'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1',
        'csv',
      );
      const sheet = (name: string) => {
        const file = readdirSync(out).find((f) => f.includes(name))!;
        return Papa.parse<string[]>(readFileSync(join(out, file), 'utf8'), {
          skipEmptyLines: true,
        }).data;
      };
      const main = sheet('Engagement and follow-ups');
      expect(main[0]!.slice(0, 4)).toEqual(['Part', 'Title', 'Kind', 'Cadence or condition']);
      expect(main.filter((r) => r[0] === 'Engagement activity')).toHaveLength(
        plan.manage.engagement.length,
      );
      expect(main.filter((r) => r[0] === 'Follow-up rule')).toHaveLength(
        plan.manage.followUps.length,
      );
      const counts = sheet('Follow-up counts');
      expect(counts).toHaveLength(1 + DATES.length);
      expect(Number(counts[2]![1]!.replace(/,/g, ''))).toBe(plan.manage.followUpCounts[1]!.total);

      for (const l of learners.slice(0, 50))
        for (const bytes of [docx, xlsx]) {
          const all = zipText(bytes, /\.xml$/);
          expect(all).not.toContain(l.email);
          expect(all).not.toContain(`${l.name}<`);
        }
    },
  );
});

/**
 * The "Content in use" and "Skills-first KPIs" chapters and sheets as
 * LibreOffice reads them: the sample plan with a content audit (made content
 * over its capacity to maintain), a person in the skills map, and item use
 * counted from a synthetic roster. The Word file converts to PDF with the
 * item use, the audit, the maintenance check and the KPIs (page images in
 * test-results/export-content-use/); the workbook converts to CSV with one
 * row per catalog item; no learner's name or e-mail, nor the skills-map
 * person's name, is in either file.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { runCommand, type Command } from '../../shared/commands/command';
import { setAuditEntry } from '../../shared/commands/content-audit';
import { recordAssessment } from '../../shared/commands/skills-first';
import { buildPlanDocx } from '../../shared/export/docx';
import { buildPlanXlsx } from '../../shared/export/xlsx';
import { contentUse } from '../../shared/manage/content-use';
import { syntheticRoster } from '../../shared/manage/synthetic-roster';
import { Plan as PlanSchema, type Plan } from '../../shared/plan/schema';
import { exportOptions, samplePlan, zipText } from './export-helpers';

const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';
const root = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'upskill-content-use-'));
const profile = `file://${join(work, 'profile')}`;
const ASOF = '2027-06-30';
const PERSON = 'Zed Quillfeather';

function run(plan: Plan, command: Command): Plan {
  const outcome = runCommand(plan, command);
  if (!outcome.ok) throw new Error(outcome.reason);
  return outcome.plan;
}

const base = samplePlan();
const makeDecision = base.content.decisions.find((d) => d.decision === 'make')!;
const role = base.skillsMap.holders.find((h) => h.kind === 'role')!;
let plan: Plan = PlanSchema.parse({
  ...base,
  skillsMap: {
    ...base.skillsMap,
    holders: [
      ...base.skillsMap.holders,
      { id: 'person-zed', name: PERSON, kind: 'person', roleId: role.id },
    ],
  },
});
plan = run(
  plan,
  recordAssessment({
    holderId: 'person-zed',
    skillId: base.skillsMap.skills[0]!.id,
    date: '2027-05-01',
    level: 4,
    source: 'assessed',
  }),
);
plan = run(
  plan,
  setAuditEntry({
    itemId: 'cat-regional-jobsearch',
    patch: {
      owner: 'Content team',
      reviewDate: '2027-06-01',
      decisionId: makeDecision.id,
      maintenanceHoursPerYear: 900,
    },
  }),
);
const roster = syntheticRoster(plan, { learners: 2000, seed: 11, asOf: ASOF });
const use = contentUse(plan, roster.learners, roster.courseRows, ASOF);

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

describe('Content in use and Skills-first export in LibreOffice', () => {
  it(
    'Word and Excel hold item use, the audit and the KPIs; no learner or person named',
    { timeout: 180_000 },
    async () => {
      const options = exportOptions({
        sections: ['contentInUse', 'skillsFirst'],
        asOf: ASOF,
        contentUse: use,
      });
      const docx = await buildPlanDocx(plan, options);
      const docFile = join(work, 'content.docx');
      writeFileSync(docFile, docx);
      const pdf = join(convert(docFile, 'pdf', 'pdf'), 'content.pdf');
      const text = execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
      expect(text).toContain('Content in use');
      // Only learners with per-course rows count (38f4076); the rest are counted apart.
      expect(use.learners + use.learnersWithoutRows).toBe(2000);
      expect(text).toContain(
        `How ${use.learners.toLocaleString('en-GB')} learners used the catalog`,
      );
      expect(text).toContain('Content audit');
      expect(text).toContain('Made content and the capacity to maintain it');
      expect(text).toContain('Over capacity');
      expect(text).toContain('Skills-first KPIs');
      expect(text).toContain('Roles filled by qualified talent');
      expect(text).toContain('Critical capabilities per business initiative');
      const pages = join(root, 'test-results', 'export-content-use');
      rmSync(pages, { recursive: true, force: true });
      mkdirSync(pages, { recursive: true });
      execFileSync('pdftoppm', ['-png', '-r', '70', pdf, join(pages, 'page')]);
      expect(readdirSync(pages).length).toBeGreaterThan(1);

      const xlsx = await buildPlanXlsx(plan, options);
      const xlsxFile = join(work, 'content.xlsx');
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
      const items = sheet('Content in use');
      expect(items[0]!.slice(0, 4)).toEqual(['Item ID', 'Item', 'Use', 'Offered to']);
      expect(items).toHaveLength(1 + plan.content.catalog.length);
      const first = use.items[0]!;
      const row = items.find((r) => r[0] === first.itemId)!;
      expect(Number(row[5]!.replace(/,/g, ''))).toBe(first.opened);
      const audit = sheet('Content audit');
      expect(audit.find((r) => r[0] === 'cat-regional-jobsearch')).toContain('Over capacity');
      expect(sheet('Skills-first roles').length).toBeGreaterThan(1);

      for (const bytes of [docx, xlsx]) {
        const all = zipText(bytes, /\.xml$/);
        expect(all).not.toContain(PERSON);
        for (const l of roster.learners.slice(0, 50)) {
          expect(all).not.toContain(l.email);
          expect(all).not.toContain(`${l.name}<`);
        }
      }
    },
  );
});

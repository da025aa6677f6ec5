/**
 * LibreOffice as an independent reader of our files: the sample plan's Word
 * export converts to PDF and holds what the plan holds; the workbook converts
 * to CSV; the make-or-buy formulas and the stakeholder quadrant recompute
 * after a recipient's edit; arbitrary Unicode survives export → read-back.
 * Conversions run one at a time, each in a private LibreOffice profile.
 * Page images of the Word export land in test-results/export-pages/.
 */
import { execFileSync } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import Papa from 'papaparse';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeRasterizer } from '../../electron/export-node';
import { scoreDecision } from '../../shared/content/makeorbuy';
import { withoutLeadingBecause } from '../../shared/export/document';
import { buildPlanDocx } from '../../shared/export/docx';
import type { Rasterize } from '../../shared/export/options';
import { cellText, sanitizeText } from '../../shared/export/sanitize';
import { buildPlanWorkbook, buildPlanXlsx } from '../../shared/export/xlsx';
import { createBlankPlan } from '../../shared/plan/create';
import { Stakeholder } from '../../shared/plan/schema';
import { exportOptions, samplePlan } from './export-helpers';

const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';
const root = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'upskill-lo-'));
const profile = `file://${join(work, 'profile')}`;
const plan = samplePlan();
let rasterize: Rasterize;

/** Converts a file with LibreOffice (one instance at a time) and returns the output folder. */
function convert(file: string, to: string, name: string): string {
  const out = join(work, name);
  mkdirSync(out, { recursive: true });
  execFileSync(
    SOFFICE,
    [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', to, '--outdir', out, file],
    {
      stdio: 'pipe',
      timeout: 120_000,
    },
  );
  return out;
}

const ALL_SHEETS_CSV =
  'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

/** Every sheet of a workbook as rows of cells, via LibreOffice. */
function sheetsViaLibreOffice(bytes: Uint8Array, name: string): Map<string, string[][]> {
  const file = join(work, `${name}.xlsx`);
  writeFileSync(file, bytes);
  const out = convert(file, ALL_SHEETS_CSV, `${name}-csv`);
  const sheets = new Map<string, string[][]>();
  for (const f of readdirSync(out)) {
    const sheet = f.slice(name.length + 1, -4);
    sheets.set(
      sheet,
      Papa.parse<string[]>(readFileSync(join(out, f), 'utf8'), { delimiter: ',' }).data,
    );
  }
  return sheets;
}

/** The plain text of a .docx as LibreOffice reads it (no font or glyph mapping involved). */
function docxTextViaLibreOffice(bytes: Uint8Array, name: string): string {
  const file = join(work, `${name}.docx`);
  writeFileSync(file, bytes);
  const out = convert(file, 'txt:Text (encoded):UTF8', `${name}-txt`);
  return readFileSync(join(out, `${name}.txt`), 'utf8');
}

/** The text of a .docx as LibreOffice lays it out (via PDF). */
function docxViaLibreOffice(bytes: Uint8Array, name: string): { pdf: string; text: string } {
  const file = join(work, `${name}.docx`);
  writeFileSync(file, bytes);
  const pdf = join(convert(file, 'pdf', `${name}-pdf`), `${name}.pdf`);
  return { pdf, text: execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' }) };
}

/**
 * Text as pdftotext gives it, independent of where lines wrap: whitespace
 * collapsed, and hyphens dropped (a word broken after its hyphen comes back
 * joined, "level-" + "appropriate" → "levelappropriate").
 */
const squash = (s: string) => s.replace(/-/g, '').replace(/\s+/g, ' ').trim();

beforeAll(async () => {
  rasterize = await createNodeRasterizer();
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

describe.skipIf(!existsSync(SOFFICE))('LibreOffice reads the exports', { timeout: 180_000 }, () => {
  it('reads the Word program plan with every section and the plan content', async () => {
    const docx = await buildPlanDocx(plan, exportOptions({ rasterize }));
    const { pdf, text } = docxViaLibreOffice(docx, 'sample-internal');
    const flat = squash(text);
    for (const expected of [
      'Lower Valley Digital Futures 2027',
      'Contents',
      '1 Objective and success measures',
      '2 Theory of change',
      '3 Logic model and logframe',
      '4 Indicators',
      '5 Stakeholders and engagement',
      '6 Learner segments and incentives',
      '7 Content catalog',
      '8 Make-or-buy decisions',
      '9 Learning pathways',
      plan.indicators.find((i) => i.successMeasure !== null)!.name,
      // Money in the plan currency (Intl.NumberFormat): the budget table.
      '€2,200,000',
      plan.stakeholders.entries[0]!.name,
      'Anna Lindqvist',
      plan.content.catalog[0]!.title,
      plan.content.decisions[0]!.need,
      plan.content.pathways[0]!.name,
      // Under the column headed "Because", without its own leading "Because".
      withoutLeadingBecause(plan.theoryOfChange.links[0]!.rationale),
      'Page 3 of',
    ])
      expect(flat).toContain(squash(expected));
    // Every page, as an image for a person to look at.
    const pages = join(root, 'test-results', 'export-pages');
    rmSync(pages, { recursive: true, force: true });
    mkdirSync(pages, { recursive: true });
    execFileSync('pdftoppm', ['-png', '-r', '60', pdf, join(pages, 'page')]);
    expect(readdirSync(pages).length).toBeGreaterThan(20);
  });

  it('leaves contact details and internal notes out of the funder version', async () => {
    const docx = await buildPlanDocx(
      plan,
      exportOptions({ profile: 'funder', sections: ['stakeholders', 'catalog'] }),
    );
    const flat = squash(docxViaLibreOffice(docx, 'sample-funder').text);
    expect(flat).toContain(plan.stakeholders.entries[0]!.name);
    expect(flat).not.toContain('Anna Lindqvist');
    expect(flat).not.toContain('lindqvist@');
    expect(flat).not.toContain('Internal notes');
    expect(flat).not.toContain(squash(plan.stakeholders.entries[0]!.notes).slice(0, 40));
    expect(flat).toContain('Funder version');
  });

  it('reads every workbook sheet with the plan content', async () => {
    const sheets = sheetsViaLibreOffice(await buildPlanXlsx(plan, exportOptions()), 'sample');
    expect([...sheets.keys()].sort()).toEqual(
      [
        'Summary',
        'Theory of change',
        'Causal links',
        'Logframe',
        'Indicators',
        'Stakeholders',
        'Learners',
        'Content catalog',
        'Pathways',
        'Make-or-buy',
        // Issue 13, Marketing plan: channels, and the stories with consent.
        'Marketing',
        'Learner stories',
        // Issue 13, Invitations: counts by segment and wave, and the funnel per wave.
        'Invitations',
        'Invitation waves',
        // Issue 13, Onboarding checklist and Communications (their sections' sheets).
        'Onboarding',
        'Communications',
        // Issue 14, the sample's Manage phase: progress snapshots, engagement and follow-ups,
        // KPIs, reviews with assumption checks, cohorts, the content audit, skills-first KPIs.
        'Learner progress',
        'Engagement and follow-ups',
        'KPIs',
        'Reviews',
        'Assumptions at reviews',
        'Cohorts compared',
        'Content audit',
        'Skills-first roles',
        'Critical capabilities',
      ].sort(),
    );
    const stakeholders = sheets.get('Stakeholders')!;
    expect(stakeholders[0]).toContain('Quadrant');
    const first = plan.stakeholders.entries[0]!;
    const row = stakeholders.find((r) => r[0] === first.id)!;
    expect(row).toContain(first.name);
    expect(row[8]).toBe('Manage closely');
    expect(sheets.get('Content catalog')!.length).toBeGreaterThanOrEqual(
      plan.content.catalog.length + 1,
    );
  });

  it('recomputes the make-or-buy totals, recommendation and quadrant after a recipient edits the workbook', async () => {
    const { workbook, decisions } = await buildPlanWorkbook(plan, exportOptions());
    const cells = decisions[0]!;
    const decision = plan.content.decisions[0]!;
    expect(scoreDecision(decision).recommendation).toBe('make');
    // The recipient thinks buying is right: a small weight for "unique topic",
    // a big one for "time is short", and rates "time is short" 5.
    const mob = workbook.getWorksheet('Make-or-buy')!;
    const weights = decision.criteria.map((c) => c.weight);
    weights[0] = 1;
    weights[2] = 60;
    mob.getCell(`${cells.weightColumn}${cells.firstCriterionRow}`).value = weights[0];
    mob.getCell(`${cells.weightColumn}${cells.firstCriterionRow + 2}`).value = weights[2];
    for (const column of cells.raterColumns)
      mob.getCell(`${column}${cells.firstCriterionRow + 2}`).value = 5;
    // A saved file carries no up-to-date results: drop the cached ones, as Excel would recompute.
    for (const ws of workbook.worksheets)
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const v = cell.value as { formula?: string } | null;
          if (v && typeof v === 'object' && 'formula' in v && v.formula)
            cell.value = { formula: v.formula };
        }),
      );
    const sh = workbook.getWorksheet('Stakeholders')!;
    sh.getCell('G2').value = 10; // Skills Fund board: power 90 → 10, interest stays 85
    const edited = {
      ...decision,
      criteria: decision.criteria.map((c, i) => ({ ...c, weight: weights[i]! })),
      ratings: Object.fromEntries(
        Object.entries(decision.ratings).map(([rater, r]) => [
          rater,
          { ...r, [decision.criteria[2]!.id]: 5 },
        ]),
      ),
    };
    const expected = scoreDecision(edited);
    expect(expected.recommendation).toBe('buy');

    const sheets = sheetsViaLibreOffice(
      new Uint8Array(await workbook.xlsx.writeBuffer()),
      'edited',
    );
    const rows = sheets.get('Make-or-buy')!;
    const at = (address: string) => {
      const m = /^([A-Z]+)(\d+)$/.exec(address)!;
      const col = m[1]!.split('').reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
      return rows[Number(m[2]) - 1]![col - 1]!;
    };
    expect(Number(at(cells.make))).toBeCloseTo(expected.make, 6);
    expect(Number(at(cells.buy))).toBeCloseTo(expected.buy, 6);
    expect(at(cells.recommendation)).toBe('Buy');
    expect(sheets.get('Stakeholders')![1]![8]).toBe('Keep informed');
  });

  it('keeps arbitrary Unicode (RTL, emoji, formula-looking text) intact through export → LibreOffice', async () => {
    const alphabet = fc.constantFrom(
      ...'aZ09 =+-@"\'<>&;,',
      'é',
      'ß',
      'ш',
      'م',
      'ر',
      'ح',
      'ש',
      'ל',
      '你',
      '好',
      '😀',
      '👩🏽‍💻',
      '\u200f',
      '\u0301',
      '\u000b',
      '\u000c',
      '\u0001',
      '\ud800',
      '\t',
    );
    const text = fc
      .string({ unit: alphabet, minLength: 1, maxLength: 24 })
      .filter((s) => sanitizeText(s).replace(/\s|\u200f|\u0301/g, '') !== '');
    let run = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(text, { minLength: 6, maxLength: 6 }),
        fc.array(text, { minLength: 6, maxLength: 6 }),
        async (names, roles) => {
          run++;
          const p = createBlankPlan(`Unicode ${run}`);
          p.stakeholders.entries = names.map((name, i) =>
            Stakeholder.parse({
              id: `s${i}`,
              name,
              role: `=${roles[i]}`,
              power: 20 * i,
              interest: 90 - 15 * i,
            }),
          );
          const sheets = sheetsViaLibreOffice(
            await buildPlanXlsx(p, exportOptions({ sections: ['stakeholders'] })),
            `u${run}`,
          );
          const rows = sheets.get('Stakeholders')!;
          names.forEach((name, i) => {
            const row = rows.find((r) => r[0] === `s${i}`)!;
            expect(row[1]).toBe(cellText(name));
            // Formula-looking text is read back as the same text, not a computed value.
            expect(row[3]).toBe(cellText(`=${roles[i]}`));
          });
          const docx = await buildPlanDocx(
            p,
            exportOptions({ sections: ['stakeholders'], rasterize }),
          );
          const flat = squash(docxTextViaLibreOffice(docx, `u${run}`));
          for (const name of names) expect(flat).toContain(squash(sanitizeText(name)));
        },
      ),
      { numRuns: 3 },
    );
  });
});

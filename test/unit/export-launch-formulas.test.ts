/**
 * Issue 13: the Launch sheets of the Excel workbook. No internal id a reader
 * cannot use; the invitation planner's arithmetic (invitations needed =
 * licences × ratio, each wave's invitations, each wave's funnel) and the
 * marketing budget's total against the budget are live formulas with cached
 * results. Read back with exceljs, and recalculated by LibreOffice (an
 * independent reader) after a recipient's edits and for plans whose waves
 * round unevenly: every count equals what the app counts.
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
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { afterAll, describe, expect, it } from 'vitest';
import { buildPlanWorkbook, buildPlanXlsx } from '../../shared/export/xlsx';
import { invitationSummary } from '../../shared/launch/invitations';
import { marketingSpend } from '../../shared/launch/marketing';
import type { Plan } from '../../shared/plan/schema';
import { exportOptions, samplePlan } from './export-helpers';

const LAUNCH = ['onboarding', 'communications', 'invitations', 'marketing'] as const;
const options = () => exportOptions({ sections: [...LAUNCH] });

type Cell = ExcelJS.CellValue;
const result = (v: Cell) =>
  v !== null && typeof v === 'object' && 'formula' in v ? (v as { result?: unknown }).result : v;
const formula = (v: Cell) =>
  v !== null && typeof v === 'object' && 'formula' in v ? (v as { formula: string }).formula : null;

/** Where the planner's cells are on the Invitation waves sheet. */
function wavesLayout(plan: Plan) {
  const k = plan.launch.invitations.waves.length;
  const input = k + 4;
  return {
    first: 2,
    last: k + 1,
    total: k + 2,
    licences: input,
    ratio: input + 1,
    needed: input + 2,
    rates: input + 3,
  };
}

async function workbookOf(plan: Plan): Promise<ExcelJS.Workbook> {
  const bytes = await buildPlanXlsx(plan, options());
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  return wb;
}

describe('the Launch sheets, read back', () => {
  it('have no internal id column or id value', async () => {
    const plan = samplePlan();
    const wb = await workbookOf(plan);
    const ids = [
      ...plan.launch.checklist.map((c) => c.id),
      ...plan.launch.communications.map((c) => c.id),
      ...plan.launch.marketing.channels.map((c) => c.id),
      ...plan.launch.marketing.stories.map((s) => s.id),
      ...plan.launch.invitations.waves.map((w) => w.id),
    ];
    for (const name of [
      'Onboarding',
      'Communications',
      'Invitations',
      'Invitation waves',
      'Marketing',
      'Learner stories',
    ]) {
      const ws = wb.getWorksheet(name)!;
      expect(ws, name).toBeDefined();
      expect((ws.getRow(1).values as unknown[]).filter(Boolean), name).not.toContain('ID');
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === 'string')
            expect(ids, `${name} ${cell.address}`).not.toContain(cell.value);
        }),
      );
    }
  });

  it('work out invitations needed, each wave and its funnel with formulas, cached as the app counts', async () => {
    const plan = samplePlan();
    const s = invitationSummary(plan);
    const ws = (await workbookOf(plan)).getWorksheet('Invitation waves')!;
    const at = wavesLayout(plan);
    expect(ws.getCell(`A${at.licences}`).value).toBe('Licences');
    expect(ws.getCell(`B${at.licences}`).value).toBe(2000);
    expect(ws.getCell(`B${at.ratio}`).value).toBe(2);
    expect(formula(ws.getCell(`B${at.needed}`).value)).toMatch(
      /^IF\(OR\(B\d+="",B\d+<=0\),0,ROUNDUP/,
    );
    expect(result(ws.getCell(`B${at.needed}`).value)).toBe(4000);
    s.waves.forEach((w, j) => {
      const row = ws.getRow(at.first + j);
      expect(row.getCell(1).value).toBe(w.name);
      expect(row.getCell(3).value).toBe(w.share);
      for (const [col, value] of [
        [4, w.funnel.invited],
        [5, w.funnel.registered],
        [6, w.funnel.active],
        [7, w.funnel.completing],
      ] as const) {
        expect(formula(row.getCell(col).value), `${w.name} ${col}`).not.toBeNull();
        expect(result(row.getCell(col).value), `${w.name} ${col}`).toBe(value);
      }
    });
    expect(result(ws.getCell(`D${at.total}`).value)).toBe(4000);
    expect(formula(ws.getCell(`D${at.total}`).value)).toBe(`SUM(D2:D${at.last})`);
    const split = (await workbookOf(plan)).getWorksheet('Invitations')!;
    const totalRow = split.getRow(plan.learners.length + 2);
    expect(totalRow.getCell(1).value).toBe('Total');
    expect(formula(totalRow.getCell(5).value)).toBe(`SUM(E2:E${plan.learners.length + 1})`);
    expect(result(totalRow.getCell(5).value)).toBe(4000);
  });

  it('add up the marketing channels’ budgets with a formula, against the outreach line and the program budget', async () => {
    const plan = samplePlan();
    const spend = marketingSpend(plan.launch.marketing, plan.budget);
    const ws = (await workbookOf(plan)).getWorksheet('Marketing')!;
    const top = plan.launch.marketing.channels.length + 3;
    const budgetCol = (ws.getRow(1).values as unknown[]).indexOf('Budget');
    const col = ws.getColumn(budgetCol).letter;
    const header = ws.getRow(1).values as unknown[];
    expect(header.slice(1, 3)).toEqual(['Name', 'Channel']);
    expect(ws.getCell(2, 1).value).toBe(plan.launch.marketing.channels[0]!.name || null);
    expect(ws.getCell(top, header.indexOf('Description')).value).toBe('Total of the channels');
    expect(formula(ws.getCell(top, budgetCol).value)).toBe(
      `SUM(${col}2:${col}${plan.launch.marketing.channels.length + 1})`,
    );
    expect(result(ws.getCell(top, budgetCol).value)).toBe(spend.total);
    expect(ws.getCell(top + 1, budgetCol).value).toBe(spend.outreachLine);
    // The file holds <v>0</v>; exceljs reads a cached 0 back as no result.
    expect(result(ws.getCell(top + 2, budgetCol).value) ?? 0).toBe(spend.overOutreach);
    expect(ws.getCell(top + 3, budgetCol).value).toBe(spend.programTotal);
    expect(result(ws.getCell(top + 4, budgetCol).value)).toBeCloseTo(spend.shareOfProgram!, 10);
  });
});

const SOFFICE = process.env.SOFFICE_PATH ?? '/usr/bin/soffice';
const ALL_SHEETS_CSV =
  'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1';

describe.skipIf(!existsSync(SOFFICE))('the Launch sheets, recalculated by LibreOffice', () => {
  const work = mkdtempSync(join(tmpdir(), 'upskill-launch-lo-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  /** Every sheet of a workbook as rows of cells, as LibreOffice computes them. */
  async function viaLibreOffice(
    wb: ExcelJS.Workbook,
    name: string,
  ): Promise<Map<string, string[][]>> {
    // A saved file carries no up-to-date results: drop the cached ones, so LibreOffice must compute.
    for (const ws of wb.worksheets)
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          const f = formula(cell.value);
          if (f) cell.value = { formula: f } as ExcelJS.CellFormulaValue;
        }),
      );
    const file = join(work, `${name}.xlsx`);
    writeFileSync(file, new Uint8Array(await wb.xlsx.writeBuffer()));
    const out = join(work, `${name}-csv`);
    mkdirSync(out, { recursive: true });
    execFileSync(
      SOFFICE,
      [
        `-env:UserInstallation=file://${join(work, 'profile')}`,
        '--headless',
        '--convert-to',
        ALL_SHEETS_CSV,
        '--outdir',
        out,
        file,
      ],
      { stdio: 'pipe', timeout: 120_000 },
    );
    const sheets = new Map<string, string[][]>();
    for (const f of readdirSync(out))
      sheets.set(
        f.slice(name.length + 1, -4),
        Papa.parse<string[]>(readFileSync(join(out, f), 'utf8'), { delimiter: ',' }).data,
      );
    return sheets;
  }

  const num = (text: string | undefined) => Number((text ?? '').replace(/[^0-9.-]/g, ''));

  /** The waves' counts as LibreOffice computed them, against the app's. */
  function expectCounts(sheets: Map<string, string[][]>, plan: Plan, label: string) {
    const rows = sheets.get('Invitation waves')!;
    const at = wavesLayout(plan);
    const s = invitationSummary(plan);
    expect(num(rows[at.needed - 1]![1]), `${label}: needed`).toBe(s.needed);
    s.waves.forEach((w, j) => {
      const row = rows[at.first - 1 + j]!;
      expect(row.slice(3, 7).map(num), `${label}: ${w.name}`).toEqual([
        w.funnel.invited,
        w.funnel.registered,
        w.funnel.active,
        w.funnel.completing,
      ]);
    });
    expect(num(rows[at.total - 1]![3]), `${label}: all waves`).toBe(s.needed);
  }

  it(
    'follows a recipient’s edits to licences, ratio, shares, rates and channel budgets',
    { timeout: 120_000 },
    async () => {
      const plan = samplePlan();
      const { workbook } = await buildPlanWorkbook(plan, options());
      const ws = workbook.getWorksheet('Invitation waves')!;
      const at = wavesLayout(plan);
      ws.getCell(`B${at.licences}`).value = 1733;
      ws.getCell(`B${at.ratio}`).value = 1.85;
      ws.getCell(`C${at.first}`).value = 47;
      ws.getCell(`C${at.first + 1}`).value = 19;
      ws.getCell(`B${at.rates}`).value = 63;
      ws.getCell(`B${at.rates + 1}`).value = 77;
      ws.getCell(`B${at.rates + 2}`).value = 58;
      const marketing = workbook.getWorksheet('Marketing')!;
      const budgetCol = (marketing.getRow(1).values as unknown[]).indexOf('Budget');
      marketing.getCell(2, budgetCol).value = 40_000;
      const edited: Plan = structuredClone(plan);
      edited.launch.marketing.licenses = 1733;
      edited.launch.invitations.ratio = 1.85;
      edited.launch.invitations.waves[0]!.share = 47;
      edited.launch.invitations.waves[1]!.share = 19;
      edited.launch.invitations.rates = { registered: 63, active: 77, completing: 58 };
      edited.launch.marketing.channels[0]!.budget = 40_000;

      const sheets = await viaLibreOffice(workbook, 'edited');
      expectCounts(sheets, edited, 'edited');
      const spend = marketingSpend(edited.launch.marketing, edited.budget);
      const top = plan.launch.marketing.channels.length + 3;
      const m = sheets.get('Marketing')!;
      expect(num(m[top - 1]![budgetCol - 1])).toBe(spend.total);
      expect(num(m[top + 1]![budgetCol - 1])).toBe(spend.overOutreach);
      expect(num(m[top + 3]![budgetCol - 1]) / 100).toBeCloseTo(spend.shareOfProgram!, 10);
    },
  );

  it(
    'rounds waves as the app does: largest remainders, ties to the first, an even split without shares, the ratio held to its range',
    { timeout: 240_000 },
    async () => {
      const cases: [string, (p: Plan) => void][] = [
        ['as written', () => {}],
        [
          'three equal shares',
          (p) => {
            p.launch.marketing.licenses = 1001;
            p.launch.invitations.ratio = 1.5;
            p.launch.invitations.waves.push({
              ...p.launch.invitations.waves[1]!,
              id: 'w3',
              name: 'Wave 3',
            });
            p.launch.invitations.waves.forEach((w) => (w.share = 1));
          },
        ],
        [
          'no shares at all',
          (p) => {
            p.launch.marketing.licenses = 11;
            p.launch.invitations.waves.push({
              ...p.launch.invitations.waves[1]!,
              id: 'w3',
              name: 'Wave 3',
            });
            p.launch.invitations.waves.forEach((w) => (w.share = 0));
          },
        ],
        [
          'a ratio above the range, odd shares',
          (p) => {
            p.launch.marketing.licenses = 977;
            p.launch.invitations.ratio = 3;
            p.launch.invitations.waves[0]!.share = 37;
            p.launch.invitations.waves[1]!.share = 29;
            p.launch.invitations.rates = { registered: 55, active: 85, completing: 45 };
          },
        ],
      ];
      for (const [label, edit] of cases) {
        const plan: Plan = structuredClone(samplePlan());
        edit(plan);
        const { workbook } = await buildPlanWorkbook(plan, options());
        const sheets = await viaLibreOffice(workbook, label.replace(/\W+/g, '-'));
        expectCounts(sheets, plan, label);
      }
    },
  );
});

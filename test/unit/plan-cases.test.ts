/**
 * The plan files in test/fixtures/cases/plans/ (copied from ../shared/cases/,
 * which CI's fresh clone does not have): real-world files that each failed
 * once, and what the app must now do with them.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { produce } from 'immer';
import { describe, expect, it } from 'vitest';
import { planDocument, type DocBlock } from '../../shared/export/document';
import { buildPlanDocx } from '../../shared/export/docx';
import { buildPlanXlsx } from '../../shared/export/xlsx';
import { checkPlanHealth } from '../../shared/health/check';
import { readPlanFile } from '../../shared/plan/plan-file';
import type { Plan } from '../../shared/plan/schema';
import { removeTocElements } from '../../shared/toc/operations';
import { exportOptions, xmlUnescape, zipText } from './export-helpers';
import { english, inEnglish } from './health-english';

const dir = join(import.meta.dirname, '..', 'fixtures', 'cases', 'plans');

function readCase(name: string) {
  const result = readPlanFile(readFileSync(join(dir, name), 'utf8'));
  if (!result.ok) throw new Error(`${name}: ${result.message} ${result.details.join('; ')}`);
  return result;
}

/** Every paragraph of text in a .docx, in order. */
function docxParagraphs(bytes: Uint8Array): string[] {
  const xml = zipText(bytes, /^word\/document\.xml$/);
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)].map((p) =>
    xmlUnescape([...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')),
  );
}

/** Every text cell of every sheet of a .xlsx. */
async function xlsxRows(bytes: Uint8Array): Promise<Map<string, string[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheets = new Map<string, string[][]>();
  workbook.eachSheet((sheet) => {
    const rows: string[][] = [];
    sheet.eachRow((row) => {
      const values = Array.isArray(row.values) ? row.values.slice(1) : [];
      rows.push(values.map((v) => (v === null || v === undefined ? '' : String(v))));
    });
    sheets.set(sheet.name, rows);
  });
  return sheets;
}

const causalRows = (plan: Plan) => {
  const section = planDocument(plan, exportOptions()).sections.find(
    (s) => s.id === 'theoryOfChange',
  );
  const blocks = section?.blocks ?? [];
  const heading = blocks.findIndex(
    (b) => b.type === 'heading' && b.text === 'Causal links and their rationale',
  );
  const table = blocks[heading + 1] as Extract<DocBlock, { type: 'table' }>;
  return table.rows;
};

describe('duplicate-element-id.upskill.json', () => {
  it('opens with the second element renamed, and says which one', () => {
    const { plan, repairs } = readCase('duplicate-element-id.upskill.json');
    expect(repairs).toEqual([
      'Two theory-of-change elements had the id "n1"; the second ("Employers hire completers") now has the id "n1-2".',
    ]);
    expect(plan.theoryOfChange.nodes.map((n) => [n.id, n.title])).toEqual([
      ['n1', 'Learners finish their pathway'],
      ['n1-2', 'Employers hire completers'],
    ]);
  });

  it('deleting one element leaves the other', () => {
    const { plan } = readCase('duplicate-element-id.upskill.json');
    const afterFirst = produce(plan, (draft) => removeTocElements(draft, ['n1']));
    expect(afterFirst.theoryOfChange.nodes.map((n) => n.title)).toEqual([
      'Employers hire completers',
    ]);
    const afterSecond = produce(plan, (draft) => removeTocElements(draft, ['n1-2']));
    expect(afterSecond.theoryOfChange.nodes.map((n) => n.title)).toEqual([
      'Learners finish their pathway',
    ]);
  });
});

describe('self-loop.upskill.json', () => {
  it('keeps the link and Plan health flags it as an error pointing at the link', () => {
    const { plan, repairs } = readCase('self-loop.upskill.json');
    expect(repairs).toEqual([]);
    const loop = plan.theoryOfChange.links.find((l) => l.source === l.target);
    expect(loop).toMatchObject({ id: 'rw-self', source: 'toc-int-curation' });
    const title = plan.theoryOfChange.nodes.find((n) => n.id === 'toc-int-curation')!.title;
    const findings = checkPlanHealth(plan).filter((f) => f.rule === 'self-link');
    expect(findings.map(inEnglish)).toEqual([
      {
        id: 'self-link:rw-self',
        rule: 'self-link',
        severity: 'error',
        message: `The intervention “${title}” is linked to itself, which says it leads to itself. Remove the link, or point it at what the element contributes to.`,
        target: { section: 'theoryOfChange', elementId: 'rw-self' },
      },
    ]);
  });
});

describe('duplicate-link.upskill.json', () => {
  const { plan } = readCase('duplicate-link.upskill.json');
  const titleOf = (id: string) => plan.theoryOfChange.nodes.find((n) => n.id === id)!.title;
  const from = titleOf('toc-int-curation');
  const to = titleOf('toc-pre-content');
  const uniqueCount = plan.theoryOfChange.links.length - 1;

  it('is flagged by Plan health, on the second copy', () => {
    const findings = checkPlanHealth(plan).filter((f) => f.rule === 'duplicate-link');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      severity: 'warning',
      target: { section: 'theoryOfChange', elementId: 'rw-dup' },
    });
    expect(english(findings[0]!.message)).toContain(`from “${from}” to “${to}”`);
  });

  it('is listed once in the Word document, with what both copies say', async () => {
    const rows = causalRows(plan);
    expect(rows).toHaveLength(uniqueCount);
    const pair = rows.filter((r) => r[0] === from && r[1] === to);
    expect(pair).toHaveLength(1);
    // Under the column headed "Because", the rationale without its own leading "Because".
    expect(pair[0]![2]).toContain('Filtering a large catalog');
    expect(pair[0]![2]).toContain('Second copy of the same link');

    const paragraphs = docxParagraphs(await buildPlanDocx(plan, exportOptions()));
    expect(paragraphs.filter((p) => p === 'Second copy of the same link')).toHaveLength(1);
    expect(paragraphs.filter((p) => p.startsWith('Filtering a large catalog'))).toHaveLength(1);
  });

  it('is listed once in the Excel workbook', async () => {
    const sheets = await xlsxRows(await buildPlanXlsx(plan, exportOptions()));
    const rows = sheets.get('Causal links')!;
    const body = rows.filter((r) => r[0] === from && r[1] === to);
    expect(body).toHaveLength(1);
    expect(body[0]![2]).toContain('Second copy of the same link');
    // Header, then one row per distinct link.
    expect(rows.filter((r) => r[0] && r[0] !== 'From' && r[1])).toHaveLength(uniqueCount);
  });
});

describe('control-characters.upskill.json', () => {
  const { plan } = readCase('control-characters.upskill.json');

  it('holds the characters Word rejects (the case is real)', () => {
    expect(plan.objective.programName).toBe('Lower Valley\u000bDigital Futures');
    expect(plan.content.catalog.some((i) => i.title === 'Spreadsheet\u000bBasics')).toBe(true);
  });

  it('exports to Word with a space where they were: no character Word rejects, no glued words', async () => {
    const bytes = await buildPlanDocx(plan, exportOptions());
    const text = docxParagraphs(bytes).join('\n');
    expect(text).toContain('Lower Valley Digital Futures');
    expect(text).toContain('Spreadsheet Basics');
    expect(text).not.toMatch(/ValleyDigital|SpreadsheetBasics/);
    // eslint-disable-next-line no-control-regex -- the characters under test
    expect(zipText(bytes, /\.xml$/)).not.toMatch(/[\u000b\u000c]/);
  });

  it('exports to Excel the same way', async () => {
    const bytes = await buildPlanXlsx(plan, exportOptions());
    const cells = [...(await xlsxRows(bytes)).values()].flat(2);
    expect(cells).toContain('Spreadsheet Basics');
    expect(cells.some((c) => c.includes('Lower Valley Digital Futures'))).toBe(true);
    expect(cells.some((c) => /ValleyDigital|SpreadsheetBasics/.test(c))).toBe(false);
    // eslint-disable-next-line no-control-regex -- the characters under test
    expect(zipText(bytes, /\.xml$/)).not.toMatch(/[\u000b\u000c]/);
  });
});

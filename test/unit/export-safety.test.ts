/**
 * Export safety without LibreOffice: text Word rejects is removed, text that
 * looks like a formula stays text, file names are safe, and the command-line
 * flags are read strictly. Property tests feed arbitrary Unicode through.
 */
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import { blankIndicator } from '../../shared/indicators/format';
import { describe, expect, it } from 'vitest';
import {
  parseCommandLine,
  parseExportArguments,
  tokenizeArguments,
} from '../../electron/command-line';
import { buildPlanDocx } from '../../shared/export/docx';
import { parseSections } from '../../shared/export/options';
import {
  cellText,
  csvCell,
  exportFileName,
  looksLikeFormula,
  MAX_CELL_CHARS,
  sanitizeText,
} from '../../shared/export/sanitize';
import { buildPlanXlsx } from '../../shared/export/xlsx';
import { createBlankPlan } from '../../shared/plan/create';
import { Stakeholder } from '../../shared/plan/schema';
import { exportOptions, XML_FORBIDDEN, xmlUnescape, zipText } from './export-helpers';

describe('sanitizeText', { timeout: 30_000 }, () => {
  it('removes the control characters Word rejects and keeps tabs and line breaks', () => {
    // Vertical tab, form feed and next line separate words: a space, never glued (cases/plans).
    expect(sanitizeText('a\u000bb\u000cc\u0000d\u0007e\tf\ng')).toBe('a b cde\tf\ng');
    expect(sanitizeText('x\u0085y\u009fz')).toBe('x yz');
    expect(sanitizeText('line\r\nnext\rlast')).toBe('line\nnext\nlast');
  });

  it('removes lone surrogates and keeps emoji, RTL and CJK', () => {
    expect(sanitizeText('a\ud800b\udc00c')).toBe('abc');
    expect(sanitizeText('😀 مرحبا שלום 你好 \u200f')).toBe('😀 مرحبا שלום 你好 \u200f');
  });

  it('leaves no XML-forbidden character in any string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(XML_FORBIDDEN.test(sanitizeText(s))).toBe(false);
      }),
    );
  });
});

describe('cells and CSV', { timeout: 30_000 }, () => {
  it.each(['=1+1', '+SUM(A1)', '-2+3', '@cmd', '=HYPERLINK("http://x","y")'])(
    'treats %s as formula-looking text',
    (text) => {
      expect(looksLikeFormula(text)).toBe(true);
      expect(cellText(text)).toBe(text);
      expect(csvCell(text).replace(/^"|"$/g, '').startsWith("'")).toBe(true);
    },
  );

  it('quotes CSV fields with separators, quotes and line breaks', () => {
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('plain')).toBe('plain');
  });

  it("cuts text to Excel's cell limit", () => {
    expect(cellText('x'.repeat(40_000))).toHaveLength(MAX_CELL_CHARS);
  });
});

describe('file names', { timeout: 30_000 }, () => {
  it('removes characters file systems forbid and reserved names', () => {
    expect(exportFileName('Lower Valley: 2027/28 <draft>?', 'docx')).toBe(
      'Lower Valley 2027 28 draft – Program plan.docx',
    );
    expect(exportFileName('CON', 'xlsx')).toBe('Untitled plan – Plan workbook.xlsx');
    expect(exportFileName('\u0000\u000b', 'docx')).toBe('Untitled plan – Program plan.docx');
  });

  it('never produces a path separator or control character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const name = exportFileName(s, 'xlsx');
        // eslint-disable-next-line no-control-regex
        expect(name).not.toMatch(/[\u0000-\u001f<>:"/\\|?*]/);
        expect(name.endsWith('.xlsx')).toBe(true);
      }),
    );
  });
});

describe('formula injection in the workbook', { timeout: 30_000 }, () => {
  it('writes formula-looking text as string cells, never as formulas', async () => {
    const plan = createBlankPlan('=cmd|" /C calc"!A0');
    plan.stakeholders.entries.push(
      Stakeholder.parse({
        id: 'sh-1',
        name: '=1+2',
        organisation: '+SUM(A1:A9)',
        role: '-3+4',
        power: 60,
        interest: 40,
        owner: '@SUM(1)',
        contact: '=HYPERLINK("http://evil.example","click")',
        notes: '\tTAB',
      }),
    );
    const bytes = await buildPlanXlsx(plan, exportOptions());
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes.slice().buffer);
    const ws = wb.getWorksheet('Stakeholders')!;
    const row = ws.getRow(2);
    const texts = [2, 3, 4, 12, 14].map((c) => row.getCell(c).value);
    expect(texts).toEqual([
      '=1+2',
      '+SUM(A1:A9)',
      '-3+4',
      '@SUM(1)',
      '=HYPERLINK("http://evil.example","click")',
    ]);
    // The only formulas in the sheet are the quadrant column's.
    const xml = zipText(bytes, /worksheets\/sheet\d+\.xml$/);
    const formulas = [...xml.matchAll(/<f>([^<]*)<\/f>/g)].map((m) => xmlUnescape(m[1]!));
    expect(formulas.length).toBeGreaterThan(0);
    for (const f of formulas) expect(f).not.toMatch(/SUM\(A1|HYPERLINK|cmd/);
  });
});

describe('the Word document with hostile text', { timeout: 30_000 }, () => {
  it('contains no character Word rejects, whatever the plan holds', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 40 }), async (s) => {
        const plan = createBlankPlan(s);
        plan.objective.changeSought = s;
        plan.indicators.push({
          ...blankIndicator('m', null, 'other'),
          name: s,
          unit: s,
          baseline: { value: 1, date: null },
          target: { value: 2, date: null },
        });
        const docx = await buildPlanDocx(plan, exportOptions({ sections: ['objective'] }));
        const xml = xmlUnescape(zipText(docx, /\.xml$/));
        expect(XML_FORBIDDEN.test(xml)).toBe(false);
      }),
      { numRuns: 25 },
    );
  });
});

describe('sections', { timeout: 30_000 }, () => {
  it('reads a comma list in document order and refuses unknown names', () => {
    expect(parseSections('stakeholders, objective')).toEqual({
      ok: true,
      sections: ['objective', 'stakeholders'],
    });
    const bad = parseSections('objective,budget');
    expect(bad.ok).toBe(false);
    expect(!bad.ok && bad.message).toContain('"budget"');
  });
});

describe('command-line export flags', { timeout: 30_000 }, () => {
  const parse = (...args: string[]) => parseExportArguments(tokenizeArguments(args), '/home/ada');

  it('reads a full request with defaults', () => {
    expect(parse('plan.upskill.json', '--docx', 'out/plan.docx', '--xlsx=plan.xlsx')).toEqual({
      ok: true,
      request: {
        planFile: '/home/ada/plan.upskill.json',
        docx: '/home/ada/out/plan.docx',
        xlsx: '/home/ada/plan.xlsx',
        profile: 'internal',
        sections: expect.arrayContaining(['objective', 'pathways']),
        asOf: null,
      },
    });
    const partner = parse(
      'p.json',
      '--xlsx',
      'a.xlsx',
      '--profile',
      'partner',
      '--sections',
      'stakeholders',
      '--as-of',
      '2026-12-31',
    );
    expect(partner.ok && partner.request).toMatchObject({
      docx: null,
      profile: 'partner',
      sections: ['stakeholders'],
      asOf: '2026-12-31',
    });
  });

  it.each([
    [['--docx', 'a.docx'], 'No plan file'],
    [['a.json', 'b.json', '--docx', 'a.docx'], 'exactly one plan file'],
    [['a.json', '--profile', 'partner'], 'Nothing to export'],
    [['a.json', '--docx', 'a.docx', '--profile', 'shareable'], 'choose one'],
    [['a.json', '--docx', 'a.docx', '--as-of', '2026-02-30'], '--as-of needs a date'],
    [['a.json', '--docx', 'a.docx', '--as-of', '30/11/2026'], '--as-of needs a date'],
    [['a.json', '--docx', 'a.pdf'], 'must name a .docx file'],
    [['a.json', '--xlsx'], '--xlsx needs a value'],
    [['a.json', '--docx', 'a.docx', '--profile', 'public'], 'Unknown profile "public"'],
    [['a.json', '--docx', 'a.docx', '--sections', 'budget'], 'Unknown section'],
  ])('refuses %j with one line', (args, message) => {
    const result = parse(...args);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toContain(message);
    expect(!result.ok && result.message).not.toContain('\n');
  });

  it('puts the desktop app into export mode only when export flags are given', () => {
    const context = { defaultApp: false, cwd: '/home/ada' };
    expect(parseCommandLine(['/opt/upskill', 'a.upskill.json'], context)).toEqual({
      planFiles: ['/home/ada/a.upskill.json'],
    });
    const exporting = parseCommandLine(
      ['/opt/upskill', 'a.upskill.json', '--docx', 'a.docx'],
      context,
    );
    expect(exporting.planFiles).toEqual([]);
    expect(exporting.export?.ok).toBe(true);
  });
});

/**
 * Issue 13: the "Onboarding checklist" chapter of the Word plan and the
 * "Onboarding" sheet of the workbook: each step with owner, partners and due
 * date (calendar date and days from the launch), the status on the export's
 * "as of" date for internal and funder files only, and the team's notes in
 * internal files only.
 */
import { produce } from 'immer';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { planDocument, type DocBlock } from '../../shared/export/document';
import { buildPlanDocx } from '../../shared/export/docx';
import { buildPlanXlsx } from '../../shared/export/xlsx';
import type { Profile } from '../../shared/export/options';
import { exportOptions, samplePlan, xmlUnescape, zipText } from './export-helpers';

const plan = samplePlan();
const squash = (s: string) => xmlUnescape(s.replace(/<[^>]+>/g, ' ')).replace(/\s+/g, ' ');

function chapter(profile: Profile, asOf = '2027-03-20', p = plan) {
  const doc = planDocument(p, exportOptions({ profile, asOf, sections: ['onboarding'] }));
  expect(doc.sections.map((s) => s.title)).toEqual(['Onboarding checklist']);
  const blocks = doc.sections[0]!.blocks;
  const table = blocks.find((b): b is Extract<DocBlock, { type: 'table' }> => b.type === 'table')!;
  const texts = blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));
  return { table, texts };
}

async function sheetRows(profile: Profile, asOf = '2027-03-20'): Promise<string[][]> {
  const bytes = await buildPlanXlsx(
    plan,
    exportOptions({ profile, asOf, sections: ['onboarding'] }),
  );
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(
    bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
  );
  const ws = wb.getWorksheet('Onboarding')!;
  const rows: string[][] = [];
  ws.eachRow((row) => {
    const values = (row.values as unknown[]).slice(1);
    rows.push(
      values.map((v) =>
        v instanceof Date
          ? v.toISOString().slice(0, 10)
          : v === null || v === undefined
            ? ''
            : String(v),
      ),
    );
  });
  return rows;
}

/** Where a step is in the sample's checklist. */
const at = (id: string) => plan.launch.checklist.findIndex((i) => i.id === id);

describe('onboarding checklist export', () => {
  it('Word, internal: step, owner and partners, due date from the launch, status on the as-of date, notes', () => {
    const { table, texts } = chapter('internal');
    expect(table.columns.map((c) => c.title)).toEqual([
      'Step',
      'Owner and partners',
      'Due',
      'Status on 20 March 2027',
      'Notes',
    ]);
    expect(table.rows).toHaveLength(plan.launch.checklist.length);
    // Rows in the checklist's order (the sample's is by due date).
    const goals = table.rows[at('lc-goals')]!;
    expect(goals[0]).toBe(
      'Program goals and learning outcomes communicated to partners and learners',
    );
    expect(goals[1]).toBe(
      'Marta Kovač, Program Director\nWith Youth Centres Network, Community College',
    );
    expect(goals[2]).toBe('12 March 2027 (20 days before launch)');
    // Due 12 March, in progress on 20 March: overdue.
    expect(goals[3]).toBe('Overdue (in progress)');
    expect(goals[4]).toMatch(/^One-page summary of goals/);
    expect(table.rows[at('lc-journey')]![3]).toBe('Done');
    expect(texts[0]).toBe(
      'The steps that take learners from their invitation to their first lesson, who owns each and when it is due, counted from the launch on 1 April 2027.',
    );
    expect(texts).toContain(
      'On 20 March 2027, 3 of the 9 onboarding steps are done and 3 are overdue.',
    );
  });

  it('Word, funder keeps statuses without notes; partner-safe leaves out both', () => {
    const funder = chapter('funder').table;
    expect(funder.columns.map((c) => c.title)).toEqual([
      'Step',
      'Owner and partners',
      'Due',
      'Status on 20 March 2027',
    ]);
    const partner = chapter('partner');
    expect(partner.table.columns.map((c) => c.title)).toEqual([
      'Step',
      'Owner and partners',
      'Due',
    ]);
    expect(partner.texts.some((t) => /done|overdue/i.test(t))).toBe(false);
    // Owners and dates are kept for partners: they are who does what, when.
    expect(partner.table.rows[at('lc-signup-test')]).toEqual([
      'Sign-up flow tested end to end',
      'Tomás Ferreira, Marketing and Communications Lead\nWith Corvane Learning, Riveline Mobile',
      '26 March 2027 (6 days before launch)',
    ]);
  });

  it('says when the launch start is not set, and gives fixed dates as they are', () => {
    const noStart = produce(plan, (d) => {
      d.objective.timeline.launch.start = null;
      d.launch.checklist[at('lc-goals')]!.due = { anchor: 'date', date: '2027-02-01' };
    });
    const { table, texts } = chapter('internal', '2027-03-20', noStart);
    expect(texts).toContain(
      'The launch start is not set in the timeline yet, so steps due relative to the launch give the days before or after it instead of a date.',
    );
    expect(table.rows[at('lc-goals')]![2]).toBe('1 February 2027');
    expect(table.rows[at('lc-goals')]![3]).toBe('Overdue (in progress)');
    expect(table.rows[at('lc-signup-test')]![2]).toBe(
      '6 days before launch (launch start not set)',
    );
    expect(table.rows[at('lc-signup-test')]![3]).toBe('Not started');
  });

  it('writes the chapter into the .docx', async () => {
    const bytes = await buildPlanDocx(
      plan,
      exportOptions({ profile: 'funder', asOf: '2027-03-20', sections: ['onboarding'] }),
    );
    const text = squash(zipText(bytes, /word\/document\.xml$/));
    expect(text).toContain('Onboarding checklist');
    expect(text).toContain('Sign-up flow tested end to end');
    expect(text).toContain('26 March 2027 (6 days before launch)');
    expect(text).toContain('Status on 20 March 2027');
  });

  it('Excel: the Onboarding sheet, with status and notes by profile', async () => {
    const internal = await sheetRows('internal');
    // No internal ids: a reader finds a step by its name (issue 13).
    expect(internal[0]).toEqual([
      'Step',
      'Owner',
      'Partners involved',
      'Due',
      'Due date',
      'Status on 20 March 2027',
      'Notes',
    ]);
    expect(internal).toHaveLength(plan.launch.checklist.length + 1);
    const signup = internal.find((r) => r[0] === 'Sign-up flow tested end to end')!;
    expect(signup.slice(0, 6)).toEqual([
      'Sign-up flow tested end to end',
      'Tomás Ferreira, Marketing and Communications Lead',
      'Corvane Learning; Riveline Mobile',
      '26 March 2027 (6 days before launch)',
      '2027-03-26',
      'Not started',
    ]);
    expect(signup[6]).toMatch(/^Test on a low-end Android phone/);
    const partner = await sheetRows('partner');
    expect(partner[0]).toEqual(['Step', 'Owner', 'Partners involved', 'Due', 'Due date']);
  });
});

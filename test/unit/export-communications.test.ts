/**
 * The Communications chapter of the Word plan and its Excel sheet (issue
 * 13): each communication's title, kind, audience and send date in every
 * profile, its status only where the profile shows it (not partner-safe),
 * and no template text or raw merge field in either file; the Word chapter
 * also gives each message's wording (subject and filled body), with learner
 * fields as placeholders, never a person.
 */
import { strFromU8, unzipSync } from 'fflate';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  communicationRows,
  communicationsBlocks,
} from '../../shared/export/communications-chapter';
import { planDocument } from '../../shared/export/document';
import { buildPlanDocx } from '../../shared/export/docx';
import { PROFILE_IDS } from '../../shared/export/options';
import { buildPlanXlsx } from '../../shared/export/xlsx';
import { createBlankPlan } from '../../shared/plan/create';
import { exportOptions, samplePlan, xmlUnescape } from './export-helpers';

const sample = samplePlan();
const only = { sections: ['communications'] as const };

describe('Communications chapter', () => {
  it('lists each communication with kind, audience, send date and status (internal)', () => {
    const { columns, rows } = communicationRows(sample, 'internal');
    expect(columns).toEqual(['Communication', 'Kind', 'Audience', 'Send date', 'Status']);
    expect(rows[1]).toEqual([
      'Digital Futures is open: start your first lesson today',
      'Launch e-mail',
      'All registered learners at launch; merged with the registration email for later sign-ups',
      '12 April 2027 (11 days after launch)',
      'Draft',
    ]);
    expect(rows.map((r) => r[4])).toEqual(['Ready', 'Draft', 'Draft', 'Draft']);
  });

  it('keeps titles, kinds and dates but not the status in the partner-safe file', () => {
    const { columns, rows } = communicationRows(sample, 'partner');
    expect(columns).toEqual(['Communication', 'Kind', 'Audience', 'Send date']);
    expect(rows[0]![0]).toBe('You’re registered for Digital Futures');
    expect(communicationRows(sample, 'funder').columns).toContain('Status');
  });

  it('is a chapter of the Word plan, and absent without communications', () => {
    const doc = planDocument(sample, exportOptions({ ...only }));
    expect(doc.sections.map((s) => s.title)).toEqual(['Communications']);
    expect(communicationsBlocks(createBlankPlan('Empty'), 'internal')).toEqual([]);
    const empty = planDocument(createBlankPlan('Empty'), exportOptions({ ...only }));
    expect(empty.sections).toEqual([]);
  });

  it('writes the chapter into the .docx without template text or raw fields', async () => {
    for (const profile of ['internal', 'partner'] as const) {
      const bytes = await buildPlanDocx(sample, exportOptions({ ...only, profile }));
      const xml = xmlUnescape(
        strFromU8(unzipSync(bytes)['word/document.xml']!).replace(/<[^>]+>/g, ' '),
      );
      expect(xml).toContain('Your place is waiting: wave 2 reminder');
      expect(xml).toContain('17 May 2027 (46 days after launch)');
      expect(xml).toContain('https://digitalfutures.lowervalley.example.org/join');
      expect(xml).not.toContain('{firstName}');
      expect(xml.includes('Ready'), profile).toBe(profile === 'internal');
    }
  });

  it('has a Communications sheet in the workbook, with status only where shown', async () => {
    for (const profile of ['internal', 'partner'] as const) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(
        (await buildPlanXlsx(sample, exportOptions({ ...only, profile }))) as never,
      );
      const ws = wb.getWorksheet('Communications')!;
      const header = (ws.getRow(1).values as unknown[]).filter(Boolean);
      // No internal ids: a reader finds a communication by its title (issue 13).
      expect(header).toEqual([
        'Communication',
        'Kind',
        'Subject',
        'Audience',
        'Send',
        'Send date',
        ...(profile === 'internal' ? ['Status'] : []),
      ]);
      const launch = ws.getRow(3).values as unknown[];
      expect(launch[1]).toBe(
        sample.launch.communications.find((c) => c.id === 'comm-launch')!.title,
      );
      expect(launch[3]).toBe('Digital Futures is open: start your first lesson today');
      expect((launch[6] as Date).toISOString().slice(0, 10)).toBe('2027-04-12');
    }
  });

  it('gives each message’s wording in every profile: subject and body filled from the plan, «first name» for the learner', async () => {
    for (const profile of PROFILE_IDS) {
      const blocks = communicationsBlocks(sample, profile);
      const text = blocks
        .map((b) =>
          b.type === 'paragraph' || b.type === 'heading'
            ? b.text
            : b.type === 'facts'
              ? b.rows.flat().join(' ')
              : b.type === 'bullets'
                ? b.items.join(' ')
                : '',
        )
        .join('\n');
      expect(blocks.some((b) => b.type === 'heading' && b.text === 'What learners read')).toBe(
        true,
      );
      for (const c of sample.launch.communications) {
        expect(text, `${profile}: ${c.id}`).toContain(c.title);
        expect(text, `${profile}: ${c.id}`).toContain(c.subject.replace(/\s+/g, ' ').trim());
      }
      expect(text).toContain(
        'Hi «first name», Lower Valley Digital Futures 2027 opens today. Sign in at https://digitalfutures.lowervalley.example.org/join to go straight to your first lesson',
      );
      expect(text).toContain(
        'Questions? Contact the help desk on 021 555 0300 (weekdays 9:00–18:00).',
      );
      expect(text).toContain('IT Support Starter Pathway or Data Analysis Upskilling');
      // Never a raw field, never a learner's own name or address.
      expect(text).not.toMatch(/\{[A-Za-z ]+\}/);
      expect(text).not.toMatch(/@example\.org/);
    }
    const docx = await buildPlanDocx(sample, exportOptions({ ...only, profile: 'partner' }));
    const xml = xmlUnescape(
      strFromU8(unzipSync(docx)['word/document.xml']!).replace(/<[^>]+>/g, ' '),
    );
    expect(xml).toContain('What learners read');
    expect(xml).toContain('«first name»');
    expect(xml).toContain('It takes two clicks to register');
  });

  it('writes a missing plan value in the wording as a bracketed note, and leaves a message without text out', () => {
    const plan = structuredClone(sample);
    plan.launch.details.registrationLink = '';
    plan.launch.communications[3]!.subject = '';
    plan.launch.communications[3]!.body = '';
    const blocks = communicationsBlocks(plan, 'internal');
    const paragraphs = blocks.flatMap((b) => (b.type === 'paragraph' ? [b.text] : []));
    expect(paragraphs.join('\n')).toContain(
      'Sign in at [registration link not set] to go straight',
    );
    const titles = blocks.flatMap((b) => (b.type === 'heading' && b.level === 3 ? [b.text] : []));
    expect(titles).toEqual(sample.launch.communications.slice(0, 3).map((c) => c.title));
  });
});

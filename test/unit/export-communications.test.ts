/**
 * The Communications chapter of the Word plan and its Excel sheet (issue
 * 13): each communication's title, kind, audience and send date in every
 * profile, its status only where the profile shows it (not partner-safe),
 * and no template text or raw merge field in either file.
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
});

/**
 * The export dialog's audience and "as of" date (issue 12), driven by roles
 * and labels: the chosen profile and date reach the file (built in-thread,
 * as jsdom has no Worker), the file name says who it is for, and without a
 * date nothing is exported.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { readPlanFile } from '../../shared/plan/plan-file';
import { localToday } from '../../shared/stakeholders/schedule';
import { useWorkbench } from '../../renderer/src/app/workbench';
import { ExportDialog } from '../../renderer/src/features/export/ExportDialog';
import { PlanStoreProvider } from '../../renderer/src/store/plan-context';
import { createPlanStore } from '../../renderer/src/store/plan-store';
import type * as PlatformModule from '../../renderer/src/platform/platform';
import { typeDate } from './date-helpers';

const saved: { name: string; bytes: Uint8Array }[] = [];

vi.mock('../../renderer/src/platform/platform', async (importOriginal) => {
  const original = await importOriginal<typeof PlatformModule>();
  return {
    ...original,
    detectPlatform: () => ({
      ...original.detectPlatform(),
      saveExport: async (name: string, bytes: Uint8Array) => {
        saved.push({ name, bytes });
        return { kind: 'saved' as const, path: name };
      },
    }),
  };
});

function samplePlan() {
  const text = readFileSync(
    join(
      import.meta.dirname,
      '..',
      '..',
      'resources',
      'sample-plans',
      'youth-digital-skills.upskill.json',
    ),
    'utf8',
  );
  const result = readPlanFile(text);
  if (!result.ok) throw new Error(result.message);
  return result.plan;
}

function setup() {
  const store = createPlanStore(samplePlan(), { write: async () => 1, describeError: String });
  const onClose = vi.fn();
  render(
    <PlanStoreProvider value={store}>
      <ExportDialog onClose={onClose} />
    </PlanStoreProvider>,
  );
  return { onClose };
}

/** The text of the Word file's body. */
function documentText(bytes: Uint8Array): string {
  return strFromU8(unzipSync(bytes)['word/document.xml']!).replace(/<[^>]+>/g, '');
}

beforeEach(() => {
  saved.length = 0;
  useWorkbench.setState({ alert: null, notice: null });
});

describe('export dialog: audience and "as of" date', { timeout: 60_000 }, () => {
  it('offers the three profiles, full internal first, and today as the date', () => {
    setup();
    const audience = screen.getByRole('group', { name: 'Audience' });
    const radios = [...audience.querySelectorAll('input[type="radio"]')].map((r) =>
      r.getAttribute('value'),
    );
    expect(radios).toEqual(['internal', 'funder', 'partner']);
    expect(screen.getByRole('radio', { name: /^Full internal/ })).toHaveProperty('checked', true);
    const date = screen.getByRole('group', { name: 'Dates and statuses as of' });
    const [year, month, day] = localToday().split('-').map(Number);
    const values = Object.fromEntries(
      [...date.querySelectorAll('[role="spinbutton"]')].map((s) => [
        s.getAttribute('data-type'),
        Number(s.getAttribute('aria-valuenow')),
      ]),
    );
    expect(values).toEqual({ year, month, day });
  });

  it('exports a partner-safe Word file as of the chosen date, named for its audience', async () => {
    const { onClose } = setup();
    fireEvent.click(screen.getByRole('radio', { name: /^Partner-safe/ }));
    await typeDate(screen.getByRole('group', { name: 'Dates and statuses as of' }), '2027-02-20');
    fireEvent.click(screen.getByRole('button', { name: 'Export Word document' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled(), { timeout: 30_000 });
    expect(saved).toHaveLength(1);
    expect(saved[0]!.name).toMatch(/\(partner-safe\)\.docx$/);
    const text = documentText(saved[0]!.bytes);
    expect(text).toContain('Partner-safe version');
    expect(text).toContain('20 February 2027');
    expect(text).not.toContain('Supportive → Leading');
    expect(text).not.toContain('Power/interest matrix');
  });

  it('exports a funder workbook as of the chosen date', async () => {
    const { onClose } = setup();
    fireEvent.click(screen.getByRole('radio', { name: /^Excel workbook/ }));
    fireEvent.click(screen.getByRole('radio', { name: /^Funder/ }));
    await typeDate(screen.getByRole('group', { name: 'Dates and statuses as of' }), '2026-12-31');
    fireEvent.click(screen.getByRole('button', { name: 'Export Excel workbook' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled(), { timeout: 30_000 });
    expect(saved[0]!.name).toMatch(/\(funder\)\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(saved[0]!.bytes.slice().buffer);
    const summary = wb.getWorksheet('Summary')!;
    const facts = new Map<string, unknown>();
    summary.eachRow((row) => facts.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(facts.get('As of')).toEqual(new Date(Date.UTC(2026, 11, 31)));
    expect(String(facts.get('Audience'))).toMatch(/^Funder version/);
    const strings = strFromU8(unzipSync(saved[0]!.bytes)['xl/sharedStrings.xml']!);
    expect(strings).not.toContain('lindqvist@');
  });

  it('exports nothing without a date, and says why', async () => {
    setup();
    await typeDate(screen.getByRole('group', { name: 'Dates and statuses as of' }), null);
    expect(screen.getByRole('alert').textContent).toContain('Enter the date the document is as of');
    expect(screen.getByRole('button', { name: 'Export Word document' })).toHaveProperty(
      'disabled',
      true,
    );
  });
});

/**
 * The catalog import dialog in the UI's language (issue 15): its own words,
 * and the worker's — how rows were checked, why one fails, the rows-not-
 * imported CSV — in Spanish, and in Arabic right to left.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { createBlankPlan } from '../../shared/plan/create';
import { ImportDialog } from '../../renderer/src/features/content/ImportDialog';
import {
  ImportSession,
  type ImportRequest,
  type ImportResponse,
} from '../../renderer/src/features/content/import-protocol';
import { setUiLanguage } from '../../renderer/src/i18n/i18n';
import { PlanStoreProvider } from '../../renderer/src/store/plan-context';
import { createPlanStore } from '../../renderer/src/store/plan-store';

const csv = readFileSync(
  join(import.meta.dirname, '..', 'fixtures', 'imports', 'catalog-one-bad-row.csv'),
);

function setup() {
  const plan = createBlankPlan('Import test');
  const store = createPlanStore(plan, { write: async () => 1, describeError: String });
  render(
    <PlanStoreProvider value={store}>
      <ImportDialog backups={null} onClose={() => undefined} />
    </PlanStoreProvider>,
  );
}

function choose(label: string) {
  const file = new File([csv], 'catalog-one-bad-row.csv', { type: 'text/csv' });
  fireEvent.change(screen.getByLabelText(label), { target: { files: [file] } });
}

/** Asks an import session (the worker's code, here in-thread) and returns its final answer. */
async function ask(session: ImportSession, request: ImportRequest): Promise<ImportResponse> {
  let last: ImportResponse | null = null;
  await session.handle(request, (m) => (last = m));
  return last!;
}

/** Text as read, without the isolates put around values in right-to-left sentences (i18n/bidi.ts). */
const plain = (text: string) => text.replace(/[\u2068\u2069]/g, '');
/** Matches an element or accessible name whose plain text is `expected`. */
const is = (expected: string) => (text: string) => plain(text) === expected;

afterEach(async () => {
  await act(() => setUiLanguage('en'));
});

describe('catalog import in the UI language', () => {
  it(
    'Spanish: the dialog, the counts and the reason a row fails',
    { timeout: 30_000 },
    async () => {
      await act(() => setUiLanguage('es'));
      setup();
      const dialog = screen.getByRole('dialog', { name: 'Importar elementos del catálogo' });
      expect(within(dialog).getByText(/CSV o Excel \(\.xlsx\), de hasta 10 MB/)).toBeTruthy();
      choose('Hoja de cálculo que importar');
      await screen.findByText('3 filas listas para importar', undefined, { timeout: 20_000 });
      expect(screen.getByText('1 fila no se importará')).toBeTruthy();
      const problems = screen.getByRole('table', { name: 'Filas que no se importarán' });
      expect(within(problems).getByText('Las Horas «about ten» no son un número.')).toBeTruthy();
      expect(within(problems).getByText('Horas')).toBeTruthy();
      expect(screen.getByRole('button', { name: 'Importar 3 elementos' })).toBeTruthy();
      // The sample's cost in the plan's currency, written the Spanish way.
      expect(screen.getByRole('table', { name: 'Primeras filas que se importarán' })).toBeTruthy();
    },
  );

  it('Spanish: the rows-not-imported CSV has a Motivo column in Spanish', async () => {
    const session = new ImportSession();
    const bytes = csv.buffer.slice(csv.byteOffset, csv.byteOffset + csv.byteLength);
    const read = await ask(session, {
      id: 1,
      type: 'read',
      name: 'catalog.csv',
      bytes: bytes as ArrayBuffer,
      existing: [],
      language: 'es',
    });
    if (read.type !== 'read' || !read.ok) throw new Error('not read');
    await ask(session, {
      id: 2,
      type: 'preview',
      mapping: read.mapping as Extract<ImportRequest, { type: 'preview' }>['mapping'],
      choices: {},
      language: 'es',
    });
    const failed = await ask(session, { id: 3, type: 'failedCsv', language: 'es' });
    if (failed.type !== 'failedCsv') throw new Error('no CSV');
    const [heading, row] = failed.csv
      .replace(/^\ufeff/, '')
      .trim()
      .split('\r\n');
    expect(heading!.endsWith(',Motivo')).toBe(true);
    expect(row).toContain('Fila 4: Las Horas «about ten» no son un número.');
  });

  it('Arabic: right to left, with Arabic counts and reasons', { timeout: 30_000 }, async () => {
    await act(() => setUiLanguage('ar'));
    expect(document.documentElement.dir).toBe('rtl');
    setup();
    expect(screen.getByRole('dialog', { name: 'استيراد عناصر الفهرس' })).toBeTruthy();
    choose('جدول البيانات المراد استيراده');
    await screen.findByText('3 صفوف جاهزة للاستيراد', undefined, { timeout: 20_000 });
    expect(screen.getByText('صف واحد لن يُستورد')).toBeTruthy();
    expect(screen.getByRole('button', { name: is('استيراد 3 عناصر') })).toBeTruthy();
    // The file's Latin value is isolated inside the Arabic sentence, so it keeps its order.
    expect(screen.getByText('الساعات «\u2068about ten\u2069» ليست رقمًا.')).toBeTruthy();
  });
});

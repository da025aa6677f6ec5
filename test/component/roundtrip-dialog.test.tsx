/**
 * The "Import from Excel" dialog with the new user's own workbooks (issue 11,
 * new-user findings 11–14), driven by roles and labels (the workbook is read
 * in-thread, as jsdom has no Worker): a row whose ID was cleared waits for a
 * choice with Apply blocked and the row named; a workbook with bad cells
 * shows its valid changes, lists the problems row by row and imports the
 * rest, leaving the bad cells as they are.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { readPlanFile } from '../../shared/plan/plan-file';
import { isPlaced } from '../../shared/stakeholders/register';
import { useWorkbench } from '../../renderer/src/app/workbench';
import { RoundTripDialog } from '../../renderer/src/features/export/RoundTripDialog';
import { setUiLanguage } from '../../renderer/src/i18n/i18n';
import { PlanStoreProvider } from '../../renderer/src/store/plan-context';
import { createPlanStore } from '../../renderer/src/store/plan-store';

const root = join(import.meta.dirname, '..', '..');

function samplePlan() {
  const text = readFileSync(
    join(root, 'resources', 'sample-plans', 'youth-digital-skills.upskill.json'),
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
      <RoundTripDialog onClose={onClose} />
    </PlanStoreProvider>,
  );
  return { store, onClose };
}

function choose(name: string) {
  const bytes = readFileSync(join(root, 'test', 'fixtures', 'roundtrip', name));
  const file = new File([bytes], name, {
    type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  });
  fireEvent.change(screen.getByLabelText('Workbook to import'), { target: { files: [file] } });
}

beforeEach(() => {
  useWorkbench.setState({ alert: null, notice: null });
});

describe('import from Excel: decisions and problems', { timeout: 60_000 }, () => {
  it('rt-share-funder.xlsx: the row without an ID blocks Apply until it is decided', async () => {
    setup();
    choose('rt-share-funder.xlsx');
    const stakeholders = await screen.findByRole(
      'region',
      { name: 'Stakeholders changes' },
      { timeout: 30_000 },
    );
    within(stakeholders).getByRole('heading', {
      name: /^Stakeholders: 2 changed, 1 kept though not in the workbook, 1 waiting for your choice/,
    });
    const apply = screen.getByRole('button', { name: 'Apply changes' });
    expect(apply).toHaveProperty('disabled', true);
    screen.getByText(
      'Before applying, choose for row 6 (“Riveline Mobile”) of the Stakeholders sheet whether it is the existing entry of that name or a new one.',
    );
    const group = within(stakeholders).getByRole('group', { name: 'Row 6, “Riveline Mobile”' });
    // Riveline Mobile is not offered for removal while its row waits; the deleted row is.
    expect(within(stakeholders).queryByRole('checkbox', { name: 'Remove “Riveline Mobile”' })).toBe(
      null,
    );
    within(stakeholders).getByRole('checkbox', { name: 'Remove “Community Radio”' });

    fireEvent.click(within(group).getByRole('radio', { name: /add it as new/ }));
    expect(apply).toHaveProperty('disabled', false);
    within(stakeholders).getByRole('checkbox', { name: 'Remove “Riveline Mobile”' });
    within(stakeholders).getByRole('heading', {
      name: /^Stakeholders: 1 added, 2 changed, 2 kept though not in the workbook/,
    });
    fireEvent.click(within(group).getByRole('radio', { name: /update it/ }));
    within(stakeholders).getByRole('heading', {
      name: /^Stakeholders: 2 changed, 1 kept though not in the workbook(?!, 1 waiting)/,
    });
    expect(screen.queryByText(/^Before applying, choose/)).toBe(null);
    // Thousands separators, and the sheet that is not read back.
    const indicators = screen.getByRole('region', { name: 'Indicators changes' });
    expect(indicators.textContent).toContain('Target: 1,900 → 1,050');
    screen.getByText(
      /^Content catalog sheet: 1 cell differs from the plan \(F3 Hours: “12” → “14”\)/,
    );
  });

  it('rt-full-funder2.xlsx: lists the problems by row and imports the rest', async () => {
    const { store, onClose } = setup();
    choose('rt-full-funder2.xlsx');
    const problems = await screen.findByRole(
      'region',
      { name: 'Problems in the workbook' },
      { timeout: 30_000 },
    );
    within(problems).getByRole('heading', {
      name: '6 problems: not imported, the plan keeps its values',
    });
    expect(problems.textContent).toContain(
      '5 cells with a problem are left as they are in the plan; the other changes in their rows are applied. 1 row is left out whole.',
    );
    expect(problems.textContent).toContain('Stakeholders row 5 · Riveline Mobile');
    expect(problems.textContent).toContain('Power (0–100): “high” is not a number from 0 to 100.');
    const stakeholders = screen.getByRole('region', { name: 'Stakeholders changes' });
    expect(stakeholders.textContent).toContain(
      'Interest (0–100): 40 → 56 (55.5 rounded to a whole score)',
    );
    expect(stakeholders.textContent).toContain(
      'Matrix position: On the matrix → Not set (in the Unplaced tray)',
    );
    fireEvent.click(screen.getByRole('button', { name: 'Apply changes, leave 6 problems out' }));
    await waitFor(() => expect(onClose).toHaveBeenCalled());
    const plan = store.getState().history.present;
    const entry = (id: string) => plan.stakeholders.entries.find((e) => e.id === id)!;
    expect(entry('sh-union').interest).toBe(56);
    expect(isPlaced(entry('sh-platform'))).toBe(false);
    expect(entry('sh-telecom').power).toBe(55);
    expect(entry('sh-skills-fund').power).toBe(90);
    expect(useWorkbench.getState().notice?.message).toContain('6 problems left out');
  });
});

describe('import from Excel in another language (issue 15)', { timeout: 60_000 }, () => {
  afterEach(async () => {
    await setUiLanguage('en');
  });

  it('opens in Arabic: title, intro and buttons come from the catalog', async () => {
    await setUiLanguage('ar');
    setup();
    screen.getByRole('dialog', { name: 'الاستيراد من Excel' });
    screen.getByText(/^اختر مصنفًا مُصدَّرًا من هذه الخطة/);
    screen.getByRole('button', { name: 'اختيار مصنف…' });
    screen.getByRole('button', { name: 'إلغاء' });
    screen.getByLabelText('المصنف المراد استيراده');
  });

  it('reads a workbook in Spanish: sheet summary, the waiting row and Apply blocked', async () => {
    await setUiLanguage('es');
    setup();
    const bytes = readFileSync(join(root, 'test', 'fixtures', 'roundtrip', 'rt-share-funder.xlsx'));
    fireEvent.change(screen.getByLabelText('Libro que importar'), {
      target: { files: [new File([bytes], 'rt-share-funder.xlsx')] },
    });
    const stakeholders = await screen.findByRole(
      'region',
      { name: 'Cambios en Actores' },
      { timeout: 30_000 },
    );
    within(stakeholders).getByRole('heading', {
      name: /^Actores: 2 modificados, 1 conservado aunque no está en el libro, 1 pendiente de su elección/,
    });
    expect(screen.getByRole('button', { name: 'Aplicar los cambios' })).toHaveProperty(
      'disabled',
      true,
    );
    screen.getByText(
      'Antes de aplicar, elija para la fila 6 («Riveline Mobile») de la hoja Actores si es la entrada existente con ese nombre o una nueva.',
    );
    within(stakeholders).getByRole('group', { name: 'Fila 6, «Riveline Mobile»' });
    // What reading found is said in Spanish too, quoting the English workbook's own headings.
    screen.getByText(
      'Hoja Stakeholders: no tiene columna Contact ni Internal notes (una exportación para financiadores); los contactos y las notas quedan como están.',
    );
  });
});

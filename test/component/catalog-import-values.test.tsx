/**
 * The value-mapping step of the catalog import dialog against a real plan
 * store (the worker's session runs in-thread under jsdom): a file without a
 * Kind column asks for the kind of every row, languages are spelt as the
 * user says, extra columns are kept in the notes only when ticked, and a
 * saved mapping is stored locally and applied to the next file.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { createBlankPlan } from '../../shared/plan/create';
import { useWorkbench } from '../../renderer/src/app/workbench';
import { ImportDialog } from '../../renderer/src/features/content/ImportDialog';
import { loadPresets } from '../../renderer/src/features/content/import-presets-store';
import { PlanStoreProvider } from '../../renderer/src/store/plan-context';
import { createPlanStore } from '../../renderer/src/store/plan-store';

const CSV = 'Title,Level,Language,Enrolments\nExcel Basics,Beginner,en; xx,5.3k\n';

function setup() {
  const store = createPlanStore(createBlankPlan('Values'), {
    write: async () => 1,
    describeError: String,
  });
  let closed = false;
  const view = render(
    <PlanStoreProvider value={store}>
      <ImportDialog backups={null} onClose={() => (closed = true)} />
    </PlanStoreProvider>,
  );
  return { store, closed: () => closed, view };
}

function choose(text: string, name = 'export.csv') {
  fireEvent.change(screen.getByLabelText('Spreadsheet to import'), {
    target: { files: [new File([text], name, { type: 'text/csv' })] },
  });
}

beforeEach(() => {
  localStorage.clear();
  useWorkbench.setState({ alert: null, notice: null });
});

describe('catalog import: values', () => {
  it('asks for the kind of every row, spells languages as told, keeps a ticked column in the notes, and saves the mapping', async () => {
    const { store, closed } = setup();
    choose(CSV);
    await screen.findByText('Choose the column that holds the Kind, or the kind of every row.');
    expect(screen.getByRole('button', { name: 'Import' })).toHaveProperty('disabled', true);

    fireEvent.change(screen.getByLabelText('Kind of every row'), { target: { value: 'clip' } });
    await screen.findByText('1 row ready to import');
    expect(screen.getByTestId('import-every-row').textContent).toBe(
      'Kind Clip for every row (your choice).',
    );
    const xx = screen.getByLabelText('Language for “xx”');
    expect(xx).toHaveProperty('value', 'xx');
    expect(screen.getByLabelText('Language for “en”')).toHaveProperty('value', 'English');
    fireEvent.change(xx, { target: { value: '' } });
    fireEvent.blur(xx);
    fireEvent.click(screen.getByLabelText('Keep “Enrolments” in the notes'));
    await waitFor(() =>
      expect(screen.getByLabelText('Language for “xx”')).toHaveProperty('value', ''),
    );

    fireEvent.change(screen.getByLabelText('Name for this mapping'), {
      target: { value: 'LMS export' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save mapping' }));
    await screen.findByText('Mapping saved as “LMS export”.');
    expect(loadPresets()).toEqual([
      expect.objectContaining({
        name: 'LMS export',
        columns: { title: 'Title', level: 'Level', languages: 'Language' },
        kindForAll: 'clip',
        keepInNotes: ['Enrolments'],
        values: expect.objectContaining({ languages: { en: 'English', xx: '' } }),
      }),
    ]);

    fireEvent.click(await screen.findByRole('button', { name: 'Import 1 item' }));
    await waitFor(() => expect(closed()).toBe(true));
    expect(store.getState().history.present.content.catalog).toEqual([
      expect.objectContaining({
        title: 'Excel Basics',
        kind: 'clip',
        level: 'beginner',
        languages: ['English'],
        notes: 'Enrolments: 5.3k',
      }),
    ]);
  });

  it('applies a saved mapping to the next file, and says which of its columns the file lacks', async () => {
    localStorage.setItem(
      'upskill-workbench.catalog-import-presets.v1',
      JSON.stringify([
        {
          name: 'Platform',
          columns: { title: 'Course', level: 'Difficulty', notes: 'Summary text' },
          values: { level: { mixed: 'advanced' } },
          kindForAll: 'course',
        },
      ]),
    );
    setup();
    choose('Course,Difficulty\nPython,Mixed\n');
    // Guessed: Title and Level; "Mixed" and the kind wait for the user.
    await screen.findByText('Choose the column that holds the Kind, or the kind of every row.');
    fireEvent.change(screen.getByLabelText('Saved mapping'), { target: { value: 'Platform' } });
    await screen.findByText('“Platform” used; this file has no column “Summary text”.');
    await screen.findByText('1 row ready to import');
    expect(screen.getByRole('row', { name: /2 Python Course Advanced/ })).toBeTruthy();
  });
});

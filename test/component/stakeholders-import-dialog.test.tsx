/**
 * The import dialog with the stakeholder target against a real plan store
 * (the worker's session runs in-thread under jsdom): an unknown Type word
 * waits for the user's choice, a failing row is listed with its field, the
 * mapping is saved as a preset tagged for stakeholder lists (the catalog's
 * presets are kept and the catalog dialog does not offer it), and
 * confirming is one `stakeholders.import` step.
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeEach, describe, expect, it } from 'vitest';
import { createBlankPlan } from '../../shared/plan/create';
import { useWorkbench } from '../../renderer/src/app/workbench';
import { ImportDialog } from '../../renderer/src/features/content/ImportDialog';
import { stakeholderTarget } from '../../renderer/src/features/stakeholders/stakeholder-import';
import { loadPresets, presetStore } from '../../renderer/src/features/content/import-presets-store';
import { PlanStoreProvider } from '../../renderer/src/store/plan-context';
import { createPlanStore } from '../../renderer/src/store/plan-store';

const KEY = 'upskill-workbench.catalog-import-presets.v1';
const CSV =
  'Name,Organisation,Group,Power,Interest,E-mail\n' +
  'Skills Fund,Ministry,Funder,High,Low,a@example.org\n' +
  'Youth Club,,Alumni,Low,High,b@example.org\n' +
  'Bad Row,,Funder,abc,High,\n';

function setup(stakeholders = true) {
  const store = createPlanStore(createBlankPlan('Stakeholder import'), {
    write: async () => 1,
    describeError: String,
  });
  let closed = false;
  render(
    <PlanStoreProvider value={store}>
      {stakeholders ? (
        <ImportDialog backups={null} target={stakeholderTarget} onClose={() => (closed = true)} />
      ) : (
        <ImportDialog backups={null} onClose={() => (closed = true)} />
      )}
    </PlanStoreProvider>,
  );
  return { store, closed: () => closed };
}

function choose(text: string, name = 'list.csv') {
  fireEvent.change(screen.getByLabelText('Spreadsheet to import'), {
    target: { files: [new File([text], name, { type: 'text/csv' })] },
  });
}

beforeEach(() => {
  localStorage.clear();
  useWorkbench.setState({ alert: null, notice: null });
});

describe('stakeholder list import dialog', () => {
  it('waits for an unknown type, lists a bad score, saves a tagged preset and imports as one step', async () => {
    localStorage.setItem(
      KEY,
      JSON.stringify([{ name: 'Catalog one', columns: { title: 'Title' }, values: {} }]),
    );
    const { store, closed } = setup();
    choose(CSV);
    await screen.findByText('1 row ready to import');
    expect(screen.getByText(/“E-mail” holds e-mail addresses or phone numbers/)).toBeTruthy();
    expect(screen.getByLabelText('Type for “Alumni”')).toHaveProperty('value', '');
    expect(screen.getByText(/Power “abc” is not a number/)).toBeTruthy();
    // The catalog's saved mapping is not offered here.
    expect(screen.queryByRole('option', { name: 'Catalog one' })).toBeNull();

    fireEvent.change(screen.getByLabelText('Type for “Alumni”'), {
      target: { value: 'outreach' },
    });
    await screen.findByText('2 rows ready to import');

    fireEvent.change(screen.getByLabelText('Name for this mapping'), {
      target: { value: 'Workshop list' },
    });
    fireEvent.click(screen.getByRole('button', { name: 'Save mapping' }));
    await screen.findByText('Mapping saved as “Workshop list”.');
    expect(presetStore('stakeholders').load()).toEqual([
      expect.objectContaining({
        target: 'stakeholders',
        name: 'Workshop list',
        columns: {
          name: 'Name',
          organisation: 'Organisation',
          type: 'Group',
          power: 'Power',
          interest: 'Interest',
        },
        values: expect.objectContaining({ type: { funder: 'stakeholder', alumni: 'outreach' } }),
      }),
    ]);
    // The catalog's preset is still there, and still the catalog's only one.
    expect(loadPresets().map((p) => p.name)).toEqual(['Catalog one']);

    fireEvent.click(screen.getByRole('button', { name: 'Import 2 stakeholders' }));
    await waitFor(() => expect(closed()).toBe(true));
    const state = store.getState();
    expect(state.history.present.stakeholders.entries).toEqual([
      expect.objectContaining({ name: 'Skills Fund', power: 75, interest: 25, contact: '' }),
      expect.objectContaining({ name: 'Youth Club', relation: 'partner', partnerType: 'outreach' }),
    ]);
    expect(JSON.stringify(state.history.present)).not.toContain('example.org');
    expect(state.history.past.at(-1)?.action).toBe('Import 2 stakeholders from a stakeholder list');
  });

  it('the catalog dialog does not offer a stakeholder-list preset', async () => {
    presetStore('stakeholders').save({
      target: 'stakeholders',
      name: 'Workshop list',
      columns: { name: 'Name' },
      values: { type: {}, stance: {}, power: {}, interest: {} },
      scales: {},
      typeForAll: 'stakeholder',
      keepInNotes: [],
    });
    setup(false);
    choose('Title,Kind,Level\nExcel,Course,Beginner\n', 'c.csv');
    await screen.findByText('1 row ready to import');
    expect(screen.queryByRole('option', { name: 'Workshop list' })).toBeNull();
    expect(loadPresets()).toEqual([]);
  });
});

/**
 * The catalog import dialog as a new user met it (issue 11 follow-up,
 * findings 2, 7, 9, 10 and 15): an update lists each change with the
 * catalog's value and the file's; rows waiting for a choice are told apart
 * from faulty ones and the Import button says they wait; the counts are a
 * live region; the sample shows every column the file supplies (cost with
 * the plan's currency); focus goes back to the button that opened the
 * dialog when it closes.
 */
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { useState } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { createBlankPlan } from '../../shared/plan/create';
import { ContentItem, type Plan } from '../../shared/plan/schema';
import { useWorkbench } from '../../renderer/src/app/workbench';
import { ImportDialog } from '../../renderer/src/features/content/ImportDialog';
import { PlanStoreProvider } from '../../renderer/src/store/plan-context';
import { createPlanStore } from '../../renderer/src/store/plan-store';

function planWith(catalog: ContentItem[]): Plan {
  const plan = createBlankPlan('Review');
  return {
    ...plan,
    budget: { ...plan.budget, currency: 'EUR' },
    content: { ...plan.content, catalog },
  };
}

/** The dialog behind an opening button, as the catalog section has it. */
function Opener() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Import from spreadsheet…
      </button>
      {open && <ImportDialog backups={null} onClose={() => setOpen(false)} />}
    </>
  );
}

function setup(catalog: ContentItem[] = []) {
  const store = createPlanStore(planWith(catalog), { write: async () => 1, describeError: String });
  render(
    <PlanStoreProvider value={store}>
      <Opener />
    </PlanStoreProvider>,
  );
  const opener = screen.getByRole('button', { name: 'Import from spreadsheet…' });
  opener.focus();
  fireEvent.click(opener);
  return { store, opener };
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

describe('catalog import: reviewing what happens', () => {
  it('lists each change of an update from the catalog’s value to the file’s, and no change for case only', async () => {
    setup([
      ContentItem.parse({
        id: 'cat-1',
        title: 'Data Analysis with Spreadsheets',
        provider: 'Corvane Learning',
        hours: 12.5,
        languages: ['English', 'Spanish'],
        url: 'https://x.org/c/1',
      }),
      ContentItem.parse({ id: 'cat-2', title: 'Python', provider: 'Corvane Learning' }),
    ]);
    choose(
      'Title,Provider,Kind,Level,Hours,Languages,URL\n' +
        'Data Analysis with Spreadsheets,Corvane Learning,Course,Beginner,14,English,https://x.org/c/1\n' +
        '  python ,corvane learning,Course,Beginner,,,\n',
    );
    await waitFor(() =>
      expect(screen.getByTestId('import-summary').textContent).toBe(
        '0 new, 1 updated, 1 unchanged',
      ),
    );
    const table = screen.getByRole('table', { name: 'Items the file updates' });
    expect(
      within(table)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(['Hours: 12.5 → 14', 'Languages: English, Spanish → English']);
    // The counts are announced as they change.
    expect(screen.getByTestId('import-summary').getAttribute('role')).toBe('status');
    expect(screen.getByRole('button', { name: 'Update 1 item' })).toBeTruthy();
  });

  it('tells rows waiting for a choice from faulty ones, and the Import button says they wait', async () => {
    setup();
    choose(
      'Title,Kind,Level,Hours,Cost\n' +
        'A,Course,Mixed,2,€10\n' +
        'B,Course,Beginner,lots,€10\n' +
        'C,Course,Beginner,3,$49\n' +
        'D,Course,Beginner,4,€12\n',
    );
    await waitFor(() =>
      expect(screen.getByTestId('import-summary').textContent).toBe(
        '1 row ready to import · 1 row waits for your choice above · 2 rows will not be imported',
      ),
    );
    screen.getByText('Waiting for your choice for Level “Mixed” above.');
    screen.getByText(
      'Cost per learner “$49” is in dollars, not EUR as the plan’s budget: convert it in the file, or leave the column out.',
    );
    screen.getByRole('button', { name: 'Import 1 item (1 row still waits for a choice)' });
    expect(
      (screen.getByLabelText('Level for “Mixed”') as HTMLSelectElement).selectedOptions[0]!
        .textContent,
    ).toBe('— choose: 1 row waits —');
    // The sample shows the cost, in the plan's currency.
    const sample = screen.getByRole('table', { name: 'First rows to be imported' });
    expect(
      within(sample)
        .getAllByRole('columnheader')
        .map((th) => th.textContent),
    ).toEqual(['Row', 'Title', 'Kind', 'Level', 'Hours', 'Cost per learner']);
    within(sample).getByText('€12');

    fireEvent.change(screen.getByLabelText('Level for “Mixed”'), {
      target: { value: 'intermediate' },
    });
    await screen.findByRole('button', { name: 'Import 2 items' });
  });

  it('matches the file’s skills to the plan’s spelt another way, and keeps one as a new skill when told (finding 8)', async () => {
    const { store } = setup([
      ContentItem.parse({
        id: 'cat-1',
        title: 'Excel',
        provider: 'P',
        skills: ['Spreadsheets', 'Python'],
      }),
    ]);
    choose('Title,Kind,Level,Skills\nSkill Test,Course,Beginner,"Spreadsheet, sql, Python 3"\n');
    const table = await screen.findByRole('table', {
      name: 'Skills in your file the plan has under another spelling',
    });
    expect(
      within(table)
        .getAllByRole('rowheader')
        .map((th) => th.textContent),
    ).toEqual(['Python 3', 'Spreadsheet']);
    expect(screen.getByLabelText('Skill for “Spreadsheet”')).toHaveProperty(
      'value',
      'Spreadsheets',
    );
    screen.getByText('1 skill in your file is new to the plan: it is added as written.');
    fireEvent.change(screen.getByLabelText('Skill for “Python 3”'), {
      target: { value: 'Python 3' },
    });
    await waitFor(() =>
      expect(screen.getByLabelText('Skill for “Python 3”')).toHaveProperty('value', 'Python 3'),
    );
    fireEvent.click(await screen.findByRole('button', { name: 'Import 1 item' }));
    await waitFor(() =>
      expect(store.getState().history.present.content.catalog.at(-1)?.skills).toEqual([
        'Spreadsheets',
        'sql',
        'Python 3',
      ]),
    );
  });

  it('gives focus back to the opening button after Cancel and after Escape', async () => {
    const { opener } = setup();
    const dialog = await screen.findByRole('dialog', { name: 'Import catalog items' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(opener);

    fireEvent.click(opener);
    const again = await screen.findByRole('dialog', { name: 'Import catalog items' });
    fireEvent(again, new Event('cancel', { cancelable: true }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(document.activeElement).toBe(opener);
  });
});

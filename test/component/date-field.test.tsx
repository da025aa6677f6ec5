import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { restingDateText } from '../../renderer/src/components/date-field';
import { DateField, TableDateField } from '../../renderer/src/components/fields';
import { setUiLanguage } from '../../renderer/src/i18n/i18n';
import { typeDate } from './date-helpers';

function Harness(props: { initial: string | null; onChange: (v: string | null) => void }) {
  const [value, setValue] = useState<string | null>(props.initial);
  return (
    <>
      <DateField
        label="Baseline date"
        value={value}
        onChange={(v) => {
          setValue(v);
          props.onChange(v);
        }}
      />
      <button type="button" onClick={() => setValue('2024-02-29')}>
        Undo
      </button>
      <p data-testid="saved">{value ?? 'none'}</p>
    </>
  );
}

const segments = () =>
  within(screen.getByRole('group', { name: 'Baseline date' })).getAllByRole('spinbutton');
const shown = () =>
  segments()
    .map((s) => s.textContent)
    .join('/');

// English dates are written the British way, day first, as everywhere else
// in the app (shared/i18n/format.ts: en-GB), whatever the computer's region.
describe('DateField', () => {
  it('is a labelled group of day, month and year segments (the UI language’s order)', () => {
    render(<Harness initial="2025-03-07" onChange={() => undefined} />);
    expect(screen.getByRole('group', { name: 'Baseline date' })).toBeTruthy();
    expect(segments().map((s) => s.getAttribute('data-type'))).toEqual(['day', 'month', 'year']);
    expect(shown()).toBe('07/03/2025');
  });

  it('saves a date typed digit by digit, day first, without resetting on the way', async () => {
    const onChange = vi.fn();
    const user = userEvent.setup();
    render(<Harness initial={null} onChange={onChange} />);
    await user.click(segments()[0]!);
    await user.keyboard('1501');
    // Part-way through the year nothing is committed and nothing is reset.
    await user.keyboard('2');
    expect(onChange).not.toHaveBeenCalled();
    expect(segments()[0]!.textContent).toBe('15');
    expect(segments()[1]!.textContent).toBe('01');
    await user.keyboard('026');
    expect(onChange).toHaveBeenCalledTimes(1);
    expect(onChange).toHaveBeenLastCalledWith('2026-01-15');
    expect(screen.getByTestId('saved').textContent).toBe('2026-01-15');
    expect(shown()).toBe('15/01/2026');
  });

  it('keeps a partial date on screen, commits nothing, and says so when focus leaves', async () => {
    const onChange = vi.fn();
    const user = userEvent.setup();
    render(<Harness initial={null} onChange={onChange} />);
    await user.click(segments()[0]!);
    await user.keyboard('1501');
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Undo' }).parentElement!);
    act(() => (document.activeElement as HTMLElement | null)?.blur());
    expect(onChange).not.toHaveBeenCalled();
    expect(segments()[0]!.textContent).toBe('15');
    expect(screen.getByRole('alert').textContent).toContain('incomplete');
  });

  it('clears to empty when every segment is deleted', async () => {
    const onChange = vi.fn();
    const user = userEvent.setup();
    render(<Harness initial="2025-03-07" onChange={onChange} />);
    await user.click(segments()[2]!);
    await user.keyboard('{Backspace}{Backspace}{Backspace}{Backspace}');
    // Still partial: the plan keeps its date.
    expect(onChange).not.toHaveBeenCalled();
    await user.keyboard('{Backspace}{Backspace}{Backspace}{Backspace}{Backspace}');
    expect(onChange).toHaveBeenLastCalledWith(null);
    expect(screen.getByTestId('saved').textContent).toBe('none');
  });

  it('refuses a year outside 1900–2200 with a message, leaving the plan unchanged', async () => {
    const onChange = vi.fn();
    const user = userEvent.setup();
    render(<Harness initial="2025-03-07" onChange={onChange} />);
    await user.click(segments()[2]!);
    await user.keyboard('0026');
    expect(onChange).not.toHaveBeenCalled();
    act(() => (document.activeElement as HTMLElement | null)?.blur());
    fireEvent.blur(segments()[2]!);
    expect(screen.getByRole('alert').textContent).toContain('1900');
    expect(screen.getByTestId('saved').textContent).toBe('2025-03-07');
  });

  it('follows outside changes such as undo', () => {
    render(<Harness initial="2025-03-07" onChange={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect(shown()).toBe('29/02/2024');
  });

  it('shows a message passed from outside, tied to the field', () => {
    render(
      <DateField
        label="Target date"
        value="2020-01-01"
        onChange={() => undefined}
        error="Before the baseline"
      />,
    );
    const group = screen.getByRole('group', { name: 'Target date' });
    expect(screen.getByRole('alert').textContent).toBe('Before the baseline');
    const describedBy = group.getAttribute('aria-describedby') ?? '';
    expect(describedBy).toContain(screen.getByRole('alert').id);
  });

  it('helper typeDate fills a field from an ISO date', async () => {
    const onChange = vi.fn();
    render(<Harness initial={null} onChange={onChange} />);
    await typeDate(screen.getByRole('group', { name: 'Baseline date' }), '2027-11-30');
    expect(onChange).toHaveBeenLastCalledWith('2027-11-30');
  });
});

describe('TableDateField (the light field in long tables)', () => {
  it("shows the date in the segments' order and style until it is used", () => {
    expect(restingDateText('2026-01-05', 'en-US')).toBe('01/05/2026');
    expect(restingDateText('2026-01-05', 'de-DE')).toBe('05.01.2026');
    expect(restingDateText(null, 'en-US')).toBe('mm/dd/yyyy');
    expect(restingDateText('not a date', 'en-GB')).toBe('dd/mm/yyyy');
  });

  it('becomes the full field on Tab, with the focus on the first segment, and saves what is typed', async () => {
    const onChange = vi.fn();
    const user = userEvent.setup();
    render(
      <>
        <input aria-label="Owner" />
        <TableDateField
          hideLabel
          label="Next checkpoint with Youth Council"
          value="2025-03-07"
          onChange={onChange}
        />
      </>,
    );
    expect(screen.queryByRole('group')).toBeNull();
    expect(
      screen.getByRole('button', { name: 'Next checkpoint with Youth Council: 07/03/2025' }),
    ).toBeTruthy();
    await user.click(screen.getByLabelText('Owner'));
    await user.tab();
    const group = screen.getByRole('group', { name: 'Next checkpoint with Youth Council' });
    const [day] = within(group).getAllByRole('spinbutton');
    expect(document.activeElement).toBe(day);
    await user.keyboard('04');
    expect(onChange).toHaveBeenLastCalledWith('2025-03-04');
  });

  it('says "no date" for an empty checkpoint and opens on a click', async () => {
    const user = userEvent.setup();
    render(
      <TableDateField hideLabel label="Next checkpoint with X" value={null} onChange={vi.fn()} />,
    );
    await user.click(screen.getByRole('button', { name: 'Next checkpoint with X: no date' }));
    expect(screen.getByRole('group', { name: 'Next checkpoint with X' })).toBeTruthy();
  });
});

describe('date fields in the UI language', () => {
  afterEach(async () => {
    await act(() => setUiLanguage('en'));
  });

  it('Spanish: day first, Spanish segment names and month name, Spanish messages; the plan keeps ISO', async () => {
    await act(() => setUiLanguage('es'));
    const onChange = vi.fn();
    const user = userEvent.setup();
    render(<Harness initial="2025-03-07" onChange={onChange} />);
    const group = screen.getByRole('group', { name: 'Baseline date' });
    expect(segments().map((s) => s.getAttribute('data-type'))).toEqual(['day', 'month', 'year']);
    expect(shown()).toBe('07/03/2025');
    // React Aria names the segments and the month in the locale given (I18nProvider).
    const month = within(group).getByRole('spinbutton', { name: /mes/ });
    expect(month.getAttribute('aria-valuetext')).toMatch(/marzo/);
    await user.click(segments()[0]!);
    await user.keyboard('15012026');
    expect(onChange).toHaveBeenLastCalledWith('2026-01-15');
    await user.click(segments()[2]!);
    await user.keyboard('0026');
    act(() => (document.activeElement as HTMLElement | null)?.blur());
    fireEvent.blur(segments()[2]!);
    expect(screen.getByRole('alert').textContent).toBe(
      'Indique un año entre 1900 y 2200. La fecha no se guardó.',
    );
  });

  it('Spanish: the light table field shows the date day first and says “sin fecha” when empty', async () => {
    await act(() => setUiLanguage('es'));
    render(
      <>
        <TableDateField hideLabel label="Próximo control" value="2025-03-07" onChange={vi.fn()} />
        <TableDateField hideLabel label="Otro control" value={null} onChange={vi.fn()} />
      </>,
    );
    expect(screen.getByRole('button', { name: 'Próximo control: 07/03/2025' })).toBeTruthy();
    const empty = screen.getByRole('button', { name: 'Otro control: sin fecha' });
    expect(empty.textContent).toBe('dd/mm/aaaa');
  });

  it('Arabic: right-to-left, Arabic segment names and month name, Latin digits; the plan keeps ISO', async () => {
    await act(() => setUiLanguage('ar'));
    expect(document.documentElement.dir).toBe('rtl');
    const onChange = vi.fn();
    const user = userEvent.setup();
    render(<Harness initial="2025-03-07" onChange={onChange} />);
    const group = screen.getByRole('group', { name: 'Baseline date' });
    const month = within(group).getByRole('spinbutton', { name: /شهر/ });
    expect(month.getAttribute('aria-valuetext')).toMatch(/مارس/);
    // Latin digits (the app writes figures so in Arabic: shared/i18n/format.ts).
    expect(segments().map((s) => s.textContent)).toEqual(
      expect.arrayContaining(['07', '03', '2025']),
    );
    const types = segments().map((s) => s.getAttribute('data-type') ?? '');
    const parts: Record<string, string> = { day: '15', month: '01', year: '2026' };
    await user.click(segments()[0]!);
    await user.keyboard(types.map((type) => parts[type]).join(''));
    expect(onChange).toHaveBeenLastCalledWith('2026-01-15');
  });
});

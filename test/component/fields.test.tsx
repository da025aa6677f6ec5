import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { NumberField, parseNumberInput } from '../../renderer/src/components/fields';
import { MoneyField } from '../../renderer/src/features/learners/MoneyField';

describe('parseNumberInput', () => {
  it.each([
    ['', null],
    ['  ', null],
    ['42', 42],
    ['1,200', 1200],
    ['-3.5', -3.5],
    ['.5', 0.5],
    ['1e3', 1000],
    ['12 000', 12000],
    // One reader with the imports: a comma before other than three digits is a decimal comma.
    ['12,5', 12.5],
    ['1.200,50', 1200.5],
  ])('reads %j as %j', (text, expected) => {
    expect(parseNumberInput(text)).toBe(expected);
  });

  it.each(['abc', '45 people', '1.2.3', '--1', 'Infinity', 'NaN', '1e999'])(
    'refuses %j',
    (text) => {
      expect(parseNumberInput(text)).toBe('invalid');
    },
  );
});

function Harness({ onChange }: { onChange: (v: number | null) => void }) {
  const [value, setValue] = useState<number | null>(10);
  return (
    <>
      <NumberField
        label="Target"
        value={value}
        max={1000}
        onChange={(v) => {
          setValue(v);
          onChange(v);
        }}
      />
      <button type="button" onClick={() => setValue(7)}>
        Undo
      </button>
    </>
  );
}

describe('NumberField', () => {
  it('commits valid numbers and refuses invalid ones with a message', () => {
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    const input = screen.getByLabelText('Target') as HTMLInputElement;
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: '250' } });
    expect(onChange).toHaveBeenLastCalledWith(250);

    fireEvent.change(input, { target: { value: '250 learners' } });
    expect(screen.getByRole('alert').textContent).toContain('not a number');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(input, { target: { value: '5000' } });
    expect(screen.getByRole('alert').textContent).toBe('Enter a number up to 1,000.');
    expect(onChange).toHaveBeenCalledTimes(1);

    // Leaving the field puts back the last good value, and says what was not kept (no alarm).
    fireEvent.blur(input);
    expect(input.value).toBe('250');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('status').textContent).toBe(
      '“5000” was not kept. Enter a number up to 1,000.',
    );
    // The next change clears it.
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: '260' } });
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('keeps a good value when the field is left with it', () => {
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    const input = screen.getByLabelText('Target') as HTMLInputElement;
    fireEvent.focus(input);
    for (const text of ['5', '5e', '5e2']) fireEvent.change(input, { target: { value: text } });
    fireEvent.blur(input);
    expect(input.value).toBe('5e2');
    expect(onChange).toHaveBeenLastCalledWith(500);
  });

  it('leaves nothing behind when typing passes valid numbers on the way to an invalid one (issue 10: "1e30" must not leave 1000)', () => {
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    const input = screen.getByLabelText('Target') as HTMLInputElement;
    fireEvent.focus(input);
    for (const text of ['1', '1e', '1e3', '1e30'])
      fireEvent.change(input, { target: { value: text } });
    expect(screen.getByRole('alert').textContent).toBe('Enter a number up to 1,000.');
    fireEvent.blur(input);
    expect(input.value).toBe('10');
    expect(onChange).toHaveBeenLastCalledWith(10);
  });

  it('follows outside changes such as undo', () => {
    render(<Harness onChange={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Undo' }));
    expect((screen.getByLabelText('Target') as HTMLInputElement).value).toBe('7');
  });

  it('keeps what the user typed when it means the same number', () => {
    const onChange = vi.fn();
    render(<Harness onChange={onChange} />);
    const input = screen.getByLabelText('Target') as HTMLInputElement;
    fireEvent.change(input, { target: { value: '1,000' } });
    expect(input.value).toBe('1,000');
    expect(onChange).toHaveBeenLastCalledWith(1000);
  });
});

describe('MoneyField', () => {
  it('leaves the amount as it was when the typed text ends up invalid', () => {
    const onChange = vi.fn();
    function Money() {
      const [value, setValue] = useState<number | null>(250_000);
      return (
        <MoneyField
          label="Total budget"
          value={value}
          currency="EUR"
          onChange={(v) => {
            setValue(v);
            onChange(v);
          }}
        />
      );
    }
    render(<Money />);
    const input = screen.getByLabelText('Total budget (EUR)') as HTMLInputElement;
    fireEvent.focus(input);
    for (const text of ['5', '5e', '5e9', '5e99'])
      fireEvent.change(input, { target: { value: text } });
    expect(screen.getByRole('alert').textContent).toContain('Enter an amount');
    fireEvent.blur(input);
    expect(onChange).toHaveBeenLastCalledWith(250_000);
    // "12,5" is twelve and a half, as in every import.
    fireEvent.focus(input);
    fireEvent.change(input, { target: { value: '12,5' } });
    expect(onChange).toHaveBeenLastCalledWith(12.5);
  });
});

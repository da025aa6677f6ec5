import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { NumberField, parseNumberInput } from '../../renderer/src/components/fields';

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
    fireEvent.change(input, { target: { value: '250' } });
    expect(onChange).toHaveBeenLastCalledWith(250);

    fireEvent.change(input, { target: { value: '250 learners' } });
    expect(screen.getByRole('alert').textContent).toContain('not a number');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    fireEvent.change(input, { target: { value: '5000' } });
    expect(screen.getByRole('alert').textContent).toContain('from');
    expect(onChange).toHaveBeenCalledTimes(1);

    // Leaving the field puts back the last good value.
    fireEvent.blur(input);
    expect(input.value).toBe('250');
    expect(screen.queryByRole('alert')).toBeNull();
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

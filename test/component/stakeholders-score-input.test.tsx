/** The power/interest score input: bad input is refused with a message and changes nothing. */
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { ScoreInput } from '../../renderer/src/features/stakeholders/ScoreInput';

function Harness({ onCommit }: { onCommit: (v: number) => void }) {
  const [value, setValue] = useState(40);
  return (
    <>
      <ScoreInput
        label="Power"
        value={value}
        onCommit={(v) => {
          onCommit(v);
          setValue(v);
        }}
      />
      <button type="button" onClick={() => setValue(90)}>
        Outside change
      </button>
    </>
  );
}

describe('ScoreInput', () => {
  it('commits a valid score on Enter and on leaving the field, rounded', () => {
    const onCommit = vi.fn();
    render(<Harness onCommit={onCommit} />);
    const input = screen.getByLabelText('Power');
    fireEvent.change(input, { target: { value: '72.6' } });
    expect(onCommit).not.toHaveBeenCalled();
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onCommit).toHaveBeenLastCalledWith(73);
    expect((input as HTMLInputElement).value).toBe('73');
    fireEvent.change(input, { target: { value: '0' } });
    fireEvent.blur(input);
    expect(onCommit).toHaveBeenLastCalledWith(0);
  });

  it.each([
    ['500', 'Power must be from 0 to 100.'],
    ['-1', 'Power must be from 0 to 100.'],
    ['abc', '"abc" is not a number. Enter 0 to 100.'],
    ['', 'Power is needed: enter 0 to 100.'],
  ])('refuses %j with a message and keeps the last good score', (text, message) => {
    const onCommit = vi.fn();
    render(<Harness onCommit={onCommit} />);
    const input = screen.getByLabelText('Power');
    fireEvent.change(input, { target: { value: text } });
    expect(screen.getByRole('alert').textContent).toBe(message);
    expect(input.getAttribute('aria-invalid')).toBe('true');
    fireEvent.keyDown(input, { key: 'Enter' });
    fireEvent.blur(input);
    expect(onCommit).not.toHaveBeenCalled();
    expect((input as HTMLInputElement).value).toBe('40');
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('follows outside changes such as a drag or undo', () => {
    render(<Harness onCommit={() => undefined} />);
    fireEvent.click(screen.getByRole('button', { name: 'Outside change' }));
    expect((screen.getByLabelText('Power') as HTMLInputElement).value).toBe('90');
  });

  it('shows a stakeholder not yet on the matrix as "Not set", not as a score of 50', () => {
    const onCommit = vi.fn();
    render(<ScoreInput label="Power" value={null} onCommit={onCommit} />);
    const input = screen.getByLabelText('Power') as HTMLInputElement;
    expect(input.value).toBe('');
    expect(input.placeholder).toBe('Not set');
    // Leaving it empty places nothing and says nothing.
    fireEvent.change(input, { target: { value: '' } });
    fireEvent.blur(input);
    expect(onCommit).not.toHaveBeenCalled();
    expect(screen.queryByRole('alert')).toBeNull();
    fireEvent.change(input, { target: { value: '70' } });
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onCommit).toHaveBeenLastCalledWith(70);
  });
});

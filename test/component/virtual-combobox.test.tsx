/** VirtualCombobox by keyboard over 50,000 options: filter, move, pick — only a window in the DOM. */
import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { VirtualCombobox } from '../../renderer/src/components/VirtualCombobox';

interface Option {
  id: string;
  title: string;
}

const OPTIONS: Option[] = Array.from({ length: 50_000 }, (_, i) => ({
  id: `o${i}`,
  title: `Module ${i}`,
}));

function Harness({ onSelect }: { onSelect: (o: Option | null) => void }) {
  const [query, setQuery] = useState('');
  const [selected, setSelected] = useState<Option | null>(null);
  const items = query ? OPTIONS.filter((o) => o.title.toLowerCase().includes(query)) : OPTIONS;
  return (
    <VirtualCombobox<Option>
      label="Catalog item"
      items={items}
      onQueryChange={(q) => setQuery(q.toLowerCase())}
      selected={selected}
      onSelect={(o) => {
        setSelected(o);
        onSelect(o);
      }}
      itemKey={(o) => o.id}
      itemText={(o) => o.title}
      description={`${items.length} items`}
    />
  );
}

// jsdom lays nothing out: give boxes a size so the virtualizer has a window to fill.
const sizes = ['clientHeight', 'offsetHeight', 'clientWidth', 'offsetWidth'] as const;
const saved = sizes.map((k) => Object.getOwnPropertyDescriptor(HTMLElement.prototype, k));
beforeAll(() => {
  for (const k of sizes)
    Object.defineProperty(HTMLElement.prototype, k, {
      configurable: true,
      get: () => (k.endsWith('Height') ? 320 : 480),
    });
});
afterAll(() => {
  sizes.forEach((k, i) => {
    if (saved[i]) Object.defineProperty(HTMLElement.prototype, k, saved[i]);
  });
});

describe('VirtualCombobox', () => {
  it('has an accessible name and picks an option by keyboard', () => {
    const onSelect = vi.fn();
    render(<Harness onSelect={onSelect} />);
    const input = screen.getByRole('combobox', { name: 'Catalog item' });
    expect(input.getAttribute('aria-describedby')).toBeTruthy();

    input.focus();
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    const listbox = screen.getByRole('listbox');
    // 50,000 options, a window of them rendered.
    const rendered = screen.getAllByRole('option');
    expect(rendered.length).toBeGreaterThan(0);
    expect(rendered.length).toBeLessThan(60);
    expect(rendered[0]!.getAttribute('aria-setsize')).toBe('50000');
    expect(listbox).toBeTruthy();

    fireEvent.change(input, { target: { value: 'module 4999' } });
    // "Module 4999" and "Module 49990"…"Module 49999".
    expect(screen.getAllByRole('option')).toHaveLength(11);
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    const active = input.getAttribute('aria-activedescendant');
    expect(active && document.getElementById(active)?.textContent).toBe('Module 49990');
    fireEvent.keyDown(input, { key: 'Enter' });
    expect(onSelect).toHaveBeenLastCalledWith({ id: 'o49990', title: 'Module 49990' });
    expect((input as HTMLInputElement).value).toBe('Module 49990');
    expect(screen.queryByRole('option')).toBeNull();

    // Escape closes without picking.
    fireEvent.keyDown(input, { key: 'ArrowDown' });
    expect(screen.getAllByRole('option').length).toBeGreaterThan(0);
    fireEvent.keyDown(input, { key: 'Escape' });
    expect(screen.queryByRole('option')).toBeNull();
  });
});

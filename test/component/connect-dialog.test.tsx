/** The "Link to…" dialog by keyboard: Enter links to the first match; the arrows walk the list. */
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { ConnectDialog } from '../../renderer/src/features/theory-of-change/ConnectDialog';
import type { TocNode } from '../../shared/plan/schema';

const node = (id: string, title: string): TocNode =>
  ({
    id,
    kind: 'outcome',
    horizon: 'short',
    title,
    description: '',
    position: { x: 0, y: 0 },
  }) as unknown as TocNode;

const nodes = [
  node('a', 'Employer-led mentoring'),
  node('b', 'Graduates hired by local firms'),
  node('c', 'Graduates keep their job'),
];

describe('ConnectDialog', () => {
  it('links to the first match on Enter, and walks the list with the arrow keys', async () => {
    const onConnect = vi.fn();
    render(
      <ConnectDialog
        from={nodes[0]!}
        nodes={nodes}
        problemFor={() => null}
        onConnect={onConnect}
        onClose={() => undefined}
      />,
    );
    const search = screen.getByLabelText('Find element');
    fireEvent.keyDown(search, { key: 'ArrowDown' });
    await waitFor(() => expect(document.activeElement?.textContent).toContain('Graduates hired'));
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowDown' });
    expect(document.activeElement?.textContent).toContain('Graduates keep');
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    fireEvent.keyDown(document.activeElement!, { key: 'ArrowUp' });
    expect(document.activeElement).toBe(search);

    fireEvent.change(search, { target: { value: 'keep' } });
    await waitFor(() =>
      expect(screen.getAllByRole('button').map((b) => b.textContent)).not.toContainEqual(
        expect.stringContaining('hired'),
      ),
    );
    fireEvent.keyDown(search, { key: 'Enter' });
    expect(onConnect).toHaveBeenCalledWith('c');
  });
});

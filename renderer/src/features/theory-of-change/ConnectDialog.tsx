/** Links the selected element to another one without a mouse: pick the target from a list. */
import { useDeferredValue, useMemo, useState } from 'react';
import type { TocNode } from '../../../../shared/plan/schema';
import { kindLabel } from '../../../../shared/toc/kinds';
import { searchTocNodes } from '../../../../shared/toc/operations';
import { Dialog } from '../../components/Dialog';

/** The "Link to…" dialog. */
export function ConnectDialog(props: {
  from: TocNode;
  nodes: readonly TocNode[];
  problemFor: (targetId: string) => string | null;
  onConnect: (targetId: string) => void;
  onClose: () => void;
}) {
  const [query, setQuery] = useState('');
  const { nodes, from, problemFor } = props;
  // Memoised on what they read: a plan can hold 100,000 elements.
  const others = useMemo(() => nodes.filter((n) => n.id !== from.id), [nodes, from.id]);
  const deferredQuery = useDeferredValue(query);
  const candidates = useMemo(
    () =>
      (deferredQuery.trim() ? searchTocNodes(others, deferredQuery, 50) : others.slice(0, 200)).map(
        (node) => ({ node, problem: problemFor(node.id) }),
      ),
    [others, deferredQuery, problemFor],
  );
  return (
    <Dialog
      title={`Link “${props.from.title}” to…`}
      onClose={props.onClose}
      actions={
        <button type="button" onClick={props.onClose}>
          Cancel
        </button>
      }
    >
      <p className="section-note">
        The link says that this element contributes to the one you choose.
      </p>
      <div className="field">
        <label htmlFor="connect-search">Find element</label>
        <input
          id="connect-search"
          type="search"
          value={query}
          data-autofocus
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      <ul className="connect-list" aria-label="Elements to link to">
        {candidates.map(({ node, problem }) => (
          <li key={node.id}>
            <button
              type="button"
              disabled={problem !== null}
              title={problem ?? undefined}
              onClick={() => props.onConnect(node.id)}
            >
              <span className="connect-kind">{kindLabel(node)}</span> {node.title}
            </button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}

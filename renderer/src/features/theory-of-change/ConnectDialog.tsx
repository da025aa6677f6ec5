/** Links the selected element to another one without a mouse: pick the target from a list. */
import { useDeferredValue, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TocNode } from '../../../../shared/plan/schema';
import { searchTocNodes } from '../../../../shared/toc/operations';
import { Dialog } from '../../components/Dialog';
import { tocKindLabel } from './labels';

/** The "Link to…" dialog. */
export function ConnectDialog(props: {
  from: TocNode;
  nodes: readonly TocNode[];
  problemFor: (targetId: string) => string | null;
  onConnect: (targetId: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation(['toc', 'common']);
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
  const listRef = useRef<HTMLUListElement>(null);
  const choices = () => [
    ...(listRef.current?.querySelectorAll<HTMLButtonElement>('button:not(:disabled)') ?? []),
  ];
  /** From the search field: Enter links to the first match, ArrowDown goes into the list. */
  const searchKeys = (event: KeyboardEvent<HTMLInputElement>) => {
    const first = candidates.find((c) => c.problem === null);
    if (event.key === 'Enter' && first && query.trim() && query === deferredQuery) {
      event.preventDefault();
      props.onConnect(first.node.id);
    } else if (event.key === 'ArrowDown') {
      event.preventDefault();
      choices()[0]?.focus();
    }
  };
  /** In the list: the arrow keys move between the elements that can be linked to. */
  const listKeys = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return;
    const all = choices();
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0) return;
    event.preventDefault();
    if (event.key === 'ArrowUp' && at === 0) document.getElementById('connect-search')?.focus();
    else all[Math.min(all.length - 1, at + (event.key === 'ArrowDown' ? 1 : -1))]?.focus();
  };
  return (
    <Dialog
      title={t('connect.title', { title: props.from.title })}
      onClose={props.onClose}
      actions={
        <button type="button" onClick={props.onClose}>
          {t('common:actions.cancel')}
        </button>
      }
    >
      <p className="section-note">{t('connect.note')}</p>
      <div className="field">
        <label htmlFor="connect-search">{t('connect.search')}</label>
        <input
          id="connect-search"
          type="search"
          value={query}
          data-autofocus
          aria-describedby="connect-search-hint"
          onChange={(e) => setQuery(e.target.value)}
          onKeyDown={searchKeys}
        />
        <p className="field-hint" id="connect-search-hint">
          {t('connect.searchHint')}
        </p>
      </div>
      {/* Arrow keys only move focus between the buttons inside. */}
      <ul
        ref={listRef}
        className="connect-list"
        aria-label={t('connect.list')}
        onKeyDown={listKeys}
      >
        {candidates.map(({ node, problem }) => (
          <li key={node.id}>
            <button
              type="button"
              disabled={problem !== null}
              title={problem ?? undefined}
              onClick={() => props.onConnect(node.id)}
            >
              <span className="connect-kind">{tocKindLabel(node)}</span> <bdi>{node.title}</bdi>
            </button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}

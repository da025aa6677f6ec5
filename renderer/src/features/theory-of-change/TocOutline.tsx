/**
 * The level-of-detail view of a theory of change larger than the canvas can
 * draw fluidly: a windowed, searchable outline of the elements grouped by
 * kind and horizon, the same details panel as the canvas for editing, and
 * "Draw on canvas" for a part small enough to draw (an element and its
 * neighbourhood, or one group). It opens in well under a second at 100,000
 * elements: every pass is linear, only the rows in view are rendered, and
 * no canvas node exists until a part is drawn.
 */
import { memo, useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TocLink, TocNode } from '../../../../shared/plan/schema';
import { assumptionStandings } from '../../../../shared/manage/reviews';
import { linkProblemCodesFrom } from '../../../../shared/toc/operations';
import {
  OUTLINE_GROUPS,
  countLinks,
  groupTocNodes,
  matchesWords,
  neighbourhood,
  queryWords,
  type LinkCount,
  type OutlineGroup,
} from '../../../../shared/toc/outline';
import { useWorkbench } from '../../app/workbench';
import { useFormat } from '../../i18n/i18n';
import { useFixedRows } from './fixed-rows';
import { usePlan, usePlanStore } from '../../store/plan-context';
import { ConnectDialog } from './ConnectDialog';
import { TocInspector, type TocSelection } from './TocInspector';
import { useTocEdits } from './use-toc-edits';
import { StatusBadge } from '../manage-reviews/StatusBadge';
import { outlineGroupLabel, outlineGroupName, tocKindLabel, tocLinkProblemText } from './labels';

/** A part of the graph to draw on the canvas, and how to name it. */
export interface TocPart {
  readonly ids: ReadonlySet<string>;
  readonly label: string;
  /** The element the part was drawn around: the canvas opens on it, selected. */
  readonly around?: string;
}

/** A group of the outline as shown: its first row (the heading), its elements, open or closed. */
interface Section {
  group: OutlineGroup;
  members: TocNode[];
  start: number;
  open: boolean;
}

/** A row of the outline: a group heading, or an element. */
type Row = OutlineGroup | TocNode;
const isGroup = (row: Row): row is OutlineGroup => 'label' in row;

const NO_SELECTION: TocSelection = { nodes: [], edges: [] };
const NO_LINKS = { out: 0, in: 0 };
/** Height of every outline row (px): fixed, so 100,000 rows need no measuring. */
const ROW_HEIGHT = 40;

/** Links counted per task: a 100,000-link plan is counted without a long task. */
const COUNT_SLICE = 10_000;

/**
 * Link counts per element, counted in slices after the outline is shown
 * (null until the first count is done; the previous counts until a new
 * count after a change of the links is done).
 */
function useLinkCounts(links: readonly TocLink[]): ReadonlyMap<string, LinkCount> | null {
  const [counted, setCounted] = useState<ReadonlyMap<string, LinkCount> | null>(null);
  useEffect(() => {
    const counts = new Map<string, LinkCount>();
    let at = 0;
    let timer = 0;
    const slice = () => {
      countLinks(links, counts, at, at + COUNT_SLICE);
      at += COUNT_SLICE;
      if (at < links.length) timer = window.setTimeout(slice, 0);
      else setCounted(counts);
    };
    timer = window.setTimeout(slice, 0);
    return () => clearTimeout(timer);
  }, [links]);
  return counted;
}

/** One element of the outline (memoised: a selection change re-renders two rows). */
const ElementRow = memo(function ElementRow({
  node,
  index,
  selected,
  counts,
  onPick,
}: {
  node: TocNode;
  index: number;
  selected: boolean;
  counts: LinkCount | null | undefined;
  onPick: (id: string) => void;
}) {
  const { t } = useTranslation('toc');
  // An assumption's status at the latest review (one map per reviews list).
  const status = usePlan((p) =>
    node.kind === 'assumption'
      ? (assumptionStandings(p.manage.reviews).get(node.id)?.status ?? null)
      : null,
  );
  return (
    <li className="toc-outline-row" data-index={index}>
      <button
        type="button"
        className="toc-outline-item"
        aria-current={selected ? 'true' : undefined}
        onClick={() => onPick(node.id)}
      >
        <span className="toc-outline-kind">{tocKindLabel(node)}</span>
        <span className="toc-outline-title" dir="auto">
          {node.title || t('untitled')}
        </span>
        {status && <StatusBadge status={status} />}
        {counts !== null && (
          <span className="toc-outline-links">
            {t('outline.links', { outgoing: counts?.out ?? 0, incoming: counts?.in ?? 0 })}
          </span>
        )}
      </button>
    </li>
  );
});

/** The outline view with its details panel. */
export function TocOutline({ onDraw, limit }: { onDraw: (part: TocPart) => void; limit: number }) {
  const { t, i18n: translator } = useTranslation('toc');
  const format = useFormat();
  const number = (n: number) => format.number(n);
  const store = usePlanStore();
  const nodes = usePlan((p) => p.theoryOfChange.nodes);
  const links = usePlan((p) => p.theoryOfChange.links);
  const focus = useWorkbench((s) => (s.route.view === 'plan' ? s.route.focus : undefined));
  const { link, remove } = useTocEdits();
  const [selection, setSelection] = useState<TocSelection>(NO_SELECTION);
  const [query, setQuery] = useState('');
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const [steps, setSteps] = useState(2);
  const [connectFrom, setConnectFrom] = useState<string | null>(null);

  // Typing stays responsive: the outline follows the query when React has time.
  const deferredQuery = useDeferredValue(query);
  const words = useMemo(() => queryWords(deferredQuery), [deferredQuery]);
  const matching = useMemo(
    () => (words.length ? nodes.filter((n) => matchesWords(n, words)) : nodes),
    [nodes, words],
  );
  const groups = useMemo(() => groupTocNodes(matching), [matching]);
  // Rows are found by arithmetic over the (at most eight) groups, never
  // listed one by one: opening or filtering 100,000 elements stays cheap.
  const sections = useMemo(() => {
    const out: Section[] = [];
    let start = 0;
    for (const group of OUTLINE_GROUPS) {
      const members = groups.get(group.key)!;
      if (members.length === 0) continue;
      const open = !collapsed.has(group.key);
      out.push({ group, members, start, open });
      start += 1 + (open ? members.length : 0);
    }
    return { list: out, count: start };
  }, [groups, collapsed]);
  const rowAt = useCallback(
    (index: number): Row | undefined => {
      for (const s of sections.list) {
        if (index === s.start) return s.group;
        if (s.open && index > s.start && index <= s.start + s.members.length)
          return s.members[index - s.start - 1];
      }
      return undefined;
    },
    [sections],
  );
  const indexOf = useCallback(
    (id: string) => {
      for (const s of sections.list) {
        const at = s.open ? s.members.findIndex((n) => n.id === id) : -1;
        if (at >= 0) return s.start + 1 + at;
      }
      return -1;
    },
    [sections],
  );
  const counts = useLinkCounts(links);

  const scrollRef = useRef<HTMLUListElement>(null);
  const windowed = useFixedRows(sections.count, ROW_HEIGHT, scrollRef);

  const selectedId = selection.nodes.length === 1 ? selection.nodes[0] : undefined;
  const selectedNode = useMemo(
    () => (selectedId ? nodes.find((n) => n.id === selectedId) : undefined),
    [nodes, selectedId],
  );

  const { scrollToIndex } = windowed;
  const reveal = useCallback(
    (id: string) => {
      const index = indexOf(id);
      if (index >= 0) scrollToIndex(index);
    },
    [indexOf, scrollToIndex],
  );
  const pick = useCallback((id: string) => setSelection({ nodes: [id], edges: [] }), []);
  const onInspectorSelect = useCallback(
    (next: TocSelection) => {
      setSelection(next);
      if (next.nodes.length === 1) {
        // An element outside the filter or in a closed group: show it.
        setQuery('');
        setCollapsed(new Set());
        requestAnimationFrame(() => reveal(next.nodes[0]!));
      }
    },
    [reveal],
  );
  const onDelete = useCallback(() => {
    remove(selection.nodes, selection.edges);
    setSelection(NO_SELECTION);
  }, [remove, selection]);
  const noLayout = useCallback(() => {}, []);

  // A link from elsewhere (plan health, the logic model) selects an element or link.
  const [seenFocus, setSeenFocus] = useState<string | undefined>(undefined);
  if (focus !== seenFocus) {
    setSeenFocus(focus);
    const toc = store.getState().history.present.theoryOfChange;
    if (focus && toc.nodes.some((n) => n.id === focus)) setSelection({ nodes: [focus], edges: [] });
    else if (focus && toc.links.some((l) => l.id === focus))
      setSelection({ nodes: [], edges: [focus] });
  }
  useEffect(() => {
    if (focus) requestAnimationFrame(() => reveal(focus));
    // Only when the route asks, not each time the rows change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [focus]);

  const problemFor = useMemo(
    () => {
      if (!connectFrom) return null;
      const codeOf = linkProblemCodesFrom(store.getState().history.present, connectFrom);
      return (target: string) => {
        const code = codeOf(target);
        return code && tocLinkProblemText(code);
      };
    },
    // Recomputed when the graph changes while the dialog is open (or the language).
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [connectFrom, nodes, links, store, translator.language],
  );
  const fromNode = connectFrom ? nodes.find((n) => n.id === connectFrom) : undefined;

  const drawAround = () => {
    if (!selectedNode) return;
    const part = neighbourhood(links, [selectedNode.id], steps, limit);
    const title = selectedNode.title || t('untitled');
    onDraw({
      ids: part.ids,
      label: part.truncated
        ? t('outline.partTruncated', { title, count: part.ids.size })
        : t('outline.partAround', { title, count: part.steps }),
      around: selectedNode.id,
    });
  };

  return (
    <div className="toc-editor toc-outline-view">
      <div
        className="toc-toolbar toc-outline-toolbar"
        role="toolbar"
        aria-label={t('outline.toolsLabel')}
      >
        <p className="toc-outline-notice" role="note">
          {t('outline.notice', { count: nodes.length })}
        </p>
        <div className="toc-toolbar-end">
          <label htmlFor="toc-outline-search" className="visually-hidden">
            {t('search.label')}
          </label>
          <input
            id="toc-outline-search"
            type="search"
            placeholder={t('search.placeholder')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
          <span className="toc-outline-count" aria-live="polite">
            {words.length
              ? t('outline.matches', {
                  matching: number(matching.length),
                  total: number(nodes.length),
                })
              : t('outline.counts', { nodes: nodes.length, links: links.length })}
          </span>
        </div>
        {selectedNode && (
          <div className="toc-outline-draw" role="group" aria-label={t('outline.drawLabel')}>
            <span>
              {t('outline.drawBefore')}{' '}
              <strong>
                {t('outline.drawTitle', { title: selectedNode.title || t('untitled') })}
              </strong>{' '}
              {t('outline.drawAfter')}
            </span>
            <label htmlFor="toc-outline-steps" className="visually-hidden">
              {t('outline.steps')}
            </label>
            <select
              id="toc-outline-steps"
              value={steps}
              onChange={(e) => setSteps(Number(e.target.value))}
            >
              {[1, 2, 3].map((n) => (
                <option key={n} value={n}>
                  {t('outline.stepsOption', { count: n })}
                </option>
              ))}
            </select>
            <button type="button" className="primary" onClick={drawAround}>
              {t('outline.draw')}
            </button>
          </div>
        )}
      </div>
      <div className="toc-body">
        <ul
          className="toc-outline"
          ref={scrollRef}
          aria-label={t('outline.list')}
          onKeyDown={windowed.onKeyDown}
          onFocus={windowed.onFocus}
        >
          {windowed.slots.map((slot) => {
            if (slot.kind === 'gap')
              return <li key={slot.key} aria-hidden="true" style={{ height: slot.size }} />;
            const row = rowAt(slot.index);
            if (!row) return null;
            if (isGroup(row)) {
              const size = groups.get(row.key)!.length;
              const open = !collapsed.has(row.key);
              return (
                <li key={`group:${row.key}`} className="toc-outline-group" data-index={slot.index}>
                  <h3>
                    <button
                      type="button"
                      className="toc-outline-toggle"
                      aria-expanded={open}
                      onClick={() =>
                        setCollapsed((c) => {
                          const next = new Set(c);
                          if (open) next.add(row.key);
                          else next.delete(row.key);
                          return next;
                        })
                      }
                    >
                      <span className="toc-outline-chevron" aria-hidden="true">
                        {open ? t('outline.open') : t('outline.closed')}
                      </span>
                      {outlineGroupLabel(row.key)}{' '}
                      <span className="toc-outline-size">{number(size)}</span>
                    </button>
                  </h3>
                  <button
                    type="button"
                    className="subtle"
                    disabled={size > limit}
                    title={
                      size > limit ? t('outline.tooMany', { limit: number(limit) }) : undefined
                    }
                    aria-label={t('outline.drawGroup', { group: outlineGroupName(row.key) })}
                    onClick={() =>
                      onDraw({
                        ids: new Set(groups.get(row.key)!.map((n) => n.id)),
                        label: words.length
                          ? t('outline.partGroupMatching', {
                              group: outlineGroupName(row.key),
                              query: deferredQuery.trim(),
                            })
                          : t('outline.partGroup', { group: outlineGroupName(row.key) }),
                      })
                    }
                  >
                    {t('outline.draw')}
                  </button>
                </li>
              );
            }
            return (
              <ElementRow
                key={row.id}
                node={row}
                index={slot.index}
                selected={row.id === selectedId}
                counts={counts && (counts.get(row.id) ?? NO_LINKS)}
                onPick={pick}
              />
            );
          })}
          {sections.count === 0 && <li className="section-note">{t('outline.noMatch')}</li>}
        </ul>
        <TocInspector
          selection={selection}
          onSelect={onInspectorSelect}
          onConnect={setConnectFrom}
          onDelete={onDelete}
          onLayoutSelection={noLayout}
        />
      </div>
      {fromNode && problemFor && (
        <ConnectDialog
          from={fromNode}
          nodes={nodes}
          problemFor={problemFor}
          onConnect={(target) => {
            setConnectFrom(null);
            const id = link(fromNode.id, target);
            if (id) setSelection({ nodes: [], edges: [id] });
          }}
          onClose={() => setConnectFrom(null)}
        />
      )}
    </div>
  );
}

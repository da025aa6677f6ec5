/**
 * The theory-of-change editor: a pathway canvas (React Flow) with a palette,
 * search, automatic layout, keyboard linking and a details panel. Positions
 * live in local canvas state while dragging; the plan (and undo history)
 * gets one step when a drag or a burst of arrow-key moves ends.
 */
import {
  Background,
  Controls,
  MiniMap,
  ReactFlow,
  ReactFlowProvider,
  applyEdgeChanges,
  applyNodeChanges,
  useReactFlow,
  type Connection,
  type EdgeChange,
  type NodeChange,
  type OnBeforeDelete,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { TOC_KINDS, type TocNodeKind } from '../../../../shared/toc/kinds';
import { layoutTheoryOfChange } from '../../../../shared/toc/layout';
import {
  addTocNode,
  connectTocNodes,
  copyTocSelection,
  freePosition,
  linkProblem,
  moveTocNodes,
  pasteTocSelection,
  removeTocElements,
  searchTocNodes,
  NODE_SIZE,
  type TocClipboard,
} from '../../../../shared/toc/operations';
import { notify, useWorkbench } from '../../app/workbench';
import { useEditPlan, usePlan, usePlanStore } from '../../store/plan-context';
import { ConnectDialog } from './ConnectDialog';
import { useTocEditor } from './editor-state';
import { getElk } from './elk';
import { syncFlowEdges, syncFlowNodes, type TocFlowEdge, type TocFlowNode } from './flow-adapter';
import { TocInspector, type TocSelection } from './TocInspector';
import { StaticLinks } from './StaticLinks';
import { TocNodeView } from './TocNodeView';
import './toc.css';

const NODE_TYPES = { toc: TocNodeView };
/** Above this many elements, only what is on screen is rendered. */
const VISIBLE_ONLY_THRESHOLD = 400;
/**
 * Culling off-screen elements costs a pass over all of them on every pointer
 * move; it pays only when many are off screen. Zoomed far out (everything in
 * view) it is skipped, unless the graph is so large that the view never
 * holds all of it.
 */
const ALWAYS_CULL_THRESHOLD = 2000;
/** Below this zoom, nodes are drawn without text. */
const FAR_ZOOM = 0.45;
// Props handed to React Flow must keep their identity between renders: it
// passes them to every node wrapper, and a new function or array would
// re-render all of them on each pointer move of a drag.
const DELETE_KEYS = ['Delete', 'Backspace'];
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const FIT_VIEW = { padding: 0.1, maxZoom: 1 } as const;
const PRO_OPTIONS = { hideAttribution: true } as const;
const ARIA_LABELS = {
  'node.a11yDescription.default':
    'Press Enter to rename, L to link to another element, arrow keys to move, Delete to remove.',
};
let clipboard: TocClipboard | null = null;

/** Marks exactly `ids` as selected (no change when `ids` is undefined), keeping unchanged objects. */
function withSelection<T extends { id: string; selected?: boolean }>(
  items: T[],
  ids: readonly string[] | undefined,
): T[] {
  if (!ids) return items;
  const set = new Set(ids);
  return items.map((item) =>
    Boolean(item.selected) === set.has(item.id) ? item : { ...item, selected: set.has(item.id) },
  );
}

function isTextTarget(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLElement &&
    (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName))
  );
}

const SearchBox = memo(function SearchBox({ onPick }: { onPick: (id: string) => void }) {
  const nodes = usePlan((p) => p.theoryOfChange.nodes);
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const results = useMemo(() => searchTocNodes(nodes, query, 8), [nodes, query]);
  const pick = (id: string) => {
    onPick(id);
    setQuery('');
  };
  return (
    <div className="toc-search">
      <label htmlFor="toc-search" className="visually-hidden">
        Find element
      </label>
      <input
        id="toc-search"
        type="search"
        placeholder="Find element…"
        value={query}
        role="combobox"
        aria-expanded={results.length > 0}
        aria-controls="toc-search-results"
        aria-activedescendant={results[active] ? `toc-result-${results[active].id}` : undefined}
        onChange={(e) => {
          setQuery(e.target.value);
          setActive(0);
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') setActive((i) => Math.min(results.length - 1, i + 1));
          else if (e.key === 'ArrowUp') setActive((i) => Math.max(0, i - 1));
          else if (e.key === 'Enter' && results[active]) pick(results[active].id);
          else if (e.key === 'Escape') setQuery('');
          else return;
          e.preventDefault();
        }}
      />
      {results.length > 0 && (
        <ul
          id="toc-search-results"
          role="listbox"
          aria-label="Matching elements"
          className="toc-search-results"
        >
          {results.map((n, i) => (
            <li
              key={n.id}
              id={`toc-result-${n.id}`}
              role="option"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(n.id);
              }}
            >
              {n.title || 'Untitled'}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});

function TocEditor() {
  const store = usePlanStore();
  const edit = useEditPlan();
  const tocNodes = usePlan((p) => p.theoryOfChange.nodes);
  const tocLinks = usePlan((p) => p.theoryOfChange.links);
  const focus = useWorkbench((s) => (s.route.view === 'plan' ? s.route.focus : undefined));
  const flow = useReactFlow<TocFlowNode, TocFlowEdge>();
  const canvasRef = useRef<HTMLDivElement>(null);
  const startRename = useTocEditor((s) => s.startRename);
  const [connectFrom, setConnectFrom] = useState<string | null>(null);
  const [layingOut, setLayingOut] = useState(false);

  // Canvas state follows the plan; unchanged nodes keep their objects.
  const [flowNodes, setFlowNodes] = useState<TocFlowNode[]>(() => syncFlowNodes([], tocNodes));
  const [flowEdges, setFlowEdges] = useState<TocFlowEdge[]>(() => syncFlowEdges([], tocLinks));
  const [seenNodes, setSeenNodes] = useState(tocNodes);
  const [seenLinks, setSeenLinks] = useState(tocLinks);
  // A selection asked for right after an edit (select what was just added)
  // must also reach elements that exist only once this sync has run. It is
  // tagged with the graph it was asked for, so it never leaks into a later sync.
  const [pendingSelection, setPendingSelection] = useState<{
    selection: TocSelection;
    graphs: unknown[];
  } | null>(null);
  const wanted = (graph: unknown) =>
    pendingSelection?.graphs.includes(graph) ? pendingSelection.selection : undefined;
  if (seenNodes !== tocNodes) {
    setSeenNodes(tocNodes);
    const selected = wanted(tocNodes)?.nodes;
    setFlowNodes((prev) => withSelection(syncFlowNodes(prev, tocNodes), selected));
  }
  if (seenLinks !== tocLinks) {
    setSeenLinks(tocLinks);
    const selected = wanted(tocLinks)?.edges;
    setFlowEdges((prev) => withSelection(syncFlowEdges(prev, tocLinks), selected));
  }

  // The selection object stays the same while only positions change (a drag),
  // so the details panel does not re-render on every pointer move.
  const selectedNodes = flowNodes.filter((n) => n.selected).map((n) => n.id);
  // Edges do not change during a drag: no pass over them per pointer move.
  const selectedEdges = useMemo(
    () => flowEdges.filter((e) => e.selected).map((e) => e.id),
    [flowEdges],
  );
  const selectionKey = JSON.stringify([selectedNodes, selectedEdges]);
  const selection = useMemo<TocSelection>(() => {
    const [nodes, edges] = JSON.parse(selectionKey) as [string[], string[]];
    return { nodes, edges };
  }, [selectionKey]);
  const [far, setFar] = useState(false);

  const select = useCallback(
    (next: TocSelection, center = false) => {
      const toc = store.getState().history.present.theoryOfChange;
      setPendingSelection({ selection: next, graphs: [toc.nodes, toc.links] });
      setFlowNodes((nodes) => withSelection(nodes, next.nodes));
      setFlowEdges((edges) => withSelection(edges, next.edges));
      if (center && next.nodes.length === 1) {
        const node = store
          .getState()
          .history.present.theoryOfChange.nodes.find((n) => n.id === next.nodes[0]);
        if (node) {
          void flow.setCenter(
            node.position.x + NODE_SIZE.width / 2,
            node.position.y + NODE_SIZE.height / 2,
            {
              zoom: Math.max(flow.getZoom(), 0.9),
              duration: 300,
            },
          );
        }
      }
    },
    [flow, store],
  );

  // A link from elsewhere (plan health, the logic model) selects an element.
  useEffect(() => {
    if (!focus) return;
    // Next frame: the canvas must have measured the nodes before it can centre one.
    const frame = requestAnimationFrame(() => {
      const plan = store.getState().history.present;
      if (plan.theoryOfChange.nodes.some((n) => n.id === focus))
        select({ nodes: [focus], edges: [] }, true);
      else if (plan.theoryOfChange.links.some((l) => l.id === focus))
        select({ nodes: [], edges: [focus] });
    });
    return () => cancelAnimationFrame(frame);
  }, [focus, select, store]);

  const onNodesChange = useCallback(
    (changes: NodeChange<TocFlowNode>[]) => {
      setFlowNodes((nodes) => applyNodeChanges(changes, nodes));
      // A finished drag or an arrow-key move: write positions to the plan.
      const moved = new Map<string, { x: number; y: number }>();
      for (const c of changes)
        if (c.type === 'position' && c.position && !c.dragging) moved.set(c.id, c.position);
      if (moved.size > 0)
        edit({ name: 'Move elements', coalesceKey: 'toc.move' }, (d) => moveTocNodes(d, moved));
    },
    [edit],
  );

  const onEdgesChange = useCallback((changes: EdgeChange<TocFlowEdge>[]) => {
    // Removal goes through onBeforeDelete; only selection changes are local.
    setFlowEdges((edges) =>
      applyEdgeChanges(
        changes.filter((c) => c.type === 'select'),
        edges,
      ),
    );
  }, []);

  const connect = useCallback(
    (source: string, target: string, byPointer = false) => {
      const problem = linkProblem(store.getState().history.present, source, target);
      if (problem) {
        notify(problem);
        return;
      }
      let linkId = '';
      edit({ name: 'Link elements' }, (d) => {
        const result = connectTocNodes(d, source, target);
        if ('link' in result) linkId = result.link.id;
      });
      if (!linkId) return;
      // A pointer's click on the target handle settles after this and would
      // select the target node: select the link once it has. From the
      // keyboard, select it now, so the next key (Enter, an arrow) acts on
      // what is selected rather than on a selection a frame stale.
      if (byPointer) requestAnimationFrame(() => select({ nodes: [], edges: [linkId] }));
      else select({ nodes: [], edges: [linkId] });
    },
    [edit, select, store],
  );

  const onConnect = useCallback((c: Connection) => connect(c.source, c.target, true), [connect]);

  const deleteSelection = useCallback(
    (nodeIds: string[], edgeIds: string[]) => {
      if (nodeIds.length + edgeIds.length === 0) return;
      edit({ name: nodeIds.length ? 'Delete elements' : 'Delete links' }, (d) =>
        removeTocElements(d, nodeIds, edgeIds),
      );
    },
    [edit],
  );

  // React Flow asks before deleting (Delete/Backspace): we delete in the plan instead.
  const onBeforeDelete: OnBeforeDelete<TocFlowNode, TocFlowEdge> = useCallback(
    async ({ nodes, edges }) => {
      deleteSelection(
        nodes.map((n) => n.id),
        edges.map((e) => e.id),
      );
      return false;
    },
    [deleteSelection],
  );

  const viewportCenter = () => {
    const box = canvasRef.current?.getBoundingClientRect();
    if (!box) return { x: 0, y: 0 };
    const p = flow.screenToFlowPosition({
      x: box.left + box.width / 2,
      y: box.top + box.height / 2,
    });
    return { x: p.x - NODE_SIZE.width / 2, y: p.y - NODE_SIZE.height / 2 };
  };

  const addNode = (kind: TocNodeKind, label: string) => {
    let id = '';
    const nodes = store.getState().history.present.theoryOfChange.nodes;
    edit({ name: `Add ${label.toLowerCase()}` }, (d) => {
      id = addTocNode(d, {
        kind,
        title: `New ${label.toLowerCase()}`,
        position: freePosition(nodes, viewportCenter()),
      }).id;
    });
    select({ nodes: [id], edges: [] });
    startRename(id);
  };

  const runLayout = useCallback(
    async (only?: Set<string>) => {
      setLayingOut(true);
      try {
        const positions = await layoutTheoryOfChange(
          getElk(),
          store.getState().history.present.theoryOfChange,
          only,
        );
        edit({ name: only ? 'Lay out selection' : 'Auto layout' }, (d) =>
          moveTocNodes(d, positions),
        );
        store.getState().seal();
        if (!only) requestAnimationFrame(() => void flow.fitView({ ...FIT_VIEW, duration: 300 }));
      } catch (error) {
        notify(`The layout could not be computed: ${String(error)}`);
      } finally {
        setLayingOut(false);
      }
    },
    [edit, flow, store],
  );

  const onKeyDown = (event: React.KeyboardEvent) => {
    if (isTextTarget(event.target)) return;
    const mod = event.ctrlKey || event.metaKey;
    const plan = store.getState().history.present;
    // Keyboard commands act on the focused element, else on the one selected.
    const focused = (event.target as HTMLElement).closest<HTMLElement>('.react-flow__node')?.dataset
      .id;
    const single =
      selection.nodes.length === 1 && selection.edges.length === 0 ? selection.nodes[0] : undefined;
    const actOn = focused ?? single;
    if (mod && event.key.toLowerCase() === 'c' && selection.nodes.length) {
      clipboard = copyTocSelection(plan, selection.nodes);
      notify(`Copied ${selection.nodes.length} element${selection.nodes.length === 1 ? '' : 's'}.`);
    } else if (mod && event.key.toLowerCase() === 'v' && clipboard) {
      let pasted: string[] = [];
      const clip = clipboard;
      edit({ name: 'Paste elements' }, (d) => void (pasted = pasteTocSelection(d, clip)));
      select({ nodes: pasted, edges: [] });
    } else if (mod && event.key.toLowerCase() === 'a') {
      select({
        nodes: plan.theoryOfChange.nodes.map((n) => n.id),
        edges: plan.theoryOfChange.links.map((l) => l.id),
      });
    } else if (actOn && (event.key === 'F2' || (event.key === 'Enter' && single === actOn))) {
      // Enter first selects (React Flow), a second Enter renames; F2 always renames.
      startRename(actOn);
    } else if (event.key.toLowerCase() === 'l' && !mod && actOn) {
      setConnectFrom(actOn);
    } else if (event.key === 'Escape') {
      select({ nodes: [], edges: [] });
    } else {
      return;
    }
    event.preventDefault();
  };

  const fromNode = connectFrom ? tocNodes.find((n) => n.id === connectFrom) : undefined;
  const onInspectorSelect = useCallback(
    (s: TocSelection) => select(s, s.nodes.length === 1),
    [select],
  );
  const onInspectorDelete = useCallback(
    () => deleteSelection(selection.nodes, selection.edges),
    [deleteSelection, selection],
  );
  const onLayoutSelection = useCallback(
    () => void runLayout(new Set(selection.nodes)),
    [runLayout, selection],
  );
  const onSearchPick = useCallback(
    (id: string) => select({ nodes: [id], edges: [] }, true),
    [select],
  );
  const large = flowNodes.length > VISIBLE_ONLY_THRESHOLD;
  // Large graphs: only links touching the selection are live React Flow
  // edges; the rest are drawn by StaticLinks (see there for why).
  const liveLinks = useMemo(() => {
    if (!large) return null;
    const nodes = new Set(selection.nodes);
    const edges = new Set(selection.edges);
    return new Set(
      tocLinks
        .filter((l) => edges.has(l.id) || nodes.has(l.source) || nodes.has(l.target))
        .map((l) => l.id),
    );
  }, [large, selection, tocLinks]);
  const shownEdges = useMemo(
    () => (liveLinks ? flowEdges.filter((e) => liveLinks.has(e.id)) : flowEdges),
    [flowEdges, liveLinks],
  );
  const sealHistory = useCallback(() => store.getState().seal(), [store]);
  const onNodeDoubleClick = useCallback(
    (_: React.MouseEvent, node: TocFlowNode) => startRename(node.id),
    [startRename],
  );
  // Far out, titles are unreadable: nodes become plain shapes (cheap to paint).
  const onMove = useCallback(
    (_: unknown, viewport: { zoom: number }) => setFar(viewport.zoom < FAR_ZOOM),
    [],
  );
  const onStaticLinkSelect = useCallback(
    (id: string) => select({ nodes: [], edges: [id] }),
    [select],
  );

  return (
    <div className="toc-editor">
      <div className="toc-toolbar" role="toolbar" aria-label="Theory of change tools">
        <div className="toc-palette" role="group" aria-label="Add element">
          <span className="toc-toolbar-label" aria-hidden="true">
            Add
          </span>
          {TOC_KINDS.map((k) => (
            <button
              key={k.kind}
              type="button"
              className={`toc-add toc-add-${k.kind}`}
              title={k.hint}
              aria-label={`Add ${k.label.toLowerCase()}`}
              onClick={() => addNode(k.kind, k.label)}
            >
              {k.label}
            </button>
          ))}
        </div>
        <div className="toc-toolbar-end">
          <SearchBox onPick={onSearchPick} />
          <button
            type="button"
            disabled={layingOut || tocNodes.length === 0}
            onClick={() => void runLayout()}
          >
            {layingOut ? 'Laying out…' : 'Auto layout'}
          </button>
          <button
            type="button"
            aria-label="Fit the whole diagram on screen"
            onClick={() => void flow.fitView({ ...FIT_VIEW, duration: 300 })}
          >
            Fit
          </button>
        </div>
      </div>
      <div className="toc-body">
        <div
          className={far ? 'toc-canvas is-far' : 'toc-canvas'}
          ref={canvasRef}
          onKeyDown={onKeyDown}
          aria-label="Theory of change canvas"
          role="region"
        >
          <ReactFlow<TocFlowNode, TocFlowEdge>
            nodes={flowNodes}
            edges={shownEdges}
            nodeTypes={NODE_TYPES}
            onNodesChange={onNodesChange}
            onEdgesChange={onEdgesChange}
            onConnect={onConnect}
            onBeforeDelete={onBeforeDelete}
            onNodeDragStart={sealHistory}
            onNodeDragStop={sealHistory}
            onNodeDoubleClick={onNodeDoubleClick}
            connectOnClick
            deleteKeyCode={DELETE_KEYS}
            multiSelectionKeyCode={MULTI_SELECT_KEYS}
            onlyRenderVisibleElements={flowNodes.length > ALWAYS_CULL_THRESHOLD || (large && !far)}
            onMove={onMove}
            fitView
            fitViewOptions={FIT_VIEW}
            minZoom={0.02}
            maxZoom={2}
            proOptions={PRO_OPTIONS}
            ariaLabelConfig={ARIA_LABELS}
          >
            {liveLinks && (
              <StaticLinks
                nodes={tocNodes}
                links={tocLinks}
                live={liveLinks}
                onSelect={onStaticLinkSelect}
              />
            )}
            <Background gap={24} color="#d5dbe5" />
            <Controls showInteractive={false} />
            {/* The minimap redraws every element on each move: only for small graphs. */}
            {!large && (
              <MiniMap
                position="top-right"
                pannable
                zoomable
                ariaLabel="Overview of the whole theory of change"
                nodeStrokeWidth={3}
                style={{ width: 160, height: 110 }}
              />
            )}
          </ReactFlow>
        </div>
        <TocInspector
          selection={selection}
          onSelect={onInspectorSelect}
          onConnect={setConnectFrom}
          onDelete={onInspectorDelete}
          onLayoutSelection={onLayoutSelection}
        />
      </div>
      {fromNode && (
        <ConnectDialog
          from={fromNode}
          nodes={tocNodes}
          problemFor={(target) =>
            linkProblem(store.getState().history.present, fromNode.id, target)
          }
          onConnect={(target) => {
            setConnectFrom(null);
            connect(fromNode.id, target);
          }}
          onClose={() => setConnectFrom(null)}
        />
      )}
    </div>
  );
}

/** The theory-of-change section. */
export function TheoryOfChangeSection() {
  return (
    <ReactFlowProvider>
      <TocEditor />
    </ReactFlowProvider>
  );
}

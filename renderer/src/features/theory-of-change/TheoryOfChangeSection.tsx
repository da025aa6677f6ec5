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
  useStore,
  useStoreApi,
  type Connection,
  type EdgeChange,
  type NodeChange,
  type OnBeforeDelete,
  type ReactFlowState,
  type Viewport,
} from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { Trans, useTranslation } from 'react-i18next';
import {
  fitViewport,
  graphBounds,
  overlaps,
  tileNodes,
  viewBox,
  type Box,
} from '../../../../shared/toc/canvas-geometry';
import type { TocNode } from '../../../../shared/plan/schema';
import { TOC_KINDS, type TocNodeKind } from '../../../../shared/toc/kinds';
import { layoutTheoryOfChange } from '../../../../shared/toc/layout';
import {
  addTocElement,
  layOutToc,
  moveTocElements,
  pasteTocElements,
} from '../../../../shared/commands/toc';
import {
  copyTocSelection,
  freePosition,
  linkProblemCodesFrom,
  makeTocNode,
  pasteIds,
  searchTocNodes,
  NODE_SIZE,
  type TocClipboard,
} from '../../../../shared/toc/operations';
import { notify, useWorkbench } from '../../app/workbench';
import { useFormat } from '../../i18n/i18n';
import { useDispatch, usePlan, usePlanStore } from '../../store/plan-context';
import { ConnectDialog } from './ConnectDialog';
import { useTocEditor } from './editor-state';
import { useTocEdits } from './use-toc-edits';
import { getElk } from './elk';
import { assumptionStandings } from '../../../../shared/manage/reviews';
import { syncFlowEdges, syncFlowNodes, type TocFlowEdge, type TocFlowNode } from './flow-adapter';
import { TocInspector, type TocSelection } from './TocInspector';
import { TocOutline, type TocPart } from './TocOutline';
import { StaticLinks, type PickLink } from './StaticLinks';
import { StaticNodes, type PickNode } from './StaticNodes';
import { TocNodeView } from './TocNodeView';
import { tocLinkProblemText } from './labels';
import './toc.css';

const NODE_TYPES = { toc: TocNodeView };
/**
 * Above this many elements a graph is large: React Flow is handed only the
 * elements near the view, the selection and its neighbours (zoomed far out,
 * only the latter; StaticNodes draws the rest as boxes), and draws only the
 * links touching the selection (StaticLinks draws the rest). Each element
 * React Flow holds costs on every pointer move of a drag, on screen or not.
 */
const LARGE_GRAPH = 400;
/**
 * Below this zoom a large graph's nodes are drawn without text (as boxes,
 * mostly); a small one keeps its text down to SMALL_FAR_ZOOM, so a
 * modest plan fitted on a small screen still reads as a pathway of named
 * elements rather than blank shapes.
 */
const FAR_ZOOM = 0.45;
const SMALL_FAR_ZOOM = 0.3;
/** Side of the squares elements are grouped in to find those near the view. */
const NODE_TILE = 1200;
// Props handed to React Flow must keep their identity between renders: it
// passes them to every node wrapper, and a new function or array would
// re-render all of them on each pointer move of a drag.
const DELETE_KEYS = ['Delete', 'Backspace'];
const MULTI_SELECT_KEYS = ['Shift', 'Meta', 'Control'];
const FIT_VIEW = { padding: 0.1, minZoom: 0.005, maxZoom: 1 } as const;
const PRO_OPTIONS = { hideAttribution: true } as const;
const MINIMAP = { width: 160, height: 110 } as const;
let clipboard: TocClipboard | null = null;
/** Node titles are 13 px: at this zoom they show at about 11.7 px, readable on a projector. */
export const READABLE_ZOOM = 0.9;
/** Arrow keys move a focused element by 5 px (20 with Shift), as React Flow does. */
const ARROW_STEPS: Record<string, [number, number]> = {
  ArrowLeft: [-1, 0],
  ArrowRight: [1, 0],
  ArrowUp: [0, -1],
  ArrowDown: [0, 1],
};

/**
 * Elements in reading order — rows from the top, each row left to right — so
 * Tab visits them as a reader scans the pathway.
 */
export function readingOrder(nodes: readonly TocNode[]): Map<string, number> {
  const row = (n: TocNode) => Math.round(n.position.y / NODE_SIZE.height);
  const sorted = [...nodes].sort((a, b) => row(a) - row(b) || a.position.x - b.position.x);
  return new Map(sorted.map((n, i) => [n.id, i]));
}

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

const SearchBox = memo(function SearchBox({
  nodes,
  onPick,
}: {
  nodes: readonly TocNode[];
  onPick: (id: string) => void;
}) {
  const { t } = useTranslation('toc');
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
        {t('search.label')}
      </label>
      <input
        id="toc-search"
        type="search"
        placeholder={t('search.placeholder')}
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
          aria-label={t('search.results')}
          className="toc-search-results"
        >
          {results.map((n, i) => (
            <li
              key={n.id}
              id={`toc-result-${n.id}`}
              role="option"
              dir="auto"
              aria-selected={i === active}
              onMouseDown={(e) => {
                e.preventDefault();
                pick(n.id);
              }}
            >
              {n.title || t('untitled')}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
});

/** React Flow's margin around its panels (minimap, zoom buttons), px. */
const PANEL_MARGIN = 15;
/** The zoom buttons (two, bottom-left), px. */
const CONTROLS = { width: 28, height: 56 } as const;

/**
 * The viewport that fits `nodes` in a pane of `width` × `height` px with no
 * element under the minimap (top right, when shown) or the zoom buttons
 * (bottom left): of the fits that leave those corners clear (keeping the
 * band beside or under a panel free), the one with the largest zoom.
 */
function fitClearOfPanels(
  nodes: readonly TocNode[],
  width: number,
  height: number,
  minimap: boolean,
): Viewport {
  const box = graphBounds(nodes);
  const panels: Box[] = [
    {
      minX: PANEL_MARGIN,
      minY: height - PANEL_MARGIN - CONTROLS.height,
      maxX: PANEL_MARGIN + CONTROLS.width,
      maxY: height - PANEL_MARGIN,
    },
  ];
  if (minimap)
    panels.push({
      minX: width - PANEL_MARGIN - MINIMAP.width,
      minY: PANEL_MARGIN,
      maxX: width - PANEL_MARGIN,
      maxY: PANEL_MARGIN + MINIMAP.height,
    });
  const clear = (v: Viewport) =>
    nodes.every((n) => {
      const x = v.x + n.position.x * v.zoom;
      const y = v.y + n.position.y * v.zoom;
      const rect = {
        minX: x,
        minY: y,
        maxX: x + NODE_SIZE.width * v.zoom,
        maxY: y + NODE_SIZE.height * v.zoom,
      };
      return panels.every((p) => !overlaps(rect, p));
    });
  const top = minimap ? [0, PANEL_MARGIN + MINIMAP.height] : [0];
  const right = minimap ? [0, PANEL_MARGIN + MINIMAP.width] : [0];
  let best: Viewport | null = null;
  let fallback: Viewport | null = null;
  for (const t of top)
    for (const r of t ? [0] : right)
      for (const [b, l] of [
        [0, 0],
        [PANEL_MARGIN + CONTROLS.height, 0],
        [0, PANEL_MARGIN + CONTROLS.width],
      ] as const) {
        const v = fitViewport(box, width - r - l, Math.max(100, height - t - b), FIT_VIEW);
        const view = { x: v.x + l, y: v.y + t, zoom: v.zoom };
        fallback ??= view;
        if (clear(view) && (!best || view.zoom > best.zoom)) best = view;
      }
  return best ?? fallback!;
}

/** What the canvas draws of a plan too large to draw whole (see TocOutline). */
interface PartProps {
  part: TocPart;
  /** Elements made while the part is drawn join it. */
  onAdd: (ids: string[]) => void;
  onLeave: () => void;
}

/** Ids of `items` that are in `part` (all when there is no part). */
function inPart<T extends { id: string }>(items: readonly T[], part: TocPart | undefined) {
  return part ? items.filter((item) => part.ids.has(item.id)) : items;
}

function TocEditor({ scope }: { scope?: PartProps }) {
  const { t, i18n: translator } = useTranslation('toc');
  const language = translator.language;
  const format = useFormat();
  const store = usePlanStore();
  const dispatch = useDispatch();
  const part = scope?.part;
  const planNodes = usePlan((p) => p.theoryOfChange.nodes);
  const planLinks = usePlan((p) => p.theoryOfChange.links);
  // Each assumption's status at the latest review: one map per reviews list, not per node.
  const statuses = assumptionStandings(usePlan((p) => p.manage.reviews));
  // Drawing a part: the elements in it and the links between them.
  const tocNodes = useMemo(() => inPart(planNodes, part), [planNodes, part]);
  const tocLinks = useMemo(
    () =>
      part ? planLinks.filter((l) => part.ids.has(l.source) && part.ids.has(l.target)) : planLinks,
    [planLinks, part],
  );
  const focus = useWorkbench((s) => (s.route.view === 'plan' ? s.route.focus : undefined));
  const flow = useReactFlow<TocFlowNode, TocFlowEdge>();
  const canvasRef = useRef<HTMLDivElement>(null);
  const startRename = useTocEditor((s) => s.startRename);
  const [connectFrom, setConnectFrom] = useState<string | null>(null);
  const [layingOut, setLayingOut] = useState(false);

  // Canvas state follows the plan; unchanged nodes keep their objects.
  // A part drawn around an element opens with that element selected.
  const [flowNodes, setFlowNodes] = useState<TocFlowNode[]>(() =>
    withSelection(syncFlowNodes([], tocNodes, statuses), part?.around ? [part.around] : undefined),
  );
  // Links are named by the titles of their ends ("From → To"), in the UI's
  // language: a new language is a new function, so the links are named again.
  const titleOf = useMemo(() => {
    const titles = new Map(planNodes.map((n) => [n.id, n.title]));
    return (id: string) => titles.get(id) ?? '';
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [planNodes, language]);
  const [flowEdges, setFlowEdges] = useState<TocFlowEdge[]>(() =>
    syncFlowEdges([], tocLinks, titleOf),
  );
  const [seenNodes, setSeenNodes] = useState(tocNodes);
  const [seenStatuses, setSeenStatuses] = useState(statuses);
  const [seenLanguage, setSeenLanguage] = useState(language);
  const [seenLinks, setSeenLinks] = useState(tocLinks);
  const [seenTitles, setSeenTitles] = useState(() => titleOf);
  // A selection asked for right after an edit (select what was just added)
  // must also reach elements that exist only once this sync has run. It is
  // tagged with the graph it was asked for, so it never leaks into a later sync.
  const [pendingSelection, setPendingSelection] = useState<{
    selection: TocSelection;
    graphs: unknown[];
  } | null>(null);
  const wanted = (graph: unknown) =>
    pendingSelection?.graphs.includes(graph) ? pendingSelection.selection : undefined;
  if (seenNodes !== tocNodes || seenStatuses !== statuses || seenLanguage !== language) {
    const relabel = seenLanguage !== language;
    setSeenNodes(tocNodes);
    setSeenStatuses(statuses);
    setSeenLanguage(language);
    const selected = wanted(planNodes)?.nodes;
    setFlowNodes((prev) =>
      withSelection(syncFlowNodes(prev, tocNodes, statuses, relabel), selected),
    );
  }
  if (seenLinks !== tocLinks || seenTitles !== titleOf) {
    setSeenLinks(tocLinks);
    setSeenTitles(() => titleOf);
    const selected = wanted(planLinks)?.edges;
    setFlowEdges((prev) => withSelection(syncFlowEdges(prev, tocLinks, titleOf), selected));
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
  const selectionRef = useRef(selection);
  useEffect(() => {
    selectionRef.current = selection;
  }, [selection]);
  // Far out, titles are unreadable: nodes become plain shapes (cheap to paint).
  const [zoomBand, setZoomBand] = useState<'near' | 'middle' | 'far'>('near');
  const followZoom = useCallback(
    (zoom: number) =>
      setZoomBand(zoom < SMALL_FAR_ZOOM ? 'far' : zoom < FAR_ZOOM ? 'middle' : 'near'),
    [],
  );
  const large = flowNodes.length > LARGE_GRAPH;
  const far = zoomBand === 'far' || (large && zoomBand === 'middle');
  useEffect(() => {
    // Nodes read it from the editor store; set only on a change, since every
    // node's subscription runs on each change of that store.
    if (useTocEditor.getState().far !== far) useTocEditor.getState().setFar(far);
  }, [far]);

  // Read when fitting, so the fit (and the canvas's first view) does not
  // depend on the part's identity, which changes as elements join it.
  const partRef = useRef(part);
  useEffect(() => {
    partRef.current = part;
  }, [part]);
  // The whole graph in view, computed from the plan's positions: React
  // Flow's own fitView knows only the nodes it draws, and zoomed far out a
  // large graph hands it only the selection.
  const fittedViewport = useCallback((): Viewport => {
    const box = canvasRef.current?.getBoundingClientRect();
    const nodes = inPart(store.getState().history.present.theoryOfChange.nodes, partRef.current);
    return fitClearOfPanels(
      nodes,
      box?.width || 800,
      box?.height || 600,
      nodes.length <= LARGE_GRAPH,
    );
  }, [store]);
  // A part drawn around an element opens on that element at a readable
  // zoom (its neighbours can lie far apart in a very large plan).
  const openingViewport = useCallback((): Viewport => {
    const around = partRef.current?.around;
    const node = around
      ? store.getState().history.present.theoryOfChange.nodes.find((n) => n.id === around)
      : undefined;
    const box = canvasRef.current?.getBoundingClientRect();
    if (!node) {
      // A modest pathway fitted on a small screen (1280×720, a projector)
      // would open with titles of 5–7 px: open at a readable size instead,
      // on the top of the pathway (the impact), centred; Fit shows it whole.
      const fitted = fittedViewport();
      const nodes = inPart(store.getState().history.present.theoryOfChange.nodes, partRef.current);
      if (fitted.zoom >= READABLE_ZOOM || nodes.length > LARGE_GRAPH || nodes.length === 0)
        return fitted;
      const bounds = graphBounds(nodes);
      return {
        x: (box?.width || 800) / 2 - ((bounds.minX + bounds.maxX) / 2) * READABLE_ZOOM,
        y: 24 - bounds.minY * READABLE_ZOOM,
        zoom: READABLE_ZOOM,
      };
    }
    const zoom = 0.9;
    return {
      x: (box?.width || 800) / 2 - (node.position.x + NODE_SIZE.width / 2) * zoom,
      y: (box?.height || 600) / 2 - (node.position.y + NODE_SIZE.height / 2) * zoom,
      zoom,
    };
  }, [fittedViewport, store]);
  const fitAll = useCallback(
    (duration = 300) => void flow.setViewport(fittedViewport(), { duration }),
    [flow, fittedViewport],
  );
  // Fitted, a plan's titles can be too small to read: this zooms to a size
  // where they read (≥ 11 px), around the selected element or the view's centre.
  const zoomReadable = () => {
    const plan = store.getState().history.present;
    const selected = selectionRef.current.nodes[0];
    const node = selected ? plan.theoryOfChange.nodes.find((n) => n.id === selected) : undefined;
    const box = canvasRef.current?.getBoundingClientRect();
    const centre = node
      ? { x: node.position.x + NODE_SIZE.width / 2, y: node.position.y + NODE_SIZE.height / 2 }
      : flow.screenToFlowPosition({
          x: (box?.left ?? 0) + (box?.width ?? 0) / 2,
          y: (box?.top ?? 0) + (box?.height ?? 0) / 2,
        });
    void flow.setCenter(centre.x, centre.y, { zoom: READABLE_ZOOM, duration: 300 });
  };
  // The canvas opens fitted, computed as soon as the canvas has a size and
  // before React Flow first renders, so a large graph never mounts
  // thousands of nodes only to draw them as boxes.
  const [initialViewport, setInitialViewport] = useState<Viewport | null>(null);
  const measureCanvas = useCallback(
    (element: HTMLDivElement | null) => {
      canvasRef.current = element;
      if (!element) return;
      const viewport = openingViewport();
      followZoom(viewport.zoom);
      setInitialViewport((current) => current ?? viewport);
    },
    [followZoom, openingViewport],
  );

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
      if (moved.size > 0) dispatch(moveTocElements({ positions: [...moved] }));
    },
    [dispatch],
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

  const { link, remove: deleteSelection } = useTocEdits();
  const connect = useCallback(
    (source: string, target: string, byPointer = false) => {
      const linkId = link(source, target);
      if (!linkId) return;
      // A pointer's click on the target handle settles after this and would
      // select the target node: select the link once it has. From the
      // keyboard, select it now, so the next key (Enter, an arrow) acts on
      // what is selected rather than on a selection a frame stale.
      if (byPointer) requestAnimationFrame(() => select({ nodes: [], edges: [linkId] }));
      else select({ nodes: [], edges: [linkId] });
    },
    [link, select],
  );

  const onConnect = useCallback((c: Connection) => connect(c.source, c.target, true), [connect]);

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

  const addNode = (kind: TocNodeKind) => {
    const node = makeTocNode({
      kind,
      title: t('toolbar.newTitle', { kind }),
      position: freePosition(tocNodes, viewportCenter()),
    });
    if (!dispatch(addTocElement({ node })).ok) return;
    const id = node.id;
    scope?.onAdd([id]);
    // Zoomed far out a node has no text to rename in: go to it first.
    select({ nodes: [id], edges: [] }, far);
    startRename(id);
  };

  const runLayout = useCallback(
    async (only?: Set<string>) => {
      setLayingOut(true);
      try {
        // Drawing a part, "Auto layout" lays out the part where it is.
        const positions = await layoutTheoryOfChange(
          getElk(),
          store.getState().history.present.theoryOfChange,
          only ?? part?.ids,
        );
        dispatch(layOutToc({ positions: [...positions], selection: only !== undefined }));
        store.getState().seal();
        if (!only) requestAnimationFrame(() => fitAll());
      } catch (error) {
        notify(t('canvas.layoutFailed', { error: String(error) }));
      } finally {
        setLayingOut(false);
      }
    },
    [dispatch, fitAll, part, store, t],
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
      notify(t('canvas.copied', { count: selection.nodes.length }));
    } else if (mod && event.key.toLowerCase() === 'v' && clipboard) {
      const clip = clipboard;
      const ids = pasteIds(clip);
      const pasted = dispatch(pasteTocElements({ clip, ids })).ok ? [...ids.nodes] : [];
      scope?.onAdd(pasted);
      select({ nodes: pasted, edges: [] });
    } else if (mod && event.key.toLowerCase() === 'a') {
      select({ nodes: tocNodes.map((n) => n.id), edges: tocLinks.map((l) => l.id) });
    } else if (actOn && (event.key === 'F2' || (event.key === 'Enter' && single === actOn))) {
      // Enter first selects (React Flow), a second Enter renames; F2 always renames.
      startRename(actOn);
    } else if (event.key.toLowerCase() === 'l' && !mod && actOn) {
      setConnectFrom(actOn);
    } else if (event.key === 'Escape') {
      select({ nodes: [], edges: [] });
    } else if (
      focused &&
      ARROW_STEPS[event.key] &&
      !mod &&
      !event.altKey &&
      !selection.nodes.includes(focused)
    ) {
      // A node reached by Tab moves with the arrows straight away (React Flow
      // moves only selected nodes): select it and move it one step.
      const node = plan.theoryOfChange.nodes.find((n) => n.id === focused);
      if (!node) return;
      const [dx, dy] = ARROW_STEPS[event.key]!;
      const step = event.shiftKey ? 20 : 5;
      select({ nodes: [focused], edges: [] });
      dispatch(
        moveTocElements({
          positions: [
            [focused, { x: node.position.x + dx * step, y: node.position.y + dy * step }],
          ],
        }),
      );
    } else {
      return;
    }
    event.preventDefault();
  };

  const fromNode = connectFrom ? tocNodes.find((n) => n.id === connectFrom) : undefined;
  const problemFor = useMemo(
    () => {
      if (!connectFrom) return () => null;
      const codeOf = linkProblemCodesFrom(store.getState().history.present, connectFrom);
      return (target: string) => {
        const code = codeOf(target);
        return code && tocLinkProblemText(code);
      };
    },
    // Recomputed when the graph changes while the dialog is open.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [connectFrom, planNodes, planLinks, store, language],
  );
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
  const onNodeDoubleClick = useCallback(
    (_: React.MouseEvent, node: TocFlowNode) => startRename(node.id),
    [startRename],
  );
  const onMove = useCallback(
    (_: unknown, viewport: { zoom: number }) => followZoom(viewport.zoom),
    [followZoom],
  );

  // Which elements React Flow is handed in a large graph (see LARGE_GRAPH).
  const nodeTiles = useMemo(
    () => (large ? tileNodes(tocNodes, NODE_TILE) : null),
    [large, tocNodes],
  );
  // Runs on every React Flow store update (each pointer move): a pass over
  // the tiles, returning a string so this re-renders only when the set of
  // tiles near the view changes.
  const nearKeys = useStore(
    useCallback(
      (s: ReactFlowState) => {
        if (!nodeTiles || far) return '';
        const view = viewBox(s.transform, s.width, s.height);
        let keys = '';
        for (const tile of nodeTiles.values()) if (overlaps(tile, view)) keys += `${tile.key} `;
        return keys;
      },
      [nodeTiles, far],
    ),
  );
  const liveNodes = useMemo(() => {
    if (!nodeTiles) return null;
    const selected = new Set(selection.nodes);
    const edges = new Set(selection.edges);
    const ids = new Set(selected);
    // Neighbours too, so the links of the selection can be drawn live.
    for (const l of tocLinks) {
      if (selected.has(l.source) || edges.has(l.id)) ids.add(l.target);
      if (selected.has(l.target) || edges.has(l.id)) ids.add(l.source);
    }
    for (const key of nearKeys.split(' '))
      for (const n of nodeTiles.get(key)?.nodes ?? []) ids.add(n.id);
    return ids;
  }, [nodeTiles, nearKeys, selection, tocLinks]);
  const lod = large && far;
  // Same node objects (only the array is new), so React Flow re-adopts
  // nothing. In reading order: the DOM order is the Tab order.
  const rank = useMemo(() => readingOrder(tocNodes), [tocNodes]);
  const shownNodes = useMemo(() => {
    const shown = liveNodes ? flowNodes.filter((n) => liveNodes.has(n.id)) : [...flowNodes];
    return shown.sort((a, b) => (rank.get(a.id) ?? 0) - (rank.get(b.id) ?? 0));
  }, [flowNodes, liveNodes, rank]);

  // Static layers take no pointer events (see StaticLinks, StaticNodes): a
  // click on the empty canvas selects the element or link drawn under it.
  const pickLink = useRef<PickLink | null>(null);
  const pickNode = useRef<PickNode | null>(null);
  const onPaneClick = useCallback(
    (event: React.MouseEvent) => {
      const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const node = pickNode.current?.at(point.x, point.y);
      const link = node ? null : pickLink.current?.(point.x, point.y, 6 / flow.getZoom());
      // After React Flow has cleared the selection for this click.
      if (node) queueMicrotask(() => select({ nodes: [node.id], edges: [] }));
      else if (link) queueMicrotask(() => select({ nodes: [], edges: [link] }));
    },
    [flow, select],
  );
  // A press on a box of StaticNodes: make that element a React Flow node
  // (by selecting it) before anything else sees the press, then hand the
  // press to it, so it can be dragged straight away like any node.
  // A selection rectangle (Shift+drag) selects the boxes inside it too;
  // React Flow knows only its own nodes. Its rectangle is gone by the time
  // the selection ends, so the last one is kept.
  const flowStore = useStoreApi<TocFlowNode, TocFlowEdge>();
  const selectionBox = useRef<Box | null>(null);
  useEffect(
    () =>
      flowStore.subscribe((s) => {
        const r = s.userSelectionRect;
        if (!r) return;
        const [tx, ty, zoom] = s.transform;
        selectionBox.current = {
          minX: (r.x - tx) / zoom,
          minY: (r.y - ty) / zoom,
          maxX: (r.x + r.width - tx) / zoom,
          maxY: (r.y + r.height - ty) / zoom,
        };
      }),
    [flowStore],
  );
  const onSelectionEnd = useCallback(() => {
    const box = selectionBox.current;
    selectionBox.current = null;
    const pick = pickNode.current;
    if (!box || !pick) return;
    const boxes = pick.inside(box).map((n) => n.id);
    if (boxes.length === 0) return;
    // After React Flow has reported what it selected.
    queueMicrotask(() => {
      const own = flowStore
        .getState()
        .nodes.filter((n) => n.selected)
        .map((n) => n.id);
      select({ nodes: [...new Set([...own, ...boxes])], edges: [] });
    });
  }, [flowStore, select]);

  const onMouseDownCapture = (event: React.MouseEvent) => {
    const pick = pickNode.current;
    const target = event.target as Element;
    if (!pick || event.button !== 0 || !target.closest('.react-flow__pane, .react-flow__viewport'))
      return;
    if (target.closest('.react-flow__node')) return;
    const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
    const node = pick.at(point.x, point.y);
    if (!node) return;
    event.stopPropagation();
    event.preventDefault();
    const add = event.shiftKey || event.metaKey || event.ctrlKey;
    flushSync(() =>
      select({ nodes: add ? [...new Set([...selection.nodes, node.id])] : [node.id], edges: [] }),
    );
    canvasRef.current
      ?.querySelector(`.react-flow__node[data-id="${CSS.escape(node.id)}"]`)
      ?.dispatchEvent(
        new MouseEvent('mousedown', {
          bubbles: true,
          cancelable: true,
          view: window,
          button: 0,
          buttons: 1,
          clientX: event.clientX,
          clientY: event.clientY,
          screenX: event.screenX,
          screenY: event.screenY,
        }),
      );
  };
  // While an element is dragged a sheet covers the canvas (toc.css), so
  // pointer moves are not hit-tested against every element.
  const onNodeDragStart = useCallback(() => {
    store.getState().seal();
    canvasRef.current?.classList.add('is-dragging');
  }, [store]);
  const onNodeDragStop = useCallback(() => {
    store.getState().seal();
    canvasRef.current?.classList.remove('is-dragging');
  }, [store]);

  // A part of a very large plan can be strewn across it: fitted, its
  // elements would be specks. Say how to bring them together.
  const scattered = useMemo(() => {
    if (!part || tocNodes.length > 200) return false;
    const box = graphBounds(tocNodes);
    const area = (box.maxX - box.minX) * (box.maxY - box.minY);
    return area > tocNodes.length * NODE_SIZE.width * NODE_SIZE.height * 60;
  }, [part, tocNodes]);

  // React Flow's own words (its nodes' help, what a keyboard move did), in the UI's language.
  const ariaLabels = useMemo(
    () => ({
      'node.a11yDescription.default': t('canvas.nodeHelp'),
      // Links are not Tab stops: they are reached from an element's details (Leads to / Comes from).
      'edge.a11yDescription.default': t('canvas.edgeHelp'),
      'node.a11yDescription.ariaLiveMessage': ({ direction }: { direction: string }) =>
        t('canvas.moved', { direction }),
      'controls.ariaLabel': t('canvas.controls'),
      'controls.zoomIn.ariaLabel': t('canvas.zoomIn'),
      'controls.zoomOut.ariaLabel': t('canvas.zoomOut'),
      'handle.ariaLabel': t('canvas.handle'),
    }),
    [t],
  );

  return (
    <div className="toc-editor">
      {scope && (
        <div className="toc-part-bar">
          <p>
            {t('part.showing', {
              shown: format.number(tocNodes.length),
              total: planNodes.length,
              part: scope.part.label,
            })}
            {scattered && ` ${t('part.scattered')}`}
          </p>
          <button type="button" onClick={scope.onLeave}>
            {planNodes.length > CANVAS_LIMIT ? t('part.backToOutline') : t('part.showAll')}
          </button>
        </div>
      )}
      <div className="toc-header">
        <h1 className="toc-title">{t('title')}</h1>
        <div className="toc-toolbar" role="toolbar" aria-label={t('toolbar.label')}>
          <div className="toc-palette" role="group" aria-label={t('toolbar.addGroup')}>
            <span className="toc-toolbar-label" aria-hidden="true">
              {t('toolbar.add')}
            </span>
            {TOC_KINDS.map(({ kind }) => (
              <button
                key={kind}
                type="button"
                className={`toc-add toc-add-${kind}`}
                title={t(`kindHints.${kind}`)}
                aria-label={t('toolbar.addKind', { kind })}
                onClick={() => addNode(kind)}
              >
                {t(`kinds.${kind}`)}
              </button>
            ))}
          </div>
          <div className="toc-toolbar-end">
            <SearchBox nodes={tocNodes} onPick={onSearchPick} />
            <button
              type="button"
              disabled={layingOut || tocNodes.length === 0}
              onClick={() => void runLayout()}
            >
              {layingOut ? t('toolbar.layingOut') : t('toolbar.autoLayout')}
            </button>
            <button type="button" aria-label={t('toolbar.fitLabel')} onClick={() => fitAll()}>
              {t('toolbar.fit')}
            </button>
            <button
              type="button"
              aria-label={t('toolbar.readableLabel')}
              title={t('toolbar.readableTitle')}
              onClick={zoomReadable}
            >
              {t('toolbar.readable')}
            </button>
          </div>
        </div>
      </div>
      <div className="toc-body">
        <div
          className={`toc-canvas${far ? ' is-far' : ''}${large ? ' is-large' : ''}`}
          ref={measureCanvas}
          onKeyDown={onKeyDown}
          onMouseDownCapture={lod ? onMouseDownCapture : undefined}
          aria-label={t('canvas.label')}
          role="region"
        >
          {tocNodes.length === 0 && !scope && (
            <div className="toc-empty-hint" role="note">
              <p className="toc-empty-title">{t('canvas.emptyTitle')}</p>
              <p>
                <Trans
                  t={t}
                  i18nKey="canvas.empty"
                  components={{ strong: <strong />, kbd: <kbd /> }}
                />
              </p>
            </div>
          )}
          {initialViewport && (
            <ReactFlow<TocFlowNode, TocFlowEdge>
              nodes={shownNodes}
              edges={shownEdges}
              nodeTypes={NODE_TYPES}
              onNodesChange={onNodesChange}
              onEdgesChange={onEdgesChange}
              onConnect={onConnect}
              onBeforeDelete={onBeforeDelete}
              onNodeDragStart={onNodeDragStart}
              onNodeDragStop={onNodeDragStop}
              onPaneClick={large ? onPaneClick : undefined}
              onSelectionEnd={lod ? onSelectionEnd : undefined}
              onNodeDoubleClick={onNodeDoubleClick}
              connectOnClick
              edgesFocusable={false}
              deleteKeyCode={DELETE_KEYS}
              multiSelectionKeyCode={MULTI_SELECT_KEYS}
              onMove={onMove}
              defaultViewport={initialViewport}
              minZoom={FIT_VIEW.minZoom}
              maxZoom={2}
              proOptions={PRO_OPTIONS}
              ariaLabelConfig={ariaLabels}
              // The pathway keeps its direction in a right-to-left UI (zoom
              // buttons bottom left, overview top right, as fitted); the
              // elements' own text follows the language (TocNodeView).
              dir="ltr"
            >
              {liveLinks && (
                <StaticLinks
                  nodes={tocNodes}
                  links={tocLinks}
                  live={liveLinks}
                  pickRef={pickLink}
                />
              )}
              {lod && liveNodes && (
                <StaticNodes nodes={tocNodes} live={liveNodes} pickRef={pickNode} />
              )}
              <Background gap={24} color="var(--toc-grid)" />
              {/* Fit is in the toolbar: React Flow's own knows only the nodes it draws. */}
              <Controls showInteractive={false} showFitView={false} />
              {/* The minimap redraws every element on each move: only for small graphs. */}
              {!large && (
                <MiniMap
                  position="top-right"
                  pannable
                  zoomable
                  ariaLabel={t('canvas.minimap')}
                  nodeStrokeWidth={3}
                  style={MINIMAP}
                />
              )}
            </ReactFlow>
          )}
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
          problemFor={problemFor}
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

/**
 * Above this many elements the section opens with the outline instead of
 * the canvas. Measured with the bench (test/bench/suites/theory-of-change.ts,
 * 2 cores, software rendering, pointer at 120 Hz): at 5,000 elements a drag
 * has about 1–2 % frames over 20 ms, at 10,000 about 9 % fitted and 18 % at a
 * readable zoom, and at 20,000 most frames are long.
 */
export const CANVAS_LIMIT = 5000;

/** The theory-of-change section: the canvas, or an outline and a drawn part for plans too large to draw. */
export function TheoryOfChangeSection() {
  const count = usePlan((p) => p.theoryOfChange.nodes.length);
  const [part, setPart] = useState<TocPart | null>(null);
  const [drawn, setDrawn] = useState(0);
  const draw = useCallback((next: TocPart) => {
    setPart(next);
    setDrawn((n) => n + 1);
  }, []);
  const scope = useMemo<PartProps | undefined>(
    () =>
      part
        ? {
            part,
            onAdd: (ids) => setPart((p) => p && { ...p, ids: new Set([...p.ids, ...ids]) }),
            onLeave: () => setPart(null),
          }
        : undefined,
    [part],
  );
  if (!scope && count > CANVAS_LIMIT) return <TocOutline onDraw={draw} limit={CANVAS_LIMIT} />;
  return (
    <ReactFlowProvider key={drawn}>
      <TocEditor scope={scope} />
    </ReactFlowProvider>
  );
}

/**
 * The power/interest matrix. Cards sit at their scores (interest across,
 * power up); dragging a card writes its scores on release, arrow keys move
 * the selected card (Shift for bigger steps), and editing the scores
 * elsewhere moves the card: there is one model, the plan.
 *
 * Performance: the matrix subscribes to the entries and lays out labels once
 * per committed change; a drag lives in the dragged card's own state, so a
 * drag tick re-renders that one card and nothing else.
 */
import {
  createContext,
  memo,
  useContext,
  useEffect,
  useId,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type KeyboardEvent as ReactKeyboardEvent,
  type PointerEvent as ReactPointerEvent,
  type RefObject,
} from 'react';
import { moveStakeholder } from '../../../../shared/commands/stakeholders';
import type { Stakeholder } from '../../../../shared/plan/schema';
import {
  createStableLayout,
  leaderEnd,
  type Placement,
  type Rect,
} from '../../../../shared/stakeholders/layout';
import { movementSince } from '../../../../shared/stakeholders/movement';
import {
  clampScore,
  keyStep,
  nudge,
  pixelsFromPoint,
  QUADRANT_INFO,
  quadrantOf,
  type MatrixPoint,
  type Quadrant,
} from '../../../../shared/stakeholders/quadrants';
import {
  categoryLabel,
  categoryOf,
  countByQuadrant,
  stanceLabel,
} from '../../../../shared/stakeholders/register';
import { useDispatch, usePlan, useSealHistory } from '../../store/plan-context';
import { colourOf } from './colours';
import { announce, select, useStakeholderView } from './view-store';

/** Standard (in the section) or workshop (projector) look. */
export type MatrixVariant = 'standard' | 'workshop';

interface MatrixContextValue {
  plotRef: RefObject<HTMLDivElement | null>;
  cardWidth: number;
  cardHeight: number;
  /** Moves a card; `burst` joins the open undo step of this card's arrow-key moves. */
  move: (id: string, to: MatrixPoint, burst?: boolean) => void;
  seal: () => void;
}

const MatrixContext = createContext<MatrixContextValue | null>(null);

/** Pixel size of an element, kept current with a ResizeObserver. */
function useElementSize(ref: RefObject<HTMLElement | null>) {
  const [size, setSize] = useState({ width: 0, height: 0 });
  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const update = () => {
      const width = Math.round(el.clientWidth);
      const height = Math.round(el.clientHeight);
      setSize((s) => (s.width === width && s.height === height ? s : { width, height }));
    };
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => observer.disconnect();
  }, [ref]);
  return size;
}

/** Card size for a plot width: bigger on a projector, never below a legible minimum. */
function cardSize(variant: MatrixVariant, width: number) {
  if (variant === 'workshop') {
    const w = Math.round(Math.min(250, Math.max(170, width * 0.13)));
    return { w, h: Math.round(Math.min(66, Math.max(50, w * 0.27))) };
  }
  return { w: Math.round(Math.min(150, Math.max(112, width * 0.165))), h: 38 };
}

/** Where the quadrant labels sit, so cards keep clear of them. */
function labelBoxes(
  width: number,
  height: number,
  label: { w: number; h: number },
): Record<Quadrant, Rect> {
  const w = Math.min(label.w, width / 2 - 8);
  const h = label.h;
  const pad = 6;
  return {
    keepSatisfied: { left: pad, top: pad, width: w, height: h },
    manageClosely: { left: width - w - pad, top: pad, width: w, height: h },
    monitor: { left: pad, top: height - h - pad, width: w, height: h },
    keepInformed: { left: width - w - pad, top: height - h - pad, width: w, height: h },
  };
}

function describeCard(entry: Stakeholder, point: MatrixPoint): string {
  return `${entry.name || 'Unnamed'}, ${categoryLabel(categoryOf(entry))}, ${stanceLabel(
    entry.currentStance,
  )}, power ${point.power}, interest ${point.interest}, ${QUADRANT_INFO[quadrantOf(point)].label}`;
}

interface CardProps {
  entry: Stakeholder;
  dx: number;
  dy: number;
  collapsed: boolean;
  clustered: number;
  selected: boolean;
  colour: string;
  hintId: string;
}

/** Pixels the pointer must travel before a press becomes a drag. */
const DRAG_THRESHOLD = 3;

const MatrixCard = memo(function MatrixCard(props: CardProps) {
  const { entry, dx, dy, collapsed, clustered, selected, colour, hintId } = props;
  const ctx = useContext(MatrixContext)!;
  // During a drag: the scores under the pointer and the pixel offset from the
  // committed position (moved with a transform, so no layout is redone).
  const [live, setLive] = useState<(MatrixPoint & { x: number; y: number }) | null>(null);
  const drag = useRef<{
    pointerId: number;
    startX: number;
    startY: number;
    origin: { x: number; y: number };
    width: number;
    height: number;
    moved: boolean;
    last: MatrixPoint;
  } | null>(null);

  const point: MatrixPoint = live ?? entry;
  const label = entry.name || 'Unnamed';
  const expanded = !collapsed || selected || live !== null;
  const w = ctx.cardWidth;
  const h = ctx.cardHeight;
  const ox = expanded && collapsed ? 0 : dx;
  const oy = expanded && collapsed ? 0 : dy;
  const leader = expanded ? leaderEnd(ox, oy, w, h) : null;

  const onPointerDown = (e: ReactPointerEvent<HTMLButtonElement>) => {
    if (e.button !== 0) return;
    const plot = ctx.plotRef.current;
    if (!plot) return;
    e.stopPropagation();
    select(entry.id);
    const rect = plot.getBoundingClientRect();
    drag.current = {
      pointerId: e.pointerId,
      startX: e.clientX,
      startY: e.clientY,
      origin: pixelsFromPoint(entry, rect.width, rect.height),
      width: rect.width,
      height: rect.height,
      moved: false,
      last: { power: entry.power, interest: entry.interest },
    };
    e.currentTarget.setPointerCapture(e.pointerId);
  };

  const onPointerMove = (e: ReactPointerEvent<HTMLButtonElement>) => {
    const d = drag.current;
    if (!d || d.pointerId !== e.pointerId) return;
    const mx = e.clientX - d.startX;
    const my = e.clientY - d.startY;
    if (!d.moved && Math.hypot(mx, my) < DRAG_THRESHOLD) return;
    d.moved = true;
    // The marker follows the pointer's travel (kept inside the matrix), so
    // the card never jumps; the scores are read from where the marker is.
    const x = Math.min(Math.max(d.origin.x + mx, 0), d.width);
    const y = Math.min(Math.max(d.origin.y + my, 0), d.height);
    const next = {
      interest: clampScore((x / d.width) * 100),
      power: clampScore(100 - (y / d.height) * 100),
    };
    d.last = next;
    setLive({ ...next, x: x - d.origin.x, y: y - d.origin.y });
  };

  const finish = (commit: boolean) => {
    const d = drag.current;
    drag.current = null;
    setLive(null);
    if (!d || !d.moved || !commit) return;
    if (d.last.power === entry.power && d.last.interest === entry.interest) return;
    ctx.move(entry.id, d.last);
    ctx.seal();
    announce(describeCard(entry, d.last));
  };

  const onKeyDown = (e: ReactKeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'Escape' && drag.current) {
      e.preventDefault();
      e.stopPropagation();
      finish(false);
      return;
    }
    const step = keyStep(e.key, e.shiftKey);
    if (!step || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    e.stopPropagation();
    select(entry.id);
    const to = nudge(entry, step.dPower, step.dInterest);
    if (to.power === entry.power && to.interest === entry.interest) {
      announce(`${label} is at the edge of the matrix.`);
      return;
    }
    // A burst of arrow presses is one undo step, closed when the card loses focus.
    ctx.move(entry.id, to, true);
    announce(describeCard(entry, to));
  };

  return (
    <div
      className="sh-anchor"
      data-selected={selected || undefined}
      data-dragging={live ? true : undefined}
      style={{
        left: `${entry.interest}%`,
        top: `${100 - entry.power}%`,
        transform: live ? `translate(${live.x}px, ${live.y}px)` : undefined,
      }}
    >
      <span className="sh-marker" style={{ background: colour }} aria-hidden="true" />
      {leader && (
        <span
          className="sh-leader"
          aria-hidden="true"
          style={{
            width: Math.hypot(leader.x, leader.y),
            transform: `rotate(${Math.atan2(leader.y, leader.x)}rad)`,
          }}
        />
      )}
      <button
        type="button"
        className={`sh-card${expanded ? '' : ' sh-card--collapsed'}${
          expanded && clustered > 0 && !live ? ' sh-card--clustered' : ''
        }`}
        style={
          expanded
            ? {
                width: w,
                height: h,
                transform: `translate(${ox - w / 2}px, ${oy - h / 2}px)`,
                borderLeftColor: colour,
              }
            : undefined
        }
        data-stakeholder-id={entry.id}
        aria-label={describeCard(entry, point)}
        aria-pressed={selected}
        aria-describedby={hintId}
        aria-roledescription="movable card"
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={() => finish(true)}
        onPointerCancel={() => finish(false)}
        onLostPointerCapture={() => drag.current && finish(true)}
        onKeyDown={onKeyDown}
        onBlur={ctx.seal}
        onFocus={() => select(entry.id)}
      >
        {!expanded && (
          <>
            <span className="sh-dot" style={{ background: colour }} aria-hidden="true" />
            <span className="sh-card-tip" aria-hidden="true">
              {label}
            </span>
          </>
        )}
        {expanded && (
          <>
            <span className="sh-card-name">{label}</span>
            {clustered > 0 && !live && (
              <span className="sh-card-more" title={`${clustered} more close by`}>
                +{clustered}
              </span>
            )}
          </>
        )}
      </button>
      {live && (
        <span className="sh-drag-readout" aria-hidden="true">
          Power {live.power} · Interest {live.interest} · {QUADRANT_INFO[quadrantOf(live)].label}
        </span>
      )}
    </div>
  );
});

/** Arrows for desired positions and for movement since a snapshot. */
function Arrows(props: {
  width: number;
  height: number;
  entries: readonly Stakeholder[];
  showDesired: boolean;
  snapshot: Readonly<Record<string, MatrixPoint>> | null;
}) {
  const { width, height, entries, showDesired, snapshot } = props;
  const id = useId().replace(/:/g, '');
  const movements = useMemo(
    () => (snapshot ? movementSince(snapshot, entries).filter((m) => m.from) : []),
    [snapshot, entries],
  );
  if (!width || !height || (!showDesired && !snapshot)) return null;
  const px = (p: MatrixPoint) => pixelsFromPoint(p, width, height);
  // Stop arrows short of the marker so the head stays visible.
  const shorten = (a: { x: number; y: number }, b: { x: number; y: number }, by: number) => {
    const len = Math.hypot(b.x - a.x, b.y - a.y);
    if (len <= by * 1.5) return b;
    return { x: b.x - ((b.x - a.x) / len) * by, y: b.y - ((b.y - a.y) / len) * by };
  };
  return (
    <svg className="sh-arrows" width={width} height={height} aria-hidden="true">
      <defs>
        <marker
          id={`${id}-move`}
          viewBox="0 0 10 10"
          refX="8"
          refY="5"
          markerWidth="6"
          markerHeight="6"
          orient="auto-start-reverse"
        >
          <path d="M0,0 L10,5 L0,10 z" className="sh-arrowhead-move" />
        </marker>
        <marker
          id={`${id}-desired`}
          viewBox="0 0 10 10"
          refX="8"
          refY="5"
          markerWidth="6"
          markerHeight="6"
          orient="auto-start-reverse"
        >
          <path d="M0,0 L10,5 L0,10 z" className="sh-arrowhead-desired" />
        </marker>
      </defs>
      {showDesired &&
        entries.map((e) => {
          if (!e.desiredPosition) return null;
          const a = px(e);
          const b = px(e.desiredPosition);
          if (Math.hypot(b.x - a.x, b.y - a.y) < 4) return null;
          const end = shorten(a, b, 2);
          return (
            <g key={`d-${e.id}`} className="sh-desired">
              <line x1={a.x} y1={a.y} x2={end.x} y2={end.y} markerEnd={`url(#${id}-desired)`} />
              <circle cx={b.x} cy={b.y} r="6" />
            </g>
          );
        })}
      {movements.map((m) => {
        const a = px(m.from!);
        const b = px(m.to);
        const end = shorten(a, b, 9);
        return (
          <g
            key={`m-${m.id}`}
            className={`sh-move${m.quadrantChanged ? ' sh-move--quadrant' : ''}`}
          >
            <circle cx={a.x} cy={a.y} r="6" />
            <line x1={a.x} y1={a.y} x2={end.x} y2={end.y} markerEnd={`url(#${id}-move)`} />
          </g>
        );
      })}
    </svg>
  );
}

/** The live region that reads out keyboard moves. */
function Announcer() {
  const message = useStakeholderView((s) => s.announcement);
  return (
    <div className="visually-hidden" role="status" aria-live="polite">
      {message}
    </div>
  );
}

/** Entries shown on the matrix: the register without hidden categories. */
export function useVisibleEntries(): Stakeholder[] {
  const entries = usePlan((p) => p.stakeholders.entries);
  const hidden = useStakeholderView((s) => s.hiddenCategories);
  return useMemo(
    () => (hidden.length ? entries.filter((e) => !hidden.includes(categoryOf(e))) : [...entries]),
    [entries, hidden],
  );
}

/** The power/interest matrix with its quadrants, cards and arrows. */
export function Matrix({ variant }: { variant: MatrixVariant }) {
  const plotRef = useRef<HTMLDivElement>(null);
  const hintId = useId();
  const visible = useVisibleEntries();
  const colourBy = useStakeholderView((s) => s.colourBy);
  const selectedId = useStakeholderView((s) => s.selectedId);
  const showDesired = useStakeholderView((s) => s.showDesired);
  const compareId = useStakeholderView((s) => s.compareSnapshotId);
  const snapshot = usePlan(
    (p) => p.stakeholders.snapshots.find((s) => s.id === compareId)?.positions ?? null,
  );
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const { width, height } = useElementSize(plotRef);
  const card = cardSize(variant, width);

  const context = useMemo<MatrixContextValue>(
    () => ({
      plotRef,
      cardWidth: card.w,
      cardHeight: card.h,
      // One dispatch per drag (on release) or per arrow key; see MatrixCard.
      move: (id, to, burst) =>
        dispatch(
          moveStakeholder({ id, to, at: new Date().toISOString(), ...(burst ? { burst } : {}) }),
        ),
      seal,
    }),
    [card.w, card.h, dispatch, seal],
  );

  // The quadrant labels' real size (it follows the type size), measured so
  // that cards keep clear of exactly the label and no more.
  const [labelSize, setLabelSize] = useState({ w: 0, h: 0 });
  useLayoutEffect(() => {
    const labels = plotRef.current?.querySelectorAll<HTMLElement>('.sh-q-label');
    if (!labels) return;
    const observer = new ResizeObserver(() => {
      let w = 0;
      let h = 0;
      labels.forEach((el) => {
        w = Math.max(w, el.offsetWidth);
        h = Math.max(h, el.offsetHeight);
      });
      setLabelSize((prev) => (prev.w === w && prev.h === h ? prev : { w, h }));
    });
    labels.forEach((el) => observer.observe(el));
    return () => observer.disconnect();
  }, []);
  const boxes = useMemo(() => labelBoxes(width, height, labelSize), [width, height, labelSize]);
  // Remembers the last layout so that moving one card leaves the others put.
  const [stableLayout] = useState(createStableLayout);
  const layout = useMemo(() => {
    if (!width || !height) return new Map<string, Placement>();
    return stableLayout(
      visible.map((e) => ({ id: e.id, ...pixelsFromPoint(e, width, height) })),
      {
        cardWidth: card.w,
        cardHeight: card.h,
        width,
        height,
        obstacles: Object.values(boxes),
        gap: variant === 'workshop' ? 6 : 4,
        // A collapsed card is a 24×24 target on its marker: keep other cards off it.
        markerSize: 26,
        // Let a card travel a little further before it collapses to a dot:
        // a name on a leader line reads better than a dot in a workshop.
        maxDisplacement: 3,
      },
    );
  }, [stableLayout, visible, width, height, card.w, card.h, boxes, variant]);
  const counts = useMemo(() => countByQuadrant(visible), [visible]);

  // Keep the selected card in view when it is chosen from elsewhere (a link, the register).
  useEffect(() => {
    if (!selectedId) return;
    const el = plotRef.current?.querySelector<HTMLElement>(
      `[data-stakeholder-id="${CSS.escape(selectedId)}"]`,
    );
    el?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [selectedId]);

  const quadrantClass: Record<Quadrant, string> = {
    keepSatisfied: 'sh-q sh-q--tl',
    manageClosely: 'sh-q sh-q--tr',
    monitor: 'sh-q sh-q--bl',
    keepInformed: 'sh-q sh-q--br',
  };

  return (
    <MatrixContext.Provider value={context}>
      <div className={`sh-matrix sh-matrix--${variant}`}>
        <div className="sh-axis-y" aria-hidden="true">
          <span>Low</span>
          <strong>Power ↑</strong>
          <span>High</span>
        </div>
        <div
          className="sh-plot"
          ref={plotRef}
          role="group"
          aria-label="Power/interest matrix"
          style={{ ['--card-w' as string]: `${card.w}px`, ['--card-h' as string]: `${card.h}px` }}
          onPointerDown={(e) => {
            if (e.target === e.currentTarget || (e.target as HTMLElement).closest('.sh-q'))
              select(null);
          }}
        >
          {(Object.keys(quadrantClass) as Quadrant[]).map((q) => (
            <div key={q} className={quadrantClass[q]}>
              <div className="sh-q-label">
                <strong>{QUADRANT_INFO[q].label}</strong>
                <span>
                  {QUADRANT_INFO[q].summary} · {counts[q]}
                </span>
              </div>
            </div>
          ))}
          <Arrows
            width={width}
            height={height}
            entries={visible}
            showDesired={showDesired}
            snapshot={snapshot}
          />
          {visible.map((entry) => {
            const p = layout.get(entry.id);
            return (
              <MatrixCard
                key={entry.id}
                entry={entry}
                dx={p?.dx ?? 0}
                dy={p?.dy ?? 0}
                collapsed={p?.collapsed ?? false}
                clustered={p?.clustered ?? 0}
                selected={entry.id === selectedId}
                colour={colourOf(entry, colourBy)}
                hintId={hintId}
              />
            );
          })}
          {visible.length === 0 && (
            <p className="sh-plot-empty">
              No stakeholders to show. Add one, or show the hidden categories.
            </p>
          )}
        </div>
        <div className="sh-axis-x" aria-hidden="true">
          <span>Low</span>
          <strong>Interest →</strong>
          <span>High</span>
        </div>
        <p id={hintId} className="visually-hidden">
          Drag to move. Or use the arrow keys: up and down change power, left and right change
          interest; hold Shift for steps of 10.
        </p>
        <Announcer />
      </div>
    </MatrixContext.Provider>
  );
}

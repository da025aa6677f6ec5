/**
 * The power/interest matrix. Cards sit at their scores (interest across,
 * power up); dragging a card writes its scores on release, arrow keys move
 * the selected card (Shift for bigger steps), and editing the scores
 * elsewhere moves the card: there is one model, the plan.
 *
 * Right to left (Arabic) the matrix mirrors like the page around it:
 * interest grows to the left, power still upwards, the power axis stands on
 * the right, and the arrow keys follow what the eye sees (left = more
 * interest). The plot itself is laid out in physical pixels (`dir="ltr"`, so
 * positions, transforms and quadrant corners never flip twice): the mirroring
 * is done once, in the pixel mapping (shared/stakeholders/quadrants.ts,
 * `rtl`), and its words keep the UI's direction.
 *
 * Performance: the matrix subscribes to the entries and lays out labels once
 * per committed change; a drag lives in the dragged card's own state, so a
 * drag tick re-renders that one card and nothing else.
 */
import {
  createContext,
  memo,
  useContext,
  useDeferredValue,
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
import { flushSync } from 'react-dom';
import { useTranslation } from 'react-i18next';
import { moveStakeholder } from '../../../../shared/commands/stakeholders';
import type { Stakeholder } from '../../../../shared/plan/schema';
import {
  cardSize,
  layoutMatrix,
  leaderLine,
  type CardBox,
  type CardStyle,
  type MatrixLayout,
  type Rect,
} from '../../../../shared/stakeholders/layout';
import { movementBetween, movementSince } from '../../../../shared/stakeholders/movement';
import {
  keyStep,
  nudge,
  pixelsFromPoint,
  pointFromPixels,
  quadrantOf,
  visualQuadrant,
  type MatrixPoint,
  type Quadrant,
} from '../../../../shared/stakeholders/quadrants';
import { categoryOf, countByQuadrant, isPlaced } from '../../../../shared/stakeholders/register';
import { useFormat } from '../../i18n/i18n';
import { useDispatch, usePlan, useSealHistory } from '../../store/plan-context';
import { colourOf } from './colours';
import { announce, select, useStakeholderView } from './view-store';
import { describeCard, useRtl, type StakeholderT } from './words';

/** Standard (in the section) or workshop (projector) look. */
export type MatrixVariant = 'standard' | 'workshop';

interface MatrixContextValue {
  plotRef: RefObject<HTMLDivElement | null>;
  /** Moves a card; `burst` joins the open undo step of this card's arrow-key moves. */
  move: (id: string, to: MatrixPoint, burst?: boolean) => void;
  seal: () => void;
  /** Right to left: interest grows to the left. */
  rtl: boolean;
  t: StakeholderT;
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

/**
 * How cards are drawn (see .sh-card in stakeholders.css: the padding here is
 * the card's horizontal/vertical padding plus borders). Workshop cards are
 * never below 18 px, so a room can read them; the largest size grows with
 * the plot.
 */
function cardStyle(variant: MatrixVariant, width: number): CardStyle {
  if (variant === 'workshop') {
    return {
      fontMax: Math.round(Math.min(28, Math.max(20, width / 52))),
      fontMin: 18,
      padX: 13,
      padY: 5,
      lineHeight: 1.2,
      maxWidthEm: 14,
      narrowWidthEm: 8,
      maxLines: 3,
    };
  }
  return {
    fontMax: 14,
    fontMin: 11,
    padX: 10,
    padY: 4,
    lineHeight: 1.2,
    maxWidthEm: 16,
    narrowWidthEm: 10,
    maxLines: 3,
  };
}

/** Font of the card names, to measure them (bold, in the plot's font family). */
const CARD_WEIGHT = 700;
const measureCache = new Map<string, number>();
let measureContext: CanvasRenderingContext2D | null = null;

/** Width of `text` set in one line at a font size of 1 px (measured at 100 px). */
function textWidth(text: string, family: string): number {
  const key = `${family}\u0000${text}`;
  const cached = measureCache.get(key);
  if (cached !== undefined) return cached;
  measureContext ??= document.createElement('canvas').getContext('2d');
  let width = text.length * 0.6;
  if (measureContext) {
    measureContext.font = `${CARD_WEIGHT} 100px ${family}`;
    width = measureContext.measureText(text).width / 100;
  }
  if (measureCache.size > 5000) measureCache.clear();
  measureCache.set(key, width);
  return width;
}

/** A card centred on its dot, at the smallest type, until the layout places it. */
function waitingBox(name: string, family: string, style: CardStyle): CardBox {
  const size = cardSize(textWidth(name, family), style.fontMin, style);
  return {
    left: -size.width / 2,
    top: -size.height / 2,
    width: size.width,
    height: size.height,
    lines: size.lines,
  };
}

/** The last few layouts, so switching tabs or views does not lay out again. */
const layoutMemo = new Map<string, MatrixLayout>();

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

interface CardProps {
  entry: Stakeholder;
  /** The card (or number badge) relative to the dot, in px; null until laid out. */
  box: CardBox | null;
  /** Number of the dot when the matrix shows numbered dots; null for a named card. */
  number: number | null;
  selected: boolean;
  colour: string;
  hintId: string;
}

/** Pixels the pointer must travel before a press becomes a drag. */
const DRAG_THRESHOLD = 3;

const MatrixCard = memo(function MatrixCard(props: CardProps) {
  const { entry, box, number, selected, colour, hintId } = props;
  const ctx = useContext(MatrixContext)!;
  const { t, rtl } = ctx;
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
  const label = entry.name || t('unnamed');
  const leader = box ? leaderLine(0, 0, box) : null;

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
      origin: pixelsFromPoint(entry, rect.width, rect.height, rtl),
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
    const next = pointFromPixels(x, y, d.width, d.height, rtl);
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
    announce(describeCard(t, entry, d.last));
  };

  const onKeyDown = (e: ReactKeyboardEvent<HTMLButtonElement>) => {
    if (e.key === 'Escape' && drag.current) {
      e.preventDefault();
      e.stopPropagation();
      finish(false);
      return;
    }
    const step = keyStep(e.key, e.shiftKey, rtl);
    if (!step || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    e.stopPropagation();
    select(entry.id);
    const to = nudge(entry, step.dPower, step.dInterest);
    if (to.power === entry.power && to.interest === entry.interest) {
      announce(t('matrix.atEdge', { name: label }));
      return;
    }
    // A burst of arrow presses is one undo step, closed when the card loses focus.
    ctx.move(entry.id, to, true);
    announce(describeCard(t, entry, to));
  };

  return (
    <div
      className="sh-anchor"
      data-selected={selected || undefined}
      data-dragging={live ? true : undefined}
      style={{
        // Physical: the plot is laid out left to right, mirrored here when the UI is not.
        left: `${rtl ? 100 - entry.interest : entry.interest}%`,
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
            width: Math.hypot(leader.x2, leader.y2),
            transform: `rotate(${Math.atan2(leader.y2, leader.x2)}rad)`,
          }}
        />
      )}
      <button
        type="button"
        className={`sh-card${number !== null ? ' sh-card--numbered' : ''}`}
        style={
          box
            ? {
                width: box.width,
                height: box.height,
                transform: `translate(${box.left}px, ${box.top}px)`,
                borderLeftColor: colour,
                ['--lines' as string]: box.lines,
              }
            : { visibility: 'hidden' }
        }
        data-stakeholder-id={entry.id}
        aria-label={describeCard(t, entry, point)}
        aria-pressed={selected}
        aria-describedby={hintId}
        aria-roledescription={t('matrix.movableCard')}
        title={number !== null ? label : undefined}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={() => finish(true)}
        onPointerCancel={() => finish(false)}
        onLostPointerCapture={() => drag.current && finish(true)}
        onKeyDown={onKeyDown}
        onBlur={ctx.seal}
        onFocus={() => select(entry.id)}
      >
        {number !== null ? (
          <span className="sh-card-number">{number}</span>
        ) : (
          <span className="sh-card-name" dir="auto">
            {label}
          </span>
        )}
      </button>
      {live && (
        <span className="sh-drag-readout" aria-hidden="true" dir={rtl ? 'rtl' : 'ltr'}>
          {t('matrix.readout', {
            power: live.power,
            interest: live.interest,
            quadrant: t(`quadrants.${quadrantOf(live)}.label`),
          })}
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
  /** Positions the movement arrows start from (a snapshot), if any. */
  snapshot: Readonly<Record<string, MatrixPoint>> | null;
  /** Positions they end at: another snapshot, or null for now. */
  target: Readonly<Record<string, MatrixPoint>> | null;
  rtl: boolean;
}) {
  const { width, height, entries, showDesired, snapshot, target, rtl } = props;
  const id = useId().replace(/:/g, '');
  const movements = useMemo(() => {
    if (!snapshot) return [];
    const moves = target ? movementBetween(snapshot, target) : movementSince(snapshot, entries);
    return moves.filter((m) => m.from);
  }, [snapshot, target, entries]);
  if (!width || !height || (!showDesired && !snapshot)) return null;
  const px = (p: MatrixPoint) => pixelsFromPoint(p, width, height, rtl);
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

/** Entries shown on the matrix: the placed entries of the register without hidden categories. */
export function useVisibleEntries(): Stakeholder[] {
  const entries = usePlan((p) => p.stakeholders.entries);
  const hidden = useStakeholderView((s) => s.hiddenCategories);
  return useMemo(
    () => entries.filter((e) => isPlaced(e) && !hidden.includes(categoryOf(e))),
    [entries, hidden],
  );
}

/**
 * The "Unplaced" tray: new stakeholders wait here (counted in no quadrant)
 * until someone drags them onto the matrix or moves them with the arrow keys
 * (the first press places them next to the middle, and the matrix card takes
 * the focus). Their power and interest can also be typed in the details.
 */
function UnplacedTray({ variant }: { variant: MatrixVariant }) {
  const entries = usePlan((p) => p.stakeholders.entries);
  const unplaced = useMemo(() => entries.filter((e) => !isPlaced(e)), [entries]);
  const ctx = useContext(MatrixContext)!;
  const { t, rtl } = ctx;
  const format = useFormat();
  const selectedId = useStakeholderView((s) => s.selectedId);
  const hintId = useId();
  const [ghost, setGhost] = useState<{ id: string; x: number; y: number } | null>(null);
  const drag = useRef<{
    id: string;
    pointerId: number;
    moved: boolean;
    sx: number;
    sy: number;
  } | null>(null);
  if (unplaced.length === 0) return null;

  const place = (entry: Stakeholder, to: MatrixPoint, burst: boolean) => {
    // Render the placed card now and hand it the focus in the same event, so
    // the next arrow key (pressed at once) moves it rather than getting lost.
    flushSync(() => {
      ctx.move(entry.id, to, burst);
      select(entry.id);
    });
    announce(describeCard(t, entry, to));
    ctx.plotRef.current
      ?.querySelector<HTMLElement>(`[data-stakeholder-id="${CSS.escape(entry.id)}"]`)
      ?.focus();
  };
  const onKeyDown = (e: ReactKeyboardEvent<HTMLButtonElement>, entry: Stakeholder) => {
    const step = keyStep(e.key, e.shiftKey, rtl);
    if (!step || e.altKey || e.ctrlKey || e.metaKey) return;
    e.preventDefault();
    e.stopPropagation();
    place(entry, nudge(entry, step.dPower, step.dInterest), true);
  };
  const onPointerUp = (e: ReactPointerEvent<HTMLButtonElement>, entry: Stakeholder) => {
    const d = drag.current;
    drag.current = null;
    setGhost(null);
    if (!d || !d.moved) {
      select(entry.id);
      return;
    }
    const plot = ctx.plotRef.current?.getBoundingClientRect();
    if (
      !plot ||
      e.clientX < plot.left ||
      e.clientX > plot.right ||
      e.clientY < plot.top ||
      e.clientY > plot.bottom
    )
      return;
    const to = pointFromPixels(
      e.clientX - plot.left,
      e.clientY - plot.top,
      plot.width,
      plot.height,
      rtl,
    );
    place(entry, to, false);
    ctx.seal();
  };

  return (
    <div className={`sh-tray sh-tray--${variant}`}>
      <h3 className="sh-tray-title" id={`${hintId}-title`}>
        {t('tray.title')} <span className="sh-chip-count">{format.number(unplaced.length)}</span>
      </h3>
      <p id={hintId} className="visually-hidden">
        {t('tray.hint')}
      </p>
      <ul className="sh-tray-list" aria-labelledby={`${hintId}-title`}>
        {unplaced.map((entry) => (
          <li key={entry.id}>
            <button
              type="button"
              className="sh-tray-item"
              data-unplaced-id={entry.id}
              aria-pressed={entry.id === selectedId}
              aria-describedby={hintId}
              aria-label={t('tray.item', { name: entry.name || t('unnamed') })}
              onKeyDown={(e) => onKeyDown(e, entry)}
              onPointerDown={(e) => {
                if (e.button !== 0) return;
                drag.current = {
                  id: entry.id,
                  pointerId: e.pointerId,
                  moved: false,
                  sx: e.clientX,
                  sy: e.clientY,
                };
                e.currentTarget.setPointerCapture(e.pointerId);
              }}
              onPointerMove={(e) => {
                const d = drag.current;
                if (!d || d.pointerId !== e.pointerId) return;
                if (!d.moved && Math.hypot(e.clientX - d.sx, e.clientY - d.sy) < DRAG_THRESHOLD)
                  return;
                d.moved = true;
                setGhost({ id: entry.id, x: e.clientX, y: e.clientY });
              }}
              onPointerUp={(e) => onPointerUp(e, entry)}
              onPointerCancel={() => {
                drag.current = null;
                setGhost(null);
              }}
            >
              {entry.name || t('unnamed')}
            </button>
          </li>
        ))}
      </ul>
      {ghost && (
        <span className="sh-tray-ghost" aria-hidden="true" style={{ left: ghost.x, top: ghost.y }}>
          {unplaced.find((e) => e.id === ghost.id)?.name || t('unnamed')}
        </span>
      )}
    </div>
  );
}

/** Names of the numbered dots, for a matrix too crowded for named cards. */
function NumberedList({
  entries,
  numbers,
}: {
  entries: readonly Stakeholder[];
  numbers: ReadonlyMap<string, number>;
}) {
  const ctx = useContext(MatrixContext)!;
  const { t } = ctx;
  const sorted = useMemo(
    () => [...entries].sort((a, b) => (numbers.get(a.id) ?? 0) - (numbers.get(b.id) ?? 0)),
    [entries, numbers],
  );
  return (
    <div className="sh-numbered">
      <h3 className="sh-numbered-title">{t('matrix.numberedKey')}</h3>
      <ol className="sh-numbered-list">
        {sorted.map((e) => (
          <li key={e.id} value={numbers.get(e.id)}>
            <button
              type="button"
              className="sh-numbered-item"
              data-numbered-id={e.id}
              onClick={() => {
                select(e.id);
                ctx.plotRef.current
                  ?.querySelector<HTMLElement>(`[data-stakeholder-id="${CSS.escape(e.id)}"]`)
                  ?.focus();
              }}
            >
              <span className="sh-numbered-n" aria-hidden="true">
                {numbers.get(e.id)}
              </span>
              <span className="sh-numbered-name">{e.name || t('unnamed')}</span>
            </button>
          </li>
        ))}
      </ol>
    </div>
  );
}

/** The power/interest matrix with its quadrants, cards and arrows. */
export function Matrix({ variant }: { variant: MatrixVariant }) {
  const { t } = useTranslation('stakeholders');
  const format = useFormat();
  const rtl = useRtl();
  const plotRef = useRef<HTMLDivElement>(null);
  const hintId = useId();
  const visible = useVisibleEntries();
  const colourBy = useStakeholderView((s) => s.colourBy);
  const selectedId = useStakeholderView((s) => s.selectedId);
  const showDesired = useStakeholderView((s) => s.showDesired);
  const compareId = useStakeholderView((s) => s.compareSnapshotId);
  const compareToId = useStakeholderView((s) => s.compareToSnapshotId);
  const snapshot = usePlan(
    (p) => p.stakeholders.snapshots.find((s) => s.id === compareId)?.positions ?? null,
  );
  const target = usePlan((p) =>
    compareId && compareToId
      ? (p.stakeholders.snapshots.find((s) => s.id === compareToId)?.positions ?? null)
      : null,
  );
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const { width, height } = useElementSize(plotRef);
  const style = cardStyle(variant, width);

  const context = useMemo<MatrixContextValue>(
    () => ({
      plotRef,
      // One dispatch per drag (on release) or per arrow key; see MatrixCard.
      move: (id, to, burst) =>
        dispatch(
          moveStakeholder({ id, to, at: new Date().toISOString(), ...(burst ? { burst } : {}) }),
        ),
      seal,
      rtl,
      t,
    }),
    [dispatch, seal, rtl, t],
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
  const [family, setFamily] = useState('');
  useLayoutEffect(() => {
    if (plotRef.current) setFamily(getComputedStyle(plotRef.current).fontFamily);
  }, []);
  // The layout follows the entries a beat behind (a deferred render): a card
  // moved by keyboard goes with its dot at once, keeping its offset, and the
  // cards are laid out again when the browser has time.
  const laidOut = useDeferredValue(visible);
  const layout = useMemo<MatrixLayout | null>(() => {
    if (!width || !height || !family) return null;
    const unnamed = t('unnamed');
    const items = laidOut.map((e) => ({
      id: e.id,
      ...pixelsFromPoint(e, width, height, rtl),
      // The layout works on the quadrants as drawn (right to left, mirrored).
      quadrant: visualQuadrant(quadrantOf(e), rtl),
      textWidth: textWidth(e.name || unnamed, family),
      words: (e.name || unnamed)
        .split(/\s+/)
        .filter(Boolean)
        .map((w) => textWidth(w, family)),
      spaceWidth: textWidth(' ', family),
    }));
    const options = {
      width,
      height,
      card: style,
      obstacles: Object.values(boxes),
      gap: variant === 'workshop' ? 5 : 4,
      markerSize: variant === 'workshop' ? 16 : 12,
      badgeFont: variant === 'workshop' ? 18 : 12,
    };
    const key = JSON.stringify([items, options]);
    const known = layoutMemo.get(key);
    if (known) return known;
    const result = layoutMatrix(items, options);
    if (layoutMemo.size >= 6) layoutMemo.delete(layoutMemo.keys().next().value!);
    layoutMemo.set(key, result);
    return result;
    // `style` is derived from variant and width.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [laidOut, width, height, family, boxes, variant, rtl, t]);
  const laidOutDots = useMemo(
    () => new Map(laidOut.map((e) => [e.id, pixelsFromPoint(e, width, height, rtl)])),
    [laidOut, width, height, rtl],
  );
  const counts = useMemo(() => countByQuadrant(visible), [visible]);

  // Keep the selected card in view when it is chosen from elsewhere (a link, the register).
  useEffect(() => {
    if (!selectedId) return;
    const el = plotRef.current?.querySelector<HTMLElement>(
      `[data-stakeholder-id="${CSS.escape(selectedId)}"]`,
    );
    el?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [selectedId]);

  // Where each quadrant is drawn: its corner as seen (right to left, the columns swap).
  const quadrantClass: Record<Quadrant, string> = {
    keepSatisfied: 'sh-q sh-q--tl',
    manageClosely: 'sh-q sh-q--tr',
    monitor: 'sh-q sh-q--bl',
    keepInformed: 'sh-q sh-q--br',
  };
  const numbered = layout?.mode === 'numbered';
  const dir = rtl ? 'rtl' : 'ltr';

  return (
    <MatrixContext.Provider value={context}>
      <UnplacedTray variant={variant} />
      <div
        className={`sh-matrix sh-matrix--${variant}${numbered ? ' sh-matrix--numbered' : ''}`}
        data-layout={layout?.mode}
      >
        {/* Low at the bottom, High at the top, whichever way the words run. */}
        <div className="sh-axis-y" aria-hidden="true" dir="ltr">
          <span dir={dir}>{t('matrix.low')}</span>
          <strong dir={dir}>{t('matrix.powerAxis')}</strong>
          <span dir={dir}>{t('matrix.high')}</span>
        </div>
        <div
          className="sh-plot"
          ref={plotRef}
          dir="ltr"
          role="group"
          aria-label={t('matrix.label')}
          style={{ ['--card-font' as string]: `${layout?.fontSize ?? style.fontMax}px` }}
          onPointerDown={(e) => {
            if (e.target === e.currentTarget || (e.target as HTMLElement).closest('.sh-q'))
              select(null);
          }}
        >
          {(Object.keys(quadrantClass) as Quadrant[]).map((q) => (
            <div key={q} className={quadrantClass[visualQuadrant(q, rtl)]} data-quadrant={q}>
              <div className="sh-q-label" dir={dir}>
                <strong>{t(`quadrants.${q}.label`)}</strong>
                <span>
                  {t('matrix.quadrantCount', {
                    summary: t(`quadrants.${q}.summary`),
                    count: format.number(counts[q]),
                  })}
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
            target={target}
            rtl={rtl}
          />
          {visible.map((entry) => {
            const box = layout?.boxes.get(entry.id);
            const dot = laidOutDots.get(entry.id) ?? pixelsFromPoint(entry, width, height, rtl);
            return (
              <MatrixCard
                key={entry.id}
                entry={entry}
                box={
                  box
                    ? {
                        left: box.left - dot.x,
                        top: box.top - dot.y,
                        width: box.width,
                        height: box.height,
                        lines: box.lines,
                      }
                    : width && family
                      ? // Just placed, not laid out yet: on its dot for a moment
                        // (visible, so it can take the focus at once).
                        waitingBox(entry.name || t('unnamed'), family, style)
                      : null
                }
                number={numbered ? (layout.numbers.get(entry.id) ?? null) : null}
                selected={entry.id === selectedId}
                colour={colourOf(entry, colourBy)}
                hintId={hintId}
              />
            );
          })}
          {visible.length === 0 && (
            <p className="sh-plot-empty" dir={dir}>
              {t('matrix.empty')}
            </p>
          )}
        </div>
        {/* Runs with the UI: right to left, Low is on the right, as interest grows to the left. */}
        <div className="sh-axis-x" aria-hidden="true">
          <span>{t('matrix.low')}</span>
          <strong>{t('matrix.interestAxis')}</strong>
          <span>{t('matrix.high')}</span>
        </div>
        {numbered && layout && <NumberedList entries={visible} numbers={layout.numbers} />}
        <p id={hintId} className="visually-hidden">
          {t('matrix.hint')}
        </p>
        <Announcer />
      </div>
    </MatrixContext.Provider>
  );
}

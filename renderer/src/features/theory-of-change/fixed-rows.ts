/**
 * Windowing for a very long list whose rows all have one height (the
 * outline of a 100,000-element plan): which rows to render follows from
 * the scroll position by arithmetic, so a list of any length costs nothing
 * to open or filter. (The shared useWindowedRows measures rows of any
 * height, which keeps a record per row: tens of milliseconds per change at
 * this size.) As there, the row holding focus stays rendered, and ↑ ↓
 * PageUp PageDown Home End move focus between rows.
 */
import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
  type RefObject,
} from 'react';

/** One thing to render: a row, or a spacer standing for rows not rendered. */
export type FixedSlot =
  | { readonly kind: 'row'; readonly index: number }
  | { readonly kind: 'gap'; readonly key: string; readonly size: number };

const ROW_KEYS = new Set(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End']);
/** Rows rendered beyond each edge of the view. */
const OVERSCAN = 8;

/** The rows to render of `count` rows `rowHeight` px high in the scroll box, and keyboard moves. */
export function useFixedRows(
  count: number,
  rowHeight: number,
  scrollRef: RefObject<HTMLElement | null>,
) {
  const [view, setView] = useState({ top: 0, height: 720 });
  useEffect(() => {
    const box = scrollRef.current;
    if (!box) return;
    let frame = 0;
    const update = () => {
      frame = 0;
      setView((v) =>
        v.top === box.scrollTop && v.height === box.clientHeight
          ? v
          : { top: box.scrollTop, height: box.clientHeight },
      );
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(update);
    };
    box.addEventListener('scroll', schedule, { passive: true });
    const resize = new ResizeObserver(schedule);
    resize.observe(box);
    return () => {
      cancelAnimationFrame(frame);
      box.removeEventListener('scroll', schedule);
      resize.disconnect();
    };
  }, [scrollRef]);

  const [focused, setFocused] = useState<number | null>(null);
  const first = Math.max(0, Math.floor(view.top / rowHeight) - OVERSCAN);
  const last = Math.min(count, Math.ceil((view.top + view.height) / rowHeight) + OVERSCAN);
  const indexes: number[] = [];
  for (let i = first; i < last; i++) indexes.push(i);
  const keep = focused;
  if (keep !== null && keep < count && (keep < first || keep >= last)) {
    indexes.push(keep);
    indexes.sort((a, b) => a - b);
  }
  const slots: FixedSlot[] = [];
  let at = 0;
  for (const index of indexes) {
    if (index > at)
      slots.push({ kind: 'gap', key: `gap-${index}`, size: (index - at) * rowHeight });
    slots.push({ kind: 'row', index });
    at = index + 1;
  }
  if (count > at) slots.push({ kind: 'gap', key: 'gap-end', size: (count - at) * rowHeight });

  /** Scrolls row `index` into view (the least distance). */
  const scrollToIndex = useCallback(
    (index: number) => {
      const box = scrollRef.current;
      if (!box) return;
      const top = index * rowHeight;
      if (top < box.scrollTop) box.scrollTop = top;
      else if (top + rowHeight > box.scrollTop + box.clientHeight)
        box.scrollTop = top + rowHeight - box.clientHeight;
    },
    [rowHeight, scrollRef],
  );

  const onFocus = useCallback((event: FocusEvent<HTMLElement>) => {
    const row = (event.target as Element).closest<HTMLElement>('[data-index]');
    setFocused(row ? Number(row.dataset.index) : null);
  }, []);

  // A row to focus once rendered (on the render after a move).
  const pendingFocus = useRef<number | null>(null);
  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (!ROW_KEYS.has(event.key) || event.altKey || event.metaKey || count === 0) return;
      const target = event.target as HTMLElement;
      if (target.closest('input, select, textarea')) return;
      const row = target.closest<HTMLElement>('[data-index]');
      if (!row) return;
      const from = Number(row.dataset.index);
      const page = Math.max(
        1,
        Math.floor((scrollRef.current?.clientHeight ?? 600) / rowHeight) - 1,
      );
      const moves: Record<string, number> = {
        ArrowUp: from - 1,
        ArrowDown: from + 1,
        PageUp: from - page,
        PageDown: from + page,
        Home: 0,
        End: count - 1,
      };
      const to = Math.max(0, Math.min(count - 1, moves[event.key]!));
      event.preventDefault();
      if (to === from) return;
      pendingFocus.current = to;
      scrollToIndex(to);
      // Also re-renders, with the row kept rendered wherever it is.
      setFocused(to);
    },
    [count, rowHeight, scrollRef, scrollToIndex],
  );
  // Focus the target row's first control once it is rendered (it always
  // is on the render after a move: the focused row is kept rendered).
  useLayoutEffect(() => {
    const index = pendingFocus.current;
    if (index === null) return;
    pendingFocus.current = null;
    scrollRef.current
      ?.querySelector<HTMLElement>(`[data-index="${index}"] button`)
      ?.focus({ preventScroll: true });
  });

  return { slots, scrollToIndex, onFocus, onKeyDown };
}

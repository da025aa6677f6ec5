/**
 * Windowed long lists (tables and lists alike) on @tanstack/react-virtual:
 * only the rows near the visible part of a scroll box are in the DOM, the
 * rest are aria-hidden spacers of the right height. The row holding focus
 * is always kept rendered, so scrolling away with the wheel never drops
 * keyboard focus, and ↑ ↓ PageUp PageDown Home End move focus between rows
 * (scrolling the target row into view first). Short lists render every row
 * as before: windowing only pays off, and only costs find-in-page, when a
 * list is long.
 */
import {
  defaultRangeExtractor,
  measureElement as measureRow,
  useVirtualizer,
  type Range,
  type VirtualItem,
} from '@tanstack/react-virtual';
import {
  useCallback,
  useLayoutEffect,
  useRef,
  useState,
  type FocusEvent,
  type Key,
  type KeyboardEvent,
  type RefObject,
} from 'react';

/** Lists longer than this are windowed. */
export const WINDOW_THRESHOLD = 100;

/** One thing to render in a windowed list: a row, or a spacer standing for rows not rendered. */
export type Slot =
  | { readonly kind: 'row'; readonly index: number; readonly key: Key }
  | { readonly kind: 'gap'; readonly key: string; readonly size: number };

/** Options of useWindowedRows. */
export interface WindowedRowsOptions {
  /** How many rows there are. */
  count: number;
  /** Expected height of a row before it is measured (px). */
  estimateSize: number;
  /**
   * Stable key of row `index` (keeps measured heights with their row when the
   * list changes). Memoise it over the list (`useCallback(…, [items])`): a new
   * function makes the virtualizer recompute every row's position (O(rows);
   * ~80 ms per render at 50,000 rows, and each measured row renders again).
   */
  getKey: (index: number) => Key;
  /** Whether to window; defaults to `count > WINDOW_THRESHOLD`. */
  windowed?: boolean;
  /** Height of what sits above the rows inside the scroll box (a sticky table header). */
  headerSize?: number;
  /** The scroll box (the element with overflow: auto), owned by the caller. */
  scrollRef: RefObject<HTMLElement | null>;
}

/** What a windowed list renders with. */
export interface WindowedRows {
  /** Whether rows are windowed (else every row is a slot and there are no gaps). */
  readonly windowed: boolean;
  /** Rows and spacers to render, in order. */
  readonly slots: readonly Slot[];
  /** Ref for each row element (which must carry `data-index={index}`) so its height is measured. */
  readonly measure: ((element: Element | null) => void) | undefined;
  /** Put on the scroll box: keyboard moves between rows. */
  readonly onKeyDown: (event: KeyboardEvent<HTMLElement>) => void;
  /** Put on the scroll box: remembers which row holds focus, so it stays rendered. */
  readonly onFocus: (event: FocusEvent<HTMLElement>) => void;
  /** Scrolls a row into view (rendering it if it was not). */
  readonly scrollToIndex: (index: number) => void;
}

const ROW_KEYS = new Set(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown', 'Home', 'End']);
const FOCUSABLE =
  'button:not([disabled]), a[href], input:not([disabled]), select:not([disabled]), textarea:not([disabled]), [tabindex]:not([tabindex="-1"])';

/** The row element (one with data-index) that holds `node`, inside `root`. */
function rowOf(node: Element | null, root: HTMLElement | null): HTMLElement | null {
  const row = node?.closest<HTMLElement>('[data-index]') ?? null;
  return row && root?.contains(row) ? row : null;
}

/** Windowing plus row-to-row keyboard moves for a long list in a scroll box. */
export function useWindowedRows(options: WindowedRowsOptions): WindowedRows {
  const { count, estimateSize, getKey, headerSize = 0, scrollRef } = options;
  const windowed = options.windowed ?? count > WINDOW_THRESHOLD;
  const focused = useRef<number | null>(null);
  const [pendingFocus, setPendingFocus] = useState<{ index: number; column: number } | null>(null);

  const rangeExtractor = useCallback((range: Range) => {
    const indexes = defaultRangeExtractor(range);
    const keep = focused.current;
    if (keep !== null && keep < range.count && !indexes.includes(keep)) {
      indexes.push(keep);
      indexes.sort((a, b) => a - b);
    }
    return indexes;
  }, []);

  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read fresh each render, never memoised
  const virtualizer = useVirtualizer({
    count: windowed ? count : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => estimateSize,
    getItemKey: getKey,
    overscan: 8,
    paddingStart: headerSize,
    scrollPaddingStart: headerSize,
    rangeExtractor,
    // A row is measured by the ResizeObserver, all new rows in one batch, not
    // one by one as React attaches them: each change of a row's height makes
    // the virtualizer recompute the positions of every row after it, so at
    // 50,000 rows thirty rows measured one by one held the page ~60 ms.
    measureElement: (element, entry, instance) =>
      entry
        ? measureRow(element, entry, instance)
        : (instance.itemSizeCache.get(getKey(instance.indexFromElement(element))) ?? estimateSize),
    // Before the box is measured (first paint, jsdom) assume a screenful.
    initialRect: { width: 1024, height: 720 },
  });

  let slots: Slot[];
  if (!windowed) {
    slots = Array.from({ length: count }, (_, index) => ({
      kind: 'row' as const,
      index,
      key: getKey(index),
    }));
  } else {
    const items: VirtualItem[] = virtualizer.getVirtualItems();
    slots = [];
    let at = headerSize;
    for (const item of items) {
      if (item.start > at)
        slots.push({ kind: 'gap', key: `gap-${item.index}`, size: item.start - at });
      slots.push({ kind: 'row', index: item.index, key: item.key as Key });
      at = item.end;
    }
    const total = virtualizer.getTotalSize();
    if (total > at) slots.push({ kind: 'gap', key: 'gap-end', size: total - at });
  }

  const scrollToIndex = useCallback(
    (index: number) => {
      if (windowed) virtualizer.scrollToIndex(index, { align: 'auto' });
      else
        scrollRef.current
          ?.querySelector(`[data-index="${index}"]`)
          ?.scrollIntoView({ block: 'nearest' });
    },
    [virtualizer, windowed, scrollRef],
  );

  const onFocus = useCallback(
    (event: FocusEvent<HTMLElement>) => {
      const row = rowOf(event.target as Element, scrollRef.current);
      focused.current = row ? Number(row.dataset.index) : null;
    },
    [scrollRef],
  );

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (!ROW_KEYS.has(event.key) || event.altKey || event.metaKey) return;
      const target = event.target as HTMLElement;
      // Fields keep their own keys (caret, options, numbers).
      if (target.closest('input, select, textarea, [role="combobox"]')) return;
      const row = rowOf(target, scrollRef.current);
      if (!row || count === 0) return;
      const from = Number(row.dataset.index);
      const box = scrollRef.current;
      const page = Math.max(
        1,
        Math.floor(((box?.clientHeight ?? 600) - headerSize) / estimateSize) - 1,
      );
      const to = Math.max(
        0,
        Math.min(
          count - 1,
          event.key === 'ArrowUp'
            ? from - 1
            : event.key === 'ArrowDown'
              ? from + 1
              : event.key === 'PageUp'
                ? from - page
                : event.key === 'PageDown'
                  ? from + page
                  : event.key === 'Home'
                    ? 0
                    : count - 1,
        ),
      );
      event.preventDefault();
      if (to === from) return;
      const focusables = [...row.querySelectorAll<HTMLElement>(FOCUSABLE)];
      const column = Math.max(0, focusables.indexOf(target));
      focused.current = to;
      scrollToIndex(to);
      setPendingFocus({ index: to, column });
    },
    [count, estimateSize, headerSize, scrollToIndex, scrollRef],
  );

  // Focus the target row once it is rendered (it may take a frame or two to scroll there).
  useLayoutEffect(() => {
    if (!pendingFocus) return;
    let frames = 0;
    let handle = 0;
    const attempt = () => {
      const row = scrollRef.current?.querySelector<HTMLElement>(
        `[data-index="${pendingFocus.index}"]`,
      );
      if (row) {
        const focusables = [...row.querySelectorAll<HTMLElement>(FOCUSABLE)];
        const element =
          focusables[Math.min(pendingFocus.column, focusables.length - 1)] ??
          (row.tabIndex >= 0 ? row : null);
        element?.focus({ preventScroll: false });
        element?.scrollIntoView?.({ block: 'nearest' });
        setPendingFocus(null);
      } else if (frames++ < 10) handle = requestAnimationFrame(attempt);
      else setPendingFocus(null);
    };
    attempt();
    return () => cancelAnimationFrame(handle);
  }, [pendingFocus, scrollRef]);

  return {
    windowed,
    slots,
    measure: windowed ? virtualizer.measureElement : undefined,
    onKeyDown,
    onFocus,
    scrollToIndex,
  };
}

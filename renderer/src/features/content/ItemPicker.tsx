/**
 * The row of items above an editor (decisions, pathways): pick one, or add
 * one. A long list becomes a windowed vertical list in a scroll box.
 */
import { useCallback, useRef, type ReactNode } from 'react';
import { useWindowedRows } from '../../components/windowed';

/** Above this many items the picker is a windowed list rather than a row of buttons. */
const LONG_LIST = 40;

/** Props of an ItemPicker. */
export interface ItemPickerProps<T extends { id: string }> {
  /** Accessible name of the picker. */
  label: string;
  items: readonly T[];
  selectedId: string | undefined;
  onSelect: (id: string) => void;
  /** The item's name, shown on its button. */
  title: (item: T) => string;
  /** A short tag after the name (recommendation, hours…). */
  tag: (item: T) => ReactNode;
  addLabel: string;
  onAdd: () => void;
}

/** A list of items as buttons, the selected one marked current, plus an Add button. */
export function ItemPicker<T extends { id: string }>(props: ItemPickerProps<T>) {
  const { items } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const long = items.length > LONG_LIST;
  const rows = useWindowedRows({
    scrollRef,
    count: items.length,
    estimateSize: 40,
    getKey: useCallback((i: number) => items[i]!.id, [items]),
    windowed: long,
  });
  return (
    <nav
      className={`card decision-picker ${long ? 'decision-picker--long' : ''}`}
      aria-label={props.label}
    >
      <div
        ref={scrollRef}
        className="decision-picker-scroll"
        onKeyDown={rows.onKeyDown}
        onFocus={rows.onFocus}
      >
        <ul>
          {rows.slots.map((slot) => {
            if (slot.kind === 'gap')
              return <li key={slot.key} aria-hidden="true" style={{ height: slot.size }} />;
            const item = items[slot.index]!;
            const current = item.id === props.selectedId;
            return (
              <li
                key={slot.key}
                data-index={slot.index}
                ref={rows.measure}
                aria-setsize={items.length}
                aria-posinset={slot.index + 1}
              >
                <button
                  type="button"
                  className={`decision-tab ${current ? 'current' : ''}`}
                  aria-current={current ? 'true' : undefined}
                  onClick={() => props.onSelect(item.id)}
                >
                  <span className="decision-need">{props.title(item)}</span>
                  {props.tag(item)}
                </button>
              </li>
            );
          })}
        </ul>
      </div>
      <button type="button" className="primary" onClick={props.onAdd}>
        {props.addLabel}
      </button>
    </nav>
  );
}

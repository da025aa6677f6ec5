/** The row of items above an editor (decisions, pathways): pick one, or add one. */
import type { ReactNode } from 'react';

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
  return (
    <nav className="card decision-picker" aria-label={props.label}>
      <ul>
        {props.items.map((item) => {
          const current = item.id === props.selectedId;
          return (
            <li key={item.id}>
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
      <button type="button" className="primary" onClick={props.onAdd}>
        {props.addLabel}
      </button>
    </nav>
  );
}

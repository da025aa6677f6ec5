/**
 * A searchable combobox over a long list (tens of thousands of options):
 * downshift's useCombobox gives the ARIA 1.2 combobox pattern (typing
 * filters, ↑ ↓ PageUp PageDown move the active option, Enter picks, Escape
 * closes, aria-activedescendant), and @tanstack/react-virtual keeps only the
 * options near the view in the DOM. The caller filters (so it can use an
 * index and a deferred query); this component only shows and picks.
 */
import { useVirtualizer } from '@tanstack/react-virtual';
import { useCombobox } from 'downshift';
import { useId, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/i18n';

/** Props of a VirtualCombobox. */
export interface VirtualComboboxProps<T> {
  /** Visible label of the input. */
  label: string;
  /** Options matching the current query, in order. */
  items: readonly T[];
  /** Hears the text typed in the box (the box keeps it; a picked option puts its text there). */
  onQueryChange: (query: string) => void;
  selected: T | null;
  onSelect: (item: T | null) => void;
  /** Text of an option (put in the box when it is picked). */
  itemText: (item: T) => string;
  itemKey: (item: T) => string;
  /** How an option looks in the list (defaults to its text). */
  renderItem?: (item: T) => ReactNode;
  placeholder?: string;
  /** Said after the label, e.g. how many options match. */
  description?: string;
  className?: string;
}

const OPTION_HEIGHT = 44;
/** The toggle's down-pointing triangle (decoration: the button is named by its label). */
const TOGGLE_ICON = '▾';

/** A combobox whose option list is windowed. */
export function VirtualCombobox<T>(props: VirtualComboboxProps<T>) {
  const { t } = useTranslation('components');
  const { locale } = useFormat();
  const { items } = props;
  const listRef = useRef<HTMLDivElement>(null);
  const descriptionId = useId();
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read fresh each render, never memoised
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => listRef.current,
    estimateSize: () => OPTION_HEIGHT,
    overscan: 6,
    getItemKey: (i) => props.itemKey(items[i]!),
    initialRect: { width: 480, height: 320 },
  });
  const combobox = useCombobox<T>({
    items: items as T[],
    itemToString: (item) => (item ? props.itemText(item) : ''),
    itemToKey: (item) => (item ? props.itemKey(item) : null),
    selectedItem: props.selected,
    onInputValueChange: ({ inputValue, type }) => {
      // Picking an option puts its text in the box; that is not a new search.
      if (
        type !== useCombobox.stateChangeTypes.ItemClick &&
        type !== useCombobox.stateChangeTypes.InputKeyDownEnter
      )
        props.onQueryChange(inputValue);
    },
    onSelectedItemChange: ({ selectedItem }) => props.onSelect(selectedItem ?? null),
    // The virtualizer scrolls: the option may not be in the DOM yet.
    scrollIntoView: () => undefined,
    onHighlightedIndexChange: ({ highlightedIndex, type }) => {
      if (highlightedIndex >= 0 && type !== useCombobox.stateChangeTypes.ItemMouseMove)
        virtualizer.scrollToIndex(highlightedIndex, { align: 'auto' });
    },
  });
  const { isOpen, highlightedIndex } = combobox;
  const virtualItems = isOpen ? virtualizer.getVirtualItems() : [];

  return (
    <div className={`combobox ${props.className ?? ''}`}>
      <label {...combobox.getLabelProps()}>{props.label}</label>
      <div className="combobox-control">
        <input
          {...combobox.getInputProps({
            placeholder: props.placeholder,
            'aria-describedby': props.description ? descriptionId : undefined,
          })}
        />
        <button
          type="button"
          className="combobox-toggle"
          {...combobox.getToggleButtonProps({
            'aria-label': t('combobox.showOptions', {
              label: props.label.toLocaleLowerCase(locale),
            }),
          })}
        >
          <span aria-hidden="true">{TOGGLE_ICON}</span>
        </button>
        <div
          {...combobox.getMenuProps({ ref: listRef })}
          className={`combobox-list ${isOpen ? 'open' : ''}`}
        >
          {isOpen && items.length > 0 && (
            <div
              role="presentation"
              className="combobox-window"
              style={{ height: virtualizer.getTotalSize() }}
            >
              {virtualItems.map((v) => {
                const item = items[v.index]!;
                return (
                  <div
                    key={v.key}
                    className={`combobox-option ${highlightedIndex === v.index ? 'active' : ''}`}
                    style={{ transform: `translateY(${v.start}px)`, height: OPTION_HEIGHT }}
                    aria-setsize={items.length}
                    aria-posinset={v.index + 1}
                    {...combobox.getItemProps({ item, index: v.index })}
                  >
                    {props.renderItem ? props.renderItem(item) : props.itemText(item)}
                  </div>
                );
              })}
            </div>
          )}
          {isOpen && items.length === 0 && (
            <div role="presentation" className="combobox-empty">
              {t('combobox.nothingMatches')}
            </div>
          )}
        </div>
      </div>
      {props.description && (
        <span id={descriptionId} className="combobox-description">
          {props.description}
        </span>
      )}
    </div>
  );
}

/**
 * Compact controls for table cells, where a visible label per cell would
 * drown the table: each has an accessible name (`label`), and the number
 * input refuses bad input with a message under it, leaving the plan unchanged.
 */
import { useId, type ReactNode } from 'react';
import { useNumberDraft, type NumberRules } from '../../components/fields';

/** A text input named by `label`. */
export function InlineText(props: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  onBlur?: () => void;
  placeholder?: string;
  className?: string;
  maxLength?: number;
}) {
  return (
    <input
      type="text"
      className={`inline-input ${props.className ?? ''}`}
      aria-label={props.label}
      value={props.value}
      maxLength={props.maxLength ?? 500}
      placeholder={props.placeholder}
      onChange={(e) => props.onChange(e.target.value)}
      onBlur={props.onBlur}
    />
  );
}

/** A number input named by `label`; out-of-range or non-numbers show a message. */
export function InlineNumber(
  props: {
    label: string;
    value: number | null;
    onChange: (value: number | null) => void;
    onBlur?: () => void;
    className?: string;
  } & NumberRules,
) {
  const id = useId();
  // Table cells default to non-negative amounts.
  const rules = { ...props, min: props.min ?? 0 };
  const { draft, error, begin, change, leave } = useNumberDraft(props.value, rules, props.onChange);
  return (
    <span className={`inline-number ${props.className ?? ''}`}>
      <input
        type="text"
        inputMode="decimal"
        className="inline-input num"
        aria-label={props.label}
        value={draft}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onFocus={begin}
        onChange={(e) => change(e.target.value)}
        onBlur={() => {
          leave();
          props.onBlur?.();
        }}
      />
      {error && (
        <span className="inline-error" id={`${id}-error`} role="alert">
          {error}
        </span>
      )}
    </span>
  );
}

/** A select named by `label`. */
export function InlineSelect<T extends string>(props: {
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  className?: string;
}) {
  return (
    <select
      className={`inline-input ${props.className ?? ''}`}
      aria-label={props.label}
      value={props.value}
      onChange={(e) => props.onChange(e.target.value as T)}
    >
      {props.options.map((o) => (
        <option key={o.value} value={o.value}>
          {o.label}
        </option>
      ))}
    </select>
  );
}

/** Options for a select from a label map. */
export function optionsOf<K extends string>(labels: Record<K, string>) {
  return (Object.keys(labels) as K[]).map((value) => ({ value, label: labels[value] }));
}

/** A labelled filter control (label above, tied by id so its name is just the label). */
export function FilterField(props: {
  label: string;
  className?: string;
  children: (id: string) => ReactNode;
}) {
  const id = useId();
  return (
    <div className={`filter ${props.className ?? ''}`}>
      <label htmlFor={id}>{props.label}</label>
      {props.children(id)}
    </div>
  );
}

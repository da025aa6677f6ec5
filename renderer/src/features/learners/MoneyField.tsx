/**
 * A money amount in the plan currency. It keeps what was typed ("17.40"
 * stays "17.40" while editing) and shows a stored amount with the currency's
 * decimals ("17.40", not "17.4"), so a figure reads back as it was entered.
 * Text that is not an amount shows a message and leaves the plan unchanged.
 */
import { memo, useId, useState } from 'react';
import { moneyInputText } from '../../../../shared/learners/budget';
import { parseNumberInput, useTypedTrail } from '../../components/fields';

/** Props of a money field. */
export interface MoneyFieldProps {
  label: string;
  value: number | null;
  currency: string | null;
  onChange: (value: number | null) => void;
  onBlur?: () => void;
  className?: string;
  hint?: string;
  /** Largest amount accepted (default 1e12). */
  max?: number;
  /** In a table cell: no visible label (the label names the input). */
  inline?: boolean;
}

function MoneyFieldView(props: MoneyFieldProps) {
  const id = useId();
  const { value, currency, onChange } = props;
  const max = props.max ?? 1e12;
  const [draft, setDraft] = useState(() => moneyInputText(value, currency));
  const [error, setError] = useState<string | null>(null);
  const [seen, setSeen] = useState({ value, currency });
  const typed = useTypedTrail(value);
  // A change from elsewhere (undo, another window) replaces the draft unless it already says it.
  if (!Object.is(seen.value, value) || seen.currency !== currency) {
    setSeen({ value, currency });
    if (parseNumberInput(draft) !== value) setDraft(moneyInputText(value, currency));
    setError(null);
  }
  const change = (text: string) => {
    setDraft(text);
    const parsed = parseNumberInput(text);
    if (parsed === 'invalid') setError(`“${text}” is not an amount.`);
    else if (parsed !== null && (parsed < 0 || parsed > max))
      setError(`Enter an amount from 0 to ${max.toLocaleString('en-GB')}.`);
    else {
      setError(null);
      typed.passed(text, parsed);
      if (parsed !== value) onChange(parsed);
    }
  };
  const leave = () => {
    // Invalid text changes nothing: not even the amounts passed on the way
    // ("5e9" while typing "5e99"). Then the display settles on the stored
    // amount with the currency's decimals.
    const kept = error ? typed.keep(draft) : value;
    if (error && !Object.is(kept, value)) onChange(kept);
    setDraft(moneyInputText(kept, currency));
    setError(null);
    props.onBlur?.();
  };
  const described = error ? `${id}-error` : props.hint ? `${id}-hint` : undefined;
  if (props.inline)
    return (
      <span className={`inline-number ${props.className ?? ''}`}>
        <input
          id={id}
          type="text"
          inputMode="decimal"
          className="inline-input num"
          aria-label={currency ? `${props.label} (${currency})` : props.label}
          value={draft}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onFocus={typed.begin}
          onChange={(e) => change(e.target.value)}
          onBlur={leave}
        />
        {error && (
          <span className="inline-error" id={`${id}-error`} role="alert">
            {error}
          </span>
        )}
      </span>
    );
  return (
    <div className={`field ${props.className ?? ''}`}>
      <label htmlFor={id}>
        {props.label}
        {currency ? ` (${currency})` : ''}
      </label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        className="num"
        value={draft}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        onFocus={typed.begin}
        onChange={(e) => change(e.target.value)}
        onBlur={leave}
      />
      {error ? (
        <p className="field-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      ) : props.hint ? (
        <p className="field-hint" id={`${id}-hint`}>
          {props.hint}
        </p>
      ) : null}
    </div>
  );
}

/** A money field (memoised: typing elsewhere does not re-render it). */
export const MoneyField = memo(MoneyFieldView);

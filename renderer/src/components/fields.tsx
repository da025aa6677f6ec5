/**
 * Labelled form fields. Each one has a visible label tied to its control, so
 * screen readers and tests find it by name; number fields refuse values that
 * are not numbers or are out of range, and say why, without changing the plan.
 */
import { memo, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { parseDecimalText } from '../../../shared/numbers';
import { useFormat } from '../i18n/i18n';
import { DateFieldView, TableDateFieldView } from './date-field';

interface FieldProps<T> {
  label: string;
  value: T;
  onChange: (value: T) => void;
  onBlur?: () => void;
  hint?: string;
  className?: string;
}

function FieldFrame(props: {
  id: string;
  label: string;
  hint?: string;
  error?: string | null;
  /** What happened to the value just left (a number put back): shown until the next change. */
  notice?: string | null;
  className?: string;
  children: ReactNode;
}) {
  return (
    <div className={`field ${props.className ?? ''}`}>
      <label htmlFor={props.id}>{props.label}</label>
      {props.children}
      {props.error ? (
        <p className="field-error" id={`${props.id}-error`} role="alert">
          {props.error}
        </p>
      ) : props.notice ? (
        <p className="field-notice" id={`${props.id}-notice`} role="status">
          {props.notice}
        </p>
      ) : props.hint ? (
        <p className="field-hint" id={`${props.id}-hint`}>
          {props.hint}
        </p>
      ) : null}
    </div>
  );
}

/** A single-line text field; `error` (shown instead of the hint) says what is wrong with the value kept. */
function TextFieldView(
  props: FieldProps<string> & { maxLength?: number; placeholder?: string; error?: string | null },
) {
  const id = useId();
  return (
    <FieldFrame
      id={id}
      label={props.label}
      hint={props.hint}
      error={props.error}
      className={props.className}
    >
      <input
        id={id}
        type="text"
        value={props.value}
        maxLength={props.maxLength ?? 500}
        placeholder={props.placeholder}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={props.error ? `${id}-error` : props.hint ? `${id}-hint` : undefined}
        onChange={(e) => props.onChange(e.target.value)}
        onBlur={props.onBlur}
      />
    </FieldFrame>
  );
}

/** A multi-line text field (`maxLength`: the plan format's limit, 20,000 by default). */
function TextAreaFieldView(
  props: FieldProps<string> & { rows?: number; placeholder?: string; maxLength?: number },
) {
  const id = useId();
  return (
    <FieldFrame id={id} label={props.label} hint={props.hint} className={props.className}>
      <textarea
        id={id}
        rows={props.rows ?? 3}
        value={props.value}
        maxLength={props.maxLength ?? 20_000}
        placeholder={props.placeholder}
        aria-describedby={props.hint ? `${id}-hint` : undefined}
        onChange={(e) => props.onChange(e.target.value)}
        onBlur={props.onBlur}
      />
    </FieldFrame>
  );
}

/**
 * Parses what a person typed as a number ("1,200", "12.5", "12,5", "-3");
 * null if empty. The same reader as every import (shared/numbers.ts), so
 * "12,5" is twelve and a half here too.
 */
export function parseNumberInput(text: string): number | null | 'invalid' {
  if (text.trim() === '') return null;
  return parseDecimalText(text.trim()) ?? 'invalid';
}

/** Bounds and rules for a typed number. */
export interface NumberRules {
  min?: number;
  max?: number;
  integer?: boolean;
  /** Refuse an empty value (e.g. a weight must be a number). */
  required?: boolean;
}

/** How a number field words and shows its value (defaults: "number", plain digits). */
export interface NumberLook {
  /** The value as the field shows it (e.g. an amount with its currency's decimals). */
  format?: (value: number | null) => string;
  /** What the field holds, for messages: "“x” is not a number/an amount." */
  noun?: 'number' | 'amount';
  /** Show the stored value formatted again when leaving the field, even after valid typing. */
  settleOnLeave?: boolean;
}

const plainNumber = (value: number | null) => (value === null ? '' : String(value));

/**
 * The typing state of a number input: what the person typed, and why it is
 * refused if it is. Valid numbers are committed as they are typed; invalid
 * ones are kept on screen with a message and never reach the plan. Leaving
 * the field with invalid text puts back the last good value typed, passing
 * over the numbers that were only the start of the invalid text ("5e9" on
 * the way to "5e99"; see useTypedTrail). Outside changes (undo) replace the
 * draft unless it already means that value. Call `begin` when the field is
 * entered.
 */
export function useNumberDraft(
  value: number | null,
  rules: NumberRules,
  commit: (value: number | null) => void,
  look: NumberLook = {},
) {
  const { t } = useTranslation('components');
  const numbers = useFormat();
  const { min = -1e12, max = 1e12 } = rules;
  const format = look.format ?? plainNumber;
  const noun = look.noun ?? 'number';
  const shown = format(value);
  const [draft, setDraft] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  // Said after leaving with invalid text: what was not kept, and why.
  const [notice, setNotice] = useState<{ text: string; value: number | null } | null>(null);
  // Adjusting state while rendering avoids a second render pass.
  const [seenValue, setSeenValue] = useState(value);
  if (!Object.is(seenValue, value)) {
    setSeenValue(value);
    if (parseNumberInput(draft) !== value) setDraft(shown);
    setError(null);
    if (notice && !Object.is(notice.value, value)) setNotice(null);
  }
  const typed = useTypedTrail(value);
  const change = (text: string) => {
    setDraft(text);
    setNotice(null);
    const parsed = parseNumberInput(text);
    if (parsed === 'invalid') setError(t('number.notValid', { text, noun }));
    else if (parsed === null && rules.required) setError(t('number.enter', { noun }));
    else if (parsed !== null && (parsed < min || parsed > max)) {
      const [low, high] = [numbers.number(min), numbers.number(max)];
      // Only the bounds a person set are named ("up to 1,000", not "from -1,000,000,000,000").
      setError(
        min <= -1e12
          ? t('number.upTo', { noun, max: high })
          : max >= 1e12
            ? t('number.atLeast', { noun, min: low })
            : t('number.between', { noun, min: low, max: high }),
      );
    } else if (parsed !== null && rules.integer && !Number.isInteger(parsed))
      setError(t('number.whole'));
    else {
      setError(null);
      typed.passed(text, parsed);
      if (parsed !== value) commit(parsed);
    }
  };
  const leave = () => {
    if (!error) {
      if (look.settleOnLeave) setDraft(shown);
      return;
    }
    const kept = typed.keep(draft);
    setDraft(format(kept));
    setError(null);
    setNotice({ text: t('number.notKept', { text: draft, reason: error }), value: kept });
    if (!Object.is(kept, value)) commit(kept);
  };
  return { draft, error, notice: notice?.text ?? null, begin: typed.begin, change, leave };
}

/**
 * What a number field committed while the person typed, so that leaving it
 * with invalid text keeps what they meant: the valid numbers passed on the
 * way to the invalid text ("5" and "5e9" on the way to "5e99": each a
 * beginning of it) are dropped, and the last value typed before (or the
 * value when the field was entered) is kept.
 */
function useTypedTrail(value: number | null) {
  const start = useRef(value);
  const trail = useRef<{ text: string; value: number | null }[]>([]);
  return {
    /** The field was entered: remember its value. */
    begin: () => {
      start.current = value;
      trail.current = [];
    },
    /** A valid number was committed from `text`. */
    passed: (text: string, committed: number | null) => {
      trail.current.push({ text, value: committed });
    },
    /** The value to keep when leaving with the invalid `text`. */
    keep: (text: string): number | null => {
      const steps = trail.current;
      while (steps.length > 0 && text.startsWith(steps[steps.length - 1]!.text)) steps.pop();
      return steps.length > 0 ? steps[steps.length - 1]!.value : start.current;
    },
  };
}

/** A number with bounds; invalid input shows a message and leaves the plan unchanged. */
function NumberFieldView(props: FieldProps<number | null> & NumberRules) {
  const id = useId();
  const { draft, error, notice, begin, change, leave } = useNumberDraft(
    props.value,
    props,
    props.onChange,
  );
  return (
    <FieldFrame
      id={id}
      label={props.label}
      hint={props.hint}
      error={error}
      notice={notice}
      className={props.className}
    >
      <input
        id={id}
        type="text"
        inputMode="decimal"
        value={draft}
        aria-invalid={error ? true : undefined}
        aria-describedby={
          error ? `${id}-error` : notice ? `${id}-notice` : props.hint ? `${id}-hint` : undefined
        }
        onFocus={begin}
        onChange={(e) => change(e.target.value)}
        onBlur={() => {
          leave();
          props.onBlur?.();
        }}
      />
    </FieldFrame>
  );
}

/** A choice from a fixed list. */
function SelectFieldView<T extends string>(
  props: FieldProps<T> & { options: readonly { value: T; label: string }[] },
) {
  const id = useId();
  return (
    <FieldFrame id={id} label={props.label} hint={props.hint} className={props.className}>
      <select
        id={id}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value as T)}
        onBlur={props.onBlur}
      >
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

// Memoised: with stable handlers, typing in one field re-renders that field
// only, not every field of the section (a keystroke must fit in a frame).
/** A single-line text field. */
export const TextField = memo(TextFieldView);
/** A multi-line text field. */
export const TextAreaField = memo(TextAreaFieldView);
/** A date typed segment by segment in locale order; commits only a complete date. */
export const DateField = memo(DateFieldView);
/** The same, light until focused: for the rows of a long table. */
export const TableDateField = memo(TableDateFieldView);
/** A number field that refuses text that is not a number in range. */
export const NumberField = memo(NumberFieldView);
/** A choice from a fixed list. */
export const SelectField = memo(SelectFieldView) as typeof SelectFieldView;

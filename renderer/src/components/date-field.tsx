/**
 * A calendar date typed segment by segment (month, day, year in the user's
 * locale order), built on React Aria's DateField. The plan keeps ISO
 * `YYYY-MM-DD` strings; only a complete date with a year from 1900 to 2200 is
 * committed. What a person is typing is never reset under them: a partial date
 * (or a year still being typed, "2" on the way to "2026") stays on screen and
 * leaves the plan unchanged; leaving the field with it says so.
 */
import { parseDate, type CalendarDate } from '@internationalized/date';
import { useId, useState } from 'react';
import {
  DateField as AriaDateField,
  DateInput,
  DateSegment,
  Label,
  type DateFieldState,
} from 'react-aria-components';
import './date-field.css';

/** The earliest and latest dates the plan accepts (as in the plan schema's date checks). */
export const DATE_MIN = '1900-01-01';
/** The latest date the plan accepts. */
export const DATE_MAX = '2200-12-31';

/** Reads an ISO date from the plan; null when empty or not a real date. */
export function toCalendarDate(iso: string | null): CalendarDate | null {
  if (!iso) return null;
  try {
    return parseDate(iso);
  } catch {
    return null;
  }
}

/** The ISO string for a date React Aria produced (years always four digits). */
export function toIsoDate(date: CalendarDate): string {
  return `${String(date.year).padStart(4, '0')}-${String(date.month).padStart(2, '0')}-${String(
    date.day,
  ).padStart(2, '0')}`;
}

/** True when the ISO date lies in the range the plan accepts. */
export function isDateInRange(iso: string): boolean {
  return iso >= DATE_MIN && iso <= DATE_MAX;
}

/** Whether some, but not all, editable segments are filled in. */
function isPartial(state: DateFieldState): boolean {
  const editable = state.segments.filter((s) => s.isEditable);
  const empty = editable.filter((s) => s.isPlaceholder).length;
  return empty > 0 && empty < editable.length;
}

/** Props of the date field. */
export interface DateFieldProps {
  label: string;
  value: string | null;
  onChange: (value: string | null) => void;
  onBlur?: () => void;
  hint?: string;
  /** A message from outside (e.g. "target before baseline"). */
  error?: string | null;
  className?: string;
  /** Name the field for assistive technology only (e.g. inside a table row). */
  hideLabel?: boolean;
  /** Class for the box around the segments (e.g. to colour an overdue date). */
  inputClassName?: string;
  /** Put the focus on the first segment when the field appears. */
  autoFocus?: boolean;
}

/** A calendar date (YYYY-MM-DD) or empty, typed with the keyboard in locale order. */
export function DateFieldView(props: DateFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState<CalendarDate | null>(() => toCalendarDate(props.value));
  const [rangeError, setRangeError] = useState<string | null>(null);
  const [focused, setFocused] = useState(false);
  // Outside changes (undo, another editor) replace the draft unless it
  // already means that value. Adjusting state while rendering avoids a pass.
  const [seenValue, setSeenValue] = useState(props.value);
  if (seenValue !== props.value) {
    setSeenValue(props.value);
    if ((draft ? toIsoDate(draft) : null) !== props.value) setDraft(toCalendarDate(props.value));
    setRangeError(null);
  }

  const change = (next: CalendarDate | null) => {
    setDraft(next);
    if (next === null) {
      setRangeError(null);
      if (props.value !== null) props.onChange(null);
      return;
    }
    const iso = toIsoDate(next);
    if (isDateInRange(iso)) {
      setRangeError(null);
      if (iso !== props.value) props.onChange(iso);
    }
    // A year below 1900 is usually a year still being typed ("2" → "2026"):
    // keep it on screen, commit nothing, and explain only once focus leaves.
  };

  const leave = () => {
    if (draft && !isDateInRange(toIsoDate(draft)))
      setRangeError('Enter a year from 1900 to 2200. The date was not saved.');
    props.onBlur?.();
  };

  const messageId = `${id}-message`;
  const outside = props.error ?? rangeError;

  return (
    <AriaDateField<CalendarDate>
      className={`field date-field ${props.className ?? ''}`}
      value={draft}
      onChange={change}
      onFocusChange={(isFocused) => {
        setFocused(isFocused);
        if (!isFocused) leave();
      }}
      isInvalid={outside ? true : undefined}
      aria-describedby={messageId}
      aria-label={props.hideLabel ? props.label : undefined}
      granularity="day"
      shouldForceLeadingZeros
      autoFocus={props.autoFocus}
    >
      {({ state }) => {
        const message =
          outside ??
          (!focused && isPartial(state) ? 'This date is incomplete and was not saved.' : null);
        return (
          <>
            {!props.hideLabel && <Label className="date-field-label">{props.label}</Label>}
            <DateInput
              className={`date-input ${props.inputClassName ?? ''}`}
              data-invalid={message ? true : undefined}
            >
              {(segment) => <DateSegment segment={segment} className="date-segment" />}
            </DateInput>
            {message ? (
              <p className="field-error" id={messageId} role="alert">
                {message}
              </p>
            ) : (
              <p className="field-hint" id={messageId} hidden={!props.hint}>
                {props.hint}
              </p>
            )}
          </>
        );
      }}
    </AriaDateField>
  );
}

/**
 * How the field shows a date at rest, in the same locale order and two-digit
 * style as its segments ("01/15/2026", or "mm/dd/yyyy" when empty).
 */
export function restingDateText(iso: string | null, locale?: string): string {
  const date = toCalendarDate(iso);
  const parts = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: 'UTC',
  }).formatToParts(date ? Date.UTC(date.year, date.month - 1, date.day) : 0);
  if (date) return parts.map((p) => p.value).join('');
  const placeholder: Record<string, string> = { year: 'yyyy', month: 'mm', day: 'dd' };
  return parts.map((p) => placeholder[p.type] ?? p.value).join('');
}

/**
 * The date field for rows of a long table. At rest it is one light button
 * showing the date; focusing or clicking it puts the full field (above) in
 * its place with the focus on the first segment, and it stays a full field
 * from then on. React Aria's field costs a few milliseconds per row to
 * mount: 50 register rows added ~130 ms to opening the register.
 */
export function TableDateFieldView(props: DateFieldProps & { hideLabel: true }) {
  const [active, setActive] = useState(false);
  if (active) return <DateFieldView {...props} autoFocus />;
  const text = restingDateText(props.value);
  return (
    <div className={`field date-field ${props.className ?? ''}`}>
      <button
        type="button"
        className={`date-input date-input--resting ${props.inputClassName ?? ''}`}
        aria-label={`${props.label}: ${props.value ? text : 'no date'}`}
        data-empty={props.value ? undefined : true}
        onFocus={() => setActive(true)}
      >
        {text}
      </button>
    </div>
  );
}

/**
 * A calendar date typed segment by segment (day, month and year in the UI
 * language's order: "15/01/2026" in English, "15.01.2026" in Ukrainian),
 * built on React Aria's DateField with the UI language's locale (so the
 * segments' names, placeholders and month names follow it). The plan keeps ISO
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
  I18nProvider,
  Label,
  type DateFieldState,
} from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/i18n';
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
  const { t } = useTranslation('components');
  const format = useFormat();
  const id = useId();
  const [draft, setDraft] = useState<CalendarDate | null>(() => toCalendarDate(props.value));
  const [rangeError, setRangeError] = useState(false);
  const [focused, setFocused] = useState(false);
  // Outside changes (undo, another editor) replace the draft unless it
  // already means that value. Adjusting state while rendering avoids a pass.
  const [seenValue, setSeenValue] = useState(props.value);
  if (seenValue !== props.value) {
    setSeenValue(props.value);
    if ((draft ? toIsoDate(draft) : null) !== props.value) setDraft(toCalendarDate(props.value));
    setRangeError(false);
  }

  const change = (next: CalendarDate | null) => {
    setDraft(next);
    if (next === null) {
      setRangeError(false);
      if (props.value !== null) props.onChange(null);
      return;
    }
    const iso = toIsoDate(next);
    if (isDateInRange(iso)) {
      setRangeError(false);
      if (iso !== props.value) props.onChange(iso);
    }
    // A year below 1900 is usually a year still being typed ("2" → "2026"):
    // keep it on screen, commit nothing, and explain only once focus leaves.
  };

  const leave = () => {
    if (draft && !isDateInRange(toIsoDate(draft))) setRangeError(true);
    props.onBlur?.();
  };

  const messageId = `${id}-message`;
  const outside = props.error ?? (rangeError ? t('dateField.yearRange') : null);

  return (
    // The UI language's locale: its order of day, month and year, its
    // placeholders, and the names a screen reader hears ("15 – enero").
    <I18nProvider locale={format.locale}>
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
            outside ?? (!focused && isPartial(state) ? t('dateField.incomplete') : null);
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
    </I18nProvider>
  );
}

/** What an empty field shows in each segment ("yyyy", "mm", "dd" in English). */
export type DatePlaceholders = Readonly<Record<'year' | 'month' | 'day', string>>;

const ENGLISH_PLACEHOLDERS: DatePlaceholders = { year: 'yyyy', month: 'mm', day: 'dd' };

/**
 * How the field shows a date at rest, in the same locale order and two-digit
 * style as its segments ("15/01/2026" in en-GB, or "dd/mm/yyyy" when empty).
 */
export function restingDateText(
  iso: string | null,
  locale?: string,
  placeholders: DatePlaceholders = ENGLISH_PLACEHOLDERS,
): string {
  const date = toCalendarDate(iso);
  const parts = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    timeZone: 'UTC',
  }).formatToParts(date ? Date.UTC(date.year, date.month - 1, date.day) : 0);
  if (date) return parts.map((p) => p.value).join('');
  const placeholder: Record<string, string> = placeholders;
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
  const { t } = useTranslation('components');
  const format = useFormat();
  const [active, setActive] = useState(false);
  if (active) return <DateFieldView {...props} autoFocus />;
  const text = restingDateText(props.value, format.locale, {
    year: t('dateField.placeholder.year'),
    month: t('dateField.placeholder.month'),
    day: t('dateField.placeholder.day'),
  });
  return (
    <div className={`field date-field ${props.className ?? ''}`}>
      <button
        type="button"
        className={`date-input date-input--resting ${props.inputClassName ?? ''}`}
        aria-label={t('dateField.resting', {
          label: props.label,
          date: props.value ? text : t('dateField.noDate'),
        })}
        data-empty={props.value ? undefined : true}
        onFocus={() => setActive(true)}
      >
        {text}
      </button>
    </div>
  );
}

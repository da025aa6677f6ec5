/**
 * A 0–100 score input (power, interest). Typing is checked as you go; the
 * score is committed on Enter or when leaving the field. Anything that is
 * not a score in range shows a message and changes nothing.
 */
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { parseScore } from '../../../../shared/stakeholders/quadrants';
import { scoreMessage } from './words';

/** Props of a score input. */
export interface ScoreInputProps {
  /** Accessible name (and visible label unless `compact`). */
  label: string;
  /** The score, or null while the stakeholder is not on the matrix (shown empty, "Not set"). */
  value: number | null;
  onCommit: (value: number) => void;
  /** Table-cell style: no visible label, the name goes to aria-label. */
  compact?: boolean;
  /** Word used in messages ("Power must be from 0 to 100."). */
  noun?: string;
  className?: string;
}

/** A validated 0–100 score field. */
export function ScoreInput({ label, value, onCommit, compact, noun, className }: ScoreInputProps) {
  const { t } = useTranslation('stakeholders');
  const id = useId();
  const shown = value === null ? '' : String(value);
  const [draft, setDraft] = useState(shown);
  const [error, setError] = useState<string | null>(null);
  // Follow outside changes (drag, undo) unless the user is mid-correction.
  const [seen, setSeen] = useState(value);
  if (seen !== value) {
    setSeen(value);
    setDraft(shown);
    setError(null);
  }
  const check = (text: string) => {
    setDraft(text);
    const parsed = parseScore(text);
    setError(
      parsed.ok || (value === null && text.trim() === '')
        ? null
        : scoreMessage(t, parsed, noun ?? label, text),
    );
  };
  const commit = () => {
    if (value === null && draft.trim() === '') return;
    const parsed = parseScore(draft);
    if (parsed.ok) {
      setError(null);
      setDraft(String(parsed.value));
      if (parsed.value !== value) onCommit(parsed.value);
    } else {
      // Leave the plan as it was and show the last good score again.
      setDraft(shown);
      setError(null);
    }
  };
  const input = (
    <input
      id={id}
      type="text"
      inputMode="numeric"
      className="sh-score-input"
      value={draft}
      placeholder={value === null ? t('score.notSet') : undefined}
      aria-label={compact ? label : undefined}
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? `${id}-error` : undefined}
      onChange={(e) => check(e.target.value)}
      onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          commit();
        } else if (e.key === 'Escape' && draft !== shown) {
          e.stopPropagation();
          setDraft(shown);
          setError(null);
        }
      }}
    />
  );
  return (
    <div className={`field sh-score ${compact ? 'sh-score--compact' : ''} ${className ?? ''}`}>
      {!compact && <label htmlFor={id}>{label}</label>}
      {input}
      {error && (
        <p className="field-error sh-score-error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}

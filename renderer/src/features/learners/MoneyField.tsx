/**
 * A money amount in the plan currency. It keeps what was typed ("17.40"
 * stays "17.40" while editing) and shows a stored amount with the currency's
 * decimals ("17.40", not "17.4"), so a figure reads back as it was entered.
 * Text that is not an amount shows a message and leaves the plan unchanged.
 */
import { memo, useId } from 'react';
import { useTranslation } from 'react-i18next';
import { moneyInputText } from '../../../../shared/learners/budget';
import { useNumberDraft } from '../../components/fields';

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
  const { t } = useTranslation('learners');
  const id = useId();
  const { value, currency, onChange } = props;
  const { draft, error, begin, change, leave } = useNumberDraft(
    value,
    { min: 0, max: props.max ?? 1e12 },
    onChange,
    {
      format: (amount) => moneyInputText(amount, currency),
      noun: 'amount',
      // The display settles on the stored amount with the currency's decimals.
      settleOnLeave: true,
    },
  );
  const onBlur = () => {
    leave();
    props.onBlur?.();
  };
  const label = currency ? t('withCurrency', { label: props.label, currency }) : props.label;
  const described = error ? `${id}-error` : props.hint ? `${id}-hint` : undefined;
  if (props.inline)
    return (
      <span className={`inline-number ${props.className ?? ''}`}>
        <input
          id={id}
          type="text"
          inputMode="decimal"
          className="inline-input num"
          aria-label={label}
          value={draft}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? `${id}-error` : undefined}
          onFocus={begin}
          onChange={(e) => change(e.target.value)}
          onBlur={onBlur}
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
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        className="num"
        value={draft}
        aria-invalid={error ? true : undefined}
        aria-describedby={described}
        onFocus={begin}
        onChange={(e) => change(e.target.value)}
        onBlur={onBlur}
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

/**
 * The value step of the roster import: the date the export describes (the
 * snapshot's date), how numeric dates read, the file's segment, cohort and
 * pathway values matched to the plan's, and which extra columns hold skill
 * scores.
 */
import { useId } from 'react';
import type {
  RosterColumnMapping,
  RosterImportChoices,
  RosterValue,
} from '../../../../shared/manage/roster-import';
import type { RosterPreviewSummary } from './roster-session';

type MapKey = 'segments' | 'cohorts' | 'pathways';

function ValueTable({
  caption,
  noun,
  values,
  options,
  choices,
  mapKey,
  disabled,
  onChange,
}: {
  caption: string;
  noun: string;
  values: readonly RosterValue[];
  options: readonly { id: string; name: string }[];
  choices: RosterImportChoices;
  mapKey: MapKey;
  disabled: boolean;
  onChange: (next: RosterImportChoices) => void;
}) {
  if (values.length === 0 || options.length === 0) return null;
  return (
    <table className="data-table compact import-values">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">In your file</th>
          <th scope="col" className="num">
            Rows
          </th>
          <th scope="col">{noun} in the plan</th>
        </tr>
      </thead>
      <tbody>
        {values.map((v) => {
          const chosen = choices[mapKey]?.[v.key];
          return (
            <tr key={v.key}>
              <th scope="row">{v.text}</th>
              <td className="num">{v.rows.toLocaleString('en-GB')}</td>
              <td>
                <select
                  aria-label={`${noun} for “${v.text}”`}
                  disabled={disabled}
                  value={chosen ?? v.suggested ?? ''}
                  onChange={(e) =>
                    onChange({
                      ...choices,
                      [mapKey]: { ...choices[mapKey], [v.key]: e.target.value },
                    })
                  }
                >
                  <option value="">No {noun.toLowerCase()}</option>
                  {options.map((o) => (
                    <option key={o.id} value={o.id}>
                      {o.name || `Unnamed ${noun.toLowerCase()}`}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

/** The roster import's value step. */
export function RosterValueStep({
  mapping,
  choices,
  summary,
  headers,
  extraColumns,
  disabled,
  onChange,
}: {
  mapping: RosterColumnMapping;
  choices: RosterImportChoices;
  summary: RosterPreviewSummary;
  headers: readonly string[];
  extraColumns: readonly number[];
  disabled: boolean;
  onChange: (next: RosterImportChoices) => void;
}) {
  const id = useId();
  const { options, values } = summary;
  const skills = new Set(summary.skillColumns);
  return (
    <fieldset className="import-values-step">
      <legend>Dates, segments and cohorts</legend>
      <label className="field" htmlFor={`${id}-date`}>
        <span>Date of the export (the snapshot’s date)</span>
        <input
          id={`${id}-date`}
          type="date"
          disabled={disabled}
          value={choices.date ?? summary.date}
          max="2200-12-31"
          onChange={(e) => {
            if (/^\d{4}-\d{2}-\d{2}$/.test(e.target.value))
              onChange({ ...choices, date: e.target.value });
          }}
        />
      </label>
      <label className="field">
        <span>Dates like 03/04/2026 are</span>
        <select
          disabled={disabled}
          value={choices.dateOrder ?? ''}
          onChange={(e) =>
            onChange({
              ...choices,
              dateOrder: e.target.value === '' ? undefined : (e.target.value as 'dmy' | 'mdy'),
            })
          }
        >
          <option value="">As the file’s dates show (else day first)</option>
          <option value="dmy">Day first (3 April 2026)</option>
          <option value="mdy">Month first (March 4, 2026)</option>
        </select>
      </label>
      {mapping.segment !== null && options.segments.length === 0 && (
        <p className="section-note">
          The plan has no learner segments yet, so learners are imported without one. Add segments
          in the Learners section to see progress by segment.
        </p>
      )}
      <ValueTable
        caption="Segment values in your file"
        noun="Segment"
        values={values.segment}
        options={options.segments}
        choices={choices}
        mapKey="segments"
        disabled={disabled}
        onChange={onChange}
      />
      {options.segments.length > 0 && (
        <label className="field">
          <span>
            {mapping.segment !== null ? 'Segment of rows without one' : 'Segment of everyone'}
          </span>
          <select
            disabled={disabled}
            value={choices.segmentForAll ?? ''}
            onChange={(e) => onChange({ ...choices, segmentForAll: e.target.value })}
          >
            <option value="">No segment</option>
            {options.segments.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name || 'Unnamed segment'}
              </option>
            ))}
          </select>
        </label>
      )}
      <ValueTable
        caption="Cohort values in your file"
        noun="Cohort"
        values={values.cohort}
        options={options.cohorts}
        choices={choices}
        mapKey="cohorts"
        disabled={disabled}
        onChange={onChange}
      />
      {options.cohorts.length > 0 ? (
        <label className="field">
          <span>
            {mapping.cohort !== null ? 'Cohort of rows without one' : 'Cohort of everyone'}
          </span>
          <select
            disabled={disabled}
            value={choices.cohortForAll ?? ''}
            onChange={(e) => onChange({ ...choices, cohortForAll: e.target.value })}
          >
            <option value="">No cohort</option>
            {options.cohorts.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name || 'Unnamed cohort'}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <p className="section-note">
          The plan has no cohorts yet, so learners are imported without one. Add cohorts under
          Reviews &amp; cohorts to compare them.
        </p>
      )}
      {summary.cohortOutsideDates.length > 0 && (
        <div
          className="import-cohort-dates"
          role="group"
          aria-label="Learners outside their cohort’s dates"
        >
          <p className="section-note">
            {summary.cohortOutsideDates
              .map(
                (c) =>
                  `${c.count === 1 ? '1 learner' : `${c.count} learners`} matched to “${c.name}” (which ${c.span}) enrolled long before it starts or after it ends.`,
              )
              .join(' ')}{' '}
            {choices.cohortOutsideDates
              ? 'They are put in it anyway.'
              : 'They are imported without a cohort until you say otherwise: often the file’s “Cohort 1” is last year’s, not the plan’s.'}
          </p>
          <label className="check">
            <input
              type="checkbox"
              disabled={disabled}
              checked={choices.cohortOutsideDates === true}
              onChange={(e) => onChange({ ...choices, cohortOutsideDates: e.target.checked })}
            />
            Put them in the matched cohort anyway
          </label>
        </div>
      )}
      <ValueTable
        caption="Pathway values in your file"
        noun="Pathway"
        values={values.pathway}
        options={options.pathways}
        choices={choices}
        mapKey="pathways"
        disabled={disabled}
        onChange={onChange}
      />
      {extraColumns.length > 0 && (
        <fieldset className="import-keep">
          <legend>Skill score columns (0–100; the heading names the skill)</legend>
          {extraColumns.map((c) => (
            <label key={c} className="check">
              <input
                type="checkbox"
                disabled={disabled}
                checked={skills.has(c)}
                onChange={(e) => {
                  const next = new Set(skills);
                  if (e.target.checked) next.add(c);
                  else next.delete(c);
                  onChange({ ...choices, skillColumns: [...next].sort((a, b) => a - b) });
                }}
              />
              {headers[c] || `Column ${c + 1}`}
            </label>
          ))}
        </fieldset>
      )}
    </fieldset>
  );
}

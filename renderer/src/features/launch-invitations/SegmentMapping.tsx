/**
 * The value step of the invitation list import: each distinct value of the
 * file's segment column matched to a plan segment (suggested from the
 * names, changeable), and the segment of rows without one.
 */
import type {
  InvitationImportChoices,
  SegmentOption,
  SegmentValue,
} from '../../../../shared/launch/invitation-list';

/** Matches the file's segment values to the plan's segments. */
export function SegmentMapping({
  hasColumn,
  choices,
  values,
  segments,
  disabled,
  onChange,
}: {
  hasColumn: boolean;
  choices: InvitationImportChoices;
  values: readonly SegmentValue[];
  segments: readonly SegmentOption[];
  disabled: boolean;
  onChange: (next: InvitationImportChoices) => void;
}) {
  if (segments.length === 0)
    return (
      <p className="section-note">
        The plan has no learner segments yet, so people are imported without one. Add segments in
        the Learners section to split invitations by segment.
      </p>
    );
  const options = (
    <>
      <option value="">No segment</option>
      {segments.map((s) => (
        <option key={s.id} value={s.id}>
          {s.name || 'Unnamed segment'}
        </option>
      ))}
    </>
  );
  return (
    <fieldset className="import-values-step">
      <legend>Match segments</legend>
      {hasColumn && values.length > 0 && (
        <table className="data-table compact import-values">
          <caption>Segment values in your file</caption>
          <thead>
            <tr>
              <th scope="col">In your file</th>
              <th scope="col" className="num">
                Rows
              </th>
              <th scope="col">Segment in the plan</th>
            </tr>
          </thead>
          <tbody>
            {values.map((v) => {
              const chosen = choices.segments?.[v.key];
              return (
                <tr key={v.key}>
                  <th scope="row">{v.text}</th>
                  <td className="num">{v.rows.toLocaleString('en-GB')}</td>
                  <td>
                    <select
                      aria-label={`Segment for “${v.text}”`}
                      disabled={disabled}
                      value={chosen ?? v.suggested ?? ''}
                      onChange={(e) =>
                        onChange({
                          ...choices,
                          segments: { ...choices.segments, [v.key]: e.target.value },
                        })
                      }
                    >
                      {options}
                    </select>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <label className="field">
        <span>{hasColumn ? 'Segment of rows without one' : 'Segment of everyone in the file'}</span>
        <select
          disabled={disabled}
          value={choices.segmentForAll ?? ''}
          onChange={(e) => onChange({ ...choices, segmentForAll: e.target.value })}
        >
          {options}
        </select>
      </label>
    </fieldset>
  );
}

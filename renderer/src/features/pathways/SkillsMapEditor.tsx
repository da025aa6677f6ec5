/**
 * A simple skills map: skills down the side, roles or people across, with
 * the required and current proficiency (0–5) in each cell, how each role's or
 * person's levels were found (assessed or self-reported) and when they were
 * refreshed, the gaps listed largest first, and the critical capabilities
 * business initiatives need. Pathways take their required skills from here.
 */
import { useEffect, useRef } from 'react';
import {
  blankCapability,
  criticalCapabilities,
  mapSkills,
  setCapabilitySkill,
  setHolderAssessment,
  setProficiency,
  skillHolders,
  type AssessmentSource,
  type ProficiencyKind,
} from '../../../../shared/commands/pathways';
import type { Plan } from '../../../../shared/plan/schema';
import { DateField, SelectField, TextField } from '../../components/fields';
import { skillGaps } from '../../../../shared/content/pathways';
import { newId } from '../../../../shared/plan/create';
import { useDispatch, usePlan, useSealHistory } from '../../store/plan-context';
import { InlineSelect, InlineText } from '../content/inline';

type Capability = Plan['skillsMap']['capabilities'][number];
type GapDecision = NonNullable<Capability['gapDecision']>;

const SOURCE_OPTIONS: readonly { value: AssessmentSource | ''; label: string }[] = [
  { value: '', label: 'No levels yet' },
  { value: 'assessed', label: 'Assessed' },
  { value: 'selfReported', label: 'Self-reported' },
];

const GAP_DECISIONS: readonly { value: GapDecision | ''; label: string }[] = [
  { value: '', label: 'Not decided' },
  { value: 'developInternally', label: 'Develop internally' },
  { value: 'hire', label: 'Hire' },
  { value: 'contract', label: 'Contract' },
  { value: 'redesignWork', label: 'Redesign the work' },
];

const LEVEL_OPTIONS = [
  { value: '', label: '—' },
  ...[0, 1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) })),
];

/** The skills map card. */
export function SkillsMapEditor() {
  const map = usePlan((p) => p.skillsMap);
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const gaps = skillGaps(map);
  // Gaps need something to compare: at least one required level.
  const comparable = map.assessments.some((a) => a.required !== null);
  const cell = new Map(map.assessments.map((a) => [`${a.holderId}|${a.skillId}`, a]));

  const setLevel = (holderId: string, skillId: string, which: ProficiencyKind, v: string) =>
    dispatch(setProficiency({ holderId, skillId, which, level: v === '' ? null : Number(v) }));

  return (
    <section className="card" aria-labelledby="skills-map-heading">
      <div className="card-title-row">
        <h2 id="skills-map-heading">Skills map</h2>
        <div className="toolbar">
          <button
            type="button"
            onClick={() =>
              dispatch(mapSkills.add({ item: { id: newId('skill'), name: 'New skill' } }))
            }
          >
            Add skill
          </button>
          <button
            type="button"
            onClick={() =>
              dispatch(
                skillHolders.add({
                  item: { id: newId('role'), name: 'New role', kind: 'role', roleId: null },
                }),
              )
            }
          >
            Add role
          </button>
          <button
            type="button"
            onClick={() =>
              dispatch(
                skillHolders.add({
                  item: { id: newId('person'), name: 'New person', kind: 'person', roleId: null },
                }),
              )
            }
          >
            Add person
          </button>
        </div>
      </div>
      <p className="section-note">
        Proficiency from 0 (none) to 5 (expert): the level a role or person needs, and the level
        they have now. Cells where the current level is below the required one are gaps.
      </p>
      {map.holders.length === 0 || map.skills.length === 0 ? (
        <p className="empty-note">Add at least one skill and one role or person.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table skills-matrix">
            <caption className="visually-hidden">
              Required and current proficiency by skill and role
            </caption>
            <thead>
              <tr>
                <th scope="col" rowSpan={2}>
                  Skill
                </th>
                {map.holders.map((h, i) => (
                  <th scope="colgroup" colSpan={2} key={h.id} className="holder-head">
                    <InlineText
                      label={`Name of ${h.kind} ${i + 1}`}
                      value={h.name}
                      onChange={(name) =>
                        dispatch(skillHolders.update({ id: h.id, patch: { name } }))
                      }
                      onBlur={seal}
                    />
                    <span className="holder-kind">
                      {h.kind === 'role' ? 'Role' : 'Person'}
                      <button
                        type="button"
                        className="icon-button subtle"
                        aria-label={`Remove ${h.name || 'holder'} from the skills map`}
                        onClick={() => dispatch(skillHolders.remove({ ids: [h.id] }))}
                      >
                        ×
                      </button>
                    </span>
                  </th>
                ))}
              </tr>
              <tr>
                {map.holders.map((h) => [
                  <th scope="col" key={`${h.id}-r`} className="num sub-head">
                    Required
                  </th>,
                  <th scope="col" key={`${h.id}-c`} className="num sub-head">
                    Current
                  </th>,
                ])}
              </tr>
            </thead>
            <tbody>
              {map.skills.map((s, si) => (
                <tr key={s.id}>
                  <th scope="row" className="skill-head">
                    <InlineText
                      label={`Skill ${si + 1} name`}
                      value={s.name}
                      onChange={(name) => dispatch(mapSkills.update({ id: s.id, patch: { name } }))}
                      onBlur={seal}
                    />
                    <button
                      type="button"
                      className="icon-button subtle"
                      aria-label={`Remove skill ${s.name}`}
                      onClick={() => dispatch(mapSkills.remove({ ids: [s.id] }))}
                    >
                      ×
                    </button>
                  </th>
                  {map.holders.map((h) => {
                    const a = cell.get(`${h.id}|${s.id}`);
                    const gap =
                      a?.required != null && a.required > (a.current ?? 0)
                        ? a.required - (a.current ?? 0)
                        : 0;
                    return [
                      <td key={`${h.id}-r`} className={`num level-cell ${gap ? 'gap' : ''}`}>
                        <InlineSelect
                          label={`Required ${s.name} for ${h.name}`}
                          value={a?.required == null ? '' : String(a.required)}
                          options={LEVEL_OPTIONS}
                          onChange={(v) => setLevel(h.id, s.id, 'required', v)}
                          className="level-select"
                        />
                      </td>,
                      <td key={`${h.id}-c`} className={`num level-cell ${gap ? 'gap' : ''}`}>
                        <InlineSelect
                          label={`Current ${s.name} for ${h.name}`}
                          value={a?.current == null ? '' : String(a.current)}
                          options={LEVEL_OPTIONS}
                          onChange={(v) => setLevel(h.id, s.id, 'current', v)}
                          className="level-select"
                        />
                      </td>,
                    ];
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {map.holders.length > 0 && <AssessmentSources />}
      <h3 className="gaps-heading">Gaps</h3>
      {!comparable ? (
        <p className="section-note">
          Nothing to compare yet: set the level a role or person needs and the level they have now
          to see the gaps.
        </p>
      ) : gaps.length === 0 ? (
        <p className="section-note">No gaps: every current level meets the required one.</p>
      ) : (
        <table className="data-table compact gaps-table">
          <caption className="visually-hidden">Skill gaps, largest first</caption>
          <thead>
            <tr>
              <th scope="col">Role or person</th>
              <th scope="col">Skill</th>
              <th scope="col" className="num">
                Required
              </th>
              <th scope="col" className="num">
                Current
              </th>
              <th scope="col" className="num">
                Gap
              </th>
            </tr>
          </thead>
          <tbody>
            {gaps.map((g) => (
              <tr key={`${g.holderId}|${g.skillId}`}>
                <td>{g.holderName}</td>
                <td>{g.skillName}</td>
                <td className="num">{g.required}</td>
                <td className="num">{g.current}</td>
                <td className="num strong">{g.gap}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <CriticalCapabilities />
    </section>
  );
}

/** How each role's or person's current levels were found, and when they were refreshed. */
function AssessmentSources() {
  const map = usePlan((p) => p.skillsMap);
  const dispatch = useDispatch();
  return (
    <>
      <h3 className="gaps-heading">How the levels were found</h3>
      <table className="data-table compact assessment-sources">
        <caption className="visually-hidden">
          How current levels were found and when they were refreshed, by role or person
        </caption>
        <thead>
          <tr>
            <th scope="col">Role or person</th>
            <th scope="col">Levels</th>
            <th scope="col">Refreshed on</th>
          </tr>
        </thead>
        <tbody>
          {map.holders.map((h) => {
            const cells = map.assessments.filter((a) => a.holderId === h.id);
            const name = h.name.trim() || (h.kind === 'role' ? 'Untitled role' : 'Untitled person');
            const sources = new Set(cells.map((c) => c.source));
            const dates = new Set(cells.map((c) => c.refreshedAt));
            const source = cells.length === 0 ? '' : sources.size === 1 ? cells[0]!.source : '';
            const refreshed = dates.size === 1 ? (cells[0]?.refreshedAt ?? null) : null;
            return (
              <tr key={h.id}>
                <th scope="row">{name}</th>
                <td>
                  {cells.length === 0 ? (
                    <span className="section-note">No levels yet</span>
                  ) : (
                    <SelectField<AssessmentSource | ''>
                      label={`How the levels of ${name} were found`}
                      className="compact-field"
                      value={source}
                      options={
                        sources.size > 1
                          ? [{ value: '', label: 'Mixed' }, ...SOURCE_OPTIONS.slice(1)]
                          : SOURCE_OPTIONS.slice(1)
                      }
                      onChange={(v) => {
                        if (v !== '')
                          dispatch(setHolderAssessment({ holderId: h.id, patch: { source: v } }));
                      }}
                    />
                  )}
                </td>
                <td>
                  {cells.length > 0 && (
                    <DateField
                      label={`Levels of ${name} refreshed on`}
                      className="compact-field"
                      value={refreshed}
                      onChange={(refreshedAt) =>
                        dispatch(setHolderAssessment({ holderId: h.id, patch: { refreshedAt } }))
                      }
                    />
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

/** Critical capabilities: what a business initiative needs, the gap decision and the milestone. */
function CriticalCapabilities() {
  const map = usePlan((p) => p.skillsMap);
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const listRef = useRef<HTMLDivElement>(null);
  // After "Add critical capability", focus moves to the new entry's first field.
  const added = useRef<string | null>(null);
  useEffect(() => {
    if (!added.current) return;
    const field = listRef.current?.querySelector<HTMLElement>(
      `[data-capability="${CSS.escape(added.current)}"] input`,
    );
    if (!field) return;
    field.focus();
    added.current = null;
  });
  return (
    <div ref={listRef}>
      <div className="card-title-row">
        <h3 className="gaps-heading">Critical capabilities</h3>
        <button
          type="button"
          onClick={() => {
            const item = blankCapability(newId('capability'));
            if (dispatch(criticalCapabilities.add({ item })).ok) added.current = item.id;
          }}
        >
          Add critical capability
        </button>
      </div>
      {map.capabilities.length === 0 ? (
        <p className="section-note">
          No critical capabilities yet: name a business initiative, the skills it needs, and whether
          to develop, hire, contract or redesign the work to close the gap.
        </p>
      ) : (
        map.capabilities.map((c, index) => {
          const name = c.initiative.trim() || `Critical capability ${index + 1}`;
          const update =
            <K extends keyof Capability>(field: K) =>
            (value: Capability[K]) =>
              dispatch(criticalCapabilities.update({ id: c.id, patch: { [field]: value } }));
          return (
            <fieldset key={c.id} className="capability" data-capability={c.id}>
              <legend>{name}</legend>
              <div className="grid grid-2">
                <TextField
                  label="Business initiative"
                  value={c.initiative}
                  onChange={update('initiative')}
                  onBlur={seal}
                  placeholder="e.g. Move customer service to the new CRM"
                />
                <SelectField<GapDecision | ''>
                  label="Gap decision"
                  value={c.gapDecision ?? ''}
                  options={GAP_DECISIONS}
                  onChange={(v) => update('gapDecision')(v === '' ? null : v)}
                />
                <TextField
                  label="Milestone"
                  value={c.milestone}
                  onChange={update('milestone')}
                  onBlur={seal}
                  placeholder="e.g. 80% of agents certified"
                />
                <DateField
                  label="Milestone date"
                  value={c.milestoneDate}
                  onChange={update('milestoneDate')}
                />
              </div>
              <fieldset className="checkbox-group">
                <legend>Skills it needs</legend>
                {map.skills.length === 0 ? (
                  <p className="section-note">Add skills to the map first.</p>
                ) : (
                  map.skills.map((skill) => (
                    <label key={skill.id} className="check">
                      <input
                        type="checkbox"
                        checked={c.skillIds.includes(skill.id)}
                        onChange={(e) =>
                          dispatch(
                            setCapabilitySkill({
                              capabilityId: c.id,
                              skillId: skill.id,
                              needed: e.target.checked,
                            }),
                          )
                        }
                      />
                      {skill.name.trim() || 'Untitled skill'}
                    </label>
                  ))
                )}
              </fieldset>
              <button
                type="button"
                className="subtle danger-text"
                aria-label={`Remove ${name}`}
                onClick={() => dispatch(criticalCapabilities.remove({ ids: [c.id] }))}
              >
                Remove
              </button>
            </fieldset>
          );
        })
      )}
    </div>
  );
}

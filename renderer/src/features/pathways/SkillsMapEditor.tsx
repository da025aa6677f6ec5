/**
 * A simple skills map: skills down the side, roles or people across, with
 * the required and current proficiency (0–5) in each cell, and the gaps
 * listed largest first. Pathways take their required skills from here.
 */
import {
  mapSkills,
  setProficiency,
  skillHolders,
  type ProficiencyKind,
} from '../../../../shared/commands/pathways';
import { skillGaps } from '../../../../shared/content/pathways';
import { newId } from '../../../../shared/plan/create';
import { useDispatch, usePlan, useSealHistory } from '../../store/plan-context';
import { InlineSelect, InlineText } from '../content/inline';

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
                skillHolders.add({ item: { id: newId('role'), name: 'New role', kind: 'role' } }),
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
                  item: { id: newId('person'), name: 'New person', kind: 'person' },
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
      <h3 className="gaps-heading">Gaps</h3>
      {gaps.length === 0 ? (
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
    </section>
  );
}

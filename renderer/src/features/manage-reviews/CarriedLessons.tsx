/**
 * The lessons carried from the reviews into this version of the plan
 * (Iterate → "Start next cohort"), as a checklist at the top of the
 * Objective, where planners start: each one ticked off with the keyboard
 * (Space on its checkbox), with a link to the section to act in. Shows
 * nothing when no lesson was carried.
 */
import { carriedActions } from '../../../../shared/commands/reviews';
import { PLAN_SECTIONS, type SectionId } from '../../app/routes';
import { goToSection, notify } from '../../app/workbench';
import { useDispatch, usePlan } from '../../store/plan-context';
import './reviews.css';

const sectionLabel = (id: string) => PLAN_SECTIONS.find((s) => s.id === id)?.label ?? null;

/** The checklist of carried lessons. */
export function CarriedLessons() {
  const lessons = usePlan((p) => p.manage.iteration.carriedActions);
  const version = usePlan((p) => p.manage.iteration.versionNumber);
  const dispatch = useDispatch();
  if (lessons.length === 0) return null;
  const open = lessons.filter((a) => !a.done).length;
  return (
    <section className="card carried-lessons" aria-labelledby="carried-heading">
      <h2 id="carried-heading">Lessons to act on</h2>
      <p className="section-note" role="status">
        Carried from the reviews into version {version}: {open} of {lessons.length} still to do.
      </p>
      <ul className="carried-list">
        {lessons.map((lesson) => {
          const text = lesson.text.trim() || 'Untitled lesson';
          const where = sectionLabel(lesson.section);
          return (
            <li
              key={lesson.id}
              className={`carried-item${lesson.done ? ' is-done' : ''}`}
              data-focus-id={lesson.id}
            >
              <label>
                <input
                  type="checkbox"
                  checked={lesson.done}
                  onChange={(e) => {
                    const result = dispatch(
                      carriedActions.update({ id: lesson.id, patch: { done: e.target.checked } }),
                    );
                    if (!result.ok) notify(result.reason);
                  }}
                />
                <span>{text}</span>
              </label>
              {where && (
                <button
                  type="button"
                  className="link-button"
                  aria-label={`Act in ${where}: ${text}`}
                  onClick={() => goToSection(lesson.section as SectionId)}
                >
                  Act in {where}
                </button>
              )}
            </li>
          );
        })}
      </ul>
    </section>
  );
}

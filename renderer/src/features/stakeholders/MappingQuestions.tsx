/**
 * The planning questions asked when mapping stakeholders, answered per plan:
 * whose buy-in is key, which jobs employers need now and soon, the skills in
 * demand, jobs and pathways over five years, and fit with labour-market
 * priorities.
 */
import { useMemo } from 'react';
import { answerQuestion, type MappingQuestion } from '../../../../shared/commands/stakeholders';
import { placedQuadrant } from '../../../../shared/stakeholders/register';
import { TextAreaField } from '../../components/fields';
import { useDispatch, usePlan, useSealHistory } from '../../store/plan-context';

const QUESTIONS: readonly { key: MappingQuestion; label: string; hint: string }[] = [
  {
    key: 'keyBuyIn',
    label: 'Whose buy-in is key?',
    hint: 'Funders, policy makers, employers and delivery partners without whom the program stalls.',
  },
  {
    key: 'jobsNeededNow',
    label: 'Which jobs do employers need to fill now?',
    hint: 'Roles and numbers of open vacancies, and how long they have been open.',
  },
  {
    key: 'jobsNeededSoon',
    label: 'Which jobs will they need to fill soon?',
    hint: 'Expansions, new sites and technology changes in the next one to two years.',
  },
  {
    key: 'inDemandSkillsNow',
    label: 'Which skills are most in demand now?',
    hint: 'Technical and transferable skills employers ask for in job ads and interviews.',
  },
  {
    key: 'jobsAndPathwaysFiveYears',
    label: 'Which jobs and pathways will be in demand over the next five years?',
    hint: 'Entry roles and the progression routes from them.',
  },
  {
    key: 'labourMarketPriorities',
    label: 'How does the program fit national and regional labour-market priorities?',
    hint: 'Strategies, targets and commitments the program contributes to.',
  },
];

/** The mapping questions tab. */
export function MappingQuestions() {
  const questions = usePlan((p) => p.stakeholders.questions);
  const entries = usePlan((p) => p.stakeholders.entries);
  const dispatch = useDispatch();
  const seal = useSealHistory();
  const manageClosely = useMemo(
    () =>
      entries.filter((e) => placedQuadrant(e) === 'manageClosely').map((e) => e.name || 'Unnamed'),
    [entries],
  );
  return (
    <section className="card sh-questions" aria-labelledby="sh-questions-heading">
      <h2 id="sh-questions-heading">Mapping questions</h2>
      <p className="section-note">
        Answer these with employers and partners; revisit them at each industry checkpoint.
      </p>
      <div className="grid grid-2">
        {QUESTIONS.map((q) => (
          <div key={q.key} className="sh-question">
            <TextAreaField
              label={q.label}
              hint={q.hint}
              value={questions[q.key]}
              rows={4}
              onChange={(answer) => dispatch(answerQuestion({ question: q.key, answer }))}
              onBlur={seal}
            />
            {q.key === 'keyBuyIn' && manageClosely.length > 0 && (
              <p className="sh-question-aid">
                In “Manage closely” on the matrix now: {manageClosely.join(', ')}.
              </p>
            )}
          </div>
        ))}
      </div>
    </section>
  );
}

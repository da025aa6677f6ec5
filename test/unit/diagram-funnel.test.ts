/**
 * Issue 13: the learner-journey funnel figure. Four bands narrowing down,
 * each with its stage's touchpoints and content for everyone and for the
 * segments that have rows of their own; it prints whole on an A4 portrait
 * page with every text at 8 pt or more.
 */
import { describe, expect, it } from 'vitest';
import { runCommand } from '../../shared/commands/command';
import { setFunnelCell } from '../../shared/commands/marketing';
import { funnelScene } from '../../shared/export/diagrams/funnel';
import { sceneToSvg, type TextShape } from '../../shared/export/diagrams/scene';
import { MIN_PRINTED_TEXT_PT, printDiagram } from '../../shared/export/diagrams/tiles';
import type { Plan } from '../../shared/plan/schema';
import { samplePlan } from './export-helpers';

// A4 portrait text area less the caption's room, in the diagram's units (docx.ts figureArea).
const A4_PORTRAIT = { width: (11906 - 2 * 1134) / 15, height: (16838 - 2 * 1134 - 800) / 15 };

const texts = (plan: Plan) =>
  funnelScene(plan).shapes.filter((s): s is TextShape => s.type === 'text');

describe('funnel figure', () => {
  it('draws the four stages narrowing down, with the sample’s touchpoints', () => {
    const plan = samplePlan();
    const scene = funnelScene(plan);
    const bands = scene.shapes.filter((s) => s.type === 'rect');
    expect(bands).toHaveLength(4);
    const widths = bands.map((b) => (b.type === 'rect' ? b.width : 0));
    expect([...widths].sort((a, b) => b - a)).toEqual(widths);
    const words = texts(plan).map((t) => t.text);
    expect(words).toEqual(expect.arrayContaining(['Awareness', 'Consideration', 'Conversion']));
    expect(words.join(' ')).toContain('Youth centre staff');
    expect(sceneToSvg(scene)).toContain('<svg');
    expect(scene.alt).toMatch(/^Learner journey funnel/);
  });

  it('prints whole on A4 portrait with text of 8 pt or more', () => {
    const printed = printDiagram(funnelScene(samplePlan()), A4_PORTRAIT);
    expect(printed.tiles).toHaveLength(1);
    expect(printed.smallestTextPt).toBeGreaterThanOrEqual(MIN_PRINTED_TEXT_PT);
  });

  it('adds a segment’s own rows under the stage, and says when nothing is planned', () => {
    const plan = samplePlan();
    const name = plan.learners.find((s) => s.id === 'seg-parents')!.name;
    const outcome = runCommand(
      plan,
      setFunnelCell({
        stage: 'awareness',
        segmentId: 'seg-parents',
        field: 'touchpoints',
        text: 'Nursery notice boards',
      }),
    );
    if (!outcome.ok) throw new Error(outcome.reason);
    const words = texts(outcome.plan).map((t) => t.text);
    expect(words).toContain(name);
    expect(words.join(' ')).toContain('Nursery notice boards');
    expect(funnelScene(outcome.plan).alt).toContain(name);
    const empty = {
      ...plan,
      launch: { ...plan.launch, marketing: { ...plan.launch.marketing, funnel: [] } },
    };
    expect(texts(empty).filter((t) => t.text === 'Nothing planned for everyone yet.')).toHaveLength(
      4,
    );
  });
});

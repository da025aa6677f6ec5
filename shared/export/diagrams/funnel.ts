/**
 * The learner journey as a funnel: one band per stage (awareness,
 * consideration, conversion, loyalty and advocacy), narrowing downwards,
 * with the stage's touchpoints and content for everyone beside it and, under
 * them, what differs for each segment that has rows of its own. Sized so
 * the text prints at 8 pt or more on an A4 portrait page (611 units wide).
 */
import { FUNNEL_STAGES, funnelRow, funnelSegments } from '../../launch/marketing';
import type { Plan } from '../../plan/schema';
import { GREYS, wrapText, type DiagramScene, type Shape } from './scene';
import { englishLocale, type DocLocale } from '../locale';

const WIDTH = 600;
const PAD = 10;
const BAND = 190;
const NARROW = 34;
const GAP = 14;
const SIZE = 11;
const LINE = 14;
const FILLS = [GREYS.fillDark, GREYS.fill, GREYS.fillLight, GREYS.white];

/** The funnel diagram of a plan's learner journey, its words in the language of `loc`. */
export function funnelScene(
  plan: Pick<Plan, 'learners' | 'launch'>,
  loc: DocLocale = englishLocale(),
): DiagramScene {
  const d = loc.d;
  const funnel = plan.launch.marketing.funnel;
  const segments = funnelSegments(plan);
  const textX = PAD + BAND + GAP;
  const textW = WIDTH - textX - PAD;
  const shapes: Shape[] = [];
  let y = PAD;
  FUNNEL_STAGES.forEach(({ stage }, index) => {
    const label = d(`marketing.funnelStage.${stage}`);
    const texts: Shape[] = [];
    let ty = y + 16;
    const line = (text: string, opts: { bold?: boolean; italic?: boolean; fill?: string } = {}) => {
      texts.push({
        type: 'text',
        x: textX,
        y: ty,
        lineWidth: textW,
        text,
        size: SIZE,
        fill: opts.fill ?? GREYS.ink,
        ...(opts.bold ? { bold: true } : {}),
        ...(opts.italic ? { italic: true } : {}),
      });
      ty += LINE;
    };
    const para = (title: string, body: string, maxLines: number) => {
      if (!body.trim()) return;
      line(title, { bold: true });
      for (const t of wrapText(body, textW, SIZE, maxLines)) line(t);
    };
    const everyone = funnelRow(funnel, stage, null);
    if (everyone && (everyone.touchpoints.trim() || everyone.content.trim())) {
      para(d('marketing.touchpoints'), everyone.touchpoints, 5);
      para(d('col.content'), everyone.content, 5);
    } else line(d('diagrams.nothingForEveryone'), { italic: true, fill: GREYS.muted });
    for (const segment of segments) {
      const row = funnelRow(funnel, stage, segment.id);
      if (!row) continue;
      ty += 4;
      line(segment.name.trim() || d('marketing.untitledSegment'), { bold: true });
      const body = [
        row.touchpoints.trim() &&
          d('common.labelled', { label: d('marketing.touchpoints'), text: row.touchpoints.trim() }),
        row.content.trim() &&
          d('common.labelled', { label: d('col.content'), text: row.content.trim() }),
      ]
        .filter(Boolean)
        .join(' ');
      for (const t of wrapText(body, textW, SIZE, 3)) line(t);
    }
    const height = Math.max(56, ty - y - 4);
    const width = BAND - index * NARROW;
    const x = PAD + (BAND - width) / 2;
    shapes.push({
      type: 'rect',
      x,
      y,
      width,
      height,
      radius: 4,
      fill: FILLS[index]!,
      stroke: GREYS.ink,
      strokeWidth: 1.2,
    });
    const labelLines = wrapText(label, width - 12, 12, 3, true);
    labelLines.forEach((t, i) =>
      shapes.push({
        type: 'text',
        x: PAD + BAND / 2,
        y: y + height / 2 + 4 + (i - (labelLines.length - 1) / 2) * 15,
        text: t,
        size: 12,
        bold: true,
        anchor: 'middle',
        fill: GREYS.ink,
      }),
    );
    shapes.push(...texts);
    y += height + GAP;
    if (index < FUNNEL_STAGES.length - 1)
      shapes.push({
        type: 'line',
        x1: PAD + BAND / 2,
        y1: y - GAP + 1,
        x2: PAD + BAND / 2,
        y2: y - 1,
        stroke: GREYS.line,
        strokeWidth: 1.2,
        arrow: true,
      });
  });
  const names = segments.map((s) => s.name.trim() || d('marketing.untitledSegment'));
  return {
    width: WIDTH,
    height: y - GAP + PAD,
    shapes,
    alt: names.length
      ? d('diagrams.funnelAltSegments', { segments: names.join(d('punctuation.comma')) })
      : d('diagrams.funnelAlt'),
  };
}

/**
 * A diagram scene (shared/export/diagrams) drawn as SVG on screen: the same
 * shapes the Word export prints, as React elements (no markup strings).
 */
import {
  DIAGRAM_FONT,
  arrowHead,
  textPlacement,
  type DiagramScene,
} from '../../../../shared/export/diagrams/scene';

/** The scene as an SVG image named by its alt text. */
export function SceneSvg({ scene, className }: { scene: DiagramScene; className?: string }) {
  return (
    <svg
      className={className}
      viewBox={`0 0 ${scene.width} ${scene.height}`}
      width={scene.width}
      height={scene.height}
      role="img"
      aria-label={scene.alt}
      fontFamily={DIAGRAM_FONT}
    >
      {scene.shapes.map((s, i) => {
        switch (s.type) {
          case 'rect':
            return (
              <rect
                key={i}
                x={s.x}
                y={s.y}
                width={s.width}
                height={s.height}
                rx={s.radius}
                fill={s.fill}
                stroke={s.stroke}
                strokeWidth={s.strokeWidth}
                strokeDasharray={s.dash?.length ? s.dash.join(' ') : undefined}
              />
            );
          case 'line':
            return (
              <g key={i}>
                <line
                  x1={s.x1}
                  y1={s.y1}
                  x2={s.x2}
                  y2={s.y2}
                  stroke={s.stroke}
                  strokeWidth={s.strokeWidth}
                  strokeDasharray={s.dash?.length ? s.dash.join(' ') : undefined}
                />
                {s.arrow && (
                  <polygon
                    points={arrowHead(s)
                      .map(([x, y]) => `${x},${y}`)
                      .join(' ')}
                    fill={s.stroke}
                  />
                )}
              </g>
            );
          case 'circle':
            return (
              <circle
                key={i}
                cx={s.cx}
                cy={s.cy}
                r={s.r}
                fill={s.fill}
                stroke={s.stroke}
                strokeWidth={s.strokeWidth}
              />
            );
          case 'text': {
            const { x, anchor } = textPlacement(s);
            return (
              <text
                key={i}
                x={x}
                y={s.y}
                fontSize={s.size}
                fontWeight={s.bold ? 700 : undefined}
                fontStyle={s.italic ? 'italic' : undefined}
                textAnchor={anchor}
                fill={s.fill}
              >
                {s.text}
              </text>
            );
          }
        }
      })}
    </svg>
  );
}

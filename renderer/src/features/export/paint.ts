/**
 * Paints a diagram scene on an OffscreenCanvas and returns PNG bytes: the
 * browser worker's rasteriser. (resvg's WebAssembly rasteriser is used in
 * Node; the app's Content-Security-Policy rightly forbids compiling
 * WebAssembly in the renderer, and canvas needs no extra download.)
 */
import {
  arrowHead,
  DIAGRAM_FONT,
  type DiagramScene,
  textPlacement,
  type Shape,
} from '../../../../shared/export/diagrams/scene';
import type { Rasterize } from '../../../../shared/export/options';

function paintShape(ctx: OffscreenCanvasRenderingContext2D, s: Shape): void {
  ctx.setLineDash('dash' in s && s.dash ? [...s.dash] : []);
  switch (s.type) {
    case 'rect':
      ctx.beginPath();
      if (s.radius) ctx.roundRect(s.x, s.y, s.width, s.height, s.radius);
      else ctx.rect(s.x, s.y, s.width, s.height);
      ctx.fillStyle = s.fill;
      ctx.fill();
      if (s.stroke) {
        ctx.lineWidth = s.strokeWidth ?? 1;
        ctx.strokeStyle = s.stroke;
        ctx.stroke();
      }
      break;
    case 'line': {
      ctx.beginPath();
      ctx.moveTo(s.x1, s.y1);
      ctx.lineTo(s.x2, s.y2);
      ctx.lineWidth = s.strokeWidth;
      ctx.strokeStyle = s.stroke;
      ctx.stroke();
      if (s.arrow) {
        ctx.setLineDash([]);
        const [a, b, c] = arrowHead(s);
        ctx.beginPath();
        ctx.moveTo(a![0], a![1]);
        ctx.lineTo(b![0], b![1]);
        ctx.lineTo(c![0], c![1]);
        ctx.closePath();
        ctx.fillStyle = s.stroke;
        ctx.fill();
      }
      break;
    }
    case 'circle':
      ctx.beginPath();
      ctx.arc(s.cx, s.cy, s.r, 0, Math.PI * 2);
      ctx.fillStyle = s.fill;
      ctx.fill();
      if (s.stroke) {
        ctx.lineWidth = s.strokeWidth ?? 1;
        ctx.strokeStyle = s.stroke;
        ctx.stroke();
      }
      break;
    case 'text': {
      const { x, anchor } = textPlacement(s);
      ctx.font = `${s.italic ? 'italic ' : ''}${s.bold ? 700 : 400} ${s.size}px ${DIAGRAM_FONT}`;
      ctx.textAlign = anchor === 'middle' ? 'center' : anchor === 'end' ? 'right' : 'left';
      ctx.textBaseline = 'alphabetic';
      ctx.fillStyle = s.fill;
      ctx.fillText(s.text, x, s.y);
      break;
    }
  }
}

/** A rasteriser painting on OffscreenCanvas (workers and pages in Chromium). */
export const canvasRasterize: Rasterize = async (scene: DiagramScene, pixelWidth: number) => {
  const scale = pixelWidth / scene.width;
  const canvas = new OffscreenCanvas(
    Math.round(pixelWidth),
    Math.max(1, Math.round(scene.height * scale)),
  );
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw diagrams off screen.');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, canvas.width, canvas.height);
  ctx.scale(scale, scale);
  ctx.lineJoin = 'round';
  for (const shape of scene.shapes) paintShape(ctx, shape);
  const blob = await canvas.convertToBlob({ type: 'image/png' });
  return new Uint8Array(await blob.arrayBuffer());
};

/**
 * Diagrams rasterised in Node draw scripts Inter lacks with the computer's
 * own fonts instead of empty boxes (issue 12: Arabic, Chinese and emoji
 * names turned into boxes in the Word figures).
 */
import { existsSync, readFileSync } from 'node:fs';
import { Resvg } from '@resvg/resvg-wasm';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { createNodeRasterizer, nodeModuleAssets } from '../../electron/export-node';
import { chooseFallbackFiles, scriptsNeeding } from '../../electron/fallback-fonts';
import {
  isRightToLeft,
  sceneToSvg,
  textPlacement,
  type DiagramScene,
} from '../../shared/export/diagrams/scene';
import { tocScene } from '../../shared/export/diagrams/toc';
import { buildPlanDocx } from '../../shared/export/docx';
import { exportOptions, samplePlan } from './export-helpers';

const scene = (text: string): DiagramScene => ({
  width: 400,
  height: 60,
  alt: 'A name',
  shapes: [{ type: 'text', x: 10, y: 40, text, size: 20, fill: '#000000' }],
});

describe('fallback fonts for diagrams', () => {
  it('knows which scripts need a font other than Inter', () => {
    expect(scriptsNeeding('Youth Council — Jugendrat, Молодёжный совет, Συμβούλιο')).toEqual([]);
    expect(scriptsNeeding('مجلس الشباب')).toEqual(['Arabic']);
    expect(scriptsNeeding('青年理事会 and 청년')).toEqual(['Han']);
    expect(scriptsNeeding('מועצה 😀')).toEqual(['Hebrew', 'Symbols']);
  });

  it('picks the best installed file per script, on Linux, Windows and macOS names', () => {
    const linux = chooseFallbackFiles(
      ['Arabic', 'Han'],
      [
        '/usr/share/fonts/truetype/noto/NotoKufiArabic-Regular.ttf',
        '/usr/share/fonts/truetype/noto/NotoNaskhArabic-Regular.ttf',
        '/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf',
        '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
      ],
    );
    expect([...linux.values()]).toEqual([
      '/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf',
      '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
    ]);
    const windows = chooseFallbackFiles(
      ['Arabic', 'Han', 'Thai'],
      ['C:\\Windows\\Fonts\\arial.ttf', 'C:\\Windows\\Fonts\\msyh.ttc'],
    );
    expect(Object.fromEntries(windows)).toEqual({
      Arabic: 'C:\\Windows\\Fonts\\arial.ttf',
      Han: 'C:\\Windows\\Fonts\\msyh.ttc',
    });
  });

  it.skipIf(!existsSync('/usr/share/fonts/truetype/noto/NotoSansArabic-Regular.ttf'))(
    'draws Arabic letters, not the boxes Inter alone gives',
    async () => {
      const rasterize = await createNodeRasterizer();
      const name = scene('مجلس الشباب');
      const drawn = await rasterize(name, 400);
      // What the rasteriser drew before: Inter only, every letter a box.
      const interOnly = new Resvg(sceneToSvg(name), {
        fitTo: { mode: 'width', value: 400 },
        font: {
          fontBuffers: nodeModuleAssets().fonts.map((f) => new Uint8Array(readFileSync(f))),
          defaultFontFamily: 'Inter',
          loadSystemFonts: false,
        },
        background: '#ffffff',
      })
        .render()
        .asPng();
      expect(Buffer.from(drawn).equals(Buffer.from(interOnly))).toBe(false);
      // Latin names need no fallback and are drawn exactly as with Inter alone.
      const latin = scene('Youth Council');
      const latinInter = new Resvg(sceneToSvg(latin), {
        fitTo: { mode: 'width', value: 400 },
        font: {
          fontBuffers: nodeModuleAssets().fonts.map((f) => new Uint8Array(readFileSync(f))),
          defaultFontFamily: 'Inter',
          sansSerifFamily: 'Inter',
          loadSystemFonts: false,
        },
        background: '#ffffff',
      })
        .render()
        .asPng();
      expect(Buffer.from(await rasterize(latin, 400)).equals(Buffer.from(latinInter))).toBe(true);
    },
  );

  it("puts each Word figure in as SVG (sharp in print, text in the reader's fonts) with a PNG fallback", async () => {
    const plan = samplePlan();
    plan.theoryOfChange.nodes[0]!.title = 'تدريب الشباب على المهارات الرقمية';
    const docx = await buildPlanDocx(
      plan,
      exportOptions({ rasterize: await createNodeRasterizer(), sections: ['theoryOfChange'] }),
    );
    const zip = await JSZip.loadAsync(docx);
    const media = Object.keys(zip.files).filter((f) => f.startsWith('word/media/'));
    const svgs = media.filter((f) => f.endsWith('.svg'));
    expect(svgs.length).toBeGreaterThan(0);
    expect(media.filter((f) => f.endsWith('.png')).length).toBe(svgs.length);
    expect(await zip.file('word/document.xml')!.async('string')).toContain('svgBlip');
    expect(await zip.file(svgs[0]!)!.async('string')).toContain('تدريب الشباب');
  });

  it('sets right-to-left lines against the right edge of their box, in SVG and for the canvas', () => {
    expect(isRightToLeft('مجلس الشباب')).toBe(true);
    expect(isRightToLeft('“מועצה” 2027')).toBe(true);
    expect(isRightToLeft('2027: Youth Council مجلس')).toBe(false);
    const line = { type: 'text', x: 10, y: 20, size: 12, fill: '#000', lineWidth: 180 } as const;
    expect(textPlacement({ ...line, text: 'مجلس الشباب' })).toEqual({ x: 190, anchor: 'end' });
    expect(textPlacement({ ...line, text: 'Youth Council' })).toEqual({ x: 10, anchor: 'start' });
    const svg = sceneToSvg({
      width: 200,
      height: 40,
      alt: 'x',
      shapes: [{ ...line, text: 'مجلس' }],
    });
    expect(svg).toContain('x="190" y="20" font-size="12" text-anchor="end"');
    // Theory-of-change titles carry their box width.
    const plan = samplePlan();
    plan.theoryOfChange.nodes[0]!.title = 'تدريب الشباب';
    const title = tocScene(plan).shapes.find((s) => s.type === 'text' && s.text === 'تدريب الشباب');
    expect(title && title.type === 'text' && title.lineWidth).toBeGreaterThan(100);
  });
});

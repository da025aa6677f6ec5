/** Severity marks that differ in shape as well as colour (legible in greyscale print). */
import type { Severity } from '../../../../shared/health/types';

/** An octagon (error), a triangle (warning) or a circle (suggestion); decorative. */
export function SeverityIcon({ severity, size = 18 }: { severity: Severity; size?: number }) {
  return (
    <svg
      className={`severity-icon severity-${severity}`}
      width={size}
      height={size}
      viewBox="0 0 20 20"
      aria-hidden="true"
      focusable="false"
    >
      {severity === 'error' && (
        <>
          <path d="M6.5 1h7L19 6.5v7L13.5 19h-7L1 13.5v-7z" />
          <path d="M10 5v6M10 13.6v1.4" className="severity-glyph" />
        </>
      )}
      {severity === 'warning' && (
        <>
          <path d="M10 1.5 19 18H1z" />
          <path d="M10 7v5.5M10 14.4v1.4" className="severity-glyph" />
        </>
      )}
      {severity === 'info' && (
        <>
          <circle cx="10" cy="10" r="9" />
          <path d="M10 8.6v6M10 5.2v1.4" className="severity-glyph" />
        </>
      )}
    </svg>
  );
}

/**
 * How annotations and the click marker look, in one place, so the editor (SVG over the
 * image) and the exports (drawn into pixels) draw them the same. Sizes are fractions of
 * the image width, so they scale with the picture.
 * Exported pictures are kept (lib/export/renditions.ts): a change to what this draws bumps RENDERER_VERSION there.
 */
export const ANNOTATION_STYLE = {
  highlightColor: '#ff4f1f',
  arrowColor: '#ff4f1f',
  labelColor: '#ffffff',
  labelBackground: '#1c2430',
  markerColor: '#ff4f1f',
  markerFill: 'rgba(255, 79, 31, 0.25)',
  /** The target ring: a white halo under a dark coloured line reads on any background. */
  ringOuter: '#ffffff',
  ringInner: '#c2185b',
  /** Line width as a fraction of image width. */
  strokeWidth: 0.004,
  /** Marker radius as a fraction of image width. */
  markerRadius: 0.018,
  /** Label font size as a fraction of image width. */
  labelFontSize: 0.018,
} as const;

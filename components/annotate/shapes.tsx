/**
 * How each annotation is drawn in SVG, in image pixels, with the shared style of
 * lib/steps/annotation-style.ts (the exports draw the same shapes into pixels).
 */
import type { Annotation, NormPoint } from '@/lib/steps/types';
import type { Mark } from '@/lib/steps/marks';
import { ANNOTATION_STYLE as S } from '@/lib/steps/annotation-style';

export interface Size {
  width: number;
  height: number;
}

/** The arrowhead as a triangle at `to`, sized with the line. */
function arrowHead(from: NormPoint, to: NormPoint, size: Size): string {
  const [x1, y1, x2, y2] = [from.x * size.width, from.y * size.height, to.x * size.width, to.y * size.height];
  const angle = Math.atan2(y2 - y1, x2 - x1);
  const len = size.width * S.strokeWidth * 5;
  const spread = Math.PI / 7;
  const p = (a: number) => `${x2 - len * Math.cos(a)},${y2 - len * Math.sin(a)}`;
  return `${x2},${y2} ${p(angle - spread)} ${p(angle + spread)}`;
}

export function labelBox(text: string, size: Size) {
  const font = size.width * S.labelFontSize;
  const pad = font * 0.4;
  // No layout in SVG without measuring; an average glyph width is close enough for a frame.
  return { font, pad, width: Math.max(1, text.length) * font * 0.58 + pad * 2, height: font * 1.4 };
}

/** One annotation; `blur` needs the image URL to draw a blurred copy of the picture inside the box. */
export function Shape({ a, size, url, clipId, filterId }: { a: Annotation; size: Size; url: string; clipId: string; filterId: string }) {
  const stroke = size.width * S.strokeWidth;
  switch (a.kind) {
    case 'highlight': {
      const { x, y, width, height } = a.box;
      return (
        <rect x={x * size.width} y={y * size.height} width={width * size.width} height={height * size.height}
          fill="transparent" stroke={a.color ?? S.highlightColor} strokeWidth={stroke} rx={stroke} />
      );
    }
    case 'blur': {
      const { x, y, width, height } = a.box;
      const rect = { x: x * size.width, y: y * size.height, width: width * size.width, height: height * size.height };
      return (
        <>
          <clipPath id={clipId}>
            <rect {...rect} />
          </clipPath>
          <image href={url} width={size.width} height={size.height} clipPath={`url(#${clipId})`} filter={`url(#${filterId})`} preserveAspectRatio="none" />
          <rect {...rect} fill="rgba(120,130,145,0.35)" stroke="#5b6675" strokeDasharray={`${stroke * 2}`} strokeWidth={stroke / 2} />
        </>
      );
    }
    case 'arrow': {
      const color = a.color ?? S.arrowColor;
      return (
        <>
          <line x1={a.from.x * size.width} y1={a.from.y * size.height} x2={a.to.x * size.width} y2={a.to.y * size.height}
            stroke={color} strokeWidth={stroke * 1.5} strokeLinecap="round" />
          {/* A wide invisible line, so the thin arrow is easy to grab. */}
          <line x1={a.from.x * size.width} y1={a.from.y * size.height} x2={a.to.x * size.width} y2={a.to.y * size.height}
            stroke="transparent" strokeWidth={stroke * 8} />
          <polygon points={arrowHead(a.from, a.to, size)} fill={color} />
        </>
      );
    }
    case 'label': {
      const box = labelBox(a.text, size);
      const x = a.at.x * size.width;
      const y = a.at.y * size.height;
      return (
        <>
          <rect x={x} y={y} width={box.width} height={box.height} rx={box.pad / 2} fill={S.labelBackground} />
          <text x={x + box.pad} y={y + box.height * 0.72} fontSize={box.font} fill={a.color ?? S.labelColor}>
            {a.text}
          </text>
        </>
      );
    }
  }
}

/** A mark of lib/steps/marks.ts (target ring or click point): halo first, coloured line over it. */
export function MarkShape({ mark: m }: { mark: Mark }) {
  const [outer, inner] = [m.outer, m.inner];
  if (m.kind === 'ring') {
    const rect = { x: m.x, y: m.y, width: m.width, height: m.height, rx: m.radius, fill: 'none', pointerEvents: 'none' as const };
    return (
      <g className="target-ring">
        <rect {...rect} stroke={outer.color} strokeWidth={outer.width} />
        <rect {...rect} stroke={inner.color} strokeWidth={inner.width} />
      </g>
    );
  }
  return (
    <>
      <circle cx={m.cx} cy={m.cy} r={m.r} fill={m.fill} stroke={outer.color} strokeWidth={outer.width} />
      <circle cx={m.cx} cy={m.cy} r={m.r} fill="none" stroke={inner.color} strokeWidth={inner.width} />
    </>
  );
}

export const KIND_NAMES: Record<Annotation['kind'], string> = {
  highlight: 'Highlight',
  arrow: 'Arrow',
  label: 'Label',
  blur: 'Blur box',
};

/**
 * A step's screenshot with its tools: add highlight / arrow / label / blur, the focus (shown
 * by default; whole screen on demand; adjusted as a crop, or removed), the target marks, hide
 * or replace the picture. A missing or unreadable picture is said in words.
 */
import { useRef, useState } from 'react';
import type { ActionStep } from '@/lib/steps/types';
import { newId } from '@/lib/db/database';
import { useStoredImage } from '@/components/common/useBlobUrl';
import { EditableText } from '@/components/common/EditableText';
import { newAnnotation, type AnnotationKind, type DrawKind } from './geometry';
import { hasClickPoint } from '@/lib/steps/marks';
import { defaultFocus, isFocused, shownRegion, targetBox } from '@/lib/steps/focus';
import { Screenshot, type StepPatch } from './Screenshot';

interface Props {
  step: ActionStep;
  label: string;
  onChange(patch: StepPatch, label: string): Promise<boolean>;
  onReplace(file: File): Promise<void>;
}

const ADD: [AnnotationKind, string, string][] = [
  ['highlight', 'Highlight', 'highlight'],
  ['arrow', 'Arrow', 'arrow'],
  ['label', 'Label', 'label'],
  ['blur', 'Blur', 'blur box'],
];

export function ShotEditor({ step, label, onChange, onReplace }: Props) {
  const image = useStoredImage(step.hideImage ? undefined : step.imageId);
  const [broken, setBroken] = useState(false);
  const [selected, setSelected] = useState<string>();
  const [drawKind, setDrawKind] = useState<DrawKind>('highlight');
  const [whole, setWhole] = useState(false);
  const [large, setLarge] = useState(false);
  const focused = isFocused(step);
  const hasDefaultFocus = defaultFocus(step).width < 1;
  const file = useRef<HTMLInputElement>(null);
  const annotations = step.annotations ?? [];
  const chosen = annotations.find((a) => a.id === selected);

  function add(kind: AnnotationKind, name: string) {
    if (kind !== 'label') setDrawKind(kind);
    // Each new shape a little lower right than the last, so shapes added in a row don't hide each other.
    const shift = (annotations.length % 5) * 0.06;
    const r = whole ? { x: 0, y: 0, width: 1, height: 1 } : shownRegion(step);
    const a = newAnnotation(kind, newId(), { x: r.x + r.width * (0.4 + shift), y: r.y + r.height * (0.4 + shift) });
    setSelected(a.id);
    void onChange({ annotations: [...annotations, a] }, `Add ${name} to ${label}`);
  }

  const tools = (
    <div className="toolbar shot-tools" role="toolbar" aria-label={`Screenshot tools for ${label}`}>
      {image.state === 'ready' && !broken && (
        <>
          {ADD.map(([kind, text, name]) => (
            <button key={kind} aria-label={`Add ${name} to ${label}`} onClick={() => add(kind, name)}>
              {text}
            </button>
          ))}
          {focused && (
            <button aria-pressed={whole} aria-label={`Show whole screen of ${label}`} onClick={() => setWhole(!whole)}>Show whole screen</button>
          )}
          {step.crop ? (
            <button onClick={() => void onChange({ crop: undefined }, `Remove crop from ${label}`)} aria-label={`Remove crop from ${label}`}>Remove crop</button>
          ) : (
            <button aria-label={`${focused ? 'Adjust focus of' : 'Crop'} ${label}`} onClick={() => {
              setSelected('crop');
              setWhole(true);
              const crop = focused ? shownRegion(step) : { x: 0.1, y: 0.1, width: 0.8, height: 0.8 };
              void onChange({ crop }, `Crop ${label}`);
            }}>{focused ? 'Adjust focus' : 'Crop'}</button>
          )}
          {hasDefaultFocus && !step.crop && (
            <button aria-label={`${step.wholeScreen ? 'Focus on target of' : 'Remove focus from'} ${label}`}
              onClick={() => void onChange({ wholeScreen: step.wholeScreen ? undefined : true }, `${step.wholeScreen ? 'Focus' : 'Remove focus from'} ${label}`)}>
              {step.wholeScreen ? 'Focus on target' : 'Remove focus'}
            </button>
          )}
          {(hasClickPoint(step) || targetBox(step)) && (
            <button aria-label={`${step.marker?.hidden ? 'Show' : 'Hide'} click marker on ${label}`}
              onClick={() => void onChange({ marker: { ...step.marker, hidden: !step.marker?.hidden } }, `Toggle click marker on ${label}`)}>
              {step.marker?.hidden ? 'Show click marker' : 'Hide click marker'}
            </button>
          )}
        </>
      )}
      {!step.hideImage && (
        <button aria-pressed={large} aria-label={`Enlarge picture of ${label}`} onClick={() => setLarge(!large)}>Enlarge picture</button>
      )}
      <button aria-label={`${step.hideImage ? 'Show' : 'Hide'} screenshot of ${label}`}
        onClick={() => void onChange({ hideImage: !step.hideImage }, `${step.hideImage ? 'Show' : 'Hide'} screenshot of ${label}`)}>
        {step.hideImage ? 'Show screenshot' : 'Hide screenshot'}
      </button>
      <button aria-label={`Replace screenshot of ${label}`} onClick={() => file.current?.click()}>Replace…</button>
      <input ref={file} type="file" accept="image/*" hidden aria-label={`Image file for ${label}`}
        onChange={(e) => { const f = e.target.files?.[0]; e.target.value = ''; if (f) void onReplace(f); }} />
      {chosen && (
        <>
          {chosen.kind === 'label' && (
            <EditableText label={`Label text on ${label}`} value={chosen.text}
              onCommit={(text) => onChange({ annotations: annotations.map((a) => (a.id === chosen.id ? { ...chosen, text } : a)) }, `Edit label on ${label}`)} />
          )}
          <button aria-label={`Delete shape on ${label}`}
            onClick={() => { setSelected(undefined); void onChange({ annotations: annotations.filter((a) => a.id !== chosen.id) }, `Delete annotation on ${label}`); }}>
            Delete shape
          </button>
        </>
      )}
    </div>
  );

  let picture: React.ReactNode = null;
  if (step.hideImage) picture = <p className="shot-missing muted">Screenshot hidden in the guide.</p>;
  else if (!step.imageId || image.state === 'missing') picture = <p className="shot-missing">No screenshot for this step.</p>;
  else if (broken) picture = <p className="shot-missing">This screenshot could not be read. Replace it with an image file, or hide it.</p>;
  else if (image.state === 'loading') picture = <div className="shot-placeholder" aria-hidden="true" />;
  else {
    picture = (
      <>
        {/* Decoding check: an SVG <image> does not report a broken picture, an <img> does. */}
        <img src={image.url} alt="" hidden onError={() => setBroken(true)} />
        <Screenshot step={step} label={label} url={image.url} size={image} selected={selected} onSelect={setSelected} whole={whole}
          drawKind={drawKind} newId={newId}
          onChange={(patch, text) => void onChange(patch, text)} />
      </>
    );
  }
  return (
    <div className={`shot-editor${large ? ' large' : ''}`}>
      {picture}
      {tools}
      {image.state === 'ready' && !broken && !step.hideImage && (
        <p className="muted hint">Drag on the picture to draw a {drawKind === 'blur' ? 'blur box' : drawKind}; drag a shape to move it.</p>
      )}
    </div>
  );
}

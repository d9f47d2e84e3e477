/** One step in the guide view: number, sentence, screenshot. Page text is rendered as text. */
import type { Step } from '@/lib/steps/types';
import { useImageUrl } from '@/components/common/useBlobUrl';
import { RedactValue } from '@/components/privacy/RedactValue';

export function StepItem({ step, number }: { step: Step; number: number }) {
  const imageId = step.kind === 'action' && !step.hideImage ? step.imageId : undefined;
  const url = useImageUrl(imageId);
  return (
    <li className="step" aria-label={`Step ${number}`}>
      <p className="sentence">
        <span className="number">{number}.</span> {step.text || '(no text)'}
      </p>
      {url && <img src={url} alt={step.text} className="shot" />}
      <RedactValue step={step} />
    </li>
  );
}

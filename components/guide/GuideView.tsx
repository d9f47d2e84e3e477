/** One guide: its title and its steps, live while a recording still adds to it. */
import { useLiveQuery } from 'dexie-react-hooks';
import { getGuide } from '@/lib/db/guides';
import { stepsOf } from '@/lib/db/steps';
import { StepItem } from './StepItem';
import { ExportButtons } from '@/components/export/ExportButtons';

export function GuideView({ guideId }: { guideId: string }) {
  const guide = useLiveQuery(() => getGuide(guideId), [guideId], null);
  const steps = useLiveQuery(() => stepsOf(guideId), [guideId]);
  if (guide === null) return null;
  if (!guide) {
    return (
      <main>
        <p role="alert">This guide does not exist (it may have been deleted).</p>
        <a href="#/">All guides</a>
      </main>
    );
  }
  return (
    <main className="guide">
      <a href="#/">All guides</a>
      <h1>{guide.title}</h1>
      {steps && <ExportButtons guide={guide} />}
      <ol className="steps" aria-label="Steps">
        {steps?.map((step, index) => <StepItem key={step.id} step={step} number={index + 1} />)}
      </ol>
    </main>
  );
}

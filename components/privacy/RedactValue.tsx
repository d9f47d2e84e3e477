/**
 * "Redact this value everywhere", offered on a typing step whose value was stored in clear:
 * the trainer sees a secret was typed into an ordinary field and removes it from the whole
 * guide, text and screenshots alike (lib/privacy/redact.ts).
 */
import { useState } from 'react';
import type { Step } from '@/lib/steps/types';
import { redactEverywhere } from '@/lib/privacy/redact';

export function RedactValue({ step }: { step: Step }) {
  const [result, setResult] = useState<string>();
  const [busy, setBusy] = useState(false);
  if (step.kind !== 'action' || step.action.kind !== 'type' || step.action.masked) {
    return result ? <p role="status">{result}</p> : null;
  }
  const value = step.action.value;
  async function redact() {
    setBusy(true);
    try {
      const changed = await redactEverywhere(step.guideId, value);
      setResult(`Redacted in ${changed} ${changed === 1 ? 'step' : 'steps'}.`);
    } catch (error) {
      setResult(`Could not redact: ${error instanceof Error ? error.message : String(error)}`);
    } finally {
      setBusy(false);
    }
  }
  return (
    <button type="button" disabled={busy} onClick={() => void redact()}>
      Redact this value everywhere
    </button>
  );
}

/**
 * A text box over a saved value: typing shows at once, is written (with one undo entry per
 * burst of typing) after a short pause, on blur, or before an undo.
 */
import { useEffect, useRef, useState } from 'react';
import { registerFlusher } from '@/lib/editor/history';

/** Typing is saved this long after the last key: well inside the one-second promise. */
const PAUSE_MS = 400;

interface Props {
  value: string;
  label: string;
  /** Writes the text; resolves false when nothing was written (no change, or an error). */
  onCommit(text: string): Promise<boolean>;
  multiline?: boolean;
  placeholder?: string;
  className?: string;
}

export function EditableText({ value, label, onCommit, multiline, placeholder, className }: Props) {
  const [draft, setDraft] = useState<string | null>(null);
  const draftRef = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  const commitRef = useRef(onCommit);
  commitRef.current = onCommit;

  const flush = useRef(() => {
    clearTimeout(timer.current);
    timer.current = undefined;
    const text = draftRef.current;
    if (text === null) return;
    void commitRef.current(text).then((written) => {
      // Not written: show the saved value again (the last good state), unless typing went on.
      if (!written && timer.current === undefined) update(null);
    });
  }).current;

  function update(text: string | null) {
    draftRef.current = text;
    setDraft(text);
  }

  useEffect(() => registerFlusher(flush), [flush]);
  // Once the saved value moves on (our write, an undo, another tab), show it, unless typing is pending.
  useEffect(() => {
    if (timer.current === undefined) update(null);
  }, [value]);
  useEffect(() => () => flush(), [flush]);

  const props = {
    'aria-label': label,
    className,
    placeholder,
    value: draft ?? value,
    onChange(e: React.ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) {
      update(e.target.value);
      clearTimeout(timer.current);
      timer.current = setTimeout(flush, PAUSE_MS);
    },
    onBlur: flush,
  };
  return multiline ? <textarea rows={Math.min(8, Math.ceil((draft ?? value).length / 80) || 1)} {...props} /> : <input {...props} />;
}

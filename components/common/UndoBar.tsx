/** Undo / Redo buttons, their keyboard shortcuts, and the message when a write failed. */
import { useEffect } from 'react';
import { redo, undo, useHistory } from '@/lib/editor/history';

function isMac() {
  return /Mac|iPhone|iPad/.test(navigator.platform);
}

/** Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y (⌘ on a Mac), everywhere on the page, text boxes included. */
export function useUndoShortcuts(): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!(isMac() ? e.metaKey : e.ctrlKey) || e.altKey) return;
      const key = e.key.toLowerCase();
      if (key === 'z') {
        e.preventDefault();
        void (e.shiftKey ? redo() : undo());
      } else if (key === 'y') {
        e.preventDefault();
        void redo();
      }
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, []);
}

export function UndoBar() {
  const past = useHistory((s) => s.past.at(-1));
  const future = useHistory((s) => s.future.at(-1));
  const error = useHistory((s) => s.error);
  useUndoShortcuts();
  return (
    <>
      <button onClick={() => void undo()} disabled={!past} title={past ? `Undo: ${past.label}` : 'Nothing to undo'}>
        Undo
      </button>
      <button onClick={() => void redo()} disabled={!future} title={future ? `Redo: ${future.label}` : 'Nothing to redo'}>
        Redo
      </button>
      {error && <p role="alert">{error}</p>}
    </>
  );
}

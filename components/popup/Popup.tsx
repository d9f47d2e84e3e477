/**
 * The toolbar popup: start, pause/resume, stop or discard a recording, delete its last step;
 * open the editor. Alt+Shift+R (manifest `commands`) starts and stops without it. Once a
 * recording has stopped, its guide is one click away ("Open the guide").
 */
import { useCallback, useEffect, useState } from 'react';
import { browser } from 'wxt/browser';
import type { RecordingStatus } from '@/lib/messages';
import { send } from '@/lib/messaging';
import { openWelcome } from '@/lib/onboarding/welcome';

const POLL_MS = 500;

export function Popup() {
  const [status, setStatus] = useState<RecordingStatus>({ state: 'idle', stepCount: 0 });
  const [error, setError] = useState<string>();

  const refresh = useCallback(async () => setStatus(await send({ type: 'recording.status' })), []);

  useEffect(() => {
    void refresh();
    const timer = setInterval(() => void refresh(), POLL_MS);
    return () => clearInterval(timer);
  }, [refresh]);

  async function startRecording() {
    setError(undefined);
    const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) return setError('No tab to record.');
    const reply = await send({ type: 'recording.start', tabId: tab.id });
    if ('error' in reply) setError(reply.error);
    await refresh();
  }

  async function run(type: 'recording.pause' | 'recording.resume' | 'recording.stop' | 'recording.undo' | 'recording.discard') {
    await send({ type });
    await refresh();
  }

  function openEditor(guideId = status.guideId) {
    const hash = guideId ? `#/guides/${guideId}` : '';
    void browser.tabs.create({ url: browser.runtime.getURL(`/editor.html${hash}`) });
  }

  const active = status.state !== 'idle';
  // The guide just recorded (or the last one): offered as the next step, not hidden in a menu.
  const finished = !active && status.guideId && status.stepCount > 0 ? status.guideId : undefined;
  return (
    <main className="popup">
      <h1>Waymark</h1>
      <p role="status" aria-label="Recording status">
        {status.state === 'recording' && 'Recording'}
        {status.state === 'paused' && 'Paused'}
        {status.state === 'idle' && 'Not recording'}
        {' · '}
        <span aria-label="Step count">{status.stepCount}</span> steps
      </p>
      {error && <p role="alert">{error}</p>}
      {status.notice && <p role="note">{status.notice}</p>}
      {/* A step that could not be saved must not go unnoticed (lib/recording/bar-status.ts). */}
      {status.error && <p role="alert">{status.error}</p>}
      <div className="row">
        {!active && <button onClick={startRecording}>Start recording</button>}
        {status.state === 'recording' && <button onClick={() => run('recording.pause')}>Pause</button>}
        {status.state === 'paused' && <button onClick={() => run('recording.resume')}>Resume</button>}
        {active && <button onClick={() => run('recording.stop')}>Stop recording</button>}
      </div>
      {active && (
        <div className="row">
          <button onClick={() => run('recording.undo')}>Delete last step</button>
          <button onClick={() => run('recording.discard')}>Discard recording</button>
        </div>
      )}
      {finished && (
        <div className="row">
          <p>Your guide is ready: {status.stepCount} steps.</p>
          <button className="primary" onClick={() => openEditor(finished)}>Open the guide</button>
        </div>
      )}
      <div className="row">
        <button className="link" onClick={() => openEditor()}>
          Open editor
        </button>
        <button className="link" onClick={() => void openWelcome()}>
          Welcome and tips
        </button>
      </div>
    </main>
  );
}

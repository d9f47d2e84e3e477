/** Which stream frame shows a moment, and which frames are closed (lib/screenshots/stream-frames.ts). */
import { describe, expect, it } from 'vitest';
import { frameBefore, RING_MS, trimRing, type StreamFrame } from '@/lib/screenshots/stream-frames';

const at = (...times: number[]): StreamFrame<string>[] => times.map((arrivedAt, i) => ({ arrivedAt, seq: i + 1, frame: `f${arrivedAt}` }));

/** A stream at `fps` from 0 to `untilMs`, trimmed at each arrival as the offscreen document does. */
function run(fps: number, untilMs: number): { ring: StreamFrame<string>[]; closed: number; maxOpen: number } {
  let ring: StreamFrame<string>[] = [];
  let closed = 0;
  let maxOpen = 0;
  let seq = 0;
  for (let t = 0; t <= untilMs; t += 1000 / fps) {
    ring.push({ arrivedAt: t, seq: ++seq, frame: `f${t}` });
    maxOpen = Math.max(maxOpen, ring.length);
    const split = trimRing(ring, t);
    ring = split.kept;
    closed += split.closed.length;
  }
  return { ring, closed, maxOpen };
}

describe('frameBefore', () => {
  it('is the newest frame that arrived before the event', () => {
    const ring = at(100, 130, 160);
    expect(frameBefore(ring, 150)?.arrivedAt).toBe(130);
    expect(frameBefore(ring, 161)?.arrivedAt).toBe(160);
  });

  it('never a frame that arrived at or after the event: it may show the effect', () => {
    expect(frameBefore(at(100, 130), 130)?.arrivedAt).toBe(100);
    expect(frameBefore(at(100), 100)).toBeUndefined();
    expect(frameBefore(at(), 100)).toBeUndefined();
  });

  it('the newest frame of a still page, however old', () => {
    expect(frameBefore(at(100), 100 + 60_000)?.arrivedAt).toBe(100);
  });
});

describe('trimRing', () => {
  it('keeps the newest frame of a still page, however old', () => {
    expect(trimRing(at(100), 100 + 60_000)).toEqual({ kept: at(100), closed: [] });
    const [older, newest] = at(10, 100);
    expect(trimRing([older!, newest!], 100 + 60_000)).toEqual({ kept: [newest], closed: [older] });
  });

  it('keeps the newest frames back to back, older ones further and further apart', () => {
    const ring = at(...Array.from({ length: 33 }, (_, i) => i * 10));
    const { kept, closed } = trimRing(ring, 320);
    // Frames 16, 24, 28, 30, 32 and 33: 170, 90, 50, 30, 10 and 0 ms old.
    expect(kept.map((f) => f.seq)).toEqual([16, 24, 28, 30, 32, 33]);
    expect(closed).toHaveLength(27);
  });

  it('closes frames the page stopped looking like longer ago than the ring', () => {
    // The frame at 100 showed the page until 1200, 10 ms ago: an event at 1150 needs it.
    const { kept } = trimRing(at(0, 100, 1200, 1210), 1210);
    expect(kept.map((f) => f.arrivedAt)).toEqual([100, 1200, 1210]);
    expect(trimRing(at(0, 100, 1200, 1210), 2300).kept.map((f) => f.arrivedAt)).toEqual([1210]);
    expect(RING_MS).toBe(1000);
  });

  it('a page still for seconds, then changed by a press: the frame from before the press is kept for its request', () => {
    // Still from 0; a tab switched back to shows the same; the press's effect arrives at 5030.
    const ring = trimRing(at(0, 5030), 5030).kept;
    expect(ring.map((f) => f.arrivedAt)).toEqual([0, 5030]);
    // The picture is asked for after the effect's frame came: the page as it was.
    expect(frameBefore(ring, 5005)?.arrivedAt).toBe(0);
  });

  it('a busy page at 30 or 60 frames/s never holds more than 7 frames (6 kept and the one arriving)', () => {
    for (const fps of [30, 60]) {
      for (let until = 500; until <= 3000; until += 77) expect(run(fps, until).maxOpen).toBeLessThanOrEqual(7);
    }
  });

  it('a busy page at 30 frames/s: an event up to half a second back has a frame from before it, at most three times as old', () => {
    for (let until = 1000; until <= 3000; until += 33) {
      const { ring } = run(30, until);
      const newest = ring[ring.length - 1]!.arrivedAt;
      for (let back = 1; back <= 500; back += 7) {
        const frame = frameBefore(ring, newest - back);
        expect(frame, `event ${back} ms back`).toBeDefined();
        expect(newest - frame!.arrivedAt, `event ${back} ms back`).toBeLessThanOrEqual(3 * back + 67);
      }
      // An event just before the newest frame gets the frame right before it.
      expect(newest - frameBefore(ring, newest)!.arrivedAt).toBeLessThanOrEqual(34);
    }
  });
});

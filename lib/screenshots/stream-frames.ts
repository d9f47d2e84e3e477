/**
 * Which frame of a tab's live stream shows a moment, and which frames to let go: the pure
 * core of the stream picture source (stream-source.ts runs it in the offscreen document).
 * Unit-tested in tests/unit/stream-frames.test.ts. See the README, "Pre-action screenshots": the tab stream.
 *
 * A frame is stamped when it arrives in the offscreen document, on the clock every document of
 * the browser shares (`performance.timeOrigin + performance.now()`); an event's time is the
 * page's `performance.timeOrigin + event.timeStamp`. A frame that arrived before the event was
 * captured before it, so it shows the page before the action, however quick the press or busy
 * the page.
 */

/** One frame of the stream, oldest first in a ring. */
export interface StreamFrame<F> {
  /** When it arrived (ms since epoch, on the shared clock above). */
  arrivedAt: number;
  /** Its number in the stream, from 1 (see `trimRing`). */
  seq: number;
  frame: F;
}

/**
 * The newest frame that arrived before `eventAt`, or none. The stream sends frames only when
 * the page changes, so the newest frame of a still page shows it however old it is.
 */
export function frameBefore<F>(ring: readonly StreamFrame<F>[], eventAt: number): StreamFrame<F> | undefined {
  for (let i = ring.length - 1; i >= 0; i--) if (ring[i]!.arrivedAt < eventAt) return ring[i];
  return undefined;
}

/**
 * Held VideoFrames stall the stream (about 11 open stopped it on this machine), so at most six
 * are open, spread like a "Tower of Hanoi" backup rotation, by how many frames came after each:
 * frame number `seq` whose trailing zero bits `level` are below TOP_LEVEL is kept while fewer
 * than 2^(level+1) came after it (one frame of each such level), and a multiple of 2^TOP_LEVEL
 * while fewer than 2^TOP_LEVEL * TOP_KEPT did. So the newest frames are back to back (a request
 * comes tens of ms after its event), older ones further apart, and at least 16 frames back are
 * covered (half a second at 30 frames/s): the same as frames keep coming, since each frame's
 * fate depends only on how many came after it.
 */
const TOP_LEVEL = 3;
const TOP_KEPT = 3;

/**
 * A frame goes once the page stopped looking like it (the next frame came) longer ago than
 * this; the newest stays however old. Counted from the next frame, not from the frame's own
 * arrival: on a page still for seconds, the press's own effect is the next frame, and the
 * request for the picture comes tens of ms after it, so the old frame it needs must be there.
 */
export const RING_MS = 1000;

export interface RingSplit<F> {
  kept: StreamFrame<F>[];
  /** To close now (VideoFrame.close()). */
  closed: StreamFrame<F>[];
}

/** How many frames may come after frame `seq` while it is kept. */
function lifetime(seq: number): number {
  let level = 0;
  while (level < TOP_LEVEL && seq % 2 ** (level + 1) === 0) level++;
  return level < TOP_LEVEL ? 2 ** (level + 1) : 2 ** TOP_LEVEL * TOP_KEPT;
}

/** Splits the ring (oldest first) into the frames to keep and the ones to close at `now`. */
export function trimRing<F>(ring: readonly StreamFrame<F>[], now: number): RingSplit<F> {
  const newest = ring[ring.length - 1];
  const split: RingSplit<F> = { kept: [], closed: [] };
  ring.forEach((entry, i) => {
    const after = (newest?.seq ?? 0) - entry.seq;
    const shownUntil = ring[i + 1]?.arrivedAt ?? now;
    const keep = entry === newest || (after < lifetime(entry.seq) && now - shownUntil <= RING_MS);
    (keep ? split.kept : split.closed).push(entry);
  });
  return split;
}

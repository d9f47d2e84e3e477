import { serveStreams } from '@/lib/screenshots/stream-source';

// The offscreen document (Chromium): the live streams of recorded tabs. Logic: lib/screenshots/stream-source.ts.
serveStreams();

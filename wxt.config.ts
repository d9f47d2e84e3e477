import { defineConfig } from 'wxt';
import { noRemoteCode } from './lib/build/no-remote-code';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // No URL of remotely hosted code in the package (Chrome Web Store rule; npm run check:remote-code).
  vite: () => ({ plugins: [noRemoteCode()] }),
  // Lets parallel work trees build side by side (WAYMARK_OUT=.output-x); default .output/.
  outDir: process.env.WAYMARK_OUT ?? '.output',
  // MV3 in both browsers: one permission model (host_permissions), one background lifecycle
  // (Chrome's service worker, Firefox's event page: both may stop when idle). See README "Firefox".
  manifestVersion: 3,
  // Heavy libraries (React, jsPDF) stay in extension pages; the injected recorder
  // (entrypoints/recorder.ts) is kept small by importing only lib/capture. html2canvas is in
  // its own script (entrypoints/render.ts), injected only when a tab cannot be captured.
  manifest: ({ browser }) => ({
    name: 'Waymark',
    description: 'Record a task once, get a step-by-step guide. Everything stays on your machine.',
    // webNavigation: each new document of a recorded tab gets the recorder as it commits
    // (lib/recording/watch.ts). No content_scripts: nothing runs in pages that are not recorded.
    // Chromium also keeps a live stream of the recorded tab for its pictures (tabCapture, read in
    // an offscreen document: lib/screenshots/stream.ts); Firefox has neither.
    permissions: [
      'storage', 'unlimitedStorage', 'tabs', 'activeTab', 'scripting', 'contextMenus', 'webNavigation',
      ...(browser === 'firefox' ? [] : ['tabCapture', 'offscreen']),
    ],
    host_permissions: ['<all_urls>'],
    commands: {
      'toggle-recording': {
        suggested_key: { default: 'Alt+Shift+R' },
        description: 'Start or stop recording the current tab',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'waymark@waymark.local',
              // 140: first version (and ESR) with data_collection_permissions.
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            // No gecko_android: Firefox for Android has no contextMenus, and the background
            // would throw at start-up there.
          },
        }
      : {}),
  }),
});

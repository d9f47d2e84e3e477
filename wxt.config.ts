import { defineConfig } from 'wxt';

// See https://wxt.dev/api/config.html
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  // Lets parallel work trees build side by side (WAYMARK_OUT=.output-x); default .output/.
  outDir: process.env.WAYMARK_OUT ?? '.output',
  // MV3 in both browsers: one permission model (host_permissions), one background lifecycle
  // (Chrome's service worker, Firefox's event page: both may stop when idle). See README "Firefox".
  manifestVersion: 3,
  // Heavy libraries (React, jsPDF, html2canvas) stay in extension pages; the
  // content script is kept small by importing only lib/capture.
  manifest: ({ browser }) => ({
    name: 'Waymark',
    description: 'Record a task once, get a step-by-step guide. Everything stays on your machine.',
    permissions: ['storage', 'unlimitedStorage', 'tabs', 'activeTab', 'scripting', 'contextMenus', 'webNavigation'],
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
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});

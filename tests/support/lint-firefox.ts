/**
 * `npm run lint:firefox`: Mozilla's add-on linter (web-ext lint, what addons.mozilla.org runs)
 * on the Firefox build. Fails on any error; prints findings one line each, not as a wide table.
 */
import webExt from 'web-ext';
import { join, resolve } from 'node:path';

const sourceDir = resolve(process.argv[2] ?? join(process.env.WAYMARK_OUT ?? '.output', 'firefox-mv3'));
const report = await webExt.cmd.lint({ sourceDir, output: 'none' }, { shouldExitProgram: false });

for (const [kind, findings] of Object.entries({ error: report.errors, warning: report.warnings })) {
  for (const f of findings) console.log(`  ${kind}: ${f.code} ${f.file ?? ''} — ${f.message}`);
}
console.log(
  `web-ext lint ${sourceDir}: ${report.errors.length} errors, ${report.warnings.length} warnings, ${report.notices.length} notices`,
);
if (report.errors.length > 0) process.exitCode = 1;

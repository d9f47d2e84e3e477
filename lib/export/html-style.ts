/** The CSS inlined into HTML exports: readable on a phone, prints a step per block. */
export const EXPORT_CSS = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1c2430;background:#f5f6f8}
main{max-width:880px;margin:0 auto;padding:24px 16px 64px}
h1{font-size:1.8rem;line-height:1.25;margin:0 0 .25rem;overflow-wrap:anywhere}
.meta{color:#5b6675;margin:0 0 1rem}
.intro{margin:0 0 1.5rem;white-space:pre-wrap;overflow-wrap:anywhere}
ol.steps{list-style:none;padding:0;margin:0;counter-reset:step}
li.step{background:#fff;border:1px solid #dde1e7;border-radius:10px;padding:16px;margin:0 0 16px;break-inside:avoid;page-break-inside:avoid}
.sentence{margin:0 0 12px;font-weight:600;overflow-wrap:anywhere}
.num{display:inline-block;min-width:1.8em;height:1.8em;line-height:1.8em;margin-right:.5em;border-radius:50%;background:#3755d6;color:#fff;text-align:center;font-size:.9em}
.note{margin:0 0 12px;color:#3b4450;white-space:pre-wrap;overflow-wrap:anywhere}
figure{position:relative;margin:0;line-height:0}
figure img{width:100%;height:auto;border:1px solid #dde1e7;border-radius:6px}
.marker{position:absolute;width:28px;height:28px;margin:-14px 0 0 -14px;border:3px solid #ff4f1f;border-radius:50%;background:rgba(255,79,31,.25)}
.heading{background:none;border:0;padding:8px 0 0}
.heading .sentence{font-size:1.35rem}
.callout{border-left:6px solid #3755d6}
.callout.warning{border-left-color:#d68a00}
@media print{body{background:#fff}main{max-width:none;padding:0}li.step{border-color:#bbb}}
`;

/** The CSS inlined into HTML exports: readable on a phone, prints a step per block. */
export const EXPORT_CSS = `
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans","DejaVu Sans",sans-serif;color:#1c2430;background:#f5f6f8}
main{max-width:880px;margin:0 auto;padding:24px 16px 64px}
h1{font-size:1.8rem;line-height:1.25;margin:0 0 .25rem;overflow-wrap:anywhere}
.meta{color:#4d5765;margin:0 0 1rem}
.intro{margin:0 0 1.5rem;white-space:pre-wrap;overflow-wrap:anywhere}
nav.toc{background:#fff;border:1px solid #dde1e7;border-radius:10px;padding:12px 16px;margin:0 0 20px}
nav.toc h2{font-size:1rem;margin:0 0 .4rem}
nav.toc ol{margin:0;padding-left:1.4em}
nav.toc a{color:#2a45b8;overflow-wrap:anywhere}
ol.steps{list-style:none;padding:0;margin:0}
li.step{background:#fff;border:1px solid #dde1e7;border-radius:10px;padding:16px;margin:0 0 16px;break-inside:avoid;page-break-inside:avoid}
.sentence{margin:0 0 12px;font-weight:600;overflow-wrap:anywhere;white-space:pre-wrap}
.num{-webkit-print-color-adjust:exact;print-color-adjust:exact;display:inline-block;min-width:1.8em;height:1.8em;line-height:1.8em;margin-right:.5em;border-radius:50%;background:#3755d6;color:#fff;text-align:center;font-size:.9em;white-space:nowrap}
.note{margin:0 0 12px;color:#3b4450;white-space:pre-wrap;overflow-wrap:anywhere}
.address{margin:0 0 12px;overflow-wrap:anywhere}
.address a{color:#2a45b8}
.tone{font-weight:700;margin-right:.4em}
figure{position:relative;margin:0;line-height:0}
figure img{display:block;max-width:100%;width:100%;height:auto;border:1px solid #dde1e7;border-radius:6px}
li.heading{background:none;border:0;padding:8px 0 0;break-after:avoid;page-break-after:avoid}
li.heading h2{font-size:1.35rem;margin:0 0 4px}
li.text{background:none;border:0;padding:0 4px}
li.callout{border-left:6px solid #3755d6}
li.callout.warning{border-left-color:#d68a00}
@page{margin:12mm}
@media print{
body{background:#fff;font-size:11pt}
main{max-width:none;padding:0}
nav.toc a{color:inherit;text-decoration:none}
li.step{border-color:#bbb}
figure{max-width:calc(170mm * var(--ratio, 1.6));margin:0 auto}
}
`;

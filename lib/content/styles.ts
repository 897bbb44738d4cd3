/**
 * The button's CSS, inside its shadow root so Kendo's styles and ours never meet. A small pill
 * in Kendo's blue; `prefers-color-scheme` picks light or dark; the clock glyph is drawn with CSS.
 */
export const BUTTON_CSS = `
:host{all:initial;display:inline-flex;align-items:center;gap:8px;vertical-align:middle;
font:500 13px/1.2 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;
--bg:#fff;--fg:#2b3a67;--bd:#b8c0d9;--hover:#eef1f9;--run-bg:#2b3a67;--run-fg:#fff;--muted:#5b6478;--err:#b42318;--ring:#2f6feb}
:host([data-placement=title]){margin-left:12px}
:host([data-placement=fixed]){position:fixed;right:16px;bottom:16px;z-index:2147483646}
button{all:unset;box-sizing:border-box;display:inline-block;cursor:pointer;
padding:5px 12px;border:1px solid var(--bd);border-radius:999px;background:var(--bg);color:var(--fg);white-space:nowrap}
button:hover{background:var(--hover)}
button:focus-visible{outline:2px solid var(--ring);outline-offset:2px}
button.stop{background:var(--run-bg);color:var(--run-fg);border-color:var(--run-bg)}
button[aria-disabled=true]{cursor:not-allowed;opacity:.6}
button[aria-busy=true]{cursor:progress}
.time{font-variant-numeric:tabular-nums}
.clock{position:relative;display:inline-block;vertical-align:-2px;margin-right:6px;box-sizing:border-box;width:12px;height:12px;border:1.5px solid currentColor;border-radius:50%}
.clock::before,.clock::after{content:"";position:absolute;left:50%;bottom:50%;margin-left:-.75px;width:1.5px;background:currentColor;transform-origin:bottom}
.clock::before{height:4px}
.clock::after{height:3px;transform:rotate(90deg)}
.stop .clock::after{animation:spin 60s linear infinite}
@keyframes spin{to{transform:rotate(450deg)}}
@media (prefers-reduced-motion:reduce){.stop .clock::after{animation:none}}
.note{color:var(--muted);font-weight:400}
.status{color:var(--err);font-weight:400}
.note:empty,.status:empty{display:none}
@media (prefers-color-scheme:dark){:host{--bg:#1e2333;--fg:#dfe5ff;--bd:#4a5477;--hover:#2a3147;
--run-bg:#8fa8ff;--run-fg:#10152a;--muted:#aab2c8;--err:#ff9c8f;--ring:#8fb3ff}}
`;

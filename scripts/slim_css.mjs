// One stylesheet for the whole site, holding only the rules its pages can use.
//
// Called by book/_ext/slim_pages.py after Sphinx has written the site:
//   node scripts/slim_css.mjs <job.json>
// job.json: { "root": "<outdir>", "out": "_static/…css", "css": ["_static/…css", …] (in cascade order),
//             "content": ["<file>", …] (pages and the scripts that set classes at run time),
//             "icons": { "f0eb": [width, height, "svg path"], … } (Font Awesome glyphs by code point) }
//
// 1. The stylesheets are concatenated in cascade order, with url(...) rebased to the bundle's folder.
// 2. PurgeCSS drops every rule whose selectors match nothing in the pages or the scripts. Classes that the
//    theme's scripts build from pieces at run time are kept by the safelist below.
// 3. Icons drawn with the Font Awesome web font in pseudo-elements (admonition titles, download links,
//    breadcrumbs …) are redrawn as CSS masks of the same glyph's SVG path, and every Font Awesome
//    @font-face is removed: the site loads no web font.
// Prints one JSON line: { bytesIn, bytesOut, rulesMasked }.

import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import postcss from "postcss";
import { PurgeCSS } from "purgecss";

const job = JSON.parse(readFileSync(process.argv[2], "utf8"));
const outPath = path.join(job.root, job.out);
const outDir = path.dirname(outPath);

// Classes and attributes that scripts create from string pieces, so no page or script holds them whole.
const SAFELIST = {
  standard: [/^show$/, /^showing$/, /^hiding$/, /^fade$/, /^collapsing$/, /^active$/, /^disabled$/],
  greedy: [/^bs-tooltip-/, /^bs-popover-/, /data-popper/, /data-bs-popper/, /^tooltip/, /^kind-/, /^highlighted$/],
};

const FONT_AWESOME = /font\s*awesome|--fa-font/i;

function rebaseUrls(css, fromFile) {
  const fromDir = path.dirname(path.join(job.root, fromFile));
  return css.replace(/url\(\s*(['"]?)([^'")]+)\1\s*\)/g, (whole, quote, url) => {
    if (/^(data:|https?:|#|\/)/.test(url)) return whole;
    const target = path.resolve(fromDir, url);
    return `url(${quote}${path.relative(outDir, target).split(path.sep).join("/")}${quote})`;
  });
}

function cssString(value) {
  // "\f0eb", '\f0eb' or the private-use character itself -> "f0eb"; anything else -> null
  const escaped = /^\s*(['"])\\([0-9a-fA-F]{4,5})\1\s*$/.exec(value);
  if (escaped) return escaped[2].toLowerCase();
  const literal = /^\s*(['"])([\ue000-\uf8ff])\1\s*$/u.exec(value);
  return literal ? literal[2].codePointAt(0).toString(16) : null;
}

function svgMask([width, height, d]) {
  const svg = `<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 ${width} ${height}'><path d='${d}'/></svg>`;
  return `url("data:image/svg+xml,${encodeURIComponent(svg).replace(/'/g, "%27")}")`;
}

function maskIcons(root) {
  // Custom properties declared anywhere (the theme declares its icon variables on html/:root).
  const vars = new Map();
  root.walkDecls(/^--/, (decl) => vars.set(decl.prop, decl.value));
  const resolve = (value, depth = 0) => {
    const m = /^\s*var\(\s*(--[\w-]+)\s*(?:,[^)]*)?\)\s*$/.exec(value);
    if (!m || depth > 8) return value;
    return vars.has(m[1]) ? resolve(vars.get(m[1]), depth + 1) : value;
  };
  let masked = 0;
  root.walkDecls("content", (decl) => {
    const code = cssString(resolve(decl.value));
    if (!code || parseInt(code, 16) < 0xe000 || parseInt(code, 16) > 0xf8ff) return;
    const glyph = job.icons[code];
    if (!glyph) throw new Error(`no Font Awesome glyph for \\${code} in ${decl.parent.selector}`);
    const rule = decl.parent;
    const has = (prop) => rule.nodes.some((n) => n.type === "decl" && n.prop === prop);
    decl.value = '""';
    const add = (prop, value) => { if (!has(prop)) rule.append({ prop, value }); };
    add("display", "inline-block");
    add("width", `${(glyph[0] / glyph[1]).toFixed(4)}em`);
    add("height", "1em");
    add("vertical-align", "-0.125em");
    add("background-color", "currentColor");
    // Unprefixed masks: Chromium 120, Firefox 53 and Safari 15.4 support them.
    rule.append({ prop: "mask-image", value: svgMask(glyph) });
    rule.append({ prop: "mask-repeat", value: "no-repeat" });
    rule.append({ prop: "mask-position", value: "center" });
    rule.append({ prop: "mask-size", value: "contain" });
    masked += 1;
  });
  root.walkAtRules("font-face", (rule) => {
    if (FONT_AWESOME.test(rule.toString())) rule.remove();
  });
  // The glyph font no longer exists; declarations naming it would only make the browser look for it.
  root.walkDecls(/^font(-family)?$/, (decl) => {
    if (FONT_AWESOME.test(decl.value)) decl.remove();
  });
  return masked;
}

const sources = job.css.map((file) => rebaseUrls(readFileSync(path.join(job.root, file), "utf8"), file));
const joined = sources.join("\n");
const [purged] = await new PurgeCSS().purge({
  content: job.content,
  css: [{ raw: joined }],
  safelist: SAFELIST,
  fontFace: false,
  keyframes: true,
  variables: false,
  rejected: false,
});
const root = postcss.parse(purged.css);
const rulesMasked = maskIcons(root);
// Comments (licence banners excepted) and empty rules left behind by the purge.
root.walkComments((c) => { if (!c.text.startsWith("!")) c.remove(); });
root.walkRules((r) => { if (!r.nodes.length) r.remove(); });
root.walkAtRules((r) => { if (r.nodes && !r.nodes.length) r.remove(); });
const out = root.toString().replace(/\n{2,}/g, "\n");
writeFileSync(outPath, out);
console.log(JSON.stringify({ bytesIn: Buffer.byteLength(joined), bytesOut: Buffer.byteLength(out), rulesMasked }));

// The PDF edition of the report, printed from the built site by the Debian Chromium through Playwright.
//
//   node scripts/print_pdf.mjs [--site _build/html] [--out _build/html/_downloads/rapport.pdf]
//
// 1. Reads the pages in reading order by following the site's own "next page" links from the front page,
//    so a page added to _toc.yml is printed without touching this script.
// 2. Takes each page's article, leaves out what only works on screen (code cells, controls, scripts), gives
//    its ids a per-page prefix (chapters reuse heading ids) and points links between pages at the chapter
//    inside the PDF.
// 3. Writes one HTML document (_build/pdf/rapport.html): title page, table of contents, chapters, with the
//    site's stylesheet and scripts/pdf.css; opens it at the width of the printed column and has the site's
//    own figures.js draw every figure (plotly and vega draw SVG, so the PDF holds vector figures).
// 4. Prints it twice: the first PDF tells on which page every heading in the table of contents landed
//    (Chromium writes a named destination for every link target), the second carries those page numbers.
//    It checks that the numbers did not move, and writes a tagged PDF with bookmarks.
//
// Chromium is /usr/bin/chromium (override: SE_IPS_CHROMIUM). Nothing is downloaded.

import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS, requireChromium } from "./chromium.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, "..");
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const SITE = path.resolve(ROOT, option("--site", "_build/html"));
const OUT = path.resolve(ROOT, option("--out", path.join("_build", "html", "_downloads", "rapport.pdf")));
const WORK = path.resolve(SITE, "..", "pdf");
// A4 with 18 mm side margins leaves a 174 mm column: 657.6 CSS px. Pages are laid out (and figures drawn)
// a quarter wider and printed at 80 %, so figures made for a screen keep their labels on paper.
const SCALE = 0.8;
const COLUMN_PX = Math.round(657.6 / SCALE);

function fail(message) {
  console.error(`print_pdf: ${message}`);
  process.exit(1);
}

if (!existsSync(path.join(SITE, "index.html"))) fail(`no built site in ${SITE} (run jupyter-book first)`);
requireChromium("print_pdf");

const escapeHtml = (s) => String(s).replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);
const cssString = (s) => `"${String(s).replace(/["\\]/g, "\\$&").replace(/\n/g, " ")}"`;

// Runs in each site page: the article made fit for one printed document.
function extractArticle(slug) {
  const article = document.querySelector("article.bd-article");
  if (!article) return null;
  const clone = article.cloneNode(true);
  const drop = [
    "script:not([type='application/json'])", "noscript", "a.headerlink", ".cell_input", "details.hide.above-input",
    "button", "#jb-print-docs-body", "template", ".se-pdf-link", ".se-download-only",
  ];
  clone.querySelectorAll(drop.join(",")).forEach((el) => el.remove());
  // Paper cannot unfold: folded tables and lists print open (a figure's own data table stays on the site).
  clone.querySelectorAll("details:not(.se-figure-data)").forEach((el) => el.setAttribute("open", ""));
  // Long identifiers in table cells (file names, variable names) may break after . _ / - on paper.
  const walker = document.createTreeWalker(clone, NodeFilter.SHOW_TEXT);
  const long = [];
  while (walker.nextNode()) {
    const node = walker.currentNode;
    if (node.parentElement && node.parentElement.closest("td, th") && /[^\s]{18,}/.test(node.data)) long.push(node);
  }
  for (const node of long) {
    const parts = node.data.split(/(?<=[._\/-])(?=[^\s])|(?<=[0-9a-f]{12})(?=[0-9a-f]{4})/);
    const fragment = document.createDocumentFragment();
    parts.forEach((part, i) => {
      if (i) fragment.appendChild(document.createElement("wbr"));
      fragment.appendChild(document.createTextNode(part));
    });
    node.replaceWith(fragment);
  }
  // Absolute URLs, so the combined document can live anywhere.
  clone.querySelectorAll("[src]").forEach((el) => el.setAttribute("src", new URL(el.getAttribute("src"), location.href).href));
  clone.querySelectorAll("a[href], link[href]").forEach((el) => {
    const href = el.getAttribute("href");
    if (href.startsWith("#")) return;
    el.setAttribute("href", new URL(href, location.href).href);
  });
  // Per-page id prefix, applied to every attribute that names an id and to id selectors in inline styles.
  const prefix = (id) => `${slug}--${id}`;
  const ids = new Set(Array.from(clone.querySelectorAll("[id]"), (el) => el.id));
  clone.querySelectorAll("style").forEach((el) => {
    el.textContent = el.textContent.replace(/#([A-Za-z][\w-]*)/g, (whole, id) => (ids.has(id) ? `#${prefix(id)}` : whole));
  });
  clone.querySelectorAll("[id]").forEach((el) => el.setAttribute("id", prefix(el.id)));
  for (const attr of ["for", "aria-labelledby", "aria-describedby", "aria-controls", "aria-owns", "headers", "data-spec", "list"]) {
    clone.querySelectorAll(`[${attr}]`).forEach((el) => {
      el.setAttribute(attr, el.getAttribute(attr).split(/\s+/).filter(Boolean).map(prefix).join(" "));
    });
  }
  clone.querySelectorAll('a[href^="#"]').forEach((el) => {
    const id = el.getAttribute("href").slice(1);
    if (id) el.setAttribute("href", `#${prefix(decodeURIComponent(id))}`);
  });
  const h1 = clone.querySelector("h1");
  const sections = Array.from(clone.querySelectorAll("section > h2")).map((h) => ({
    id: h.closest("section").id, title: h.textContent.trim(),
  }));
  const lang = clone.querySelector("[lang]:not([lang^='nb'])");
  return {
    url: location.href.split("#")[0],
    title: h1 ? h1.textContent.trim() : document.title,
    h1id: h1 && h1.closest("section") ? h1.closest("section").id : null,
    sections,
    html: clone.innerHTML,
    contentLang: lang ? lang.getAttribute("lang") : null,
  };
}

function siteMeta() {
  const text = (sel) => { const el = document.querySelector(sel); return el ? el.textContent.replace(/\s+/g, " ").trim() : ""; };
  return {
    siteTitle: text(".navbar-brand .logo__title") || document.title.split(" — ").pop(),
    author: text(".footer-item .component-author"),
    copyright: text(".footer-item .copyright"),
    updated: text(".footer-item .last-updated"),
    licence: text(".se-licence"),
    lang: document.documentElement.lang,
  };
}

// ------------------------------------------------------------------------------- named destinations
// Chromium (Skia) writes a /Dests dictionary: destination name -> [page-object /XYZ x y z], and a page tree.
function pdfObjects(buffer) {
  const text = buffer.toString("latin1");
  const objects = new Map();
  const re = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
  let m;
  while ((m = re.exec(text))) objects.set(Number(m[1]), m[2]);
  return objects;
}
function pageNumbers(buffer) {
  const objects = pdfObjects(buffer);
  const catalog = [...objects.values()].find((o) => /\/Type\s*\/Catalog/.test(o));
  if (!catalog) throw new Error("no catalog in the printed PDF");
  const ref = (body, key) => { const m = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(body); return m ? Number(m[1]) : null; };
  const leaves = (num) => {
    const body = objects.get(num) || "";
    if (!/\/Type\s*\/Pages/.test(body)) return [num];
    const kids = /\/Kids\s*\[([^\]]*)\]/.exec(body);
    return kids ? [...kids[1].matchAll(/(\d+) 0 R/g)].flatMap((k) => leaves(Number(k[1]))) : [];
  };
  const order = leaves(ref(catalog, "Pages"));
  const pageOf = new Map(order.map((num, i) => [num, i + 1]));
  const destsRef = ref(catalog, "Dests");
  const dests = new Map();
  if (destsRef !== null) {
    const body = objects.get(destsRef) || "";
    for (const d of body.matchAll(/\/([^\s\/\[\]<>()]+)\s*\[\s*(\d+) 0 R/g)) {
      const name = d[1].replace(/#([0-9a-fA-F]{2})/g, (_, h) => String.fromCharCode(parseInt(h, 16)));
      dests.set(name, pageOf.get(Number(d[2])));
    }
  }
  return { pages: order.length, dests };
}

// ------------------------------------------------------------------------------------------ compose
function compose(meta, chapters, css) {
  const running = meta.siteTitle;
  const toc = [];
  for (const ch of chapters) {
    toc.push(`<li class="pdf-toc-part"><a href="#${ch.anchor}"><span class="pdf-toc-label">${escapeHtml(ch.title)}</span>` +
             `<span class="pdf-toc-leader" aria-hidden="true"></span><span class="pdf-toc-page" data-for="${ch.anchor}">00</span></a></li>`);
    for (const s of ch.sections) {
      toc.push(`<li class="pdf-toc-section"><a href="#${s.anchor}"><span class="pdf-toc-label">${escapeHtml(s.title)}</span>` +
               `<span class="pdf-toc-leader" aria-hidden="true"></span><span class="pdf-toc-page" data-for="${s.anchor}">00</span></a></li>`);
    }
  }
  const body = chapters.map((ch) =>
    `<article class="bd-article pdf-chapter" id="${ch.anchor}"${ch.contentLang ? ` lang="${ch.contentLang}"` : ""}>${ch.html}</article>`,
  ).join("\n");
  const pageRule = `@page { @top-left { content: ${cssString(running)}; } @bottom-left { content: ${cssString(meta.footer)}; } }\n` +
    "@page :first { @top-left { content: none; } @bottom-left { content: none; } @bottom-right { content: none; } }";
  return `<!DOCTYPE html>
<html lang="${escapeHtml(meta.lang || "nb")}" data-theme="light" data-mode="light">
<head>
<meta charset="utf-8">
<title>${escapeHtml(meta.siteTitle)}</title>
<meta name="author" content="${escapeHtml(meta.authorName)}">
${css.map((href) => `<link rel="stylesheet" href="${href}">`).join("\n")}
<style>${pageRule}</style>
</head>
<body>
<main class="pdf-book">
<section class="pdf-title-page" aria-label="Tittelside">
  <div>
    <h1 class="pdf-title">${escapeHtml(meta.siteTitle)}</h1>
    <p class="pdf-subtitle">Rapport. Utskrift av nettstedet med alle kapitler, figurer, tabeller og referanser.</p>
  </div>
  <div class="pdf-meta">
    ${meta.author ? `<p>${escapeHtml(meta.author)}</p>` : ""}
    ${meta.updated ? `<p>${escapeHtml(meta.updated)}</p>` : ""}
    <p>Figurene er tegnet fra de samme dataene som på nettstedet; tallene bak hver figur finnes der, og som CSV-filer.</p>
  </div>
  <div class="pdf-licence">${meta.copyright ? `<p>${escapeHtml(meta.copyright)}</p>` : ""}${meta.licence ? `<p>${escapeHtml(meta.licence)}</p>` : ""}</div>
</section>
<nav class="pdf-toc" aria-labelledby="pdf-toc-title">
<h1 id="pdf-toc-title">Innhold</h1>
<ol>
${toc.join("\n")}
</ol>
</nav>
${body}
</main>
<script src="${meta.figuresJs}" data-plotly="vendor/plotly-cartesian.min.js" data-vega="vendor/vega.min.js vendor/vega-lite.min.js vendor/vega-embed.min.js"></script>
</body>
</html>
`;
}

// ------------------------------------------------------------------------------------------------ main
const started = Date.now();
const lap = (what) => { if (process.env.SE_IPS_PDF_TIMING) console.log(`  ${what}: ${((Date.now() - started) / 1000).toFixed(1)} s`); };
const userDataDir = mkdtempSync(path.join(os.tmpdir(), "se-ips-pdf-"));
let context;
try {
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS, viewport: { width: 1280, height: 900 },
  });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });

  // 1-2. Pages in reading order, each article prepared for print. index.html redirects to the root page.
  const index = readFileSync(path.join(SITE, "index.html"), "utf8");
  const redirect = /http-equiv="refresh"[^>]*url=([^"';>]+)/i.exec(index);
  const first = redirect ? path.join(SITE, redirect[1].trim()) : path.join(SITE, "index.html");
  await page.goto(pathToFileURL(first).href, { waitUntil: "load" });
  const meta = await page.evaluate(siteMeta);
  const chapters = [];
  const seen = new Set();
  for (;;) {
    const url = page.url().split("#")[0];
    if (seen.has(url)) break;
    seen.add(url);
    const rel = path.relative(SITE, fileURLToPath(url));
    const slug = rel.replace(/\.html$/, "").replace(/[^A-Za-z0-9]+/g, "-").toLowerCase();
    const article = await page.evaluate(extractArticle, slug);
    if (article) chapters.push({ ...article, slug, rel, anchor: `pdf-${slug}` });
    const next = await page.evaluate(() => { const l = document.querySelector('link[rel="next"]'); return l ? l.href : null; });
    if (!next) break;
    await page.goto(next, { waitUntil: "load" });
  }
  lap("articles read");
  if (chapters.length < 2) fail(`found only ${chapters.length} page(s) by following the next-page links`);

  // Links between pages point at the chapter (and heading) inside the PDF.
  const byUrl = new Map(chapters.map((c) => [pathToFileURL(path.join(SITE, c.rel)).href, c]));
  for (const ch of chapters) {
    ch.sections = ch.sections.map((s) => ({ ...s, anchor: s.id }));  // ids are prefixed already
    ch.html = ch.html.replace(/href="(file:[^"#]+)(?:#([^"]*))?"/g, (whole, target, frag) => {
      const other = byUrl.get(target);
      if (!other) return whole;
      return `href="#${frag ? `${other.slug}--${decodeURIComponent(frag)}` : other.anchor}"`;
    });
  }
  const staticUrl = (name) => pathToFileURL(path.join(SITE, "_static", name)).href;
  meta.figuresJs = staticUrl("figures.js");
  meta.authorName = meta.author.replace(/^Av\s+/, "");
  meta.footer = [meta.author.replace(/^Av\s+/, ""), meta.updated].filter(Boolean).join(" · ");
  const css = [staticUrl("se-site.css"), pathToFileURL(path.join(HERE, "pdf.css")).href];

  // 3. One document, drawn at the printed column's width.
  mkdirSync(WORK, { recursive: true });
  const docPath = path.join(WORK, "rapport.html");
  writeFileSync(docPath, compose(meta, chapters, css));
  await page.setViewportSize({ width: COLUMN_PX, height: 1000 });
  await page.emulateMedia({ media: "print" });
  await page.goto(pathToFileURL(docPath).href, { waitUntil: "load" });
  await page.evaluate(() => window.seFigures.renderAll());
  const undrawn = await page.evaluate(() => Array.from(document.querySelectorAll("[data-se-plotly],[data-se-vega]"))
    .filter((el) => el.getAttribute("data-rendered") !== "true" || !el.querySelector("svg")).map((el) => el.id));
  if (undrawn.length) fail(`figures not drawn for print: ${undrawn.join(", ")}`);
  await page.evaluate(() => document.fonts.ready);
  lap("figures drawn");

  // 4. Print, read the page of every table-of-contents target, fill in, print again until stable.
  const options = { printBackground: true, preferCSSPageSize: true, tagged: true, outline: true, scale: SCALE };
  const anchors = await page.evaluate(() => Array.from(document.querySelectorAll(".pdf-toc-page")).map((el) => el.dataset.for));
  let previous = null;
  let pdf = null;
  for (let round = 0; round < 4; round += 1) {
    pdf = await page.pdf(options);
    lap(`printed (round ${round + 1})`);
    const { dests } = pageNumbers(pdf);
    const numbers = Object.fromEntries(anchors.map((a) => [a, dests.get(a)]));
    const missing = anchors.filter((a) => !numbers[a]);
    if (missing.length) fail(`no page found for table-of-contents entries: ${missing.slice(0, 10).join(", ")}`);
    if (previous && anchors.every((a) => previous[a] === numbers[a])) break;
    if (round === 3) fail("table-of-contents page numbers did not settle");
    previous = numbers;
    await page.evaluate((n) => {
      document.querySelectorAll(".pdf-toc-page").forEach((el) => { el.textContent = String(n[el.dataset.for]); });
    }, numbers);
  }
  if (errors.length) fail(`errors while printing:\n${errors.join("\n")}`);
  mkdirSync(path.dirname(OUT), { recursive: true });
  writeFileSync(OUT, pdf);
  const { pages } = pageNumbers(pdf);
  console.log(`print_pdf: ${path.relative(ROOT, OUT)}: ${pages} pages, ${chapters.length} chapters, ` +
              `${(pdf.length / 1e6).toFixed(2)} MB in ${((Date.now() - started) / 1000).toFixed(1)} s`);
} finally {
  if (context) await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}

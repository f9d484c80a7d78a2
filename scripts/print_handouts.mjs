// The case handouts as PDFs, printed by the Debian Chromium through Playwright.
//
//   node scripts/print_handouts.mjs [--in _build/kurs] [--out _build/html/_downloads/kurs]
//
// `python -m analysis handouts --out _build/kurs` writes one standalone HTML page per case (case-NN.html)
// and one with every case (alle-casene.html); their A4 page size and margins are in their own stylesheet.
// This script prints each to a PDF of the same name in --out (tagged, with the document title), in one
// browser, and refuses a result that breaks the promise of the trainer's kit: every case handout is exactly
// one page, and the bundle has one page per case. PDFs in --out that no longer have a page are removed.

import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS, pdfPageCount, requireChromium } from "./chromium.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const args = process.argv.slice(2);
const option = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const IN = path.resolve(ROOT, option("--in", path.join("_build", "kurs")));
const OUT = path.resolve(ROOT, option("--out", path.join("_build", "html", "_downloads", "kurs")));
const BUNDLE = "alle-casene";
const CASE = /^case-\d{2}$/;

function fail(message) {
  console.error(`print_handouts: ${message}`);
  process.exit(1);
}

const MIN_PT = 8.5;
const STEP_PT = 0.25;

// In the page: the printable box (--handout-width × --handout-height, set by the handout's stylesheet) in px.
function measureBox() {
  const probe = document.createElement("div");
  probe.style.cssText = "position:absolute;visibility:hidden;width:var(--handout-width);height:var(--handout-height)";
  document.body.appendChild(probe);
  const { width, height } = probe.getBoundingClientRect();
  probe.remove();
  return { width, height };
}

// In the page: every handout that is taller than the box gets smaller text, step by step, down to MIN_PT.
function fitHandouts({ limit, minPt, step }) {
  return Array.from(document.querySelectorAll(".handout"), (article) => {
    let pt = parseFloat(getComputedStyle(article).fontSize) * 0.75;
    const start = pt;
    while (article.getBoundingClientRect().height > limit && pt - step >= minPt - 1e-9) {
      pt = Math.round((pt - step) * 100) / 100;
      article.style.fontSize = `${pt}pt`;
    }
    const fits = article.getBoundingClientRect().height <= limit;
    return { id: article.id, pt: fits ? pt : null, shrunk: fits && pt < start };
  });
}

requireChromium("print_handouts");
let pages;
try {
  pages = readdirSync(IN).filter((f) => f.endsWith(".html")).sort();
} catch {
  fail(`no handouts in ${IN} (run python -m analysis handouts --out ${path.relative(ROOT, IN)} first)`);
}
const stems = pages.map((f) => f.replace(/\.html$/, ""));
const cases = stems.filter((s) => CASE.test(s));
if (!cases.length || !stems.includes(BUNDLE)) fail(`expected case-NN.html and ${BUNDLE}.html in ${IN}`);

const started = Date.now();
mkdirSync(OUT, { recursive: true });
for (const stale of readdirSync(OUT).filter((f) => f.endsWith(".pdf") && !stems.includes(f.replace(/\.pdf$/, "")))) {
  rmSync(path.join(OUT, stale));
}
const userDataDir = mkdtempSync(path.join(os.tmpdir(), "se-ips-handouts-"));
let context;
const problems = [];
const shrunk = [];
try {
  context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS,
  });
  // Nothing may be fetched: a handout is self-contained.
  await context.route("**/*", (route) => (route.request().url().startsWith("file:") ? route.continue() : route.abort()));
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(String(e)));
  page.on("requestfailed", (r) => errors.push(`request failed: ${r.url()}`));
  await page.emulateMedia({ media: "print" });
  for (const stem of stems) {
    await page.goto(pathToFileURL(path.join(IN, `${stem}.html`)).href, { waitUntil: "load" });
    await page.evaluate(() => document.fonts.ready);
    const box = await page.evaluate(measureBox);
    await page.setViewportSize({ width: Math.floor(box.width), height: Math.ceil(box.height) });
    for (const fitted of await page.evaluate(fitHandouts, { limit: box.height, minPt: MIN_PT, step: STEP_PT })) {
      if (fitted.pt === null) problems.push(`${stem}: ${fitted.id} does not fit on one page even at ${MIN_PT} pt`);
      else if (fitted.shrunk) shrunk.push(`${fitted.id} (${fitted.pt} pt)`);
    }
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, tagged: true, outline: false });
    writeFileSync(path.join(OUT, `${stem}.pdf`), pdf);
    const count = pdfPageCount(pdf);
    const expected = stem === BUNDLE ? cases.length : 1;
    if (count !== expected) problems.push(`${stem}.pdf has ${count} page(s), expected ${expected}`);
  }
  if (errors.length) problems.push(...errors);
} finally {
  if (context) await context.close();
  rmSync(userDataDir, { recursive: true, force: true });
}
if (problems.length) fail(problems.join("\n"));
const shown = path.relative(ROOT, OUT) || OUT;
console.log(`print_handouts: ${shown}: ${cases.length} handouts and ${BUNDLE}.pdf in ${((Date.now() - started) / 1000).toFixed(1)} s` +
            (shrunk.length ? `; smaller text to fit one page: ${[...new Set(shrunk)].join(", ")}` : ""));

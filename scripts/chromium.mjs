// The one way the build starts a browser: Debian's Chromium (never a downloaded one) through playwright-core,
// with the flags a root user on a machine without network needs. Shared by print_pdf.mjs (the PDF edition)
// and print_handouts.mjs (the case handouts).

import { existsSync } from "node:fs";

export const CHROMIUM = process.env.SE_IPS_CHROMIUM || "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
  "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
];

// Exits with a message that says how to get Chromium when it is missing.
export function requireChromium(script) {
  if (!existsSync(CHROMIUM)) {
    console.error(`${script}: Chromium not found at ${CHROMIUM}. The build prints PDFs with Debian's Chromium: ` +
                  "apt-get install chromium (.ci/run installs it), or set SE_IPS_CHROMIUM.");
    process.exit(1);
  }
}

// Number of pages in a PDF Chromium wrote: its page objects (/Type /Page, not /Pages).
export function pdfPageCount(buffer) {
  return (buffer.toString("latin1").match(/\/Type\s*\/Page(?![s\w])/g) || []).length;
}

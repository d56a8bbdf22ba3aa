// Opens lifeplan HTML files in Debian's chromium (never a downloaded browser), takes
// a screenshot of each, and runs axe-core in the page. Prints one JSON object per
// file: {file, violations: [{id, impact, help, nodes}]}. Used by generator/html's
// browser test; run by hand as: node check.mjs OUT_DIR FILE.html ...
import { chromium } from "playwright-core";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { basename, join } from "node:path";
import { pathToFileURL } from "node:url";

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve("axe-core/axe.min.js"), "utf8");

const [outDir, ...files] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
  // The machine has no network: without these, chromium tries to reach Google's
  // hosts at every start.
  args: ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
});
try {
  for (const file of files) {
    const page = await browser.newPage({ viewport: { width: 1000, height: 1400 } });
    await page.goto(pathToFileURL(file).href);
    await page.screenshot({ path: join(outDir, basename(file, ".html") + ".png") });
    await page.addScriptTag({ content: axeSource });
    const result = await page.evaluate(async () =>
      await window.axe.run(document, { resultTypes: ["violations"] }));
    const violations = result.violations.map((v) => ({
      id: v.id, impact: v.impact, help: v.help,
      nodes: v.nodes.slice(0, 3).map((n) => n.target.join(" ")),
    }));
    // The print stylesheet's paged layout: the PDF Chromium prints, kept beside the
    // screenshot. Printing takes seconds a document, so only the first is printed
    // unless PRINT_ALL=1.
    let printBytes = -1;
    if (file === files[0] || process.env.PRINT_ALL === "1") {
      const pdf = await page.pdf({ path: join(outDir, basename(file, ".html") + ".print.pdf"), format: "A4" });
      printBytes = pdf.length;
    }
    console.log(JSON.stringify({ file, violations, printBytes }));
    await page.close();
  }
} finally {
  await browser.close();
}

// Opens pages of an HTML report in headless Chromium and reports how long they take to load
// and to scroll, and how many elements they hold (scripts/html-corpus.sh). Not a test.
//
// Usage: node measure.mjs PAGE.html [PAGE.html...]

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const profile = fs.mkdtempSync(path.join(os.tmpdir(), "claimcheck-chromium-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  viewport: { width: 1280, height: 900 },
});
for (const file of process.argv.slice(2)) {
  const page = await context.newPage();
  page.setDefaultTimeout(300_000);
  const t0 = Date.now();
  await page.goto(pathToFileURL(path.resolve(file)).href, { waitUntil: "load", timeout: 300_000 });
  const loaded = Date.now() - t0;
  const stats = await page.evaluate(async () => {
    const nav = performance.getEntriesByType("navigation")[0];
    const elements = document.getElementsByTagName("*").length;
    // Scroll through the page a screen at a time and time the frames.
    const frames = [];
    let last = performance.now();
    const height = document.documentElement.scrollHeight;
    const steps = Math.min(200, Math.ceil(height / innerHeight));
    for (let i = 1; i <= steps; i++) {
      window.scrollTo(0, (height * i) / steps);
      await new Promise((r) => requestAnimationFrame(r));
      const now = performance.now();
      frames.push(now - last);
      last = now;
    }
    frames.sort((a, b) => a - b);
    return {
      domContentLoaded: Math.round(nav.domContentLoadedEventEnd),
      elements,
      height,
      medianFrame: frames[Math.floor(frames.length / 2)]?.toFixed(1),
      worstFrame: frames[frames.length - 1]?.toFixed(1),
      heapMB: performance.memory ? Math.round(performance.memory.usedJSHeapSize / 1e6) : null,
    };
  });
  const size = fs.statSync(file).size;
  console.log(
    `${file}: ${(size / 1e6).toFixed(2)} MB, ${stats.elements} elements, ` +
      `DOMContentLoaded ${stats.domContentLoaded} ms, load ${loaded} ms, ` +
      `scroll frames median ${stats.medianFrame} ms, worst ${stats.worstFrame} ms, JS heap ${stats.heapMB} MB`,
  );
  await page.close();
}
await context.close();
fs.rmSync(profile, { recursive: true, force: true });

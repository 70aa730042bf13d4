// Loads claimcheck's HTML report in headless Chromium (Debian's /usr/bin/chromium, driven by
// playwright-core, which never downloads a browser) and checks what a reader sees:
// every figure marked, every finding drawn, the filters, keyboard and hover details, no
// script errors and no network; then that hostile articles run nothing; then the paged
// report of a large input. Screenshots go to the output folder for people to look at.
//
// Usage: node report.test.mjs OUT  (tests/suites/browser.sh prepares OUT)

import assert from "node:assert/strict";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";

const out = path.resolve(process.argv[2] ?? "target/browser");
const executablePath = process.env.CHROMIUM ?? "/usr/bin/chromium";
const started = Date.now();
let checks = 0;

function ok(condition, message) {
  assert.ok(condition, message);
  checks++;
}

const profile = fs.mkdtempSync(path.join(os.tmpdir(), "claimcheck-chromium-"));
const context = await chromium.launchPersistentContext(profile, {
  executablePath,
  headless: true,
  args: [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
  ],
  viewport: { width: 1280, height: 900 },
});

/** A page that records script errors, console errors, dialogs, CSP violations and any
 * request that is not the report's own file. */
async function open(file, { width = 1280, height = 900 } = {}) {
  const page = await context.newPage();
  page.setDefaultTimeout(5000);
  await page.setViewportSize({ width, height });
  const problems = [];
  page.on("pageerror", (e) => problems.push(`script error: ${e.message}`));
  page.on("console", (m) => {
    if (m.type() === "error" || m.type() === "warning") problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on("dialog", async (d) => {
    problems.push(`dialog: ${d.message()}`);
    await d.dismiss();
  });
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file://")) return route.continue();
    problems.push(`network request: ${url}`);
    return route.abort();
  });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) =>
      window.__violations.push(`${e.violatedDirective}: ${e.sample}`),
    );
  });
  await page.goto(pathToFileURL(file).href);
  return { page, problems };
}

async function noProblems(page, problems, what) {
  const violations = await page.evaluate(() => window.__violations);
  ok(violations.length === 0, `${what}: CSP violations ${JSON.stringify(violations)}`);
  ok(problems.length === 0, `${what}: ${problems.join("; ")}`);
}

const normal = (s) => s.replace(/\s+/g, " ").trim();

// ---------------------------------------------------------------- the example articles
{
  const dir = path.join(out, "examples");
  const { page, problems } = await open(path.join(dir, "report.html"));
  const figures = JSON.parse(fs.readFileSync(path.join(dir, "extract.json"), "utf8"));
  const findings = JSON.parse(fs.readFileSync(path.join(dir, "check.json"), "utf8"));

  // Every figure `extract` finds is marked, in its article, in order.
  const marked = await page.$$eval("article.doc", (articles) =>
    articles.map((a) => ({
      name: a.querySelector("h2").textContent,
      marks: [...a.querySelectorAll("mark.fig[id*='-f']")].map((m) => m.firstChild.textContent),
    })),
  );
  const byFile = new Map();
  for (const f of figures) byFile.set(f.file, [...(byFile.get(f.file) ?? []), normal(f.text)]);
  ok(marked.length === byFile.size, `${marked.length} articles shown, ${byFile.size} read`);
  for (const a of marked) {
    assert.deepEqual(a.marks.map(normal), byFile.get(a.name), `the figures of ${a.name}`);
    checks++;
  }

  // Every finding has its card, with a number line that has a text alternative.
  const cards = await page.$$eval(".finding", (cs) =>
    cs.map((c) => {
      const svg = c.querySelector("figure.nl svg[role=img]");
      const label = svg && document.getElementById(svg.getAttribute("aria-labelledby"));
      return {
        rule: c.dataset.rule,
        bars: svg ? svg.querySelectorAll("rect, circle").length : 0,
        alt: label ? label.textContent : "",
        rows: svg ? svg.querySelectorAll("text.lbl").length : 0,
      };
    }),
  );
  ok(cards.length === findings.length, `${cards.length} finding cards for ${findings.length} findings`);
  findings.forEach((f, i) => {
    const c = cards[i];
    ok(c.rule === f.code, `finding ${i}: ${c.rule} for ${f.code}`);
    if (f.interval) {
      ok(c.bars > 0, `finding ${i} (${f.rule}) has its drawing`);
      ok(c.rows === (f.compared_with ? 2 : 1), `finding ${i}: both sides drawn`);
      ok(/\[|\(/.test(c.alt), `finding ${i}: the drawing's text alternative gives the intervals: ${c.alt}`);
    }
  });
  // The contradiction of the two examples, drawn as bars that do not touch.
  const contradiction = await page.$eval(".finding[data-rule=CC002] figcaption", (e) => e.textContent);
  ok(contradiction.includes("They do not overlap"), contradiction);
  // Every estimate is drawn too.
  const estimates = await page.$$eval(".est", (es) => es.map((e) => !!e.querySelector("svg[role=img]")));
  ok(estimates.length > 0 && estimates.every(Boolean), "every estimate has its number line");

  // Findings underline their figures.
  const errorFigures = new Set(
    findings.filter((f) => f.severity === "error").map((f) => `${f.file}:${f.line}:${f.column}`),
  ).size;
  ok(errorFigures >= 2, `the examples hold errors (${errorFigures})`);
  ok(
    (await page.locator("article mark.fig.sev-error").count()) === errorFigures,
    `each figure with an error underlined as one (${errorFigures})`,
  );

  // The filters: hide errors, then one rule, then articles without a shown finding.
  ok(await page.locator("#filters").isVisible(), "the filters show when the script runs");
  const visible = (sel) => page.locator(sel).evaluateAll((es) => es.filter((e) => e.offsetParent !== null).length);
  const errors = await visible(".finding.sev-error");
  const errorFindings = findings.filter((f) => f.severity === "error").length;
  ok(errors === errorFindings, `${errors} error cards visible, of ${errorFindings}`);
  await page.locator("#filters input[data-key=error]").uncheck();
  ok((await visible(".finding.sev-error")) === 0, "unchecking error hides the error findings");
  ok((await page.locator("article mark.fig.sev-error").count()) === 0, "… and their underlines");
  ok((await page.locator("#shown").textContent()).startsWith(`${findings.length - errorFindings} of ${findings.length}`), "the status counts them");
  await page.locator("#filters input[data-key=CC101]").uncheck();
  ok((await visible(".finding[data-rule=CC101]")) === 0, "unchecking a rule hides its findings");
  ok((await visible(".finding[data-rule=CC109]")) > 0, "… and only its findings");
  await page.locator("#filters input[data-key=warning]").uncheck();
  await page.locator("#only").check();
  ok((await visible("article.doc")) === 0, "only articles with a shown finding: none left");
  ok((await visible("#toc [role=row][data-fs]")) === 0, "… in the contents too");
  for (const key of ["error", "warning", "CC101"]) await page.locator(`#filters input[data-key=${key}]`).check();
  await page.locator("#only").uncheck();
  ok((await visible(".finding")) === findings.length, "checking them again shows every finding");

  // Details on keyboard focus: Tab reaches the figures in reading order; Escape hides.
  await page.evaluate(() => window.scrollTo(0, 0));
  let focused = "";
  for (let i = 0; i < 80 && !focused.startsWith("MARK"); i++) {
    await page.keyboard.press("Tab");
    focused = await page.evaluate(() => `${document.activeElement.tagName} ${document.activeElement.id}`);
  }
  ok(focused === "MARK a1-f0", `the first figure is reached with Tab: ${focused}`);
  const tip = page.locator("#a1-f0-tip");
  ok(await tip.isVisible(), "its details show on focus");
  await page.keyboard.press("Escape");
  ok(!(await tip.isVisible()), "Escape hides them");
  await page.keyboard.press("Tab");
  ok(await page.locator("#a1-f1-tip").isVisible(), "the next figure's details show");

  // Details on hover, with the matched study's link.
  await page.evaluate(() => document.activeElement.blur());
  const known = page.locator("article mark.fig.known").first();
  await known.scrollIntoViewIfNeeded();
  await known.hover();
  const knownTip = known.locator(".tip");
  ok(await knownTip.isVisible(), "details show on hover");
  const tipText = await knownTip.textContent();
  for (const word of ["interval", "subject", "source", "study"]) ok(tipText.includes(word), `the details give the ${word}: ${tipText}`);
  ok((await knownTip.locator("a[href^='https://']").count()) > 0, "the matched study is linked");
  await page.screenshot({ path: path.join(out, "tooltip-desktop.png") });

  // Screenshots: the top of the report, a contradiction, the phone, print.
  await page.mouse.move(0, 0);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(out, "report-desktop.png") });
  await page.locator(".finding[data-rule=CC002]").first().scrollIntoViewIfNeeded();
  await page.evaluate(() => document.querySelector("#a2-L5").scrollIntoView());
  await page.screenshot({ path: path.join(out, "contradiction-desktop.png") });
  await page.screenshot({ path: path.join(out, "report-desktop-full.png"), fullPage: true });

  await page.setViewportSize({ width: 390, height: 844 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  ok(overflow <= 0, `nothing wider than a phone's screen (${overflow}px too wide)`);
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(out, "report-phone.png") });
  await page.evaluate(() => document.querySelector(".finding[data-rule=CC002]").scrollIntoView());
  await page.screenshot({ path: path.join(out, "contradiction-phone.png") });
  await page.locator("#a2-f3").focus();
  await page.screenshot({ path: path.join(out, "tooltip-phone.png") });

  await page.setViewportSize({ width: 1280, height: 900 });
  ok((await page.locator("article details.more[open]").count()) === 0, "notes start folded");
  await page.evaluate(() => window.dispatchEvent(new Event("beforeprint")));
  ok((await page.locator("article details.more:not([open])").count()) === 0, "printing unfolds every note");
  await page.emulateMedia({ media: "print" });
  ok(!(await page.locator("#filters").isVisible()), "print leaves out the filters");
  await page.pdf({ path: path.join(out, "report-print.pdf"), format: "A4" });
  await page.evaluate(() => document.querySelector("#a2").scrollIntoView());
  await page.screenshot({ path: path.join(out, "report-print.png") });
  await page.emulateMedia({ media: "screen" });
  await page.evaluate(() => window.dispatchEvent(new Event("afterprint")));
  ok((await page.locator("article details.more[open]").count()) === 0, "and folds them again after");
  await noProblems(page, problems, "the example articles");
  await page.close();
}

// ---------------------------------------------------------------- hostile articles
{
  const { page, problems } = await open(path.join(out, "hostile.html"));
  await page.waitForTimeout(200);
  ok((await page.evaluate(() => window.__pwned)) === undefined, "no hostile script ran");
  ok((await page.evaluate(() => document.scripts.length)) === 1, "the page's own script only");
  const handlers = await page.evaluate(() =>
    [...document.querySelectorAll("*")].flatMap((e) => [...e.attributes].filter((a) => a.name.startsWith("on")).map((a) => `${e.tagName} ${a.name}`)),
  );
  ok(handlers.length === 0, `no event attributes: ${handlers}`);
  ok((await page.locator("img, iframe, object, embed, textarea, noscript").count()) === 0, "no element from the text");
  ok((await page.locator("style").count()) === 1, "the page's own stylesheet only");
  ok((await page.evaluate(() => getComputedStyle(document.body).display)) !== "none", "a </style> in the text does not restyle the page");
  const hrefs = await page.$$eval("a[href]", (as) => as.map((a) => a.getAttribute("href")));
  const unsafe = hrefs.filter((h) => !/^(#|https?:\/\/)/.test(h));
  ok(unsafe.length === 0, `only in-page and web links: ${unsafe}`);
  const text = await page.locator("main").innerText();
  for (const shown of ["<script>window.__pwned='text'</script>", "</style><style>body{display:none}</style>", "javascript:window.__pwned='link'", "⟨U+202E⟩"]) {
    ok(text.includes(shown), `shown as text: ${shown}`);
  }
  // Nothing a reader could click or hover runs code either.
  for (const mark of await page.locator("article mark.fig").all()) await mark.hover();
  for (const link of await page.locator("main a[href^='#']:visible").all()) await link.click();
  ok((await page.evaluate(() => window.__pwned)) === undefined, "hovering and clicking runs nothing");
  await page.evaluate(() => window.scrollTo(0, 0));
  await page.screenshot({ path: path.join(out, "hostile-desktop.png") });
  await noProblems(page, problems, "the hostile articles");
  await page.close();
}

// ---------------------------------------------------------------- a large input, paged
{
  const dir = path.join(out, "paged");
  const { page, problems } = await open(path.join(dir, "report.html"));
  const rows = await page.locator("#toc [role=row][data-fs]").count();
  const docs = fs.readFileSync(path.join(dir, "input.jsonl"), "utf8").trim().split("\n").length;
  ok(rows === docs, `the index lists every article (${rows} of ${docs})`);
  ok((await page.locator("article.doc").count()) === 0, "past the budget, the index holds no article");
  const href = await page.locator("#toc [role=row][data-fs] a").last().getAttribute("href");
  ok(href.startsWith("report-articles/"), href);
  await noProblems(page, problems, "the index");
  await page.close();
  const article = await open(path.join(dir, href));
  ok((await article.page.locator("article.doc mark.fig").count()) > 0, "an article page marks its figures");
  ok((await article.page.locator("a[href='../report.html']").count()) === 1, "and links back to the index");
  await article.page.locator("a[href='../report.html']").click();
  await article.page.waitForURL(/report\.html$/);
  await noProblems(article.page, article.problems, "an article page");
  await article.page.close();
}

await context.close();
fs.rmSync(profile, { recursive: true, force: true });
console.log(`browser: ${checks} checks passed in ${((Date.now() - started) / 1000).toFixed(1)} s; screenshots in ${out}`);

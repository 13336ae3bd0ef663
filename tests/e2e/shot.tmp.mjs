import { startBrowser } from "./browser.js";
const browser = await startBrowser();
const [width, height] = [Number(process.argv[2] ?? 390), 844];
const page = await browser.context.newPage();
await page.setViewportSize({ width, height });
if (process.argv[3] === "dark") await page.emulateMedia({ colorScheme: "dark" });
await page.goto(`${browser.origin}/widget-demo.html`);
await page.waitForTimeout(1000);
for (let y = 0; y < 8000; y += 600) { await page.mouse.wheel(0, 600); await page.waitForTimeout(150); }
await page.screenshot({ path: `/tmp/demo-${width}.png`, fullPage: true });
await page.evaluate(() => scrollTo(0, 0));
await page.locator("#gallery .photo").nth(1).click();
await page.locator(".pswp--ready").waitFor();
await page.waitForTimeout(500);
await page.screenshot({ path: `/tmp/lightbox-${width}.png` });
await browser.close();

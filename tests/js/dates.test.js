// A post's date shows the calendar day its author wrote, in every time zone of the reader.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { fileURLToPath } from "node:url";
import { root } from "./helpers.js";

const run = promisify(execFile);

// Runs in a node whose local time zone is `zone`, as a reader's browser would be.
async function datesIn(zone, dates) {
  const { stdout } = await run(process.execPath, ["--input-type=module", "-e", `
    import { createStills } from "./dist/stills.js";
    import { postDate } from "./web/runtime/dates.js";
    const stills = await createStills();
    const dates = ${JSON.stringify(dates)};
    console.log(JSON.stringify(dates.map((date) => postDate(stills.parseFrontmatter("---\\ndate: " + date + "\\n---\\n").meta, "en-US"))));
  `], { cwd: fileURLToPath(root), env: { ...process.env, TZ: zone } });
  return JSON.parse(stdout);
}

const written = ["2024-06-14", "2024-06-14T23:30:00-08:00", "2026-01-22T05:35:07.322Z", "2024-01-01T00:30:00+14:00"];
const expected = [
  { text: "June 14, 2024", datetime: "2024-06-14" },
  { text: "June 14, 2024", datetime: "2024-06-15T07:30:00.000Z" },
  { text: "January 22, 2026", datetime: "2026-01-22T05:35:07.322Z" },
  { text: "January 1, 2024", datetime: "2023-12-31T10:30:00.000Z" },
];

for (const zone of ["UTC", "America/Los_Angeles", "Pacific/Kiritimati", "Asia/Kolkata"]) {
  test(`in ${zone} every post shows the day its author wrote`, async () => {
    assert.deepEqual(await datesIn(zone, written), expected);
  });
}

test("the zone really changes local dates (the check above could fail)", async () => {
  const { stdout } = await run(process.execPath, ["-p", "new Date(Date.UTC(2024, 5, 14)).toLocaleDateString('en-US', { dateStyle: 'long' })"],
    { env: { ...process.env, TZ: "America/Los_Angeles" } });
  assert.equal(stdout.trim(), "June 13, 2024");
});

// A deterministic, blog-like Markdown document of about `bytes` bytes: headings, prose with emphasis,
// links and code, lists, quotes, fenced code, tables and images, in the proportions of real posts.
const words = ("light shadow frame lens film grain silver street morning harbour crane window mirror river " +
  "winter portrait stranger camera dolly tilt wide close distance figure horizon contrast").split(" ");

function* random(seed) {
  for (let x = seed; ; ) {
    x = (x * 1103515245 + 12345) % 2147483648;
    yield x / 2147483648;
  }
}

export function blogMarkdown(bytes, seed = 42) {
  const rng = random(seed);
  const pick = (list) => list[Math.floor(rng.next().value * list.length)];
  const sentence = () => {
    const n = 8 + Math.floor(rng.next().value * 14);
    const parts = Array.from({ length: n }, () => {
      const word = pick(words);
      const r = rng.next().value;
      if (r < 0.05) return `*${word}*`;
      if (r < 0.08) return `**${word}**`;
      if (r < 0.1) return `[${word}](https://example.org/${word})`;
      if (r < 0.12) return `\`${word}()\``;
      return word;
    });
    return parts.join(" ").replace(/^./, (c) => c.toUpperCase()) + ".";
  };
  const paragraph = () => Array.from({ length: 3 + Math.floor(rng.next().value * 4) }, sentence).join(" ");
  const blocks = [];
  let size = 0;
  for (let section = 1; size < bytes; section++) {
    const parts = [`## ${pick(words)} ${section}`, paragraph(), paragraph()];
    const r = rng.next().value;
    if (r < 0.25) parts.push(Array.from({ length: 4 }, () => `- ${sentence()}`).join("\n"));
    else if (r < 0.4) parts.push(`> ${paragraph()}`);
    else if (r < 0.55) parts.push("```js\nconst frame = { width: 1600, height: 1200 };\nrender(frame);\n```");
    else if (r < 0.65) parts.push("| lens | aperture |\n|---|---|\n| 35mm | f/2 |\n| 50mm | f/1.4 |");
    else if (r < 0.8) parts.push(`![${pick(words)}](/assets/photos/${pick(words)}.avif "${pick(words)}")`);
    parts.push(paragraph());
    const text = parts.join("\n\n");
    blocks.push(text);
    size += text.length + 2;
  }
  return blocks.join("\n\n") + "\n";
}

// A new post: the frontmatter every post has, dated today, and a gallery waiting for its photos.

/** @param {Date} today */
export function newPostText(today) {
  const date = [today.getFullYear(), today.getMonth() + 1, today.getDate()].map((n) => String(n).padStart(2, "0")).join("-");
  return `---
title: "Untitled"
excerpt: ""
date: ${date}
location:
tags: []
galleries:
  - title: First gallery
    images: []
---
Write the story here.

{{gallery}}
`;
}

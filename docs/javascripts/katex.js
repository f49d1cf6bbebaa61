// Render the formulas that pymdownx.arithmatex marks (generic mode), with the KaTeX shipped in
// docs/assets/katex (no CDN: the site works offline). document$ is mkdocs-material's page
// observable, so formulas render after instant navigation too.
document$.subscribe(({ body }) => {
  renderMathInElement(body, {
    delimiters: [
      { left: "$$", right: "$$", display: true },
      { left: "$", right: "$", display: false },
      { left: "\\(", right: "\\)", display: false },
      { left: "\\[", right: "\\]", display: true },
    ],
    throwOnError: false,
  });
});

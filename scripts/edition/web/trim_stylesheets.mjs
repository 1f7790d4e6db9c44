// Remove from stylesheets the rules no page of the site can use, with PurgeCSS.
//
// Called by scripts/edition/web/stylesheets.py, which extracts what the pages and their
// scripts use. Reads JSON on stdin:
//   {"stylesheets": {name: css}, "own": [names], "vocabulary": {tags, classes, ids,
//    attributes: {names, values}, undetermined}}
// and writes {name: css} on stdout: the theme's stylesheets trimmed, the site's own
// (in "own") with every rule kept and only their comments, written for maintainers,
// dropped (those opening with "/*!", licences, stay).
import postcss from "postcss";
import { PurgeCSS } from "purgecss";

const USES = /var\(\s*(--[\w-]+)/g;

/** Read all of stdin as text. */
async function readStdin() {
  const chunks = [];
  for await (const chunk of process.stdin) chunks.push(chunk);
  return Buffer.concat(chunks).toString("utf8");
}

/** Purge `sheets` ({name: css}) against the pages' vocabulary. */
async function purge(sheets, vocabulary, options) {
  const results = await new PurgeCSS().purge({
    // The pages were parsed in Python; PurgeCSS gets what they use, not the files.
    content: [{ raw: " ", extension: "vocabulary" }],
    extractors: [{ extensions: ["vocabulary"], extractor: () => vocabulary }],
    css: Object.entries(sheets).map(([name, raw]) => ({ name, raw })),
    keyframes: true,
    fontFace: true,
    ...options,
  });
  return Object.fromEntries(results.map((result) => [result.file, result.css]));
}

/** A stylesheet without its comments, except those opening with "/*!" (licences). */
function withoutComments(css) {
  const root = postcss.parse(css);
  root.walkComments((comment) => {
    if (!comment.text.startsWith("!")) comment.remove();
  });
  return root.toString();
}

/** The custom properties the stylesheets other than `name` use. */
function usedElsewhere(sheets, name) {
  const used = new Set();
  for (const [other, css] of Object.entries(sheets)) {
    if (other !== name) for (const match of css.matchAll(USES)) used.add(match[1]);
  }
  return [...used];
}

const { stylesheets, own, vocabulary } = JSON.parse(await readStdin());
// First the rules; then the custom properties, one stylesheet at a time, because
// PurgeCSS counts only the uses within the stylesheet it is trimming, and the theme
// defines its colours in one stylesheet and uses them in the others.
const trimmable = Object.fromEntries(Object.entries(stylesheets).filter(([name]) => !own.includes(name)));
const rules = { ...stylesheets, ...(await purge(trimmable, vocabulary, { variables: false })) };
const trimmed = {};
for (const name of Object.keys(trimmable)) {
  const safelist = { variables: usedElsewhere(rules, name) };
  Object.assign(trimmed, await purge({ [name]: rules[name] }, vocabulary, { variables: true, safelist }));
}
for (const name of own) trimmed[name] = withoutComments(stylesheets[name]);
process.stdout.write(JSON.stringify(trimmed));

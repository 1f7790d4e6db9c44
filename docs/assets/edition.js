/* Paragraph citations: selecting a paragraph number follows its link (#pN) and copies
   the paragraph's citation. Addresses are taken from where the site is served, so they
   are right on any host and under any sub-path. */
(function () {
  "use strict";

  function siteBase() {
    var config = document.getElementById("__config");
    var base = config ? JSON.parse(config.textContent).base : ".";
    return new URL(base + "/", window.location.href).href;
  }

  function fillAddresses() {
    document.querySelectorAll(".ed-cite-url").forEach(function (element) {
      element.textContent = siteBase() + ".";
    });
  }

  function citeParagraph(link) {
    var block = document.querySelector(".ed-cite");
    if (!block || !navigator.clipboard) return;
    var address = new URL(link.getAttribute("href"), window.location.href).href;
    var citation = block.dataset.short + ", ¶ " + link.textContent.trim() + ". " + address;
    navigator.clipboard.writeText(citation).then(function () {
      var status = block.querySelector(".ed-cite__status");
      if (status) status.textContent = "Copied: " + citation;
    }, function () { /* no clipboard permission: the link still works */ });
  }

  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a.ed-pnum") : null;
    if (link) citeParagraph(link);
  });
  fillAddresses();
})();

/* Annotated words on touch screens: a tap has no hover, so the first tap on a later
   mention shows its definition (Material's tooltip follows focus) and a second tap
   follows the link to the glossary; so does the mark of a quotation checked against
   its source, whose first tap shows the source's words. Mouse and keyboard are left as
   they are. */
(function () {
  "use strict";

  var PREVIEWED = "a.ed-term, .ed-said-ref a";
  var touchedTerm = null;
  var wasFocused = false;

  document.addEventListener("pointerdown", function (event) {
    touchedTerm = event.pointerType === "touch" && event.target.closest ? event.target.closest(PREVIEWED) : null;
    wasFocused = touchedTerm !== null && document.activeElement === touchedTerm;
  }, true);

  document.addEventListener("click", function (event) {
    var term = event.target.closest ? event.target.closest(PREVIEWED) : null;
    var previewed = term !== null && term === touchedTerm && !wasFocused;
    touchedTerm = null; /* one tap, one decision: a later Enter or click is not a tap */
    if (!previewed) return;
    event.preventDefault();
    term.focus();
  });
})();

/* Tooltips for annotated words and note marks. The text comes from the element's
   `data-ed-tip` and is set with textContent, never as HTML: an editor's definition
   can hold any characters and stays text. (Material's own tooltips rebuild `title`
   attributes as HTML, so the edition keeps its text out of titles.) The tooltip
   shows on hover and focus, stays while the pointer moves onto it, and Escape hides it. */
(function () {
  "use strict";

  var tooltip = null;
  var owner = null;
  var hideTimer = 0;

  function place(element) {
    var box = element.getBoundingClientRect();
    var width = Math.min(tooltip.offsetWidth, document.documentElement.clientWidth - 16);
    var left = Math.max(8, Math.min(box.left, document.documentElement.clientWidth - width - 8));
    var below = box.bottom + 8;
    var above = box.top - tooltip.offsetHeight - 8;
    var top = below + tooltip.offsetHeight > window.innerHeight && above > 0 ? above : below;
    tooltip.style.left = left + window.scrollX + "px";
    tooltip.style.top = top + window.scrollY + "px";
  }

  function show(element) {
    window.clearTimeout(hideTimer);
    if (owner === element) return;
    hide();
    if (!tooltip) {
      tooltip = document.createElement("div");
      tooltip.className = "ed-tooltip";
      tooltip.id = "ed-tooltip";
      tooltip.setAttribute("role", "tooltip");
      tooltip.addEventListener("mouseenter", function () { window.clearTimeout(hideTimer); });
      tooltip.addEventListener("mouseleave", function () { hideSoon(); });
    }
    tooltip.textContent = element.getAttribute("data-ed-tip");
    document.body.appendChild(tooltip);
    owner = element;
    element.setAttribute("aria-describedby", tooltip.id);
    place(element);
    tooltip.classList.add("ed-tooltip--shown");
  }

  function hide() {
    window.clearTimeout(hideTimer);
    if (!owner) return;
    owner.removeAttribute("aria-describedby");
    owner = null;
    tooltip.classList.remove("ed-tooltip--shown");
    tooltip.remove();
  }

  function hideSoon() {
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(function () {
      if (owner && owner !== document.activeElement) hide();
    }, 150);
  }

  function tipped(event) {
    return event.target.closest ? event.target.closest("[data-ed-tip]") : null;
  }

  document.addEventListener("mouseover", function (event) {
    var element = tipped(event);
    if (element) show(element);
  });
  document.addEventListener("mouseout", function (event) {
    if (tipped(event) === owner && owner && !owner.contains(event.relatedTarget)) hideSoon();
  });
  document.addEventListener("focusin", function (event) {
    var element = tipped(event);
    if (element) show(element);
  });
  document.addEventListener("focusout", function (event) {
    if (tipped(event) === owner) hide();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hide();
  });
})();

/* Search: on the search page only, Pagefind's interface is loaded and searches the
   index the build wrote into pagefind/; a query in the address (?q=…, as the home
   page's search form sends it) is searched at once. No other page loads any of it. */
(function () {
  "use strict";
  var box = document.getElementById("ed-search");
  if (!box) return;
  var bundle = new URL(box.dataset.bundle, window.location.href).href;
  var style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = bundle + "pagefind-ui.css";
  document.head.appendChild(style);
  var script = document.createElement("script");
  script.src = bundle + "pagefind-ui.js";
  script.onload = function () {
    var ui = new window.PagefindUI({
      element: "#ed-search",
      bundlePath: bundle,
      // Results are addressed from the site's root, wherever the site is served.
      baseUrl: new URL(box.dataset.root, window.location.href).pathname,
      showSubResults: true,
      showImages: false,
      resetStyles: false,
      autofocus: true
    });
    // Pagefind's box has only a placeholder; a visible label names it for every reader.
    var input = box.querySelector(".pagefind-ui__search-input");
    if (input) {
      input.id = "ed-search-input";
      var label = document.createElement("label");
      label.htmlFor = input.id;
      label.className = "ed-search-label";
      label.textContent = box.dataset.label;
      box.insertBefore(label, box.firstChild);
    }
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) ui.triggerSearch(query);
  };
  document.head.appendChild(script);
})();

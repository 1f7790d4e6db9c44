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
   follows the link to the glossary. Mouse and keyboard are left as they are. */
(function () {
  "use strict";

  var touchedTerm = null;
  var wasFocused = false;

  document.addEventListener("pointerdown", function (event) {
    touchedTerm = event.pointerType === "touch" && event.target.closest ? event.target.closest("a.ed-term") : null;
    wasFocused = touchedTerm !== null && document.activeElement === touchedTerm;
  }, true);

  document.addEventListener("click", function (event) {
    var term = event.target.closest ? event.target.closest("a.ed-term") : null;
    var previewed = term !== null && term === touchedTerm && !wasFocused;
    touchedTerm = null; /* one tap, one decision: a later Enter or click is not a tap */
    if (!previewed) return;
    event.preventDefault();
    term.focus();
  });
})();

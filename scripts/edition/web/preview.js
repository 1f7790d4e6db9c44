/* The preview's page script (served by `python -m edition preview`, never published):
   asks the server for the state of the build, reloads the page after a good build, and
   after a bad save shows the problems over the last good build until they are fixed. */
(function () {
  "use strict";

  var script = document.currentScript;
  var generation = Number(script.getAttribute("data-generation"));
  var shown = 0;

  function panel(problems) {
    var box = document.getElementById("ed-preview-problems");
    if (!problems.length) {
      if (box) box.remove();
      return;
    }
    if (!box) {
      box = document.createElement("section");
      box.id = "ed-preview-problems";
      box.setAttribute("role", "alert");
      box.setAttribute("aria-label", "Problems in the source");
      box.style.cssText = "position:fixed;left:0;right:0;bottom:0;z-index:1000;max-height:50vh;overflow:auto;" +
        "margin:0;padding:.8rem 1rem;background:#fff4f4;color:#5c0000;border-top:3px solid #b00020;" +
        "font:14px/1.45 system-ui,sans-serif;box-shadow:0 -2px 8px rgba(0,0,0,.2)";
      document.body.appendChild(box);
    }
    var heading = document.createElement("strong");
    heading.textContent = "The last save has problems; this is the last good build. Fix them and the page updates by itself.";
    var list = document.createElement("ul");
    list.style.cssText = "margin:.4rem 0 0;padding-left:1.2rem;font-family:ui-monospace,monospace;font-size:13px";
    problems.forEach(function (problem) {
      var item = document.createElement("li");
      item.textContent = problem;
      list.appendChild(item);
    });
    box.replaceChildren(heading, list);
  }

  function ask() {
    fetch("/__edition__/state?generation=" + generation + "&problems=" + shown, { cache: "no-store" })
      .then(function (response) { return response.json(); })
      .then(function (state) {
        if (state.generation !== generation) {
          window.location.reload();
          return;
        }
        shown = state.problems.length;
        panel(state.problems);
        ask();
      }, function () { window.setTimeout(ask, 1000); });
  }

  ask();
})();

/* Accessibility repairs for the theme's chrome and for widgets drawn from saved state.
 * Added to every page by exercises/sitebuild.py; checked by tests/website/test_accessibility.py.
 * Each repair is idempotent and re-applied when the page changes (widgets render late). */
(function () {
  "use strict";
  function text(el) { return (el.textContent || "").replace(/\s+/g, " ").trim(); }

  function repair(root) {
    // Search buttons: the visible text ("Search Ctrl + K") is the best name; drop the shorter label.
    root.querySelectorAll(".search-button-field[aria-label]").forEach(function (b) {
      b.removeAttribute("aria-label");
    });
    // Colour-mode button: its icons are decoration; the button's own label names it.
    root.querySelectorAll(".theme-switch-button svg").forEach(function (svg) {
      if (svg.getAttribute("aria-hidden") !== "true") { svg.setAttribute("aria-hidden", "true"); }
      svg.removeAttribute("aria-labelledby");
      svg.querySelectorAll("title").forEach(function (title) { title.remove(); });
    });
    // Sidebar toggles (<summary> with only a chevron): name them after their section.
    root.querySelectorAll("nav details > summary:not([aria-label])").forEach(function (s) {
      var link = s.parentElement && s.parentElement.parentElement &&
        s.parentElement.parentElement.querySelector(":scope > a");
      s.setAttribute("aria-label", "Show or hide the pages of " + (link ? text(link) : "this section"));
    });
    // Folded-code toggles: their visible words ("Show code cell source") are their name.
    root.querySelectorAll("details.hide > summary[aria-label]").forEach(function (s) {
      if (text(s)) { s.removeAttribute("aria-label"); }
    });
    // Task-list check boxes (read-only): name them after their item.
    root.querySelectorAll("input.task-list-item-checkbox:not([aria-label])").forEach(function (box) {
      var item = box.closest("li");
      box.setAttribute("aria-label", item ? text(item).slice(0, 120) : "Task");
    });
    // Bibliography entries: docutils marks them with the deprecated DPUB role doc-biblioentry;
    // inside the citation list they are plain list items.
    root.querySelectorAll("[role=doc-biblioentry]").forEach(function (entry) {
      entry.setAttribute("role", "listitem");
    });
    // ipywidgets sliders: the handle is the control; give it the widget's label.
    root.querySelectorAll(".noUi-handle[role=slider]:not([aria-label])").forEach(function (h) {
      var widget = h.closest(".widget-slider, .jupyter-widget-slider, .widget-hslider");
      var label = widget && widget.querySelector(".widget-label, .jupyter-widget-label");
      h.setAttribute("aria-label", label && text(label) ? text(label) : "Slider");
    });
  }

  function start() {
    repair(document);
    new MutationObserver(function () { repair(document); })
      .observe(document.body, { childList: true, subtree: true });
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

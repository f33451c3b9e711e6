/* Navigation and reading aids for the course website. Added to every page by exercises/sitebuild.py;
 * checked by tests/website/test_navigation.py, test_layout.py and test_print.py.
 *
 * 1. Header buttons. pydata-sphinx-theme 0.17 binds its "Site navigation" and "On this page"
 *    buttons with document.querySelector, so only the first of each (in a top bar that
 *    sphinx-book-theme hides) works: the visible buttons in the article header do nothing
 *    (pydata-sphinx-theme issue 2451). Each visible button passes its click to the bound one,
 *    which opens the drawer on a phone or folds the sidebar away on a wide screen.
 * 2. The notice under an exercise ("Open this page in JupyterLab") goes to the page's own
 *    launch button when the site has a hub set; otherwise to the page on getting the course.
 * 3. Wide tables and charts scroll sideways in a box that says so, and can be scrolled from the keyboard.
 * 4. On the session plans page, each day has a button that prints that day alone.
 */
(function () {
  "use strict";

  function ready(fn) {
    if (document.readyState !== "loading") { fn(); } else { document.addEventListener("DOMContentLoaded", fn); }
  }

  function forwardToggles(selector) {
    var buttons = document.querySelectorAll(selector);
    if (buttons.length < 2) { return; }
    var bound = buttons[0];
    Array.prototype.slice.call(buttons, 1).forEach(function (button) {
      if (button.dataset.academyForwarded) { return; }
      button.dataset.academyForwarded = "true";
      button.addEventListener("click", function (event) {
        event.preventDefault();
        event.stopPropagation();
        bound.click();
        if (selector === ".primary-toggle") {
          var sidebar = document.getElementById("pst-primary-sidebar");
          button.setAttribute("aria-expanded", sidebar && !sidebar.classList.contains("pst-sidebar-hidden") ? "true" : "false");
        }
      });
      if (!button.getAttribute("aria-label")) {
        button.setAttribute("aria-label", selector === ".primary-toggle" ? "Site navigation" : "On this page");
      }
    });
  }

  function launchTarget() {
    var link = document.querySelector(".dropdown-launch-buttons a[href*='hub'], .dropdown-launch-buttons a[href*='binder']");
    return link ? link.href : "";
  }

  function wireLaunchNotices() {
    document.addEventListener("click", function (event) {
      var link = event.target.closest && event.target.closest("a.academy-launch");
      if (!link) { return; }
      var target = launchTarget();
      if (target) { event.preventDefault(); window.location.href = target; return; }
      if (link.getAttribute("href") === "#academy-launch") {
        event.preventDefault();
        var root = document.documentElement.dataset.content_root || "";
        window.location.href = new URL(root + "modules/using/participants.html", window.location.href).href;
      }
    });
  }

  var CUES = { table: "Scroll sideways to see every column", chart: "Scroll sideways to see the whole chart" };

  function markScrolling(box) {
    var CUE = CUES[box.dataset.academyScroll || "table"];
    var overflows = box.scrollWidth > box.clientWidth + 1;
    box.classList.toggle("academy-scrolls", overflows);
    // Always reachable from the keyboard: whether the box scrolls can change after this runs
    // (an image loads, the colour mode or the window changes), and a keyboard user must
    // still be able to scroll it.
    box.setAttribute("tabindex", "0");
    box.setAttribute("role", "region");
    if (!box.getAttribute("aria-label")) {
      var caption = box.querySelector("caption");
      var what = box.dataset.academyScroll === "chart" ? "Chart: " : "Table: ";
      box.setAttribute("aria-label", (caption ? caption.textContent.trim() + ": " : what) + CUE.toLowerCase());
    }
    var cue = box.previousElementSibling;
    var hasCue = cue && cue.classList.contains("academy-scroll-cue");
    if (overflows && !hasCue) {
      cue = document.createElement("p");
      cue.className = "academy-scroll-cue";
      cue.setAttribute("aria-hidden", "true");
      cue.textContent = CUE + " \u2192";
      box.parentNode.insertBefore(cue, box);
    } else if (!overflows && hasCue) {
      cue.remove();
    }
  }

  // A table or chart can change size after it is wrapped (an image loads, fonts arrive, the
  // colour mode changes): look again each time, so a box that scrolls is always keyboard-reachable.
  var resized = window.ResizeObserver ? new ResizeObserver(function (entries) {
    entries.forEach(function (entry) {
      var box = entry.target.classList.contains("academy-table-scroll") ? entry.target : entry.target.parentElement;
      if (box && box.classList.contains("academy-table-scroll")) { markScrolling(box); }
    });
  }) : null;

  function wrapTables(root) {
    // Tables, and charts (drawn at their own size so their text stays legible), scroll in a box.
    root.querySelectorAll("article table, article img.academy-chart").forEach(function (item) {
      var parent = item.parentElement;
      if (parent.classList.contains("academy-table-scroll")) { return; }
      var box = document.createElement("div");
      box.className = "academy-table-scroll";
      box.dataset.academyScroll = item.tagName === "IMG" ? "chart" : "table";
      parent.insertBefore(box, item);
      box.appendChild(item);
      if (resized) { resized.observe(item); resized.observe(box); }
    });
    root.querySelectorAll(".academy-table-scroll").forEach(markScrolling);
  }

  function printableDays() {
    var options = typeof DOCUMENTATION_OPTIONS === "undefined" ? {} : DOCUMENTATION_OPTIONS;
    if (options.pagename !== "modules/facilitators/session-plans") { return; }
    document.querySelectorAll("section[id^='day-'] > h2").forEach(function (heading) {
      var section = heading.parentElement;
      if (section.querySelector(":scope > .academy-print-day")) { return; }
      var label = heading.textContent.replace(/#$/, "").split(":")[0].trim();
      var button = document.createElement("button");
      button.type = "button";
      button.className = "academy-print-day";
      button.textContent = "Print " + label + "'s plan";
      button.addEventListener("click", function () { printOnly(section); });
      heading.insertAdjacentElement("afterend", button);
    });
  }

  function printOnly(section) {
    document.body.classList.add("academy-print-one");
    section.classList.add("academy-print-this");
    window.addEventListener("afterprint", function done() {
      document.body.classList.remove("academy-print-one");
      section.classList.remove("academy-print-this");
      window.removeEventListener("afterprint", done);
    });
    window.print();
  }
  window.academyPrintOnly = printOnly;

  ready(function () {
    forwardToggles(".primary-toggle");
    forwardToggles(".secondary-toggle");
    wireLaunchNotices();
    wrapTables(document);
    printableDays();
    var pending = null;
    function later() {
      if (pending) { return; }
      pending = window.setTimeout(function () { pending = null; wrapTables(document); }, 150);
    }
    window.addEventListener("resize", later);
    // Tables drawn by widgets appear after the page has loaded.
    new MutationObserver(function (changes) {
      if (changes.some(function (c) { return c.addedNodes.length; })) { later(); }
    }).observe(document.querySelector("article") || document.body, { childList: true, subtree: true });
  });
})();

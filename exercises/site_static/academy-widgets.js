/* Loads the widget manager (require.js and the vendored html-manager, about 3.5 MB) only when
 * the reader comes near a widget: when one is within 600 px of the window
 * (IntersectionObserver), on the reader's first key press, tap or click, or before printing.
 * Until then each widget's place shows a short "loading" note, and the page is already usable:
 * its text, navigation and search never wait for the widget code. The manager then draws the
 * widgets from the page's saved state, and the exercise engine (academy-exercises.js) takes
 * over each exercise as it is drawn.
 *
 * Added by exercises/sitebuild.py, only to pages with widgets (deferred). For tests, the PDF
 * build and authors: window.AcademyWidgets.load() starts loading at once and returns a promise
 * kept once every widget is drawn; <html data-academy-widgets> is "waiting", "loading",
 * "drawn" or "failed", and an "academy-widgets-drawn" event fires on the document when drawn. */
(function () {
  "use strict";
  var FILES = ["require.js", "html-manager/embed-amd.js"];
  var NEAR = "600px 0px";  // generous: drawing starts well before a widget scrolls into sight
  var VIEWS = 'script[type="application/vnd.jupyter.widget-view+json"]';
  var WAITING = "Loading this interactive part of the page\u2026";
  var FAILED = "This interactive part of the page could not be loaded. Reload the page to try again.";
  var html = document.documentElement, state = "waiting", observer = null, notes = [], done = null, settle;
  var drawnPromise = new Promise(function (resolve) { settle = resolve; });

  function setState(value) {
    state = value;
    html.setAttribute("data-academy-widgets", value);
  }

  function views() { return Array.prototype.slice.call(document.querySelectorAll(VIEWS)); }

  // A view is drawn once the manager has put its widget (an .lm-Widget) in the area before it
  // and, for a box, one drawn element per child model of the page's saved state, in order.
  var models = null;
  function drawn(id, element) {
    var model = models[id];
    if (!model || !element || !element.classList.contains("lm-Widget")) { return false; }
    var children = model.state && model.state.children;
    if (!children) { return true; }
    return element.children.length === children.length && children.every(function (child, i) {
      return drawn(String(child).replace("IPY_MODEL_", ""), element.children[i]);
    });
  }
  function allDrawn() {
    if (models === null) {
      var saved = document.querySelector('script[type="application/vnd.jupyter.widget-state+json"]');
      try { models = saved ? JSON.parse(saved.textContent).state : {}; } catch (e) { models = {}; }
    }
    return views().every(function (view) {
      var area = view.previousElementSibling, id;
      try { id = JSON.parse(view.textContent).model_id; } catch (e) { return false; }
      return area !== null && area.classList.contains("widget-subarea") && drawn(id, area.firstElementChild);
    });
  }

  function finish() {
    if (!allDrawn()) { return false; }
    notes.forEach(function (note) { if (note.parentNode) { note.parentNode.removeChild(note); } });
    notes = [];
    if (done) { done.disconnect(); done = null; }
    setState("drawn");
    document.dispatchEvent(new Event("academy-widgets-drawn"));
    settle(true);
    return true;
  }

  function failed() {
    setState("failed");
    notes.forEach(function (note) {
      note.textContent = FAILED;
      note.removeAttribute("aria-busy");
      note.setAttribute("role", "alert");
    });
    settle(false);
  }

  function load() {
    if (state !== "waiting") { return drawnPromise; }
    setState("loading");
    if (observer) { observer.disconnect(); observer = null; }
    ["keydown", "pointerdown"].forEach(function (name) { window.removeEventListener(name, load, true); });
    var root = new URL((html.dataset.content_root || "") + "_static/", window.location.href);
    (function next(i) {
      if (i >= FILES.length) {
        if (!finish()) {
          done = new MutationObserver(finish);
          done.observe(document.body, { childList: true, subtree: true, attributes: true, attributeFilter: ["class"] });
        }
        return;
      }
      var script = document.createElement("script");
      script.src = new URL(FILES[i], root).href;
      script.onload = function () { next(i + 1); };
      script.onerror = failed;
      document.head.appendChild(script);
    })(0);
    return drawnPromise;
  }

  function start() {
    var found = views();
    if (found.length === 0) { setState("drawn"); settle(true); return; }
    if (state !== "waiting") { return; }  // load() was called before the page was parsed
    found.forEach(function (view) {
      var note = document.createElement("p");
      note.className = "academy-widget-loading";
      note.setAttribute("aria-busy", "true");
      note.textContent = WAITING;
      view.parentNode.insertBefore(note, view);
      notes.push(note);
    });
    setState("waiting");
    ["keydown", "pointerdown"].forEach(function (name) { window.addEventListener(name, load, true); });
    window.addEventListener("beforeprint", load);
    if (!("IntersectionObserver" in window)) { load(); return; }
    observer = new IntersectionObserver(function (entries) {
      if (entries.some(function (entry) { return entry.isIntersecting; })) { load(); }
    }, { rootMargin: NEAR });
    notes.forEach(function (note) { observer.observe(note); });
  }

  window.AcademyWidgets = { load: load, state: function () { return state; } };
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();

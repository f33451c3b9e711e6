/* The facilitator edition of a page: every exercise shows its answer, taken from the same
 * answer key the exercise engine checks with (the hidden .academy-key written by
 * exercises/widgets/base.py from the author's one call), and its "Show answer" notes open.
 * A banner, on screen and on paper, says "Facilitator edition: contains answers".
 *
 * Off unless the address ends in #facilitator-edition; tools/build_pdf.py switches it on with
 * window.AcademyEdition.facilitator(true) to print each day's facilitator PDF from the page it
 * has just printed for participants. Added by exercises/sitebuild.py to every page (deferred). */
(function () {
  "use strict";
  var HASH = "#facilitator-edition";
  var BANNER = "Facilitator edition: contains answers";
  var on = false;

  function esc(text) {
    return String(text === null || text === undefined ? "" : text).replace(/[&<>"']/g, function (c) {
      return { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" }[c];
    });
  }

  function number(value, unit) {
    var engine = window.AcademyExercises;
    return engine ? engine.formatNumber(value, unit) : String(value) + (unit ? " " + unit : "");
  }

  function noted(label, note, right) {
    var mark = right === true ? "\u2713 " : right === false ? "\u2717 " : "";
    return "<li>" + mark + "<strong>" + esc(label) + "</strong>" + (note ? ": " + esc(note) : "") + "</li>";
  }

  // The answer, in words, from an exercise's key.
  function answerHtml(key) {
    if (key.kind === "choice") {
      var right = key.answer || [];
      return "<p><strong>Answer:</strong> " + right.map(esc).join("; ") + "</p><ul>" +
        key.options.map(function (o) { return noted(o[0], o[1], right.indexOf(o[0]) >= 0); }).join("") + "</ul>";
    }
    if (key.kind === "number") {
      var allowed = [];
      if (key.tolerance) { allowed.push("\u00b1" + number(key.tolerance, key.unit)); }
      if (key.relative_tolerance) { allowed.push("\u00b1" + number(key.relative_tolerance * 100, "%")); }
      return "<p><strong>Answer:</strong> " + esc(number(key.answer, key.unit)) +
        (allowed.length ? " (accepted within " + esc(allowed.join(" or ")) + ")" : "") + "</p>";
    }
    if (key.kind === "classify") {
      var feedback = key.item_feedback || {};
      return "<p><strong>Answer:</strong></p><ul>" + key.items.map(function (item) {
        return noted(item[0], item[1].join(" or ") + (feedback[item[0]] ? ". " + feedback[item[0]] : ""));
      }).join("") + "</ul>";
    }
    if (key.kind === "scale") {
      return "<p><strong>Answer:</strong> no right answer: each participant rates themselves.</p>";
    }
    if (key.kind === "reflect") {
      return "<p><strong>Answer:</strong> no single right answer" +
        (key.min_words ? "; at least " + esc(key.min_words) + " words are asked for" : "") +
        ". What a good answer covers is below.</p>";
    }
    if (key.kind === "calculator") {
      return "<p><strong>Answer:</strong> a calculator to explore: no answer to mark.</p>";
    }
    return "";
  }

  function addAnswers() {
    if (!on) { return; }
    document.querySelectorAll(".academy-exercise").forEach(function (box) {
      var keyElement = box.querySelector(".academy-key");
      if (!keyElement || box.querySelector(".academy-facilitator-answer")) { return; }
      var key;
      try { key = JSON.parse(keyElement.getAttribute("data-key")); } catch (e) { return; }
      var html = answerHtml(key);
      if (!html) { return; }
      var block = document.createElement("div");
      block.className = "academy-facilitator-answer";
      block.setAttribute("role", "note");
      block.setAttribute("aria-label", "Answer (facilitator edition)");
      block.innerHTML = html;
      box.appendChild(block);
    });
    document.querySelectorAll("details.academy-answer").forEach(function (d) { d.open = true; });
  }

  function facilitator(value) {
    on = !!value;
    document.body.classList.toggle("academy-facilitator-edition", on);
    var banner = document.querySelector(".academy-edition-banner");
    if (on && !banner) {
      banner = document.createElement("p");
      banner.className = "academy-edition-banner";
      banner.setAttribute("role", "note");
      banner.textContent = BANNER;
      var heading = document.querySelector("article h1");
      if (heading && heading.parentNode) { heading.parentNode.insertBefore(banner, heading); }
      else { document.body.insertBefore(banner, document.body.firstChild); }
    }
    if (!on) {
      if (banner) { banner.parentNode.removeChild(banner); }
      document.querySelectorAll(".academy-facilitator-answer").forEach(function (b) { b.parentNode.removeChild(b); });
      document.querySelectorAll("details.academy-answer").forEach(function (d) { d.open = false; });
    }
    addAnswers();
    return on;
  }

  window.AcademyEdition = { facilitator: facilitator, banner: BANNER };

  var pending = false;
  function later() {  // parts of an exercise may be drawn after the rest: answer them as they come
    if (!on || pending) { return; }
    pending = true;
    window.requestAnimationFrame(function () { pending = false; addAnswers(); });
  }

  function start() {
    // Exercises are drawn when the widget code has loaded (academy-widgets.js).
    document.addEventListener("academy-widgets-drawn", addAnswers);
    new MutationObserver(later).observe(document.body, { childList: true, subtree: true });
    window.addEventListener("hashchange", function () { facilitator(window.location.hash === HASH); });
    if (window.location.hash === HASH) {
      facilitator(true);
      if (window.AcademyWidgets) { window.AcademyWidgets.load(); }
    }
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();

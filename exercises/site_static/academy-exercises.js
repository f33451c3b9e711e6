/* The course website's exercise engine: answers checked in the reader's browser, with no kernel.
 *
 * Each exercise drawn from saved widget state carries its answer key as JSON (a hidden
 * .academy-key element written by exercises/widgets/base.py from the author's one call).
 * This file applies to that key the same rules as exercises/checks.py and exercises/numbers.py,
 * line for line, and writes the same feedback; tests/website/test_exercise_engine.py runs both
 * on generated answers and requires identical results. Answers are kept only in this browser
 * (localStorage), with "Download my answers" (Markdown) and "Clear my answers".
 * Calculators run JavaScript ports of their Python functions (academy-calculators.js, loaded
 * only on a page with one); a calculator without a port shows its starting figures, read-only.
 * Added to every page by exercises/sitebuild.py (deferred: it never delays the first paint). */
(function () {
  "use strict";

  // --- numbers (exercises/numbers.py) ------------------------------------------------------
  var POUNDS = "\u00a3", PERCENT = "%", MAX_LENGTH = 60;
  var EXAMPLES = "a number such as 1200, 1,200, \u00a31.2m, \u00a3350k or 12%";
  var MULTIPLIERS = { k: 3, thousand: 3, m: 6, mn: 6, million: 6, b: 9, bn: 9, billion: 9 };
  var POUND_WORDS = ["gbp", "pound", "pounds"], PENCE_WORDS = ["p", "pence"];
  var PERCENT_WORDS = ["%", "per cent", "percent", "pc"];
  var WS = "[ \\t\\n\\r\\f\\v]";  // Python's \s under re.ASCII
  var PATTERN = new RegExp(
    "^([-+])?" + WS + "*(\u00a3|gbp(?![a-z]))?" + WS + "*([-+])?" + WS +
    "*(\\d[\\d,]*(?:\\.\\d*)?|\\.\\d+)" + WS + "*(?:(thousand|million|billion|mn|bn|k|m|b)(?![a-z]))?" +
    WS + "*(%|[a-z][a-z ]*)?$");
  var GROUPED = /^\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;
  // What Python's str.split() splits on.
  var PY_SPACE = /[\t\n\x0b\x0c\r\x1c-\x1f \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;
  var DASHES = { "\u2212": "-", "\u2013": "-", "\u2014": "-", "\u00a0": " ", "\u202f": " ", "\u2009": " " };
  var ANY_DIGIT = /[\p{Nd}\u00b2\u00b3\u00b9\u2070\u2074-\u2079\u2080-\u2089\u2460-\u2468\u2776-\u277e]/u;

  function Problem(message) { this.message = message; }

  function pySplit(text) { return text.split(PY_SPACE).filter(function (w) { return w !== ""; }); }
  function chars(text) { return Array.from(text); }
  function quote(text) {
    var c = chars(text);
    return "\u201c" + (c.length <= 30 ? text : c.slice(0, 27).join("") + "...") + "\u201d";
  }

  function unreadableMessage(original, cleaned) {
    if (!ANY_DIGIT.test(cleaned)) { return quote(original) + " has no digits in it. Write " + EXAMPLES + "."; }
    if (cleaned.split(".").length > 2) {
      return quote(original) + " has more than one decimal point. Write " + EXAMPLES + ".";
    }
    if (/\p{Nd}\s+\p{Nd}/u.test(cleaned)) {
      return "Write " + quote(original) + " without spaces between the digits, such as 1200 or 1,200.";
    }
    if (/\p{Nd}e[-+]?\p{Nd}/u.test(cleaned)) {
      return "Write " + quote(original) + " in full (for example 1,200,000 or 1.2m), not as 1.2e6.";
    }
    return "We could not read " + quote(original) + " as a number. Write " + EXAMPLES + ".";
  }

  // Python multiplies Decimals with 28 significant digits (rounding half to even), then
  // converts to the nearest float; both steps are done here on the digit string.
  function decimalValue(digits, exponent) {
    var parts = digits.split("."), whole = parts[0], frac = parts[1] || "";
    var all = (whole + frac).replace(/^0+/, ""), exp = exponent - frac.length;
    if (all === "") { return 0; }
    if (all.length > 28) {
      var kept = all.slice(0, 28), rest = all.slice(28);
      exp += rest.length;
      var up = rest[0] > "5" || (rest[0] === "5" && (/[1-9]/.test(rest.slice(1)) || kept[27] % 2 === 1));
      all = up ? increment(kept) : kept;
    }
    return parseFloat(all + "e" + exp);
  }

  function increment(digitString) {
    var d = digitString.split(""), i = d.length - 1;
    while (i >= 0) {
      if (d[i] === "9") { d[i] = "0"; i -= 1; } else { d[i] = String(+d[i] + 1); return d.join(""); }
    }
    return "1" + d.join("");
  }

  function parseNumber(text) {
    if (typeof text !== "string") { throw new Problem("Write " + EXAMPLES + "."); }
    var original = text;
    var translated = text.replace(/[\u2212\u2013\u2014\u00a0\u202f\u2009]/g, function (c) { return DASHES[c]; });
    var cleaned = pySplit(translated).join(" ").toLowerCase();
    if (!cleaned) { throw new Problem("Enter a number first: " + EXAMPLES + "."); }
    if (chars(cleaned).length > MAX_LENGTH) {
      throw new Problem("That is too long to be a number. Write " + EXAMPLES + ".");
    }
    var m = PATTERN.exec(cleaned);
    if (m === null) { throw new Problem(unreadableMessage(original, cleaned)); }
    var sign1 = m[1], currencyText = m[2], sign2 = m[3], digits = m[4], multiplier = m[5], suffixText = m[6];
    if (digits.indexOf(",") >= 0 && !GROUPED.test(digits)) {
      throw new Problem("We could not read the commas in " + quote(original) + ". Use commas only between " +
        "groups of three digits (1,200) and a full stop for decimals (1.2).");
    }
    if (sign1 && sign2) { throw new Problem(quote(original) + " has two signs. Write just one, such as -3.5."); }
    var suffix = (suffixText || "").trim(), currency = !!currencyText;
    var unit = currency ? POUNDS : null;
    var exponent = multiplier ? MULTIPLIERS[multiplier] : 0;
    if (PERCENT_WORDS.indexOf(suffix) >= 0) {
      if (currency) {
        throw new Problem(quote(original) + " has both \u00a3 and %. Write an amount (\u00a31.2m) or a percentage (12%).");
      }
      if (multiplier) {
        throw new Problem(quote(original) + " mixes a percentage with thousands or millions. Write it like 12%.");
      }
      unit = PERCENT;
    } else if (PENCE_WORDS.indexOf(suffix) >= 0) {
      if (currency || multiplier) {
        throw new Problem("Write pence like 50p, or pounds like \u00a30.50, not " + quote(original) + ".");
      }
      unit = POUNDS;
      exponent = -2;
    } else if (POUND_WORDS.indexOf(suffix) >= 0) {
      unit = POUNDS;
    } else if (suffix && !currency) {
      unit = suffix;
    }
    var value = decimalValue(digits.replace(/,/g, ""), exponent);
    if (sign1 === "-" || sign2 === "-") { value = -value; }
    if (!isFinite(value)) { throw new Problem(quote(original) + " is too large. Write a smaller number."); }
    return { value: value, unit: unit, text: original };
  }

  // The exact decimal digits of |x|: [whole, fraction] (every float below 1e21 has at most
  // 100 decimals that matter here; larger ones are whole numbers).
  function exactDigits(x) {
    var a = Math.abs(x);
    if (a >= 1e21) { return [BigInt(a).toString(), ""]; }
    var parts = a.toFixed(100).split(".");
    return [parts[0], parts[1].replace(/0+$/, "")];
  }

  // |x| rounded to `places` decimals, half to even on its exact value, as Python's round()
  // and format() do: [whole digits, fraction digits].
  function roundDigits(x, places) {
    var ex = exactDigits(x), whole = ex[0], frac = ex[1];
    var kept = (frac + "0".repeat(places)).slice(0, places), rest = frac.slice(places);
    var last = places > 0 ? kept[places - 1] : whole[whole.length - 1];
    var up = rest[0] > "5" || (rest[0] === "5" && (/[1-9]/.test(rest.slice(1)) || last % 2 === 1));
    if (up) {
      var bumped = increment(whole + kept);
      whole = bumped.slice(0, bumped.length - places);
      kept = bumped.slice(bumped.length - places);
    }
    return [whole, kept];
  }
  function pyRound(x, places) { var r = roundDigits(x, places); return parseFloat(r[0] + "." + (r[1] || "0")); }
  function grouped(whole) { return whole.replace(/\B(?=(\d{3})+(?!\d))/g, ","); }
  function fixed(x, places, commas) {
    var r = roundDigits(x, places), whole = commas ? grouped(r[0]) : r[0];
    return (x < 0 || Object.is(x, -0) ? "-" : "") + whole + (places > 0 ? "." + r[1] : "");
  }
  function plain(value, decimals) {
    if (decimals === null) { return fixed(Math.abs(value), 2, true).replace(/0+$/, "").replace(/\.$/, ""); }
    return fixed(Math.abs(value), decimals, true);
  }

  function formatNumber(value, unit, decimals, compact) {
    unit = unit === undefined ? null : unit;
    decimals = decimals === undefined ? null : decimals;
    var sign = value < 0 && pyRound(Math.abs(value), decimals === null ? 2 : decimals) !== 0 ? "-" : "";
    var magnitude = Math.abs(value), suffix = "";
    if (compact && unit !== PERCENT) {
      var places = decimals === null ? 2 : decimals, scaled = null;
      [[1e3, "k"], [1e6, "m"], [1e9, "bn"]].forEach(function (pair) {
        if (pyRound(magnitude / pair[0], places) >= 1) { scaled = [magnitude / pair[0], pair[1]]; }
      });
      if (scaled) { magnitude = scaled[0]; suffix = scaled[1]; }
    }
    if (unit === POUNDS && decimals === null && !suffix && pyRound(magnitude, 2) !== pyRound(magnitude, 0)) {
      decimals = 2;
    }
    var number = plain(magnitude, decimals) + suffix;
    if (unit === POUNDS) { return sign + POUNDS + number; }
    if (unit === PERCENT) { return sign + number + "%"; }
    if (unit) { return sign + number + " " + unit; }
    return sign + number;
  }

  // --- checks (exercises/checks.py) -------------------------------------------------------
  var HEADLINES = {
    correct: "\u2713 Correct", partly: "\u25d1 Partly right", incorrect: "\u2717 Not quite",
    invalid: "\u26a0 Not checked yet", noted: "\u2713 Saved"
  };
  var ITEM_RIGHT = "\u2713 Right.", ITEM_WRONG = "\u2717 Not this one.", ITEM_UNPLACED = "\u26a0 Not placed yet.";

  function fb(status, message, notes) { return { status: status, message: message, notes: notes || [] }; }
  function strip(text) { return (text || "").trim(); }

  function checkChoice(selected, options, answer) {
    var labels = options.map(function (o) { return o[0]; });
    var right = answer.filter(function (a, i) { return answer.indexOf(a) === i; });
    var chosen = (selected === null ? [] : typeof selected === "string" ? [selected] : selected)
      .filter(function (s) { return labels.indexOf(s) >= 0; });
    if (chosen.length === 0) { return fb("invalid", "Choose an answer first."); }
    var notes = [];
    options.forEach(function (o) {
      if (chosen.indexOf(o[0]) >= 0) {
        var mark = right.indexOf(o[0]) >= 0 ? ITEM_RIGHT : ITEM_WRONG;
        notes.push([o[0], strip(mark + " " + strip(o[1]))]);
      }
    });
    var hits = 0, wrong = 0;
    labels.forEach(function (l) {
      if (chosen.indexOf(l) >= 0) { if (right.indexOf(l) >= 0) { hits += 1; } else { wrong += 1; } }
    });
    if (hits === right.length && !wrong) {
      return fb("correct", right.length === 1 ? "You chose the right answer." : "You chose all the right answers.", notes);
    }
    if (right.length === 1) {
      return fb("incorrect", "That is not the best answer. Read the note, then try again.", notes);
    }
    if (hits) {
      var missed = right.length - hits;
      var message = "You chose " + hits + " of the " + right.length + " right answers";
      if (wrong) { message += " and " + wrong + " that " + (wrong === 1 ? "is" : "are") + " not right"; }
      message += ".";
      if (missed && !wrong) { message += " There " + (missed === 1 ? "is" : "are") + " " + missed + " more to find."; }
      return fb("partly", message, notes);
    }
    return fb("incorrect", "None of your choices is right. Read the notes, then try again.", notes);
  }

  function unitWords(unit) {
    if (unit === POUNDS) { return "an amount of money in pounds"; }
    if (unit === PERCENT) { return "a percentage"; }
    return unit ? "a number of " + unit : "a plain number";
  }

  function isClose(a, b, tolerance) {
    if (a === b) { return true; }
    if (!isFinite(a) || !isFinite(b)) { return false; }
    return Math.abs(b - a) <= tolerance;
  }

  function checkNumber(text, answer, unit, tolerance, relativeTolerance) {
    unit = unit || null;
    tolerance = tolerance || 0;
    var given;
    try { given = parseNumber(text); } catch (problem) {
      if (problem instanceof Problem) { return fb("invalid", problem.message); }
      throw problem;
    }
    if ((given.unit === POUNDS || given.unit === PERCENT) && given.unit !== unit) {
      return fb("incorrect", "You wrote " + unitWords(given.unit) + ", but the answer is " + unitWords(unit) + ".");
    }
    var allowed = Math.max(tolerance, Math.abs(answer) * (relativeTolerance || 0), 1e-9 * Math.max(1, Math.abs(answer)));
    function within(value, factor) { return isClose(value, answer, allowed * (factor || 1)); }
    var shown = formatNumber(given.value, unit);
    if (within(given.value)) { return fb("correct", shown + " is right."); }
    if (unit === PERCENT && given.unit === null && within(given.value * 100)) {
      return fb("incorrect", "It looks like you wrote a fraction (" + formatNumber(given.value) + "). " +
        "Write percentages like " + formatNumber(given.value * 100, PERCENT) + ".");
    }
    var direction = given.value > answer ? "too high" : "too low";
    if (within(given.value, 3)) {
      return fb("partly", shown + " is close, but a little " + direction + ". Check your rounding.");
    }
    return fb("incorrect", shown + " is " + direction + ". Check your working, then try again.");
  }

  // placements: [[item, category or null]]; items: [[item, [accepted categories]]].
  function checkClassification(placements, items, itemFeedback) {
    itemFeedback = itemFeedback || {};
    var placed = {};
    placements.forEach(function (p) { placed[p[0]] = p[1]; });
    var categories = items.map(function (it) { return placed[it[0]] === undefined ? null : placed[it[0]]; });
    if (categories.every(function (c) { return c === null; })) {
      return fb("invalid", "Choose a category for each item first.");
    }
    var notes = [], right = 0, unplaced = 0;
    items.forEach(function (it, i) {
      var own = strip(itemFeedback[it[0]]), category = categories[i];
      if (category === null) {
        unplaced += 1;
        notes.push([it[0], ITEM_UNPLACED]);
      } else if (it[1].indexOf(category) >= 0) {
        right += 1;
        notes.push([it[0], strip(ITEM_RIGHT + " " + own)]);
      } else {
        notes.push([it[0], strip(ITEM_WRONG + " " + own)]);
      }
    });
    var message = "You placed " + right + " of " + items.length + " items correctly.";
    if (unplaced) { message += " " + unplaced + " " + (unplaced === 1 ? "is" : "are") + " not placed yet."; }
    if (right === items.length) { return fb("correct", message, notes); }
    return fb(right ? "partly" : "incorrect", message, notes);
  }

  // ratings: {statement: 1..n or null}
  function checkRatings(ratings, statements, levels) {
    function rating(s) { return ratings[s] === undefined ? null : ratings[s]; }
    var missing = statements.filter(function (s) { return rating(s) === null; });
    if (missing.length === statements.length) { return fb("invalid", "Choose a rating for each statement first."); }
    var top = levels.length;
    var bad = statements.filter(function (s) { return rating(s) !== null && !(rating(s) >= 1 && rating(s) <= top); });
    if (bad.length) { return fb("invalid", "Ratings go from 1 to " + top + ". Check: " + bad.join("; ") + "."); }
    var rated = statements.filter(function (s) { return rating(s) !== null; });
    var sum = 0, strongest = rated[0], weakest = rated[0];
    rated.forEach(function (s) {
      var r = Math.trunc(rating(s));
      sum += r;
      if (r > Math.trunc(rating(strongest))) { strongest = s; }
      if (r < Math.trunc(rating(weakest))) { weakest = s; }
    });
    var message = "Your average rating is " + fixed(sum / rated.length, 1, false) + " out of " + top + ".";
    if (Math.trunc(rating(strongest)) !== Math.trunc(rating(weakest))) {
      message += " Your highest: \u201c" + strongest + "\u201d. Your lowest: \u201c" + weakest + "\u201d.";
    }
    if (missing.length) { message += " " + missing.length + " still to rate."; }
    return fb("noted", message);
  }

  function checkReflection(text, minWords) {
    var words = pySplit(text).length;
    if (!words) { return fb("invalid", "Write your reflection first."); }
    var message = "You wrote " + words + " word" + (words !== 1 ? "s" : "") + ".";
    if (minWords && words < minWords) {
      message += " Aim for about " + minWords + " words, so it still makes sense to you later.";
    }
    return fb("noted", message);
  }

  // --- drawing feedback (exercises/widgets/base.py feedback_html) ---------------------------
  function esc(text) {
    return String(text).replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
      .replace(/"/g, "&quot;").replace(/'/g, "&#x27;");
  }
  function feedbackHtml(feedback, saved) {
    var notes = feedback.notes.map(function (n) {
      return "<li><strong>" + esc(n[0]) + "</strong>: " + esc(n[1]) + "</li>";
    }).join("");
    return '<div class="academy-feedback academy-' + feedback.status + '" role="status">' +
      "<p><strong>" + esc(HEADLINES[feedback.status]) + ".</strong> " + esc(feedback.message) + "</p>" +
      (notes ? "<ul>" + notes + "</ul>" : "") + (saved ? '<p class="academy-saved">' + esc(saved) + "</p>" : "") +
      "</div>";
  }
  function feedbackText(feedback) {
    return [(HEADLINES[feedback.status] + ". " + feedback.message).trim()]
      .concat(feedback.notes.map(function (n) { return "- " + n[0] + ": " + n[1]; })).join("\n");
  }

  // A label in lines of at most 24 characters (as scale.py's textwrap.fill(label, 24)), as SVG text.
  function wrapped(label, x, y, anchor) {
    var lines = [], line = "";
    label.split(" ").forEach(function (word) {
      if (line && (line + " " + word).length > 24) { lines.push(line); line = word; } else { line = line ? line + " " + word : word; }
    });
    if (line) { lines.push(line); }
    var top = y - (lines.length - 1) * 7;
    return '<text x="' + x + '" y="' + top.toFixed(1) + '" text-anchor="' + anchor + '" fill="#0b0c0c">' +
      lines.map(function (l, i) {
        return '<tspan x="' + x + '" dy="' + (i ? "14" : "0") + '">' + esc(l) + "</tspan>";
      }).join("") + "</text>";
  }

  // A radar chart of a reader's ratings (as scale.py draws for chart="radar" and 3+ statements).
  function radarChart(statements, ratings, top, alt) {
    var width = 760, height = 540, cx = width / 2, cy = height / 2 + 10, radius = 160, n = statements.length;
    function point(i, r) {
      var angle = 2 * Math.PI * i / n;  // anticlockwise from the right, as matplotlib's polar axes
      return [cx + radius * r / top * Math.cos(angle), cy - radius * r / top * Math.sin(angle)];
    }
    var svg = ['<svg class="academy-chart academy-ratings-chart" role="img" aria-label="' + esc(alt) +
      '" viewBox="0 0 ' + width + " " + height + '" width="' + width + '" height="' + height +
      '" xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" font-size="12">',
      '<rect width="100%" height="100%" fill="#ffffff"/>',
      '<text x="' + cx + '" y="20" text-anchor="middle" font-size="14" fill="#0b0c0c">Your ratings</text>'];
    for (var level = 1; level <= top; level += 1) {
      var ring = statements.map(function (s, i) { return point(i, level).join(","); }).join(" ");
      svg.push('<polygon points="' + ring + '" fill="none" stroke="#b1b4b6"/>');
    }
    statements.forEach(function (s, i) {
      var end = point(i, top), label = point(i, top * 1.14), anchor = label[0] < cx - 5 ? "end" : label[0] > cx + 5 ? "start" : "middle";
      svg.push('<line x1="' + cx + '" y1="' + cy + '" x2="' + end[0].toFixed(1) + '" y2="' + end[1].toFixed(1) + '" stroke="#b1b4b6"/>');
      svg.push(wrapped(s, label[0].toFixed(1), label[1] + 4, anchor));
    });
    var shape = statements.map(function (s, i) { return point(i, ratings[s] || 0).map(function (v) { return v.toFixed(1); }).join(","); });
    svg.push('<polygon points="' + shape.join(" ") + '" fill="#1d70b8" fill-opacity="0.2" stroke="#1d70b8" stroke-width="2"/>');
    shape.forEach(function (xy) {
      var c = xy.split(",");
      svg.push('<circle cx="' + c[0] + '" cy="' + c[1] + '" r="4" fill="#1d70b8"/>');
    });
    svg.push("</svg>");
    return svg.join("");
  }

  // A bar chart of a reader's ratings (unrated counts as 0), drawn as SVG with a text alternative.
  function ratingsChart(statements, ratings, top, kind) {
    var rowHeight = 44, labelWidth = 200, plotWidth = 380, head = 34, foot = 44;
    var height = head + rowHeight * statements.length + foot, width = labelWidth + plotWidth + 20;
    var described = statements.map(function (s) { return s + ": " + (ratings[s] || "not rated"); }).join("; ");
    var alt = "Chart of your ratings out of " + top + ". " + described + ".";
    if (kind === "radar" && statements.length >= 3) { return radarChart(statements, ratings, top, alt); }
    var svg = ['<svg class="academy-chart academy-ratings-chart" role="img" aria-label="' + esc(alt) +
      '" viewBox="0 0 ' + width + " " + height + '" width="' + width + '" height="' + height +
      '" xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" font-size="12">',
      '<rect width="100%" height="100%" fill="#ffffff"/>',
      '<text x="' + (labelWidth + plotWidth / 2) + '" y="20" text-anchor="middle" font-size="14" fill="#0b0c0c">' +
      "Your ratings</text>"];
    for (var tick = 0; tick <= top; tick += 1) {
      var tx = labelWidth + plotWidth * tick / top;
      svg.push('<line x1="' + tx + '" x2="' + tx + '" y1="' + head + '" y2="' + (height - foot) +
        '" stroke="#b1b4b6" stroke-width="1"/>');
      svg.push('<text x="' + tx + '" y="' + (height - foot + 16) + '" text-anchor="middle" fill="#0b0c0c">' +
        tick + "</text>");
    }
    statements.forEach(function (s, i) {
      var y = head + rowHeight * i, value = ratings[s] || 0;
      svg.push(wrapped(s, labelWidth - 8, y + rowHeight / 2 + 4, "end"));
      svg.push('<rect x="' + labelWidth + '" y="' + (y + 6) + '" width="' + (plotWidth * value / top) +
        '" height="' + (rowHeight - 12) + '" fill="#1d70b8"/>');
    });
    svg.push('<text x="' + (labelWidth + plotWidth / 2) + '" y="' + (height - 8) +
      '" text-anchor="middle" fill="#0b0c0c">Rating (1 to ' + top + ")</text>");
    svg.push("</svg>");
    return svg.join("");
  }

  // --- answers kept in this browser ------------------------------------------------------------
  var STORE = "commissioning-academy-answers";
  var storageProblem = "";
  var inMemory = null;  // the answers, while the browser's storage cannot keep them

  function loadAnswers() {
    if (inMemory !== null) { return inMemory; }
    try {
      var data = JSON.parse(window.localStorage.getItem(STORE) || "{}");
      return data && typeof data.answers === "object" && data.answers ? data.answers : {};
    } catch (e) {
      storageProblem = "This browser is not keeping answers (its storage is switched off or full), " +
        "so they will be lost when you leave the page. Download them before you go.";
      inMemory = {};
      return inMemory;
    }
  }
  function saveAnswers(answers) {
    try {
      window.localStorage.setItem(STORE, JSON.stringify({ version: 1, answers: answers }));
      return true;
    } catch (e) {
      storageProblem = "This browser could not keep your answer (its storage is switched off or full). " +
        "Download your answers before you leave the page.";
      inMemory = answers;
      return false;
    }
  }
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December"];
  function two(n) { return (n < 10 ? "0" : "") + n; }
  function clock(date) { return two(date.getHours()) + ":" + two(date.getMinutes()); }
  function savedLabel(iso) {
    var when = new Date(iso);
    if (isNaN(when.getTime())) { return ""; }
    return clock(when) + " on " + when.getDate() + " " + MONTHS[when.getMonth()] + " " + when.getFullYear();
  }

  // --- one exercise on the page -----------------------------------------------------------------
  function areaOf(widget) { return widget.querySelector(".widget-html-content") || widget; }

  function Exercise(box, key) {
    this.box = box;
    this.key = key;
    this.feedbackArea = areaOf(box.querySelector(".academy-feedback-area"));
    this.button = box.querySelector(":scope > button");
    this.restoring = false;
    this.lastSaved = null;
  }

  Exercise.prototype.controls = function () {
    var box = this.box, k = this.key;
    if (k.kind === "choice") {
      return Array.from(box.querySelectorAll(k.multiple ? "input[type=checkbox]" : "input[type=radio]"));
    }
    if (k.kind === "classify" || k.kind === "scale") { return Array.from(box.querySelectorAll("select")); }
    if (k.kind === "number") { return Array.from(box.querySelectorAll("input[type=text]")); }
    if (k.kind === "reflect") { return Array.from(box.querySelectorAll("textarea")); }
    return [];
  };

  Exercise.prototype.expected = function () {
    var k = this.key;
    if (k.kind === "choice") { return k.options.length; }
    if (k.kind === "classify") { return k.items.length; }
    if (k.kind === "scale") { return k.statements.length; }
    return 1;
  };

  Exercise.prototype.value = function () {
    var k = this.key, c = this.controls();
    if (k.kind === "choice") {
      var picked = k.options.filter(function (o, i) { return c[i].checked; }).map(function (o) { return o[0]; });
      return k.multiple ? picked : (picked[0] === undefined ? null : picked[0]);
    }
    if (k.kind === "classify") {
      return k.items.map(function (it, i) {
        return [it[0], c[i].selectedIndex > 0 ? k.categories[c[i].selectedIndex - 1] : null];
      });
    }
    if (k.kind === "scale") {
      var ratings = {};
      k.statements.forEach(function (s, i) { ratings[s] = c[i].selectedIndex > 0 ? c[i].selectedIndex : null; });
      return ratings;
    }
    return c[0].value;
  };

  // Put a saved answer back; false if it no longer fits the question.
  Exercise.prototype.setValue = function (value) {
    var k = this.key, c = this.controls();
    if (k.kind === "choice") {
      var chosen = value === null ? [] : (typeof value === "string" ? [value] : value);
      var labels = k.options.map(function (o) { return o[0]; });
      if (!Array.isArray(chosen) || chosen.some(function (v) { return labels.indexOf(v) < 0; })) { return false; }
      labels.forEach(function (l, i) { c[i].checked = chosen.indexOf(l) >= 0; });
      return true;
    }
    if (k.kind === "classify") {
      if (!Array.isArray(value)) { return false; }
      var placed = {};
      value.forEach(function (p) { placed[p[0]] = p[1]; });
      var fits = k.items.every(function (it) {
        return placed[it[0]] === undefined || placed[it[0]] === null || k.categories.indexOf(placed[it[0]]) >= 0;
      });
      if (!fits) { return false; }
      k.items.forEach(function (it, i) { c[i].selectedIndex = placed[it[0]] ? k.categories.indexOf(placed[it[0]]) + 1 : 0; });
      return true;
    }
    if (k.kind === "scale") {
      if (typeof value !== "object" || value === null) { return false; }
      k.statements.forEach(function (s, i) {
        var r = value[s];
        c[i].selectedIndex = r >= 1 && r <= k.levels.length ? r : 0;
      });
      return true;
    }
    if (typeof value !== "string") { return false; }
    c[0].value = value;
    return true;
  };

  Exercise.prototype.check = function () {
    var k = this.key, v = this.value();
    if (k.kind === "choice") { return checkChoice(v, k.options, k.answer); }
    if (k.kind === "number") { return checkNumber(v, k.answer, k.unit, k.tolerance, k.relative_tolerance); }
    if (k.kind === "classify") { return checkClassification(v, k.items, k.item_feedback); }
    if (k.kind === "scale") { return checkRatings(v, k.statements, k.levels); }
    return checkReflection(v, k.min_words);
  };

  Exercise.prototype.show = function (feedback, saved) {
    var notice = storageProblem
      ? '<div class="academy-feedback academy-invalid" role="alert"><p><strong>\u26a0 Please read.</strong> ' +
        esc(storageProblem) + "</p></div>"
      : "";
    this.feedbackArea.innerHTML = notice + feedbackHtml(feedback, saved);
  };

  Exercise.prototype.submit = function (withChart) {
    var feedback = this.check(), saved = "";
    if (feedback.status !== "invalid") {
      var answers = loadAnswers(), now = new Date(), value = this.value();
      answers[this.key.id] = {
        kind: this.key.kind, page: this.key.page || document.title, question: this.key.question,
        value: value, status: feedback.status, feedback: feedbackText(feedback), saved: now.toISOString()
      };
      if (saveAnswers(answers)) { saved = "Saved in this browser at " + clock(now) + "."; }
      this.lastSaved = JSON.stringify(value);
    }
    this.show(feedback, saved);
    if (this.key.kind === "scale") {
      var chart = this.chartArea();
      if (withChart && this.key.chart && feedback.status !== "invalid") {
        chart.innerHTML = ratingsChart(this.key.statements, this.value(), this.key.levels.length, this.key.chart);
      }
    }
    return feedback;
  };

  Exercise.prototype.chartArea = function () {
    var area = this.box.querySelector(".academy-chart-area");
    if (!area) {
      area = document.createElement("div");
      area.className = "academy-chart-area";
      this.feedbackArea.closest(".academy-feedback-area").after(area);
    }
    return area;
  };

  Exercise.prototype.restore = function () {
    var saved = loadAnswers()[this.key.id];
    if (!saved) { return; }
    if (!this.setValue(saved.value)) {
      this.feedbackArea.innerHTML = '<div class="academy-feedback academy-invalid" role="alert"><p>' +
        "<strong>\u26a0 Please read.</strong> Your earlier answer to this exercise no longer fits the question, " +
        "so it is not filled in. It is still kept in this browser.</p></div>";
      return;
    }
    this.lastSaved = JSON.stringify(saved.value);
    this.show(this.check(), "You answered this at " + savedLabel(saved.saved) + ".");
  };

  Exercise.prototype.clear = function () {
    var k = this.key;
    this.controls().forEach(function (c) {
      if (c.tagName === "SELECT") { c.selectedIndex = 0; } else if (c.type === "radio" || c.type === "checkbox") {
        c.checked = false;
      } else { c.value = ""; }
    });
    this.lastSaved = null;
    this.feedbackArea.innerHTML = "";
    if (k.kind === "scale" && this.box.querySelector(".academy-chart-area")) { this.chartArea().innerHTML = ""; }
  };

  // With the engine running, the notice under an exercise says where answers go and keeps
  // its way into JupyterLab (academy-nav.js points the link at the page's launch button).
  var RUNNING_NOTE = '<p class="academy-site-note">Your answers stay in this browser. ' +
    '<a class="academy-launch" href="#academy-launch">Open this page in JupyterLab</a> ' +
    "to keep them in your workbook.</p>";

  Exercise.prototype.start = function () {
    var self = this, k = this.key;
    this.feedbackArea.innerHTML = RUNNING_NOTE;
    if (this.button) {
      this.button.addEventListener("click", function () { self.submit(true); });
    }
    var changed = function () {
      var v = self.value();
      if (typeof v === "string" && v.trim() && JSON.stringify(v) !== self.lastSaved) { self.submit(false); }
    };
    if (k.kind === "number") {
      var input = this.controls()[0];
      input.addEventListener("keydown", function (e) { if (e.key === "Enter") { changed(); } });
      input.addEventListener("change", changed);
    } else if (k.kind === "reflect") {
      this.controls()[0].addEventListener("change", changed);
    } else if (k.kind === "scale") {
      this.controls().forEach(function (select) {
        select.addEventListener("change", function () {
          var any = k.statements.some(function (s) { return self.value()[s] !== null; });
          if (!any) { return; }
          var area = self.box.querySelector(".academy-chart-area");
          self.submit(!!(area && area.innerHTML));
        });
      });
    }
    this.restore();
  };

  // Calculators need Python: on the website their figures are shown but cannot be changed.
  function freezeCalculator(box) {
    box.querySelectorAll("input[type=text]").forEach(function (input) {
      input.readOnly = true;
      input.setAttribute("aria-readonly", "true");
    });
    box.querySelectorAll("select").forEach(function (select) { select.disabled = true; });
    var button = box.querySelector(":scope > button");
    if (button) { button.hidden = true; }
  }

  // --- calculators (exercises/widgets/calculator.py) -------------------------------------------------
  // Input.read: the value a calculator's function receives, or Problem with a plain message.
  function readInput(spec, text) {
    if (spec.options) { return text; }
    var number = parseNumber(text);
    if ((number.unit === POUNDS || number.unit === PERCENT) && number.unit !== spec.unit) {
      var wanted = spec.unit === POUNDS ? "an amount in pounds" : spec.unit === PERCENT ? "a percentage" : "a number";
      throw new Problem("Enter " + wanted + " here, such as " + spec.start + ".");
    }
    var value = number.value;
    var low = spec.minimum === null ? -Infinity : spec.minimum, high = spec.maximum === null ? Infinity : spec.maximum;
    if (!(low <= value && value <= high)) {
      var limits;
      if (spec.minimum !== null && spec.maximum !== null) {
        limits = "between " + formatNumber(low, spec.unit) + " and " + formatNumber(high, spec.unit);
      } else if (spec.minimum !== null) {
        limits = "of at least " + formatNumber(low, spec.unit);
      } else {
        limits = "of at most " + formatNumber(high, spec.unit);
      }
      throw new Problem("Enter a value " + limits + ".");
    }
    if (spec.whole) {
      if (value !== Math.trunc(value)) { throw new Problem("Enter a whole number here."); }
      value = Math.trunc(value);
    }
    return spec.unit === PERCENT ? value / 100 : value;
  }

  // markup.py's mapping_table and _cell.
  function cellText(value, type) {
    if (type === "float") {
      if (isNaN(value)) { return "nan"; }
      return fixed(value, 2, true).replace(/0+$/, "").replace(/\.$/, "");
    }
    if (type === "int") { return (value < 0 ? "-" : "") + grouped(String(Math.abs(value))); }
    return String(value);
  }
  // markup.py's frame_table: a DataFrame of floats with its row labels.
  function frameTable(frame) {
    var head = "<thead><tr><th></th>" + frame.columns.map(function (c) { return "<th>" + esc(c) + "</th>"; }).join("") +
      "</tr></thead>";
    var body = frame.index.map(function (label, i) {
      return "<tr><th>" + esc(label) + "</th>" + frame.data[i].map(function (v) {
        return "<td>" + esc(cellText(v, "float")) + "</td>";
      }).join("") + "</tr>";
    }).join("");
    return '<table class="academy-table">' + head + "<tbody>" + body + "</tbody></table>";
  }
  function resultTable(result) { return Array.isArray(result) ? mappingTable(result) : frameTable(result.frame); }
  function mappingTable(rows) {
    return '<table class="academy-table"><tbody>' + rows.map(function (row) {
      return '<tr><th scope="row">' + esc(row[0]) + "</th><td>" + esc(cellText(row[1], row[2])) + "</td></tr>";
    }).join("") + "</tbody></table>";
  }

  var ports = {}, portsLoading = null, portsWaiting = [];
  var SCRIPT = document.currentScript ? document.currentScript.src : "";
  function withPorts(callback) {
    if (window.AcademyExercises && window.AcademyExercises.portsReady) { callback(); return; }
    portsWaiting.push(callback);
    if (portsLoading) { return; }
    portsLoading = document.createElement("script");
    portsLoading.src = SCRIPT.replace(/academy-exercises\.js(\?.*)?$/, "academy-calculators.js$1");
    portsLoading.async = true;
    document.head.appendChild(portsLoading);
  }
  function registerPorts(more) {
    Object.keys(more).forEach(function (name) { ports[name] = more[name]; });
    window.AcademyExercises.portsReady = true;
    portsWaiting.splice(0).forEach(function (callback) { callback(); });
  }

  function Calculator(box, key) {
    this.box = box;
    this.key = key;
    this.feedbackArea = areaOf(box.querySelector(".academy-feedback-area"));
    this.resultArea = areaOf(box.querySelector(".academy-result-area"));
    this.button = box.querySelector(":scope > button");
    this.last = null;
  }
  Calculator.prototype.controls = function () {
    return Array.from(this.box.querySelectorAll(":scope > .academy-stacked")).map(function (field) {
      return field.querySelector("input, select");
    });
  };
  Calculator.prototype.expected = function () { return this.key.inputs.length; };
  Calculator.prototype.value = function () {
    var value = {}, c = this.controls();
    this.key.inputs.forEach(function (spec, i) { value[spec.name] = c[i].value; });
    return value;
  };
  Calculator.prototype.setValue = function (value) {
    if (typeof value !== "object" || value === null) { return false; }
    var c = this.controls();
    this.key.inputs.forEach(function (spec, i) {
      if (value[spec.name] !== undefined) {
        var text = String(value[spec.name]);
        if (spec.options && spec.options.indexOf(text) < 0) { return; }
        c[i].value = text;
      }
    });
    return true;
  };
  // CalculatorExercise.recompute: run the port if a value changed; draw its table and chart.
  Calculator.prototype.check = function () {
    var values = {}, notes = [], text = this.value();
    this.key.inputs.forEach(function (spec) {
      try { values[spec.name] = readInput(spec, text[spec.name]); } catch (problem) {
        if (!(problem instanceof Problem)) { throw problem; }
        notes.push([spec.label, problem.message]);
      }
    });
    if (notes.length) { return fb("invalid", "Some figures could not be read, so the results have not changed.", notes); }
    if (this.last !== null && JSON.stringify(values) === this.last) {
      return fb("noted", "The results below use your figures.");
    }
    var port = ports[this.key.port.name], constants = this.key.port.constants, rows, picture;
    try {
      rows = port.compute(values, constants);
      picture = port.chart ? port.chart(rows, constants) : "";
    } catch (problem) {
      if (!(problem instanceof Problem)) { throw problem; }
      this.last = null;
      return fb("invalid", "These figures cannot be worked out: " + problem.message + ". Change a figure and try again.");
    }
    this.last = JSON.stringify(values);
    this.resultArea.innerHTML = resultTable(rows) + picture;
    this.box.setAttribute("data-academy-computed", String((+this.box.getAttribute("data-academy-computed") || 0) + 1));
    return fb("noted", "The results below use your figures.");
  };
  Calculator.prototype.show = Exercise.prototype.show;
  Calculator.prototype.submit = Exercise.prototype.submit;
  Calculator.prototype.restore = Exercise.prototype.restore;
  Calculator.prototype.chartArea = function () { return this.resultArea; };
  Calculator.prototype.reset = function () {
    var c = this.controls();
    this.key.inputs.forEach(function (spec, i) { c[i].value = spec.start; });
    this.submit(false);
  };
  Calculator.prototype.clear = function () {
    var c = this.controls();
    this.key.inputs.forEach(function (spec, i) { c[i].value = spec.start; });
    this.check();
    this.feedbackArea.innerHTML = "";
  };
  Calculator.prototype.start = function () {
    var self = this;
    this.feedbackArea.innerHTML = '<p class="academy-loading" role="status">Loading the calculator\u2026</p>';
    withPorts(function () {
      self.feedbackArea.innerHTML = "";
      if (self.button) { self.button.addEventListener("click", function () { self.reset(); }); }
      self.controls().forEach(function (control) {
        var changed = function () { self.submit(false); };
        if (control.tagName === "SELECT") {
          control.addEventListener("change", changed);
        } else {
          control.addEventListener("keydown", function (e) { if (e.key === "Enter") { changed(); } });
          control.addEventListener("change", changed);
        }
      });
      self.restore();
      self.box.setAttribute("data-academy-ready", "true");
    });
  };

  // --- the page ------------------------------------------------------------------------------------
  var exercises = [];

  function answersMarkdown() {
    var answers = loadAnswers(), ids = Object.keys(answers), pages = {}, order = [];
    ids.forEach(function (id) {
      var a = answers[id], page = a.page || "Other answers";
      if (!pages[page]) { pages[page] = []; order.push(page); }
      pages[page].push(a);
    });
    var now = new Date();
    var lines = ["# My answers: the Commissioning Academy", "",
      "Downloaded from the course website at " + savedLabel(now.toISOString()) + ". " +
      "These answers were kept only in the browser that downloaded them.", ""];
    if (!ids.length) { lines.push("No answers have been given on the website in this browser yet.", ""); }
    order.forEach(function (page) {
      lines.push("## " + page, "");
      pages[page].forEach(function (a) {
        lines.push("### " + String(a.question || "").replace(/\s+/g, " ").trim(), "");
        var v = a.value;
        if (a.kind === "classify" && Array.isArray(v)) {
          v.forEach(function (p) { lines.push("- " + p[0] + ": " + (p[1] || "not placed")); });
        } else if (a.kind === "calculator" && v && typeof v === "object") {
          Object.keys(v).forEach(function (name) { lines.push("- " + name + ": " + v[name]); });
        } else if (a.kind === "scale" && v && typeof v === "object") {
          Object.keys(v).forEach(function (s) { lines.push("- " + s + ": " + (v[s] === null ? "not rated" : v[s])); });
        } else if (Array.isArray(v)) {
          v.forEach(function (option) { lines.push("- " + option); });
        } else if (a.kind === "reflect") {
          String(v).split("\n").forEach(function (line) { lines.push("> " + line); });
        } else {
          lines.push("My answer: " + v);
        }
        lines.push("");
        if (a.feedback && a.kind !== "reflect") { lines.push("Feedback: " + a.feedback.replace(/\n/g, "\n\n"), ""); }
        lines.push("*Answered at " + savedLabel(a.saved) + ".*", "");
      });
    });
    return lines.join("\n");
  }

  function download() {
    var blob = new Blob([answersMarkdown()], { type: "text/markdown;charset=utf-8" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = "my-academy-answers.md";
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 1000);
  }

  function answersBar() {
    var bar = document.createElement("section");
    bar.className = "academy-answers-bar";
    bar.setAttribute("aria-label", "Your answers on this website");
    bar.innerHTML =
      "<p>Answers you give on this website are kept only in this browser, on this device: nothing is " +
      "sent anywhere. Download them to keep a copy.</p>" +
      '<p class="academy-answers-buttons"><button type="button" class="academy-download">Download my answers</button> ' +
      '<button type="button" class="academy-clear">Clear my answers</button></p>' +
      '<p class="academy-clear-confirm" hidden>This deletes every answer this browser keeps, on every page of ' +
      'the course. <button type="button" class="academy-clear-yes">Yes, clear my answers</button> ' +
      '<button type="button" class="academy-clear-no">Keep them</button></p>' +
      '<p class="academy-answers-status" role="status"></p>';
    var confirm = bar.querySelector(".academy-clear-confirm"), status = bar.querySelector(".academy-answers-status");
    bar.querySelector(".academy-download").addEventListener("click", download);
    bar.querySelector(".academy-clear").addEventListener("click", function () {
      confirm.hidden = false;
      status.textContent = "";
      bar.querySelector(".academy-clear-yes").focus();
    });
    bar.querySelector(".academy-clear-no").addEventListener("click", function () {
      confirm.hidden = true;
      bar.querySelector(".academy-clear").focus();
    });
    bar.querySelector(".academy-clear-yes").addEventListener("click", function () {
      try { window.localStorage.removeItem(STORE); } catch (e) { /* nothing kept, nothing to clear */ }
      if (inMemory !== null) { inMemory = {}; }
      exercises.forEach(function (ex) { ex.clear(); });
      confirm.hidden = true;
      status.textContent = "Your answers have been cleared from this browser.";
      bar.querySelector(".academy-clear").focus();
    });
    return bar;
  }

  function placeBar(firstBox) {
    if (document.querySelector(".academy-answers-bar")) { return; }
    var article = document.querySelector("article.bd-article") || document.querySelector("main") || document.body;
    var heading = article.querySelector("h1");
    var bar = answersBar();
    if (heading && heading.parentNode) { heading.parentNode.insertBefore(bar, heading.nextSibling); }
    else { article.insertBefore(bar, article.firstChild); }
  }

  function enhance() {
    document.querySelectorAll(".academy-exercise:not([data-academy-started])").forEach(function (box) {
      var keyElement = box.querySelector(".academy-key"), area = box.querySelector(".academy-feedback-area");
      if (!keyElement || !area) { return; }
      var key;
      try { key = JSON.parse(keyElement.getAttribute("data-key")); } catch (e) { return; }
      if (key.kind === "calculator" && !key.port) {
        freezeCalculator(box);
        box.setAttribute("data-academy-started", "true");
        box.setAttribute("data-academy-ready", "true");
        return;
      }
      var exercise = key.kind === "calculator" ? new Calculator(box, key) : new Exercise(box, key);
      var drawn = exercise.controls();
      if (drawn.length !== exercise.expected() || drawn.indexOf(null) >= 0 ||
          (key.kind === "calculator" && !exercise.resultArea)) { return; }  // not fully drawn yet
      box.setAttribute("data-academy-started", "true");
      exercises.push(exercise);
      placeBar(box);
      exercise.start();
      if (key.kind !== "calculator") { box.setAttribute("data-academy-ready", "true"); }
    });
  }

  // For tests and for authors: the rules, callable from the browser's console.
  window.AcademyExercises = {
    parseNumber: function (text) {
      try { var n = parseNumber(text); return { value: n.value, unit: n.unit }; } catch (p) {
        if (p instanceof Problem) { return { problem: p.message }; }
        throw p;
      }
    },
    formatNumber: formatNumber,
    checkChoice: checkChoice,
    checkNumber: checkNumber,
    checkClassification: checkClassification,
    checkRatings: checkRatings,
    checkReflection: checkReflection,
    feedbackHtml: feedbackHtml,
    answersMarkdown: answersMarkdown,
    readInput: function (spec, text) {
      try { return { value: readInput(spec, text) }; } catch (p) {
        if (p instanceof Problem) { return { problem: p.message }; }
        throw p;
      }
    },
    // for the calculators' ports (academy-calculators.js)
    Problem: Problem,
    pyRound: pyRound,
    esc: esc,
    cellText: cellText,
    registerPorts: registerPorts,
    runPort: function (name, constants, values) {
      try {
        var result = ports[name].compute(values, constants);
        return Array.isArray(result) ? { rows: result } : { frame: result.frame };
      } catch (p) {
        if (p instanceof Problem) { return { problem: p.message }; }
        throw p;
      }
    }
  };

  function start() {
    if (!document.body) { return; }
    enhance();
    // The widget manager adds an exercise's classes after drawing it: watch classes too.
    new MutationObserver(enhance).observe(document.body, {
      childList: true, subtree: true, attributes: true, attributeFilter: ["class"]
    });
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();

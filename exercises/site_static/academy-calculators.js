/* Calculators on the course website: JavaScript ports of the lessons' compute functions and
 * their charts (drawn as SVG). Loaded by academy-exercises.js only on a page with such a
 * calculator. Which functions have a port, and the constants each is given (labels, rates
 * from the datasets), is set in Python: exercises/widgets/browser_ports.py. Every port is
 * checked against its Python function on generated inputs: tests/website/test_calculator_ports.py.
 * A port returns rows [label, value, type] (type "float", "int" or "text"), in the order of
 * the Python function's result, or {frame: {columns, index, data}} for a pandas DataFrame,
 * and throws Problem(message) where Python raises ValueError. */
(function () {
  "use strict";
  var A = window.AcademyExercises;
  var Problem = A.Problem, pyRound = A.pyRound;
  var BLUE = "#1d70b8", GREY = "#505a5f", ORANGE = "#f47738", LIGHT = "#f3f2f1", INK = "#0b0c0c";

  function esc(text) { return A.esc(text); }

  // Python's format(x, "g"): six significant figures, trailing zeros dropped.
  function g(x) {
    if (x === 0) { return "0"; }
    var exp = parseInt(x.toExponential(5).split("e")[1], 10);
    if (exp < -4 || exp >= 6) {
      var parts = x.toExponential(5).split("e"), mantissa = parts[0].replace(/\.?0+$/, "");
      var e = parseInt(parts[1], 10);
      return mantissa + "e" + (e < 0 ? "-" : "+") + (Math.abs(e) < 10 ? "0" : "") + Math.abs(e);
    }
    return x.toFixed(5 - exp).replace(/(\.\d*?)0+$/, "$1").replace(/\.$/, "");
  }

  // numpy's sum of a float array (pandas' Series.sum): the first value, plus the rest summed
  // pairwise with eight partial sums, as numpy's pairwise summation does below 128 values.
  function numpySum(values) {
    if (values.length === 0) { return 0; }
    var rest = values.slice(1), n = rest.length, total;
    if (n < 8) {
      total = 0;
      for (var i = 0; i < n; i += 1) { total += rest[i]; }
    } else {
      var r = rest.slice(0, 8), j = 8;
      for (; j < n - (n % 8); j += 8) { for (var k = 0; k < 8; k += 1) { r[k] += rest[j + k]; } }
      total = ((r[0] + r[1]) + (r[2] + r[3])) + ((r[4] + r[5]) + (r[6] + r[7]));
      for (; j < n; j += 1) { total += rest[j]; }
    }
    return values[0] + total;
  }

  // --- a small SVG chart: one or two axes with lines, steps, bars, markers and notes ------------
  function niceTicks(low, high, count) {
    var span = high - low;
    if (!(span > 0)) { return [low]; }
    var step = Math.pow(10, Math.floor(Math.log10(span / count))), err = span / count / step;
    if (err >= 7.5) { step *= 10; } else if (err >= 3.5) { step *= 5; } else if (err >= 1.5) { step *= 2; }
    var ticks = [];
    for (var t = Math.ceil(low / step) * step; t <= high + step * 1e-9; t += step) { ticks.push(+t.toPrecision(12)); }
    return ticks;
  }
  function tickText(t) {
    return Math.abs(t) >= 1000 ? A.formatNumber(t, null, 0) : String(+t.toPrecision(10));
  }

  // spec: {width, height, title, xlabel, ylabel, xlim, ylim, xticks?, yticks?, tickText?, items: [...], legend: [...]}
  function chart(spec) {
    var W = spec.width || 640, H = spec.height || 340;
    var left = spec.left || 70, right = 16, top = 34, bottom = 52;
    var pw = W - left - right, ph = H - top - bottom;
    var x0 = spec.xlim[0], x1 = spec.xlim[1], y0 = spec.ylim[0], y1 = spec.ylim[1];
    function X(x) { return left + (x - x0) / (x1 - x0) * pw; }
    function Y(y) { return top + ph - (y - y0) / (y1 - y0) * ph; }
    function f(n) { return (Math.round(n * 100) / 100).toString(); }
    var open = spec.inner
      ? '<svg x="' + (spec.x || 0) + '" y="0" width="' + W + '" height="' + H + '" viewBox="0 0 ' + W + " " + H +
        '" font-family="sans-serif" font-size="12">'
      : '<svg class="academy-chart academy-calculator-chart" role="img" aria-label="' + esc(spec.alt) +
        '" viewBox="0 0 ' + W + " " + H + '" width="' + W + '" height="' + H +
        '" xmlns="http://www.w3.org/2000/svg" font-family="sans-serif" font-size="12">';
    var out = [open,
      '<rect width="100%" height="100%" fill="#ffffff"/>',
      '<text x="' + f(left + pw / 2) + '" y="20" text-anchor="middle" font-size="14" fill="' + INK + '">' +
      esc(spec.title) + "</text>"];
    var xticks = spec.xticks || niceTicks(x0, x1, 6), yticks = spec.yticks || niceTicks(y0, y1, 5);
    var label = spec.tickText || tickText;
    (spec.under || []).forEach(function (item) { out.push(draw(item)); });
    yticks.forEach(function (t) {
      if (t < y0 || t > y1) { return; }
      out.push('<line x1="' + left + '" x2="' + (left - 5) + '" y1="' + f(Y(t)) + '" y2="' + f(Y(t)) +
        '" stroke="' + INK + '"/><text x="' + (left - 8) + '" y="' + f(Y(t) + 4) + '" text-anchor="end" fill="' +
        INK + '">' + esc(label(t)) + "</text>");
    });
    xticks.forEach(function (t) {
      if (t < x0 || t > x1) { return; }
      out.push('<line x1="' + f(X(t)) + '" x2="' + f(X(t)) + '" y1="' + (top + ph) + '" y2="' + (top + ph + 5) +
        '" stroke="' + INK + '"/><text x="' + f(X(t)) + '" y="' + (top + ph + 18) + '" text-anchor="middle" fill="' +
        INK + '">' + esc(label(t)) + "</text>");
    });
    (spec.items || []).forEach(function (item) { out.push(draw(item)); });
    out.push('<rect x="' + left + '" y="' + top + '" width="' + pw + '" height="' + ph +
      '" fill="none" stroke="' + INK + '"/>');
    out.push('<text x="' + f(left + pw / 2) + '" y="' + (H - 10) + '" text-anchor="middle" fill="' + INK + '">' +
      esc(spec.xlabel || "") + "</text>");
    out.push('<text transform="translate(16 ' + f(top + ph / 2) + ') rotate(-90)" text-anchor="middle" fill="' +
      INK + '">' + esc(spec.ylabel || "") + "</text>");
    (spec.legend || []).forEach(function (entry, i) {
      var ly = top + 16 + 18 * i, lx = left + 12;
      out.push('<line x1="' + lx + '" x2="' + (lx + 22) + '" y1="' + (ly - 4) + '" y2="' + (ly - 4) + '" stroke="' +
        entry.colour + '" stroke-width="3"/><text x="' + (lx + 28) + '" y="' + ly + '" fill="' + INK + '">' +
        esc(entry.label) + "</text>");
    });
    out.push("</svg>");
    return out.join("");

    function draw(item) {
      if (item.type === "line" || item.type === "step") {
        var points = [];
        item.x.forEach(function (x, i) {
          if (item.type === "step" && i > 0) { points.push(f(X(x)) + "," + f(Y(item.y[i - 1]))); }
          points.push(f(X(x)) + "," + f(Y(item.y[i])));
        });
        return '<polyline fill="none" stroke="' + item.colour + '" stroke-width="' + (item.width || 2) +
          '"' + (item.dash ? ' stroke-dasharray="' + item.dash + '"' : "") + ' points="' + points.join(" ") + '"/>';
      }
      if (item.type === "hbar") {
        var band = ph / item.labels.length, parts = [];
        item.labels.forEach(function (label, i) {
          var y = top + band * i, a = X(Math.min(0, item.values[i])), b = X(Math.max(0, item.values[i]));
          parts.push('<rect x="' + f(a) + '" y="' + f(y + band * 0.15) + '" width="' + f(b - a) + '" height="' +
            f(band * 0.7) + '" fill="' + item.colours[i] + '"><title>' + esc(label + ": " + tickText(item.values[i])) +
            "</title></rect>");
          parts.push('<text x="' + (left - 8) + '" y="' + f(y + band / 2 + 4) + '" text-anchor="end" fill="' + INK +
            '">' + esc(label) + "</text>");
        });
        return parts.join("");
      }
      if (item.type === "marker") {
        return '<circle cx="' + f(X(item.x)) + '" cy="' + f(Y(item.y)) + '" r="' + (item.r || 9) + '" fill="' +
          item.colour + '" stroke="' + INK + '" stroke-width="1.5"/>';
      }
      if (item.type === "text") {
        return '<text x="' + f(X(item.x) + (item.dx || 0)) + '" y="' + f(Y(item.y) + (item.dy || 0)) +
          '" text-anchor="' + (item.anchor || "middle") + '" fill="' + (item.colour || INK) + '" font-size="' +
          (item.size || 11) + '">' + esc(item.text) + "</text>";
      }
      if (item.type === "rect") {
        return '<rect x="' + f(X(item.x[0])) + '" y="' + f(Y(item.y[1])) + '" width="' + f(X(item.x[1]) - X(item.x[0])) +
          '" height="' + f(Y(item.y[0]) - Y(item.y[1])) + '" fill="' + item.colour + '"/>';
      }
      return "";
    }
  }

  function value(rows, label) {
    for (var i = 0; i < rows.length; i += 1) { if (rows[i][0] === label) { return rows[i][1]; } }
    return undefined;
  }

  // --- exercises.lessons.day1.compare_learning and learning_chart --------------------------------
  var compareLearning = {
    compute: function (v, c) {
      if (v.procurement_months < 0) { throw new Problem("the procurement cannot take less than no time"); }
      if (!(v.contract_years > 0) || !(v.fast_cycle_days > 0)) { throw new Problem("each cycle must last longer than zero"); }
      var traditional = c.decade_years / v.contract_years;
      var fast = c.decade_years / (v.fast_cycle_days / c.days_per_year);
      var L = c.labels;
      return [
        [L[0], v.contract_years, "float"], [L[1], pyRound(traditional, 1), "float"],
        [L[2], v.fast_cycle_days, "float"], [L[3], pyRound(fast, 1), "float"],
        [L[4], pyRound(fast / traditional, 1), "float"],
        [L[5], pyRound(v.procurement_months / 12 + v.contract_years, 2), "float"]
      ];
    },
    chart: function (rows, c) {
      var L = c.labels, years = value(rows, L[0]), days = value(rows, L[2]);
      var xs = [], fast = [], traditional = [], end = Math.trunc(c.decade_years * c.days_per_year);
      for (var d = 0; d <= end; d += 7) {
        xs.push(d / c.days_per_year);
        traditional.push(Math.floor(d / (years * c.days_per_year)));
        fast.push(Math.floor(d / days));
      }
      var topValue = Math.max(1, Math.max.apply(null, fast), Math.max.apply(null, traditional));
      var fastLabel = "Fast cycle, every " + g(days) + " days";
      var tradLabel = "Traditional cycle, every " + g(years) + " years";
      return chart({
        title: "How often does a commissioner learn? Ten years of two cycles",
        alt: "Chart: How often does a commissioner learn? Ten years of two cycles. " + fastLabel + ": " +
          fast[fast.length - 1] + " chances to learn in ten years. " + tradLabel + ": " +
          traditional[traditional.length - 1] + ".",
        xlabel: "Years from the start", ylabel: "Chances to learn so far (count)",
        xlim: [0, c.decade_years], ylim: [-0.05 * topValue, topValue * 1.05],
        items: [{ type: "step", x: xs, y: fast, colour: BLUE, width: 2 },
          { type: "step", x: xs, y: traditional, colour: ORANGE, width: 2.5 }],
        legend: [{ label: fastLabel, colour: BLUE }, { label: tradLabel, colour: ORANGE }]
      });
    }
  };

  // --- exercises.lessons.day4.readiness_grid and readiness_chart --------------------------------
  var readinessGrid = {
    compute: function (v, c) {
      var rs = c.readiness_scale, as = c.adoption_scale;
      if (!(rs[0] <= v.readiness && v.readiness <= rs[1])) { throw new Problem("the readiness score runs from 1 to 9"); }
      if (!(as[0] <= v.adoption && v.adoption <= as[1])) { throw new Problem("the adoption score runs from 1 to 5"); }
      var proven = v.readiness >= c.proven_from, adopted = v.adoption >= c.adopted_from, where = null;
      c.advice.forEach(function (a) { if (a[0] === proven && a[1] === adopted) { where = a; } });
      var L = c.labels;
      return [[L[0], Math.trunc(v.readiness), "int"], [L[1], Math.trunc(v.adoption), "int"],
        [L[2], where[2], "text"], [L[3], where[3], "text"]];
    },
    chart: function (rows, c) {
      var L = c.labels, x = value(rows, L[0]), y = value(rows, L[1]);
      var splitX = c.proven_from - 0.5, splitY = c.adopted_from - 0.5;
      var toTheLeft = x > 6, below = y > 3;
      var items = [
        { type: "line", x: [splitX, splitX], y: [0.5, 5.5], colour: GREY, width: 1, dash: "5 4" },
        { type: "line", x: [0.5, 9.5], y: [splitY, splitY], colour: GREY, width: 1, dash: "5 4" }
      ];
      c.advice.forEach(function (a) {
        items.push({ type: "text", x: a[0] ? 8.0 : 3.5, y: a[1] ? 5.3 : 0.7, text: a[2], colour: GREY, size: 11 });
      });
      items.push({ type: "marker", x: x, y: y, colour: ORANGE, r: 9 });
      items.push({ type: "text", x: x, y: y, dx: toTheLeft ? -14 : 14, dy: below ? 16 : -10,
        anchor: toTheLeft ? "end" : "start", text: "Your technology", size: 12 });
      return chart({
        width: 600, height: 420,
        title: "Technology readiness by adoption: where your technology sits",
        alt: "Chart: Technology readiness by adoption: where your technology sits. Your technology: readiness " +
          x + ", adoption " + y + ", " + value(rows, L[2]) + ".",
        xlabel: "Readiness score (1 = concept formulated, 9 = proven in operation)",
        ylabel: "Adoption score (1 = no customers, 5 = mainstream)",
        xlim: [0.5, 9.5], ylim: [0.5, 5.5], xticks: [1, 2, 3, 4, 5, 6, 7, 8, 9], yticks: [1, 2, 3, 4, 5],
        left: 56,
        under: [{ type: "rect", x: [splitX, 9.5], y: [splitY, 5.5], colour: LIGHT }],
        items: items
      });
    }
  };

  // --- exercises.lessons.day3.invest_to_save (with finance.py) and shrinking_chart ---------------
  function checkShare(name, share) {
    if (!(share >= 0 && share <= 1)) { throw new Problem("The " + name + " must be between 0% and 100%."); }
  }
  function discountFactor(year, rate) {
    if (rate <= -1) { throw new Problem("The discount rate must be more than -100%."); }
    if (year < 0) { throw new Problem("Years are counted from 0 (now); a year cannot be negative."); }
    return 1.0 / Math.pow(1.0 + rate, year);
  }
  var investToSave = {
    compute: function (v, c) {
      var rate = c.rate;
      if (v.optimism < 0) { throw new Problem("An optimism bias uplift cannot be negative."); }
      var cost = v.investment * (1 + v.optimism), years = Math.trunc(v.years);
      if (years < 1) { throw new Problem("Count at least one year of savings."); }
      checkShare("drop-off", v.drop_off);
      checkShare("deadweight", v.deadweight);
      checkShare("displacement", v.displacement);
      checkShare("attribution", v.attribution);
      // Attribution is the share due to others, taken off (finance.counted_saving).
      var first = v.saving * (1 - v.deadweight) * (1 - v.displacement) * (1 - v.attribution);
      var counted = [], today = [];
      for (var t = 1; t <= years; t += 1) {
        var amount = first * Math.pow(1 - v.drop_off, t - 1);
        counted.push(amount);
        today.push(amount * discountFactor(t, rate));
      }
      var benefitsToday = numpySum(today), L = c.labels;
      // Whole pounds (Python's round() gives an int) and a ratio to 2 places, rounded as
      // Python rounds, sign included.
      var whole = function (x) { return (x < 0 ? -1 : 1) * pyRound(Math.abs(x), 0); };
      return [[L[0], whole(v.saving * v.years), "int"], [L[1], whole(numpySum(counted)), "int"],
        [L[2], whole(benefitsToday), "int"], [L[3], whole(cost), "int"],
        [L[4], whole(benefitsToday - cost), "int"],
        [L[5], cost ? (benefitsToday / cost < 0 ? -1 : 1) * pyRound(Math.abs(benefitsToday / cost), 2) : NaN, "float"]];
    },
    chart: function (rows, c) {
      var labels = ["Claimed", "Counted", "Counted, today's money", "Cost (with optimism bias)"];
      var values = [0, 1, 2, 3].map(function (i) { return rows[i][1] / 1000; });
      var low = Math.min(0, Math.min.apply(null, values)), high = Math.max(0, Math.max.apply(null, values));
      var pad = (high - low) * 0.05 || 1;
      return chart({
        width: 640, height: 300, left: 190,
        title: "How a claimed saving shrinks (your figures)",
        alt: "Chart: How a claimed saving shrinks (your figures). " + labels.map(function (l, i) {
          return l + ": \u00a3" + A.formatNumber(values[i], null, 0) + " thousand";
        }).join("; ") + ".",
        xlabel: "\u00a3 thousands", ylabel: "",
        xlim: [low < 0 ? low - pad : 0, high + pad], ylim: [0, 1], yticks: [],
        items: [{ type: "hbar", labels: labels, values: values, colours: [GREY, BLUE, BLUE, ORANGE] }]
      });
    }
  };


  // --- exercises.lessons.day4.pilot_planner (with stats.py) and power_chart ---------------------
  // The error function to about 1e-14: a power series below 2.5, a continued fraction above.
  function erf(x) {
    var ax = Math.abs(x), r;
    if (ax < 2.5) {
      var sum = ax, term = ax, x2 = ax * ax;
      for (var n = 1; n < 200; n += 1) {
        term *= -x2 / n;
        var add = term / (2 * n + 1);
        sum += add;
        if (Math.abs(add) < 1e-17 * Math.abs(sum)) { break; }
      }
      r = 2 / Math.sqrt(Math.PI) * sum;
    } else {
      var t = ax;
      for (var k = 80; k >= 1; k -= 1) { t = ax + (k / 2) / t; }
      r = 1 - Math.exp(-ax * ax) / Math.sqrt(Math.PI) / t;
    }
    return x < 0 ? -r : r;
  }
  function pilotShare(name, v) {
    if (!(v > 0 && v < 1)) { throw new Problem("the " + name + " must be between 0% and 100%"); }
  }
  function checkPair(p1, p2) {
    pilotShare("share without the change", p1);
    pilotShare("share with the change", p2);
    if (p1 === p2) { throw new Problem("the two shares must differ: a trial cannot detect a difference of zero"); }
  }
  function power(p1, p2, n, c) {
    checkPair(p1, p2);
    if (n < 2) { throw new Problem("each arm needs at least two people"); }
    var pBar = (p1 + p2) / 2;
    var score = (Math.abs(p1 - p2) * Math.sqrt(n) - c.z_alpha * Math.sqrt(2 * pBar * (1 - pBar))) /
      Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
    return 0.5 * (1.0 + erf(score / Math.SQRT2));
  }
  function sampleSize(p1, p2, c) {
    checkPair(p1, p2);
    var pBar = (p1 + p2) / 2, d = p1 - p2;
    var top = c.z_alpha * Math.sqrt(2 * pBar * (1 - pBar)) + c.z_beta * Math.sqrt(p1 * (1 - p1) + p2 * (1 - p2));
    return Math.ceil(top * top / (d * d) - 1e-9);
  }
  function smallestDetectable(p1, n, c) {
    pilotShare("share without the change", p1);
    var low = 1e-6, high = 1 - p1 - 1e-6;
    if (power(p1, p1 + high, n, c) < c.power_wanted) { return NaN; }
    for (var i = 0; i < 60; i += 1) {
      var middle = (low + high) / 2;
      if (power(p1, p1 + middle, n, c) >= c.power_wanted) { high = middle; } else { low = middle; }
    }
    return high;
  }
  var pilotPlanner = {
    compute: function (v, c) {
      if (!(v.effect > 0)) { throw new Problem("the effect you hope for must be above zero percentage points"); }
      var target = v.baseline + v.effect;
      if (!(target < 1)) { throw new Problem("the share with the change must stay below 100%"); }
      var smallest = smallestDetectable(v.baseline, v.people_per_group, c), L = c.labels;
      return [[L[0], pyRound(100 * v.baseline, 1), "float"], [L[1], pyRound(100 * target, 1), "float"],
        [L[2], Math.trunc(v.people_per_group), "int"], [L[3], sampleSize(v.baseline, target, c), "int"],
        [L[4], pyRound(100 * power(v.baseline, target, v.people_per_group, c), 1), "float"],
        isNaN(smallest) ? [L[5], "more than is possible", "text"] : [L[5], pyRound(100 * smallest, 1), "float"]];
    },
    chart: function (rows, c) {
      var L = c.labels, baseline = value(rows, L[0]) / 100, target = value(rows, L[1]) / 100;
      var people = Math.trunc(value(rows, L[2])), needed = Math.trunc(value(rows, L[3]));
      var top = Math.trunc(Math.max(needed, people) * 1.5) + 10, sizes = [], seen = {};
      for (var i = 0; i < 120; i += 1) {
        var size = Math.trunc(i === 119 ? top : 10 + i * ((top - 10) / 119));
        if (!seen[size]) { seen[size] = true; sizes.push(size); }
      }
      sizes.sort(function (a, b) { return a - b; });
      var curve = sizes.map(function (n) { return 100 * power(baseline, target, n, c); });
      var yours = 100 * power(baseline, target, people, c), span = sizes[sizes.length - 1] - sizes[0];
      var xlim = [sizes[0] - 0.05 * span, sizes[sizes.length - 1] + 0.05 * span];
      var title = "Power to detect a rise from " + g(100 * baseline) + "% to " + g(100 * target) + "%";
      var yourLabel = "Your pilot: " + A.formatNumber(people, null, 0) + " a group";
      var neededLabel = "Needed for 80%: " + A.formatNumber(needed, null, 0) + " a group";
      return chart({
        title: title,
        alt: "Chart: " + title + ". " + yourLabel + ", power " + A.formatNumber(yours, null, 1) + "%. " + neededLabel + ".",
        xlabel: "People in each group (count)", ylabel: "Chance of detecting the effect (%)",
        xlim: xlim, ylim: [0, 100],
        items: [
          { type: "line", x: xlim, y: [80, 80], colour: GREY, width: 1, dash: "5 4" },
          { type: "text", x: xlim[0], y: 82, dx: 6, anchor: "start", text: "80%: the usual aim", colour: GREY, size: 10 },
          { type: "line", x: sizes, y: curve, colour: BLUE, width: 2 },
          { type: "line", x: [needed, needed], y: [0, 100], colour: "#00703c", width: 2, dash: "2 3" },
          { type: "marker", x: people, y: yours, colour: ORANGE, r: 7 }
        ],
        legend: [{ label: yourLabel, colour: ORANGE }, { label: neededLabel, colour: "#00703c" }]
      });
    }
  };

  // --- exercises.lessons.simulation (through day3.simulation_pair) and day3.simulation_chart -----
  // numpy's round(0): half to even.
  function roundEven(x) {
    var r = Math.round(x);
    if (Math.abs(x % 1) === 0.5) { r = 2 * Math.round(x / 2); }
    return r === 0 && (x < 0 || Object.is(x, -0)) ? -0 : r;
  }
  function strategy(name, amount, years, names) {
    if (amount < 0) { throw new Problem("The amount invested cannot be negative."); }
    var out = [], t;
    if (name === "No new prevention") { for (t = 0; t < years; t += 1) { out.push(0); } return out; }
    if (name === "Steady") { for (t = 0; t < years; t += 1) { out.push(amount); } return out; }
    if (name === "Front-loaded") {
      var half = Math.floor((years + 1) / 2);
      for (t = 0; t < years; t += 1) { out.push(t < half ? amount * years / half : 0); }
      return out;
    }
    if (name === "Ramp up") {
      var weights = [];
      for (t = 0; t < years; t += 1) { weights.push(t); }
      var total = numpySum(weights);
      if (!total) { return strategy("Steady", amount, years, names); }
      return weights.map(function (w) { return amount * years * w / total; });
    }
    throw new Problem("There is no strategy called '" + name + "'. Choose one of: " + names.join(", ") + ".");
  }
  function checkParameters(p) {
    if (!(p.years >= 1 && p.years <= 30)) { throw new Problem("Run the simulation for between 1 and 30 years."); }
    if (p.lag < 0) { throw new Problem("The delay before prevention works cannot be negative."); }
    if (!(p.drop_off >= 0 && p.drop_off <= 1)) { throw new Problem("The drop-off must be between 0% and 100%."); }
    ["start_demand", "reactive_cost", "place_cost", "budget", "effect_per_place", "demand_noise",
      "effect_uncertainty"].forEach(function (name) {
      if (p[name] < 0) { throw new Problem("The " + name.replace(/_/g, " ") + " cannot be negative."); }
    });
    if (p.real_cost_growth <= -1) { throw new Problem("Real growth in unit costs must be more than -100% a year."); }
    if (p.place_cost === 0) { throw new Problem("The cost of a prevention place must be more than \u00a30."); }
  }
  // simulation.standard_draws: Mulberry32 (32-bit integer sums only), and twelve uniform draws
  // less six for each draw, so every step is exact and the draws equal Python's to the last digit.
  function standardDraws(seed, count) {
    var state = seed | 0, draws = [];
    function uniform() {
      state = (state + 0x6D2B79F5) | 0;
      var t = Math.imul(state ^ (state >>> 15), state | 1);
      t = ((t + Math.imul(t ^ (t >>> 7), t | 61)) | 0) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    }
    for (var i = 0; i < count; i += 1) {
      var total = 0;
      for (var k = 0; k < 12; k += 1) { total += uniform(); }
      draws.push(total - 6);
    }
    return draws;
  }
  // simulation.simulate, in real terms: unit costs rise only by real_cost_growth.
  function simulate(p, investment) {
    checkParameters(p);
    if (investment.length !== p.years) {
      throw new Problem("Give one investment figure for each of the " + p.years + " years.");
    }
    if (investment.some(function (x) { return x < 0; })) { throw new Problem("Investment in a year cannot be negative."); }
    var n = p.years, rows = [], effect = [], t, s, year;
    var draws = standardDraws(p.seed, n + 1);
    var theta = p.effect_uncertainty ? Math.max(0, 1 + p.effect_uncertainty * draws[n]) : 1.0;
    for (t = 0; t < n; t += 1) { effect.push(0); }
    var spent = investment.map(function (x) { return Math.min(x, p.budget); });
    var priceRise = [], places = [];
    for (t = 0; t < n; t += 1) {
      priceRise.push(Math.pow(1 + p.real_cost_growth, t + 1));
      places.push(spent[t] / (p.place_cost * priceRise[t]));
    }
    for (s = 0; s < n; s += 1) {
      for (year = s + p.lag; year < n; year += 1) {
        effect[year] += places[s] * p.effect_per_place * theta * Math.pow(1 - p.drop_off, year - s - p.lag);
      }
    }
    var cumulative = 0;
    for (t = 0; t < n; t += 1) {
      var shock = p.demand_noise ? p.demand_noise * draws[t] : 0.0;
      var underlying = p.start_demand * Math.pow(1 + p.growth, t + 1) * Math.max(1 + shock, 0);
      var reactive = Math.max(underlying - effect[t], 0.0), unitCost = p.reactive_cost * priceRise[t];
      var net = underlying * unitCost - reactive * unitCost - spent[t];
      var discounted = net * discountFactor(t, p.discount_rate);
      cumulative = t === 0 ? discounted : cumulative + discounted;
      rows.push({ year: t + 1, spent: spent[t], capped: investment[t] > p.budget ? 1 : 0, underlying: underlying,
        avoided: underlying - reactive, reactive: reactive, total: reactive * unitCost + spent[t],
        discounted: discounted, cumulative: cumulative });
    }
    return rows;
  }
  function column(rows, name) { return rows.map(function (r) { return r[name]; }); }
  var simulationPair = {
    compute: function (v, c) {
      var noisy = v.uncertainty === "Yes", base = c.parameters, p = {};
      Object.keys(base).forEach(function (k) { p[k] = base[k]; });
      p.lag = Math.trunc(v.lag);
      p.drop_off = v.drop_off;
      p.effect_per_place = v.effect;
      p.demand_noise = noisy ? 0.05 : 0.0;
      p.effect_uncertainty = noisy ? 0.3 : 0.0;
      p.seed = Math.trunc(v.seed);
      var runs = [["A: " + v.strategy_a, simulate(p, strategy(v.strategy_a, v.amount_a, p.years, c.strategies))],
        ["B: " + v.strategy_b, simulate(p, strategy(v.strategy_b, v.amount_b, p.years, c.strategies))]];
      var L = c.labels;
      var data = runs.map(function (run) {
        var r = run[1];
        return [numpySum(column(r, "spent")), numpySum(column(r, "avoided")), r[r.length - 1].reactive,
          numpySum(column(r, "total")), numpySum(column(r, "discounted")), numpySum(column(r, "capped"))].map(roundEven);
      });
      return { frame: { columns: runs.map(function (r) { return r[0]; }), index: L,
        data: L.map(function (label, i) { return data.map(function (d) { return d[i]; }); }) }, runs: runs };
    },
    chart: function (result) {
      var runs = result.runs, colours = [BLUE, ORANGE], years = column(runs[0][1], "year");
      var demand = [], npv = [];
      runs.forEach(function (run) { demand = demand.concat(column(run[1], "reactive")); });
      demand = demand.concat(column(runs[0][1], "underlying"));
      runs.forEach(function (run) { npv = npv.concat(column(run[1], "cumulative").map(function (x) { return x / 1000; })); });
      function limits(values) {
        var low = Math.min.apply(null, values), high = Math.max.apply(null, values), pad = (high - low) * 0.05 || 1;
        return [low - pad, high + pad];
      }
      var xlim = [years[0] - 0.45, years[years.length - 1] + 0.45];
      var left = chart({ inner: true, width: 480, height: 340, title: "Reactive demand (synthetic)",
        xlabel: "Year of the plan", ylabel: "Admissions after a fall", xlim: xlim, ylim: limits(demand),
        items: runs.map(function (run, i) {
          return { type: "line", x: years, y: column(run[1], "reactive"), colour: colours[i], width: 2 };
        }).concat([{ type: "line", x: years, y: column(runs[0][1], "underlying"), colour: GREY, width: 2, dash: "6 4" }]),
        legend: runs.map(function (run, i) { return { label: run[0], colour: colours[i] }; })
          .concat([{ label: "No new prevention", colour: GREY }]) });
      var npvLimits = limits(npv.concat([0]));
      var right = chart({ inner: true, x: 490, width: 480, height: 340, title: "Cumulative net present value (synthetic)",
        xlabel: "Year of the plan", ylabel: "\u00a3 thousands, today's money", xlim: xlim, ylim: npvLimits, left: 80,
        under: [{ type: "line", x: xlim, y: [0, 0], colour: INK, width: 0.8 }],
        items: runs.map(function (run, i) {
          return { type: "line", x: years, y: column(run[1], "cumulative").map(function (x) { return x / 1000; }),
            colour: colours[i], width: 2 };
        }) });
      var alt = "Chart: Reactive demand (synthetic); Cumulative net present value (synthetic). " + runs.map(function (run) {
        var r = run[1], last = r[r.length - 1];
        return run[0] + ": " + A.formatNumber(last.reactive, null, 0) + " admissions in the last year, cumulative NPV \u00a3" +
          A.formatNumber(last.cumulative / 1000, null, 0) + " thousand";
      }).join("; ") + ".";
      return '<svg class="academy-chart academy-calculator-chart" role="img" aria-label="' + esc(alt) +
        '" viewBox="0 0 970 340" width="970" height="340" xmlns="http://www.w3.org/2000/svg">' + left + right + "</svg>";
    }
  };

  // Python's round(x, places) of a float of either sign (half to even on the exact value).
  function round1(x, places) { return (x < 0 ? -1 : 1) * pyRound(Math.abs(x), places); }
  // Python's built-in sum(): from 0, one value after another.
  function pySum(values) {
    var total = 0;
    for (var i = 0; i < values.length; i += 1) { total += values[i]; }
    return total;
  }

  // --- exercises.lessons.deflation.split_growth (the page binds the spending and activity) -------
  function priceIndexes(first, last) {
    if (first <= 0 || last <= 0) { throw new Problem("a price index must be above zero (the base year is usually 100)"); }
  }
  function realChangePercent(cashFirst, cashLast, indexFirst, indexLast) {
    if (cashFirst <= 0 || cashLast < 0) {
      throw new Problem("the first year's figure must be above zero, and neither may be negative");
    }
    priceIndexes(indexFirst, indexLast);
    return round1(100 * ((cashLast / indexLast) / (cashFirst / indexFirst) - 1), 1);
  }
  var splitGrowth = {
    compute: function (v, c) {
      if (c.activity_first <= 0 || c.activity_last <= 0) { throw new Problem("activity in both years must be above zero"); }
      var unitFirst = c.spend_first / c.activity_first, unitLast = c.spend_last / c.activity_last, L = c.labels;
      var cash = round1(100 * (c.spend_last / c.spend_first - 1), 1);
      priceIndexes(v.index_first, v.index_last);
      var inflation = round1(100 * (v.index_last / v.index_first - 1), 1);
      return [[L[0], cash, "float"], [L[1], inflation, "float"],
        [L[2], realChangePercent(c.spend_first, c.spend_last, v.index_first, v.index_last), "float"],
        [L[3], round1(100 * (c.activity_last / c.activity_first - 1), 1), "float"],
        [L[4], realChangePercent(unitFirst, unitLast, v.index_first, v.index_last), "float"]];
    }
  };

  // --- exercises.lessons.day3_outcomes_contracts.contract_calculator (with finance.py) ------------
  function npv(flows, rate) { return pySum(flows.map(function (flow, t) { return flow * discountFactor(t, rate); })); }
  // finance.irr by bisection; NaN where Python raises (the money never breaks even).
  function irr(flows) {
    var low = -0.99, high = 10.0, tolerance = 1e-9, fLow = npv(flows, low), fHigh = npv(flows, high);
    if (fLow === 0) { return low; }
    if (fLow * fHigh > 0) { return NaN; }
    for (var i = 0; i < 200; i += 1) {
      var middle = (low + high) / 2, fMiddle = npv(flows, middle);
      if (Math.abs(high - low) < tolerance || fMiddle === 0) { return middle; }
      if (fLow * fMiddle < 0) { high = middle; } else { low = middle; fLow = fMiddle; }
    }
    return (low + high) / 2;
  }
  // finance.payment_profile summed across the outcomes: the commissioner's payment in each year.
  function yearlyPayments(card, cohort, delay, cap) {
    if (cohort < 0) { throw new Problem("The number of people in the cohort cannot be negative."); }
    if (delay < 0) { throw new Problem("A delay cannot be negative."); }
    card.forEach(function (o) {
      checkShare("achievement rate for '" + o.name + "'", o.achievement);
      checkShare("baseline for '" + o.name + "'", o.baseline);
      if (o.price < 0) { throw new Problem("The price for '" + o.name + "' cannot be negative."); }
    });
    var horizon = Math.max.apply(null, card.map(function (o) { return o.year + delay; })) + 1, table = [], t;
    for (t = 0; t < horizon; t += 1) { table.push(card.map(function () { return 0.0; })); }
    card.forEach(function (o, k) {
      table[o.year + delay][k] += cohort * Math.max(o.achievement - o.baseline, 0.0) * o.price;
    });
    if (cap !== null) {
      var totals = table.map(numpySum), paidBefore = 0;
      table = table.map(function (row, i) {
        var room = Math.max(cap - paidBefore, 0), scale = room / totals[i];
        paidBefore += totals[i];
        scale = isNaN(scale) ? 1.0 : Math.min(scale, 1);
        return row.map(function (x) { return x * scale; });
      });
    }
    return table.map(numpySum);
  }
  var contractCalculator = {
    compute: function (v, c) {
      var card = [["home6", 0], ["home12", 1], ["work", 2]].map(function (pair) {
        return { name: c.names[pair[1]], price: v[pair[0] + "_price"], achievement: v[pair[0] + "_rate"],
          year: c.years[pair[1]], baseline: v[pair[0] + "_baseline"] };
      });
      var cohort = Math.trunc(v.cohort), delay = Math.trunc(v.delay), cap = v.cap ? v.cap : null;
      var capital = v.capital, share = v.provider_share;
      if (capital <= 0) { throw new Problem("Investor capital must be more than \u00a30."); }
      checkShare("provider's share of payments", share);
      var payments = yearlyPayments(card, cohort, delay, cap);
      var toInvestors = payments.map(function (p) { return p * (1 - share); });
      var flows = [-capital + toInvestors[0]].concat(toInvestors.slice(1));
      var total = pySum(payments), back = pySum(toInvestors), rate = irr(flows), L = c.labels;
      var whole = function (x) { return round1(x, 0); };
      return [[L[0], whole(total), "int"], [L[1], whole(npv(payments, c.rate)), "int"], [L[2], whole(capital), "int"],
        [L[3], whole(total * share), "int"], [L[4], whole(back), "int"], [L[5], whole(back - capital), "int"],
        [L[6], round1(back / capital, 2), "float"],
        isNaN(rate) ? [L[7], "none: they lose money", "text"] : [L[7], round1(100 * rate, 1), "float"]];
    }
  };

  // --- exercises.lessons.authors_example.invest_to_save and money_chart (the authors' page) ------
  var authorsInvestToSave = {
    compute: function (v, c) {
      if (v.investment <= 0) { throw new Problem("The investment must be more than \u00a30."); }
      if (v.saving < 0) { throw new Problem("The savings reported cannot be negative."); }
      if (!(v.attribution >= 0 && v.attribution <= 1 && v.deadweight >= 0 && v.deadweight <= 1)) {
        throw new Problem("Each share must be between 0% and 100%.");
      }
      var reported = v.reading === "per year" ? v.saving * v.years : v.saving;
      var counted = reported * v.attribution * (1 - v.deadweight), L = c.labels;
      return [[L[0], counted, "float"], [L[1], counted - v.investment, "float"], [L[2], counted / v.investment, "float"]];
    },
    chart: function (rows) {
      var counted = rows[0][1], investment = counted - rows[1][1], values = [investment, counted];
      var high = Math.max(investment, counted, 1);
      return chart({
        width: 600, height: 260, left: 130,
        title: "Investment compared with the savings counted",
        alt: "Chart: Investment compared with the savings counted. Investment: " +
          A.formatNumber(investment, "\u00a3", null, true) + "; savings counted: " +
          A.formatNumber(counted, "\u00a3", null, true) + ".",
        xlabel: "", ylabel: "", xlim: [0, high * 1.05], ylim: [0, 1], yticks: [],
        tickText: function (t) { return A.formatNumber(t, "\u00a3", null, true); },
        items: [{ type: "hbar", labels: ["Investment", "Savings counted"], values: values, colours: [GREY, BLUE] }]
      });
    }
  };

  A.registerPorts({
    compare_learning: compareLearning,
    readiness_grid: readinessGrid,
    invest_to_save: investToSave,
    pilot_planner: pilotPlanner,
    simulation_pair: simulationPair,
    contract_calculator: contractCalculator,
    split_growth: splitGrowth,
    authors_invest_to_save: authorsInvestToSave
  });
})();

/* Fidelity self-assessment in the browser: the page «Vurder teamet ditt» and the team report of
   `python -m analysis fidelity score` share this file.

   Every rule comes from the JSON document the build exports from the codebook
   (analysis/fidelity/export.py, in <script type="application/json" id="se-egenvurdering-data">): items,
   options, scoring rules and variants, bands and their tolerance, time points and how their spelling is
   matched, the raw file format, the published Tabell 1, the advice per item and the CSV-safety rule. This
   file interprets that document and knows no item, code or bound of its own.

   The results structure it computes is the one analysis/fidelity/results.py computes in Python; the
   browser tests compare the two on the same files. Nothing here makes a request: no fetch, no XHR, no
   storage unless the user ticks «Husk svarene på denne maskinen». */
(function () {
  "use strict";

  var DATA_ID = "se-egenvurdering-data";
  var STORAGE_KEY = "se-egenvurdering-svar";

  // ------------------------------------------------------------------------------------- numbers
  function roundHalfUp(x, decimals, noise) {
    // Halves away from zero with the binary nudge of analysis/core/rounding.py: 1.15 → 1.2.
    var sign = x < 0 ? -1 : 1;
    var text = (Math.abs(x) + noise).toFixed(decimals);
    return { sign: sign, text: text };
  }

  function fixed(x, decimals, noise) {
    var r = roundHalfUp(x, decimals, noise);
    var zero = /^0(?:\.0*)?$/.test(r.text);
    return (r.sign < 0 && !zero ? "-" : "") + r.text;
  }

  function fmtNum(x, decimals, noise) {
    // As analysis.core.formatting.fmt_num: decimal comma, no-break space between thousands, minus sign.
    if (x === null || x === undefined || (typeof x === "number" && isNaN(x))) { return "–"; }
    var text = fixed(x, decimals, noise);
    var negative = text.charAt(0) === "-";
    if (negative) { text = text.slice(1); }
    var parts = text.split(".");
    parts[0] = parts[0].replace(/\B(?=(\d{3})+(?!\d))/g, "\u00a0");
    return (negative ? "\u2212" : "") + parts.join(",");
  }

  function plainNumber(x) {
    // Like Python's repr of a float as pandas writes it: shortest round-trip form, always with a decimal.
    if (x === null || x === undefined || isNaN(x)) { return ""; }
    var s = String(x);
    return /^-?\d+$/.test(s) ? s + ".0" : s;
  }

  // ------------------------------------------------------------------------------------- sorting
  function teamKey(team) {
    return String(team).split(/(\d+)/).map(function (part, k) {
      if (k % 2) { var digits = part.replace(/^0+/, ""); return [digits.length, digits]; }
      return part;
    });
  }

  function compareText(a, b) { return a < b ? -1 : (a > b ? 1 : 0); }

  function compareTeams(a, b) {
    // Natural order as analysis.fidelity.scoring.team_sort_key: «Team 2» before «Team 10».
    var ka = teamKey(a), kb = teamKey(b);
    for (var i = 0; i < Math.min(ka.length, kb.length); i++) {
      var x = ka[i], y = kb[i], c;
      if (i % 2) { c = (x[0] - y[0]) || compareText(x[1], y[1]); } else { c = compareText(x, y); }
      if (c) { return c; }
    }
    return (ka.length - kb.length) || compareText(String(a), String(b));
  }

  // -------------------------------------------------------------------------------------- engine
  function units(rule) {
    var grouped = {};
    (rule.merge || []).forEach(function (group) {
      var sorted = group.slice().sort(function (a, b) { return a - b; });
      group.forEach(function (code) { grouped[code] = sorted; });
    });
    var seen = {}, out = [];
    rule.counted.forEach(function (code) {
      var unit = grouped[code] || [code];
      var key = unit.join(",");
      if (!seen[key]) { seen[key] = true; out.push(unit); }
    });
    return out;
  }

  function Engine(data, options) {
    options = options || {};
    var book = data.codebook;
    var variants = options.variants || [];
    var known = book.variants.map(function (v) { return v.id; });
    variants.forEach(function (v) {
      if (known.indexOf(v) < 0) { throw new Error("ukjent skåringsvariant «" + v + "»"); }
    });
    this.data = data;
    this.book = book;
    this.variants = variants.slice();
    this.scheme = options.bandScheme || "modified";
    if (!book.bands[this.scheme]) { throw new Error("ukjent skala «" + this.scheme + "»"); }
    this.items = book.items.map(function (item) {
      var rule = Object.assign({}, item.scoring);
      if (rule.rule === "count") {
        variants.forEach(function (v) { if (item.variants[v]) { Object.assign(rule, item.variants[v]); } });
        rule.units = units(rule);
        rule.byCode = {};
        item.columns.forEach(function (column) { rule.byCode[parseInt(column.split("_").pop(), 10)] = column; });
      }
      return { item: item, rule: rule };
    });
    this.cuts = book.bands[this.scheme].slice().sort(function (a, b) { return a.min - b.min; });
    this.timepointOrder = {};
    var order = this.timepointOrder;
    book.timepoints.forEach(function (t, k) { order[t.id] = k; });
  }

  Engine.prototype.scoreItem = function (entry, values) {
    var item = entry.item, rule = entry.rule;
    if (rule.rule === "position") {
      var v = values[item.columns[0]];
      return v === null || v === undefined ? null : v;
    }
    var answered = item.columns.some(function (c) { return values[c] !== null && values[c] !== undefined; });
    if (!answered) { return null; }
    var count = 0;
    rule.units.forEach(function (unit) {
      count += Math.max.apply(null, unit.map(function (code) {
        var v = values[rule.byCode[code]];
        return v === null || v === undefined ? 0 : v;
      }));
    });
    return Math.min(Math.max(count, rule.floor), rule.max);
  };

  Engine.prototype.band = function (total) {
    if (total === null) { return null; }
    var tolerance = this.book.band_tolerance, found = null;
    this.cuts.forEach(function (cut) { if (total + tolerance >= cut.min) { found = cut.id; } });
    return found;
  };

  Engine.prototype.scoreRow = function (row) {
    var self = this, scores = {}, answered = 0;
    this.items.forEach(function (entry) {
      var s = self.scoreItem(entry, row.values);
      scores[entry.item.id] = s;
      if (s !== null) { answered++; }
    });
    var partial = null;
    this.items.forEach(function (entry) {
      var s = scores[entry.item.id];
      if (s !== null) { partial = (partial === null ? 0 : partial) + s; }
    });
    var total = answered === this.items.length ? partial : null;
    return { scores: scores, items_answered: answered, partial_total: partial, total: total, band: this.band(total) };
  };

  Engine.prototype.flagsOf = function (row) {
    // Identically worded options of one item answered differently (e.g. item 19, options 4 and 5).
    var out = [];
    this.items.forEach(function (entry) {
      var item = entry.item;
      if (item.type !== "multi") { return; }
      var answered = item.columns.some(function (c) { return row.values[c] !== null && row.values[c] !== undefined; });
      item.identical_options.forEach(function (group) {
        var vals = group.map(function (code) {
          var v = row.values[item.columns[code - 1]];
          return v === null || v === undefined ? 0 : v;
        });
        if (answered && Math.min.apply(null, vals) !== Math.max.apply(null, vals)) {
          out.push({ respondent_id: row.respondent_id, kind: "identical_options", item: item.id, options: group.slice() });
        }
      });
    });
    return out;
  };

  Engine.prototype.results = function (rows) {
    // The structure of analysis/fidelity/results.py, computed from validated rows.
    var self = this, listed = this.data.limits.listed, ids = this.items.map(function (e) { return e.item.id; });
    var groups = {}, keys = [], teamsOf = {}, firstSeen = [];
    rows.forEach(function (row) {
      var key = row.team + "\u0000" + row.timepoint;
      var g = groups[key];
      if (!g) {
        g = groups[key] = { team: row.team, timepoint: row.timepoint, rows: [] };
        keys.push(key);
      }
      g.rows.push(row);
      if (!teamsOf[row.respondent_id]) { teamsOf[row.respondent_id] = []; firstSeen.push(row.respondent_id); }
      if (teamsOf[row.respondent_id].indexOf(row.team) < 0) { teamsOf[row.respondent_id].push(row.team); }
    });
    var order = this.timepointOrder;
    keys.sort(function (a, b) {
      var ga = groups[a], gb = groups[b];
      return compareTeams(ga.team, gb.team) || (order[ga.timepoint] - order[gb.timepoint]);
    });
    var out = keys.map(function (key) {
      var g = groups[key], sums = {}, counts = {}, missing = [], missingCount = 0, flags = [], complete = 0;
      ids.forEach(function (id) { sums[id] = 0; counts[id] = 0; });
      g.rows.forEach(function (row) {
        var scored = self.scoreRow(row), gaps = [];
        ids.forEach(function (id) {
          var s = scored.scores[id];
          if (s === null) { gaps.push(id); } else { sums[id] += s; counts[id] += 1; }
        });
        if (gaps.length) {
          missingCount++;
          if (missing.length < listed) { missing.push({ respondent_id: row.respondent_id, items: gaps }); }
        } else {
          complete++;
        }
        self.flagsOf(row).forEach(function (f) { flags.push(f); });
      });
      var means = {}, withAnswers = 0, total = 0;
      ids.forEach(function (id) {
        means[id] = counts[id] ? sums[id] / counts[id] : null;
        if (counts[id]) { withAnswers++; total += means[id]; }
      });
      total = withAnswers === ids.length ? total : null;
      return {
        team: g.team, timepoint: g.timepoint, n: g.rows.length, n_complete: complete, answered: counts,
        means: means, items_with_answers: withAnswers, total: total, band: self.band(total),
        missing: missing, missing_count: missingCount, flags: flags.slice(0, listed), flag_count: flags.length
      };
    });
    var several = firstSeen.filter(function (id) { return teamsOf[id].length > 1; });
    return {
      schema: this.data.schema, codebook: this.book.id, variants: this.variants.slice(), band_scheme: this.scheme,
      rows: rows.length, groups: out,
      several_teams: several.slice(0, listed).map(function (id) {
        return { respondent_id: id, teams: teamsOf[id].slice().sort(compareTeams) };
      }),
      several_teams_count: several.length
    };
  };

  // ---------------------------------------------------------------------------------- CSV reading
  function parseCsv(text, separator) {
    // RFC 4180: quoted fields may hold separators, quotes ("") and line breaks. One array per record.
    var rows = [], row = [], field = "", quoted = false, i = 0, n = text.length, c;
    while (i < n) {
      c = text.charAt(i);
      if (quoted) {
        if (c === '"') {
          if (text.charAt(i + 1) === '"') { field += '"'; i += 2; continue; }
          quoted = false; i++; continue;
        }
        field += c; i++; continue;
      }
      if (c === '"' && field === "") { quoted = true; i++; continue; }
      if (c === separator) { row.push(field); field = ""; i++; continue; }
      if (c === "\r" || c === "\n") {
        row.push(field); rows.push(row); row = []; field = "";
        i += (c === "\r" && text.charAt(i + 1) === "\n") ? 2 : 1;
        continue;
      }
      field += c; i++;
    }
    if (field !== "" || row.length) { row.push(field); rows.push(row); }
    return rows;
  }

  function columnLetters(position) {
    var letters = "", n = position + 1, rest;
    while (n) { rest = (n - 1) % 26; n = Math.floor((n - 1) / 26); letters = String.fromCharCode(65 + rest) + letters; }
    return letters;
  }

  function isBlank(text) { return String(text).trim() === ""; }

  function Problem(file, message, row, column) {
    var where = file;
    if (row !== undefined && row !== null) { where += ", rad " + row; }
    if (column !== undefined && column !== null) { where += ", kolonne " + column; }
    return { file: file, row: row === undefined ? null : row, column: column === undefined ? null : column,
             message: message, text: where + ": " + message };
  }

  function timepointKey(data, text) {
    var ignored = new RegExp(data.codebook.timepoint_ignored, "g");
    return String(text).toLowerCase().replace(ignored, "");
  }

  function timepointId(data, text) {
    var key = timepointKey(data, text), found = null;
    data.codebook.timepoints.forEach(function (t) {
      if (timepointKey(data, t.id) === key || timepointKey(data, t.label) === key) { found = found || t.id; }
    });
    return found;
  }

  function timepointChoices(data) {
    var tps = data.codebook.timepoints;
    return tps.map(function (t) { return "«" + t.label + "»"; }).join(", ") + " (eller " +
      tps.map(function (t) { return t.id; }).join(", ") + "; store og små bokstaver og mellomrom spiller ingen rolle)";
  }

  function mask(data, text) {
    var long = new RegExp(data.raw_format.patterns.long_digits);
    return long.test(text) ? "«skjult tallrekke»" : "«" + String(text).slice(0, 40) + "»";
  }

  function readAnswers(text, fileName, data) {
    // As analysis.fidelity.answers.read_answers for a .csv file: the same checks, the same messages.
    var fmt = data.raw_format, pat = fmt.patterns, problems = [], warnings = [];
    var name = fileName;
    if (!text.trim()) { return { problems: [Problem(name, "filen er tom")], rows: [], warnings: [] }; }
    var firstLine = text.split("\n")[0];
    var separator = [";", ",", "\t"].reduce(function (best, sep) {
      return firstLine.split(sep).length > firstLine.split(best).length ? sep : best;
    }, ";");
    var grid = parseCsv(text, separator);
    var width = grid.reduce(function (m, r) { return Math.max(m, r.length); }, 0);
    grid = grid.map(function (r) { while (r.length < width) { r.push(""); } return r; });
    var header = grid[0].map(function (h, k) {
      return isBlank(h) ? fmt.blank_header.replace("{letters}", columnLetters(k)) : String(h).trim();
    });
    var body = grid.slice(1).map(function (cells, k) { return { row: k + 2, cells: cells }; });
    var keep = header.map(function (h, k) {
      var blankHeader = isBlank(grid[0][k]);
      return !(blankHeader && body.every(function (r) { return isBlank(r.cells[k]); }));
    });
    body = body.filter(function (r) { return r.cells.some(function (c) { return !isBlank(c); }); });
    var columns = [];
    header.forEach(function (h, k) { if (keep[k]) { columns.push({ name: h, index: k }); } });
    var identity = columns.filter(function (c) { return fmt.identity_columns.indexOf(c.name.toLowerCase()) >= 0; });
    if (identity.length) {
      columns = columns.filter(function (c) { return identity.indexOf(c) < 0; });
      warnings.push(name + ": kolonnen " + identity.map(function (c) { return c.name; }).join(", ") +
        " (fødselsnummer) er fjernet og brukes ikke i noen utdata");
    }
    var at = {};
    columns.forEach(function (c) { if (!(c.name in at)) { at[c.name] = c.index; } });
    if ("respondent_id" in at) {
      body = body.filter(function (r) { return String(r.cells[at.respondent_id]).indexOf(fmt.comment_prefix) !== 0; });
    }
    var expected = fmt.columns;
    columns.forEach(function (c) {
      if (expected.indexOf(c.name) >= 0) { return; }
      problems.push(Problem(name, c.name.indexOf("(tom overskrift i kolonne ") === 0 ?
        "kolonnen har svar, men ingen overskrift i første rad" :
        "ukjent kolonne (ikke i kodeboken " + data.codebook.id + ")", null, c.name));
    });
    expected.forEach(function (c) { if (!(c in at)) { problems.push(Problem(name, "kolonnen mangler", null, c)); } });
    var names = columns.map(function (c) { return c.name; });
    names.filter(function (c, k) { return names.indexOf(c) !== k; })
      .filter(function (c, k, all) { return all.indexOf(c) === k; }).sort()
      .forEach(function (c) { problems.push(Problem(name, "kolonnen står flere ganger", null, c)); });
    if (!body.length) { problems.push(Problem(name, "filen har ingen svarrader")); }
    if (problems.length) { return { problems: problems, rows: [], warnings: warnings }; }

    var rows = body.map(function (r) {
      return { line: r.row, respondent_id: String(r.cells[at.respondent_id]).trim(), team: String(r.cells[at.team]).trim(),
               timepoint_text: String(r.cells[at.timepoint]).trim(), cells: r.cells };
    });
    // id columns, in the order of analysis.fidelity.answers._id_problems
    var idProblems = [];
    fmt.id_columns.forEach(function (column) {
      rows.forEach(function (r) {
        var value = column === "timepoint" ? r.timepoint_text : r[column];
        if (value === "") { idProblems.push(Problem(name, "mangler verdi", r.line, column)); }
      });
    });
    var shape = new RegExp(fmt.identity_shape);
    rows.forEach(function (r) {
      if (shape.test(r.respondent_id)) {
        idProblems.push(Problem(name, "ser ut som et fødselsnummer; bruk et løpenummer i stedet", r.line, "respondent_id"));
      }
    });
    // time points
    var tpProblems = [], seenTexts = {}, unknown = [];
    rows.forEach(function (r) {
      var id = timepointId(data, r.timepoint_text);
      r.timepoint = id || r.timepoint_text;
      if (!id && r.timepoint_text !== "") {
        if (!(r.timepoint_text in seenTexts)) { seenTexts[r.timepoint_text] = []; unknown.push(r.timepoint_text); }
        seenTexts[r.timepoint_text].push(r.line);
      }
    });
    var date = new RegExp(pat.date);
    unknown.forEach(function (text) {
      var lines = seenTexts[text];
      var more = lines.length > 1 ? ", også i " + (lines.length - 1) + " rader til" : "";
      var hint = date.test(text) ? " (datoer brukes ikke: skriv hvilket måletidspunkt svaret hører til)" : "";
      tpProblems.push(Problem(name, mask(data, text) + " er ikke et måletidspunkt i kodeboken" + hint + more +
        ". Bruk ett av: " + timepointChoices(data), lines[0], "timepoint"));
    });
    var firstRow = {};
    rows.forEach(function (r) {
      var key = r.respondent_id + "\u0000" + r.timepoint;
      if (r.respondent_id !== "" && r.timepoint !== "" && key in firstRow) {
        idProblems.push(Problem(name, "samme respondent_id og timepoint som rad " + firstRow[key] + " (duplikat)",
          r.line, "respondent_id"));
      } else if (!(key in firstRow)) {
        firstRow[key] = r.line;
      }
    });
    // answers
    var cellProblems = [], whole = new RegExp(pat.whole_number), two = new RegExp(pat.two_answers),
        number = new RegExp(pat.number);
    rows.forEach(function (r) { r.values = {}; });
    data.codebook.items.forEach(function (item) {
      var codes = item.type === "single" ? fmt.single_values : fmt.multi_values;
      var lookup = {};
      codes.forEach(function (v) { lookup[String(v)] = v; });
      var allowed = codes.slice().sort(function (a, b) { return a - b; }).join(", ");
      item.columns.forEach(function (column) {
        rows.forEach(function (r) {
          var text = String(r.cells[at[column]]);
          var cleaned = text in lookup ? text : text.trim().replace(whole, "$1");
          if (cleaned === "") { r.values[column] = null; return; }
          if (cleaned in lookup) { r.values[column] = lookup[cleaned]; return; }
          r.values[column] = null;
          var value = text.trim(), message;
          if (shape.test(value)) { message = "cellen ser ut til å inneholde et fødselsnummer"; }
          else if (item.type === "single" && two.test(value)) { message = "to svar " + mask(data, value) + " i et enkeltvalgspørsmål; velg ett"; }
          else if (number.test(value)) { message = "koden " + mask(data, value) + " er utenfor " + allowed; }
          else { message = mask(data, value) + " er ikke en tallkode (" + allowed + ")"; }
          cellProblems.push({ line: r.line, order: cellProblems.length, problem: Problem(name, message, r.line, column) });
        });
      });
    });
    // Python lists a column's problems in row order, columns in codebook order: the loops above do the same.
    problems = idProblems.concat(tpProblems).concat(cellProblems.map(function (p) { return p.problem; }));
    if (problems.length > fmt.max_problems) {
      var extra = problems.length - fmt.max_problems;
      problems = problems.slice(0, fmt.max_problems).concat([Problem(name, "… og " + extra + " problemer til")]);
    }
    if (problems.length) { return { problems: problems, rows: [], warnings: warnings }; }
    return {
      problems: [], warnings: warnings,
      rows: rows.map(function (r) {
        return { respondent_id: r.respondent_id, team: r.team, timepoint: r.timepoint, values: r.values };
      })
    };
  }

  // ---------------------------------------------------------------------------------- CSV writing
  function neutralise(data, text) {
    var prefixes = data.csv.formula_prefixes;
    for (var k = 0; k < prefixes.length; k++) {
      if (text.indexOf(prefixes[k]) === 0) { return data.csv.neutraliser + text; }
    }
    return text;
  }

  function csvField(text, separator) {
    text = text.replace(/\r\n?/g, "\n"); // as analysis.core.output: a lone CR would split the row
    return /["\r\n]/.test(text) || text.indexOf(separator) >= 0 ? '"' + text.replace(/"/g, '""') + '"' : text;
  }

  function csvText(data, header, records, excel) {
    // As analysis.core.output.csv_text: text neutralised, the plain or the Norwegian-Excel dialect.
    var sep = excel ? data.csv.excel.separator : ",", end = excel ? "\r\n" : "\n";
    var lines = [header.map(function (h) { return csvField(neutralise(data, h), sep); }).join(sep)];
    records.forEach(function (record) {
      lines.push(record.map(function (cell) {
        if (cell === null || cell === undefined) { return ""; }
        if (typeof cell === "object") { // {number, kind: "float" | "int"}
          if (cell.number === null || isNaN(cell.number)) { return ""; }
          if (cell.kind === "int") { return String(cell.number); }
          if (!excel) { return plainNumber(cell.number); }
          return fixed(cell.number, data.csv.excel.decimals, data.csv.rounding_noise).replace(".", data.csv.excel.decimal);
        }
        return csvField(neutralise(data, String(cell)), sep);
      }).join(sep));
    });
    return lines.join(end) + end;
  }

  function answersCsv(data, rows) {
    var fmt = data.raw_format;
    var records = rows.map(function (r) {
      return fmt.columns.map(function (c) {
        if (c === "respondent_id" || c === "team") { return r[c]; }
        if (c === "timepoint") { return r.timepoint; }
        var v = r.values[c];
        return v === null || v === undefined ? null : { number: v, kind: "int" };
      });
    });
    return csvText(data, fmt.columns, records, false);
  }

  function summaryCsv(data, model, excel) {
    // The columns of team_summary.csv from `fidelity score` (with --excel: Norwegian names and labels).
    var ids = data.codebook.items.map(function (i) { return i.id; });
    var columns = ["team", "timepoint", "n", "n_complete"].concat(ids).concat(["items_with_answers", "total", "band"]);
    var labels = labelMaps(data);
    var header = excel ? columns.map(function (c) { return data.csv.headers[c] || c; }) : columns;
    var records = model.groups.map(function (g) {
      return [g.team, excel ? labels.timepoint[g.timepoint] : g.timepoint,
              { number: g.n, kind: "int" }, { number: g.n_complete, kind: "int" }]
        .concat(ids.map(function (id) { return { number: g.means[id], kind: "float" }; }))
        .concat([{ number: g.items_with_answers, kind: "int" }, { number: g.total, kind: "float" },
                 g.band === null ? "" : (excel ? labels.band[g.band] : g.band)]);
    });
    return (excel ? "\ufeff" : "") + csvText(data, header, records, excel);
  }

  function labelMaps(data) {
    var tp = {}, band = {};
    data.codebook.timepoints.forEach(function (t) { tp[t.id] = t.label; });
    Object.keys(data.codebook.bands).forEach(function (scheme) {
      data.codebook.bands[scheme].forEach(function (b) { band[b.id] = b.label; });
    });
    return { timepoint: tp, band: band };
  }

  // ------------------------------------------------------------------------------------ rendering
  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (attrs[k] === null || attrs[k] === undefined || attrs[k] === false) { return; }
      if (k === "text") { node.textContent = attrs[k]; } else { node.setAttribute(k, attrs[k] === true ? "" : attrs[k]); }
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined) { return; }
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function heading(level, text, attrs) { return el("h" + Math.min(level, 6), Object.assign({ text: text }, attrs || {})); }

  function tableWrap(caption, table) {
    return el("div", { "class": "se-table-wrap", tabindex: "0", role: "region", "aria-label": caption }, [table]);
  }

  function Renderer(data, options) {
    this.data = data;
    this.level = (options && options.level) || 4;
    this.noise = data.csv.rounding_noise;
    this.labels = labelMaps(data);
    this.items = data.codebook.items;
    this.published = {};
    var pub = this.published;
    data.published.teams.forEach(function (t) { (pub[t.timepoint] = pub[t.timepoint] || []).push(t); });
  }

  Renderer.prototype.num = function (x, d) { return fmtNum(x, d === undefined ? 1 : d, this.noise); };

  Renderer.prototype.itemName = function (id) {
    var item = this.items.filter(function (i) { return i.id === id; })[0];
    return item.number + ". " + item.label;
  };

  Renderer.prototype.isLow = function (item, mean) {
    return mean !== null && mean < this.data.advice.low_share * item.score_range[1];
  };

  Renderer.prototype.bandText = function (band) { return band ? this.labels.band[band] : "ingen kategori"; };

  Renderer.prototype.render = function (container, model) {
    var self = this, level = this.level;
    container.textContent = "";
    if (!model || !model.groups.length) {
      container.appendChild(el("p", { "class": "sa-empty", text: "Ingen skjemaer ennå. Fyll inn et skjema eller hent en fil." }));
      return;
    }
    container.appendChild(heading(level, "Oversikt"));
    var teams = [];
    model.groups.forEach(function (g) { if (teams.indexOf(g.team) < 0) { teams.push(g.team); } });
    container.appendChild(el("p", { text: model.rows + " skjemaer fra " + teams.length + (teams.length === 1 ? " team" : " team") +
      " og " + model.groups.length + " kombinasjoner av team og måletidspunkt. Teamets totalskår er summen av " +
      "gjennomsnittet på hvert spørsmål (maks " + this.data.codebook.max_score + "), slik NORCE-rapporten regner den." }));
    if (model.variants.length || model.band_scheme !== "modified") {
      container.appendChild(el("p", { text: "Skåret med " + (model.variants.length ? "variantene " + model.variants.join(", ") : "standardreglene") +
        " og " + (model.band_scheme === "modified" ? "rapportens kategorigrenser" : "proporsjonale kategorigrenser") + "." }));
    }
    container.appendChild(this.overview(model));
    if (model.several_teams_count) {
      var items = model.several_teams.map(function (s) {
        return el("li", { text: s.respondent_id + ": " + s.teams.join(", ") });
      });
      container.appendChild(el("div", { "class": "sa-note" }, [
        el("p", { text: "Samme løpenummer i flere team (" + model.several_teams_count + "). Sjekk om det er en skrivefeil:" }),
        el("ul", {}, items)]));
    }
    container.appendChild(heading(level, "Per team"));
    container.appendChild(el("p", { text: "Profil per måletidspunkt med teamets tidligere måletidspunkt og de to publiserte " +
      "teamene fra NORCE-rapporten ved samme tidspunkt, råd for spørsmål med lav skår, manglende svar og avvik." }));
    var open = teams.length <= 3;
    teams.forEach(function (team) {
      var groups = model.groups.filter(function (g) { return g.team === team; });
      var last = groups[groups.length - 1];
      var summary = el("summary", {}, [el("span", { "class": "sa-team-name", text: team }),
        " – " + groups.length + " måletidspunkt, sist " + self.labels.timepoint[last.timepoint] + ": " +
        (last.total === null ? "ingen totalskår" : self.num(last.total) + " (" + self.bandText(last.band) + ")")]);
      var details = el("details", { "class": "sa-team", "data-team": team }, [summary]);
      var filled = false;
      function fill() { if (!filled) { filled = true; details.appendChild(self.team(groups)); } }
      details.addEventListener("toggle", function () { if (details.open) { fill(); } });
      if (open) { details.open = true; fill(); }
      container.appendChild(details);
    });
  };

  Renderer.prototype.overview = function (model) {
    var self = this, caption = "Totalskår og kategori per team og måletidspunkt";
    var head = el("tr", {}, ["Team", "Tidspunkt", "Svar", "Totalskår", "Kategori", "Merknader"].map(function (h) {
      return el("th", { scope: "col", text: h });
    }));
    var rows = model.groups.map(function (g) {
      var notes = [];
      if (g.missing_count) { notes.push(g.missing_count + " med manglende svar"); }
      if (g.items_with_answers < self.items.length) { notes.push((self.items.length - g.items_with_answers) + " spørsmål uten svar"); }
      if (g.flag_count) { notes.push(g.flag_count + (g.flag_count === 1 ? " avvik" : " avvik")); }
      return el("tr", {
        "class": "sa-result-row", "data-team": g.team, "data-timepoint": g.timepoint, "data-n": String(g.n),
        "data-total": g.total === null ? "" : fixed(g.total, 4, self.noise), "data-band": g.band || ""
      }, [
        el("th", { scope: "row", "data-label": "Team", text: g.team }),
        el("td", { "data-label": "Tidspunkt", text: self.labels.timepoint[g.timepoint] }),
        el("td", { "data-label": "Svar", text: String(g.n) }),
        el("td", { "data-label": "Totalskår", text: self.num(g.total) }),
        el("td", { "data-label": "Kategori", text: g.band ? self.labels.band[g.band] : "–" }),
        el("td", { "data-label": "Merknader", text: notes.join("; ") || "–" })
      ]);
    });
    var table = el("table", { "class": "se-data-table sa-table sa-stack", id: "sa-overview" }, [
      el("caption", { text: caption }), el("thead", {}, [head]), el("tbody", {}, rows)]);
    return tableWrap(caption, table);
  };

  Renderer.prototype.team = function (groups) {
    var self = this, level = this.level + 1, box = el("div", { "class": "sa-team-body" });
    // trajectory with the published totals beside it
    var caption = "Utvikling i totalskår for " + groups[0].team + " og de publiserte teamene";
    var pubTeams = this.data.published.teams.map(function (t) { return t.team; })
      .filter(function (t, k, all) { return all.indexOf(t) === k; });
    var head = el("tr", {}, ["Tidspunkt", "Svar", "Totalskår", "Kategori", "Endring"].concat(pubTeams.map(function (t) {
      return t + " (publisert)";
    })).map(function (h) { return el("th", { scope: "col", text: h }); }));
    var previous = null;
    var rows = groups.map(function (g) {
      var change = previous === null || g.total === null || previous.total === null ? "–" :
        (g.total - previous.total >= 0 ? "+" : "") + self.num(g.total - previous.total);
      previous = g;
      var cells = [
        el("th", { scope: "row", "data-label": "Tidspunkt", text: self.labels.timepoint[g.timepoint] }),
        el("td", { "data-label": "Svar", text: String(g.n) }),
        el("td", { "data-label": "Totalskår", text: self.num(g.total) }),
        el("td", { "data-label": "Kategori", text: g.band ? self.labels.band[g.band] : "–" }),
        el("td", { "data-label": "Endring", text: change })
      ];
      pubTeams.forEach(function (t) {
        var p = (self.published[g.timepoint] || []).filter(function (x) { return x.team === t; })[0];
        cells.push(el("td", { "data-label": t + " (publisert)", text: p ? self.num(p.total) : "–" }));
      });
      return el("tr", {}, cells);
    });
    box.appendChild(tableWrap(caption, el("table", { "class": "se-data-table sa-table sa-stack" }, [
      el("caption", { text: caption }), el("thead", {}, [head]), el("tbody", {}, rows)])));
    groups.forEach(function (g, k) { box.appendChild(self.timepoint(g, groups.slice(0, k), level)); });
    return box;
  };

  Renderer.prototype.timepoint = function (g, earlier, level) {
    var self = this, label = this.labels.timepoint[g.timepoint];
    var section = el("section", { "class": "sa-timepoint", "data-team": g.team, "data-timepoint": g.timepoint }, [
      heading(level, label + " – " + g.team)]);
    var status = g.total === null ?
      "Ingen totalskår: " + this.items.filter(function (i) { return !g.answered[i.id]; })
        .map(function (i) { return "spørsmål " + i.number; }).join(", ") + " har ingen svar." :
      "Totalskår " + this.num(g.total) + " av " + this.data.codebook.max_score + " – " + this.bandText(g.band) + ".";
    section.appendChild(el("p", { text: g.n + (g.n === 1 ? " skjema" : " skjemaer") + ", " + g.n_complete +
      " med alle spørsmål besvart. " + status }));
    if (g.n === 1) {
      section.appendChild(el("p", { "class": "sa-note", text: "Bare ett skjema: tallene er én persons svar, ikke et teamgjennomsnitt." }));
    }
    section.appendChild(this.profile(g, earlier));
    section.appendChild(this.advice(g, level + 1));
    if (g.missing_count) { section.appendChild(this.missing(g, level + 1)); }
    if (g.flag_count) { section.appendChild(this.flags(g, level + 1)); }
    return section;
  };

  Renderer.prototype.profile = function (g, earlier) {
    var self = this, label = this.labels.timepoint[g.timepoint];
    var published = this.published[g.timepoint] || [];
    var caption = "Profil ved " + label + ": gjennomsnitt per spørsmål for " + g.team +
      (earlier.length ? ", tidligere måletidspunkt" : "") + (published.length ? " og de publiserte teamene (Tabell 1)" : "");
    var cols = ["Spørsmål", g.team + " (" + label + ")"]
      .concat(earlier.map(function (e) { return self.labels.timepoint[e.timepoint]; }))
      .concat(published.map(function (p) { return p.team + " (publisert)"; }));
    var head = el("tr", {}, cols.map(function (h) { return el("th", { scope: "col", text: h }); }));
    var rows = this.items.map(function (item) {
      var mean = g.means[item.id], top = item.score_range[1], low = self.isLow(item, mean);
      var share = mean === null ? 0 : Math.max(0, Math.min(100, 100 * mean / top));
      var answered = g.answered[item.id] < g.n ? " (" + g.answered[item.id] + " av " + g.n + " svarte)" : "";
      var value = el("td", { "data-label": cols[1], "class": low ? "sa-low" : null }, [
        el("span", { "class": "sa-value", text: self.num(mean) + " av " + top }),
        low ? el("span", { "class": "sa-flag", text: " lav" }) : null,
        answered ? el("span", { "class": "sa-answered", text: answered }) : null,
        el("span", { "class": "sa-bar", "aria-hidden": "true" }, [el("span", { style: "width:" + share.toFixed(1) + "%" })])
      ]);
      var cells = [el("th", { scope: "row", "data-label": "Spørsmål", text: item.number + ". " + item.label }), value];
      earlier.forEach(function (e, k) { cells.push(el("td", { "data-label": cols[2 + k], text: self.num(e.means[item.id]) })); });
      published.forEach(function (p, k) {
        cells.push(el("td", { "data-label": cols[2 + earlier.length + k], text: self.num(p.means[item.id]) }));
      });
      return el("tr", { "data-item": item.id }, cells);
    });
    var totals = [el("th", { scope: "row", "data-label": "Spørsmål", text: "Totalskår (maks " + this.data.codebook.max_score + ")" }),
      el("td", { "data-label": cols[1], text: this.num(g.total) })];
    earlier.forEach(function (e, k) { totals.push(el("td", { "data-label": cols[2 + k], text: self.num(e.total) })); });
    published.forEach(function (p, k) { totals.push(el("td", { "data-label": cols[2 + earlier.length + k], text: self.num(p.total) })); });
    rows.push(el("tr", { "class": "sa-total-row" }, totals));
    var table = el("table", { "class": "se-data-table sa-table sa-stack sa-profile" }, [
      el("caption", { text: caption }), el("thead", {}, [head]), el("tbody", {}, rows)]);
    return tableWrap(caption, table);
  };

  Renderer.prototype.advice = function (g, level) {
    var self = this, box = el("div", { "class": "sa-advice" }, [heading(level, "Spørsmål med lav skår")]);
    var low = this.items.filter(function (i) { return self.isLow(i, g.means[i.id]); });
    box.appendChild(el("p", { "class": "sa-hint", text: this.data.advice.note }));
    if (!low.length) {
      box.appendChild(el("p", { text: "Ingen spørsmål er under grensen." }));
      return box;
    }
    box.appendChild(el("ul", {}, low.map(function (item) {
      var advice = self.data.advice.items[item.id];
      return el("li", { "data-item": item.id }, [
        el("strong", { text: item.number + ". " + item.label + " (" + self.num(g.means[item.id]) + " av " + item.score_range[1] + ")" }),
        advice ? el("p", {}, [advice.text + " ", el("span", { "class": "sa-source", text: "(" + advice.source + ")" })]) : null,
        self.fullScore(item)
      ]);
    })));
    return box;
  };

  Renderer.prototype.fullScore = function (item) {
    var full = item.full_score, body;
    if (full.texts.length === 1) {
      body = el("p", { text: "«" + full.texts[0] + "»" });
    } else {
      body = el("div", {}, [
        el("p", { text: (full.needed === full.texts.length ? "Alle disse må stemme:" : full.needed + " av disse må stemme:") }),
        el("ul", {}, full.texts.map(function (t) { return el("li", { text: t }); }))]);
    }
    return el("details", { "class": "sa-full" }, [el("summary", { text: "Hva gir full skår (" + full.score + ")?" }), body]);
  };

  Renderer.prototype.missing = function (g, level) {
    var self = this, box = el("div", { "class": "sa-missing" }, [heading(level, "Manglende svar")]);
    box.appendChild(el("p", { text: g.missing_count + " av " + g.n + (g.n === 1 ? " skjema" : " skjemaer") +
      " mangler svar på minst ett spørsmål. Gjennomsnittet for et spørsmål regnes bare over dem som svarte." }));
    var caption = "Manglende svar per skjema ved " + this.labels.timepoint[g.timepoint] + " – " + g.team;
    var rows = g.missing.map(function (m) {
      return el("tr", {}, [el("th", { scope: "row", "data-label": "Løpenummer", text: m.respondent_id }),
        el("td", { "data-label": "Besvart", text: (self.items.length - m.items.length) + " av " + self.items.length }),
        el("td", { "data-label": "Uten svar", text: m.items.map(function (id) { return self.itemName(id).split(".")[0]; }).join(", ") })]);
    });
    box.appendChild(tableWrap(caption, el("table", { "class": "se-data-table sa-table sa-stack" }, [
      el("caption", { text: caption }),
      el("thead", {}, [el("tr", {}, ["Løpenummer", "Besvart", "Spørsmål uten svar"].map(function (h) { return el("th", { scope: "col", text: h }); }))]),
      el("tbody", {}, rows)])));
    if (g.missing_count > g.missing.length) {
      box.appendChild(el("p", { text: "… og " + (g.missing_count - g.missing.length) + " skjemaer til." }));
    }
    return box;
  };

  Renderer.prototype.flags = function (g, level) {
    var self = this, box = el("div", { "class": "sa-flags" }, [heading(level, "Avvik i avkryssingen")]);
    box.appendChild(el("ul", {}, g.flags.map(function (f) {
      var item = self.items.filter(function (i) { return i.id === f.item; })[0];
      return el("li", { text: f.respondent_id + ": spørsmål " + item.number + ", alternativ " + f.options.join(" og ") +
        " har samme tekst, men er besvart ulikt. Skåren teller dem som ett utsagn; sjekk hva personen mente." });
    })));
    if (g.flag_count > g.flags.length) { box.appendChild(el("p", { text: "… og " + (g.flag_count - g.flags.length) + " til." })); }
    return box;
  };

  // ---------------------------------------------------------------------------------- the page
  function download(name, text, type) {
    var blob = new Blob([text], { type: type || "text/csv;charset=utf-8" });
    var url = URL.createObjectURL(blob);
    var a = el("a", { href: url, download: name });
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(url); a.remove(); }, 0);
  }

  function Page(root, data) {
    this.root = root;
    this.data = data;
    this.engine = new Engine(data);
    this.renderer = new Renderer(data, { level: 4 });
    this.rows = [];
    this.editing = null;
    this.model = null;
    this.$ = function (id) { return root.querySelector("#" + id); };
  }

  Page.prototype.start = function () {
    var self = this, $ = this.$;
    $("sa-form").closest(".sa-app").hidden = false;
    $("sa-file").addEventListener("change", function (e) { self.importFile(e.target.files[0]); e.target.value = ""; });
    $("sa-form").addEventListener("submit", function (e) { e.preventDefault(); self.save(); });
    $("sa-reset").addEventListener("click", function () { self.clearForm(true); });
    $("sa-export-answers").addEventListener("click", function () { download("fidelitet_svar.csv", answersCsv(self.data, self.rows)); });
    $("sa-export-results").addEventListener("click", function () {
      var excel = $("sa-excel").checked;
      download(excel ? "team_summary_excel.csv" : "team_summary.csv", summaryCsv(self.data, self.model || self.engine.results([]), excel));
    });
    $("sa-print").addEventListener("click", function () { self.print(); });
    $("sa-clear").addEventListener("click", function () {
      self.rows = []; self.changed(); self.say("sa-form-status", "Alle svarene er slettet.");
    });
    $("sa-remember").addEventListener("change", function (e) {
      if (e.target.checked) { self.store(); } else { try { window.localStorage.removeItem(STORAGE_KEY); } catch (err) { /* storage off */ } }
    });
    this.root.querySelectorAll("input[data-none-of]").forEach(function (none) {
      var qid = none.getAttribute("data-none-of");
      var boxes = self.root.querySelectorAll("#sa-" + qid + " input[type=checkbox]:not([data-none-of])");
      none.addEventListener("change", function () { if (none.checked) { boxes.forEach(function (b) { b.checked = false; }); } });
      boxes.forEach(function (b) { b.addEventListener("change", function () { if (b.checked) { none.checked = false; } }); });
    });
    this.restore();
    this.changed();
  };

  Page.prototype.say = function (id, text, isError) {
    var box = this.$(id);
    box.textContent = "";
    box.className = "sa-status" + (isError ? " sa-error" : "");
    if (Array.isArray(text)) {
      box.appendChild(el("ul", {}, text.map(function (t) { return el("li", { text: t }); })));
    } else {
      box.appendChild(el("p", { text: text }));
    }
  };

  Page.prototype.importFile = function (file) {
    var self = this;
    if (!file) { return; }
    file.arrayBuffer().then(function (buffer) {
      var text;
      try {
        text = new TextDecoder("utf-8", { fatal: true }).decode(buffer);
      } catch (err) {
        self.say("sa-import-status", [file.name + ": teksten er ikke UTF-8 (lagre filen som UTF-8, i Excel: «CSV UTF-8»)"], true);
        return;
      }
      if (text.charAt(0) === "\ufeff") { text = text.slice(1); }
      var read = readAnswers(text, file.name, self.data);
      if (read.problems.length) {
        self.say("sa-import-status", ["Filen ble ikke lest inn; ingenting er endret. Rett dette og prøv igjen:"]
          .concat(read.problems.map(function (p) { return p.text; })), true);
        return;
      }
      var replaced = self.rows.length;
      self.rows = read.rows;
      self.editing = null;
      self.changed();
      self.say("sa-import-status", [file.name + ": " + read.rows.length + " skjemaer lest inn" +
        (replaced ? " (erstattet " + replaced + " som var lagt inn)" : "") + "."].concat(read.warnings));
    });
  };

  Page.prototype.formValues = function () {
    var root = this.root, values = {};
    this.data.codebook.items.forEach(function (item) {
      if (item.type === "single") {
        var checked = root.querySelector("input[name='" + item.id + "']:checked");
        values[item.id] = checked && checked.value !== "" ? parseInt(checked.value, 10) : null;
        return;
      }
      var none = root.querySelector("input[data-none-of='" + item.id + "']").checked;
      var ticked = item.columns.map(function (c) { return root.querySelector("input[name='" + c + "']").checked; });
      var any = ticked.some(Boolean);
      item.columns.forEach(function (c, k) { values[c] = none || any ? (ticked[k] ? 1 : 0) : null; });
    });
    return values;
  };

  Page.prototype.save = function () {
    var $ = this.$, data = this.data;
    var team = $("sa-team").value.trim(), rid = $("sa-respondent").value.trim(), tp = $("sa-timepoint").value;
    var problems = [];
    if (!team) { problems.push("Skriv navnet eller nummeret på teamet."); }
    if (!rid) { problems.push("Skriv et løpenummer (for eksempel L01)."); }
    if (rid && new RegExp(data.raw_format.identity_shape).test(rid)) { problems.push("Løpenummeret ser ut som et fødselsnummer; bruk et løpenummer i stedet."); }
    var self = this, clash = this.rows.filter(function (r, k) { return k !== self.editing && r.respondent_id === rid && r.timepoint === tp; });
    if (clash.length) { problems.push("Det finnes allerede et skjema for " + rid + " ved " + this.renderer.labels.timepoint[tp] + "; rediger det i lista under."); }
    if (problems.length) {
      this.say("sa-form-status", problems, true);
      (!team ? $("sa-team") : $("sa-respondent")).focus();
      return;
    }
    var row = { respondent_id: rid, team: team, timepoint: tp, values: this.formValues() };
    if (this.editing !== null) { this.rows[this.editing] = row; } else { this.rows.push(row); }
    this.editing = null;
    var answered = this.engine.scoreRow(row).items_answered;
    this.changed();
    this.clearForm(false);
    this.say("sa-form-status", "Skjemaet for " + rid + " (" + team + ", " + this.renderer.labels.timepoint[tp] + ") er lagret med " +
      answered + " av " + this.data.codebook.items.length + " spørsmål besvart. " + this.rows.length + " skjemaer i alt.");
    $("sa-respondent").focus();
  };

  Page.prototype.clearForm = function (all) {
    var root = this.root;
    root.querySelectorAll(".sa-item input[type=checkbox]").forEach(function (b) { b.checked = false; });
    root.querySelectorAll(".sa-item input[type=radio][value='']").forEach(function (r) { r.checked = true; });
    this.$("sa-respondent").value = "";
    if (all) { this.$("sa-team").value = ""; this.editing = null; this.$("sa-save").textContent = "Lagre skjemaet"; }
  };

  Page.prototype.edit = function (index) {
    var row = this.rows[index], root = this.root, $ = this.$;
    this.clearForm(false);
    $("sa-team").value = row.team; $("sa-respondent").value = row.respondent_id; $("sa-timepoint").value = row.timepoint;
    this.data.codebook.items.forEach(function (item) {
      if (item.type === "single") {
        var v = row.values[item.id];
        var input = root.querySelector("input[name='" + item.id + "'][value='" + (v === null ? "" : v) + "']");
        if (input) { input.checked = true; }
        return;
      }
      var vals = item.columns.map(function (c) { return row.values[c]; });
      item.columns.forEach(function (c, k) { root.querySelector("input[name='" + c + "']").checked = vals[k] === 1; });
      root.querySelector("input[data-none-of='" + item.id + "']").checked = vals.every(function (v) { return v === 0; });
    });
    this.editing = index;
    $("sa-save").textContent = "Lagre endringene";
    this.say("sa-form-status", "Redigerer skjemaet for " + row.respondent_id + ". Lagre når du er ferdig.");
    $("sa-team").focus();
  };

  Page.prototype.list = function () {
    var self = this, box = this.$("sa-list");
    box.textContent = "";
    if (!this.rows.length) { box.appendChild(el("p", { text: "Ingen skjemaer ennå." })); return; }
    var caption = "Skjemaene som er lagt inn (" + this.rows.length + ")";
    var shown = this.rows.slice(0, 200);
    var rows = shown.map(function (r, k) {
      var answered = self.engine.scoreRow(r).items_answered;
      var edit = el("button", { type: "button", text: "Rediger", "aria-label": "Rediger skjemaet for " + r.respondent_id + ", " + r.team + ", " + self.renderer.labels.timepoint[r.timepoint] });
      var remove = el("button", { type: "button", text: "Slett", "aria-label": "Slett skjemaet for " + r.respondent_id + ", " + r.team + ", " + self.renderer.labels.timepoint[r.timepoint] });
      edit.addEventListener("click", function () { self.edit(k); });
      remove.addEventListener("click", function () {
        self.rows.splice(k, 1); self.editing = null; self.changed();
        self.say("sa-form-status", "Skjemaet for " + r.respondent_id + " er slettet.");
      });
      return el("tr", {}, [el("th", { scope: "row", "data-label": "Løpenummer", text: r.respondent_id }),
        el("td", { "data-label": "Team", text: r.team }),
        el("td", { "data-label": "Tidspunkt", text: self.renderer.labels.timepoint[r.timepoint] }),
        el("td", { "data-label": "Besvart", text: answered + " av " + self.data.codebook.items.length }),
        el("td", { "data-label": "Endre" }, [edit, " ", remove])]);
    });
    box.appendChild(tableWrap(caption, el("table", { "class": "se-data-table sa-table sa-stack" }, [
      el("caption", { text: caption }),
      el("thead", {}, [el("tr", {}, ["Løpenummer", "Team", "Tidspunkt", "Besvart", "Endre"].map(function (h) { return el("th", { scope: "col", text: h }); }))]),
      el("tbody", {}, rows)])));
    if (this.rows.length > shown.length) { box.appendChild(el("p", { text: "Viser de første " + shown.length + "; alle er med i resultatene." })); }
  };

  Page.prototype.changed = function () {
    this.model = this.engine.results(this.rows);
    this.list();
    this.renderer.render(this.$("sa-results"), this.model);
    if (this.$("sa-remember").checked) { this.store(); }
  };

  Page.prototype.store = function () {
    try { window.localStorage.setItem(STORAGE_KEY, JSON.stringify({ rows: this.rows })); } catch (err) {
      this.say("sa-form-status", "Nettleseren lar ikke siden lagre svarene (lagring er slått av).", true);
    }
  };

  Page.prototype.restore = function () {
    var saved = null;
    try { saved = window.localStorage.getItem(STORAGE_KEY); } catch (err) { saved = null; }
    if (!saved) { return; }
    try {
      this.rows = JSON.parse(saved).rows || [];
      this.$("sa-remember").checked = true;
      this.say("sa-form-status", this.rows.length + " skjemaer hentet fra denne maskinen.");
    } catch (err) { this.rows = []; }
  };

  Page.prototype.print = function () {
    this.root.querySelectorAll("details.sa-team").forEach(function (d) { d.open = true; d.dispatchEvent(new Event("toggle")); });
    document.body.classList.add("sa-printing");
    window.print();
    document.body.classList.remove("sa-printing");
  };

  // --------------------------------------------------------------------------------- start-up
  function readData() {
    var node = document.getElementById(DATA_ID);
    return node ? JSON.parse(node.textContent) : null;
  }

  function start() {
    var data = readData();
    if (!data) { return; }
    var root = document.querySelector("[data-se-egenvurdering]");
    if (root) {
      var page = new Page(root, data);
      window.SelfAssessPage = page;
      page.start();
    }
    var report = document.querySelector("[data-se-report]");
    if (report) {
      var model = JSON.parse(document.getElementById(report.getAttribute("data-model")).textContent);
      new Renderer(data, { level: parseInt(report.getAttribute("data-level") || "2", 10) }).render(report, model);
      report.setAttribute("data-sa-rendered", "true");
    }
  }

  window.SelfAssess = {
    Engine: Engine, Renderer: Renderer, readAnswers: readAnswers, answersCsv: answersCsv, summaryCsv: summaryCsv,
    csvText: csvText, fixed: fixed, fmtNum: fmtNum, compareTeams: compareTeams, data: readData
  };

  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", start); } else { start(); }
})();

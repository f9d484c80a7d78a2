/* Renders every figure container written by analysis/figures.py.
   The figure specification sits next to its container as JSON; plotly.js or vega-embed is loaded by the
   page only when the page holds such a figure (book/_ext/site_assets.py). Nothing is fetched from
   another origin. */
(function () {
  "use strict";
  var NB_LOCALE = {
    decimal: ",", thousands: "\u00a0", grouping: [3], currency: ["", "\u00a0kr"]
  };

  function spec(el) {
    var node = document.getElementById(el.getAttribute("data-spec"));
    return node ? JSON.parse(node.textContent) : null;
  }

  function markRendered(el) {
    el.setAttribute("data-rendered", "true");
  }

  var COMPACT_WIDTH = 560;

  function fitWidth(el, s) {
    // On a narrow screen apply the figure's compact layout (short labels), and undo it when wide again.
    if (!s.compact) { return Promise.resolve(); }
    var narrow = el.clientWidth < COMPACT_WIDTH;
    if (narrow === (el.getAttribute("data-compact") === "true")) { return Promise.resolve(); }
    el.setAttribute("data-compact", String(narrow));
    var update = {};
    Object.keys(s.compact).forEach(function (key) {
      update[key] = narrow ? s.compact[key] : (s.wide || {})[key];
    });
    return window.Plotly.relayout(el, update);
  }

  function renderPlotly(el) {
    if (!window.Plotly) { console.error("plotly.js is not loaded for figure " + el.id); return; }
    var s = spec(el);
    s.wide = {};
    if (s.compact) {
      Object.keys(s.compact).forEach(function (key) {
        var value = key.split(".").reduce(function (o, k) { return o == null ? undefined : o[k]; }, s.layout);
        s.wide[key] = value === undefined ? null : value;
      });
    }
    window.Plotly.newPlot(el, s.data, s.layout, s.config)
      .then(function () { return fitWidth(el, s); })
      .then(function () { markRendered(el); });
    if (s.compact && window.ResizeObserver) {
      new ResizeObserver(function () { fitWidth(el, s); }).observe(el);
    }
  }

  function renderVega(el) {
    if (!window.vegaEmbed) { console.error("vega-embed is not loaded for figure " + el.id); return; }
    var s = spec(el);
    window.vegaEmbed(el, s, {
      actions: false, renderer: "svg", formatLocale: NB_LOCALE,
      i18n: { CLICK_TO_VIEW_ACTIONS: "Vis handlinger" }
    }).then(function () { markRendered(el); })
      .catch(function (err) { console.error(err); });
  }

  function renderAll() {
    document.querySelectorAll("[data-se-plotly]:not([data-rendered])").forEach(renderPlotly);
    document.querySelectorAll("[data-se-vega]:not([data-rendered])").forEach(renderVega);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", renderAll);
  } else {
    renderAll();
  }
})();

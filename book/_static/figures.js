/* Renders every figure container written by analysis/figures (the rendering core).
   The figure specification sits next to its container as JSON. plotly.js (1.5 MB) and the vega stack
   (0.8 MB) are not loaded with the page: book/_ext/site_assets.py names them on this script's tag
   (data-plotly, data-vega), and they are loaded, from the site itself, when the first figure of their
   kind comes within about two screens of the viewport. A page whose reader never scrolls to a figure
   never downloads them. Where a library is already on the page (the self-contained team report inlines
   it), every figure renders at once.

   window.seFigures.renderAll() loads what is missing and renders every figure; it returns a promise
   (used before printing: scripts/print_pdf.mjs and the browser's own print). */
(function () {
  "use strict";
  var NB_LOCALE = {
    decimal: ",", thousands: "\u00a0", grouping: [3], currency: ["", "\u00a0kr"]
  };
  var NEAR = "1200px 0px";  // how far outside the viewport a figure starts loading its library
  var script = document.currentScript;
  var base = script && script.src ? script.src.replace(/[^/]*$/, "") : "";

  function libraries(kind) {
    var names = script ? (script.getAttribute("data-" + kind) || "") : "";
    return names.split(/\s+/).filter(Boolean).map(function (name) { return base + name; });
  }

  var loading = {};
  function loadScript(src) {
    return new Promise(function (resolve, reject) {
      var tag = document.createElement("script");
      tag.src = src;
      tag.onload = resolve;
      tag.onerror = function () { reject(new Error("could not load " + src)); };
      document.head.appendChild(tag);
    });
  }
  function ensure(kind) {
    var ready = kind === "plotly" ? window.Plotly : window.vegaEmbed;
    if (ready) { return Promise.resolve(); }
    if (!loading[kind]) {
      // In order: vega-lite and vega-embed expect the libraries before them.
      loading[kind] = libraries(kind).reduce(function (chain, src) {
        return chain.then(function () { return loadScript(src); });
      }, Promise.resolve());
    }
    return loading[kind];
  }

  function spec(el) {
    var node = document.getElementById(el.getAttribute("data-spec"));
    return node ? JSON.parse(node.textContent) : null;
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
    var s = spec(el);
    s.wide = {};
    if (s.compact) {
      Object.keys(s.compact).forEach(function (key) {
        var value = key.split(".").reduce(function (o, k) { return o == null ? undefined : o[k]; }, s.layout);
        s.wide[key] = value === undefined ? null : value;
      });
    }
    var done = window.Plotly.newPlot(el, s.data, s.layout, s.config)
      .then(function () { return fitWidth(el, s); });
    if (s.compact && window.ResizeObserver) {
      new ResizeObserver(function () { fitWidth(el, s); }).observe(el);
    }
    return done;
  }

  function renderVega(el) {
    return window.vegaEmbed(el, spec(el), {
      actions: false, renderer: "svg", formatLocale: NB_LOCALE,
      i18n: { CLICK_TO_VIEW_ACTIONS: "Vis handlinger" }
    });
  }

  var pending = new WeakMap();
  function render(el) {
    if (pending.has(el)) { return pending.get(el); }
    var kind = el.hasAttribute("data-se-plotly") ? "plotly" : "vega";
    var job = ensure(kind)
      .then(function () { return kind === "plotly" ? renderPlotly(el) : renderVega(el); })
      .then(function () { el.setAttribute("data-rendered", "true"); })
      .catch(function (err) { console.error("figure " + el.id + " could not be drawn: " + err); });
    pending.set(el, job);
    return job;
  }

  function containers() {
    return Array.prototype.slice.call(document.querySelectorAll("[data-se-plotly],[data-se-vega]"));
  }

  function renderAll() {
    return Promise.all(containers().map(render));
  }

  function start() {
    var all = containers();
    var eager = all.filter(function (el) {
      return el.hasAttribute("data-se-plotly") ? !!window.Plotly : !!window.vegaEmbed;
    });
    eager.forEach(render);
    var lazy = all.filter(function (el) { return eager.indexOf(el) < 0; });
    if (!lazy.length) { return; }
    if (!("IntersectionObserver" in window)) { lazy.forEach(render); return; }
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) {
          observer.unobserve(entry.target);
          render(entry.target);
        }
      });
    }, { rootMargin: NEAR });
    lazy.forEach(function (el) { observer.observe(el); });
  }

  window.seFigures = { renderAll: renderAll };
  window.addEventListener("beforeprint", renderAll);
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

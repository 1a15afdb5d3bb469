/*
 * Turns each chart's static SVG into a live Vega chart: tooltips, links from bars to pages, and colours
 * that follow Material's light/dark switch. The spec sits in the page beside the image
 * (<script type="application/json">), so nothing is fetched; the libraries are vendored
 * (assets/vendor/vega-bundle.js). Without JavaScript, or if drawing fails, the SVG stays.
 */
(function () {
  "use strict";

  var views = new WeakMap();

  function darkMode() {
    return document.body.getAttribute("data-md-color-scheme") === "slate";
  }

  function draw(figure) {
    var source = figure.querySelector("script.tracker-chart__spec");
    var target = figure.querySelector(".tracker-chart__view");
    if (!source || !target || typeof window.vegaEmbed !== "function") {
      return;
    }
    var spec = JSON.parse(source.textContent);
    // The section heading just above says what the chart is; the title stays in the static SVG only.
    delete spec.title;
    var dark = darkMode();
    // Bars that link open their page in this tab, like any other link of the site.
    var options = { actions: false, renderer: "svg", loader: { target: "_self" }, tooltip: { theme: dark ? "dark" : "light" } };
    if (dark) {
      options.theme = "dark";
      spec.config = Object.assign({}, spec.config, { background: "transparent" });
    }
    var previous = views.get(figure);
    if (previous) {
      previous.finalize();
    }
    window.vegaEmbed(target, spec, options).then(
      function (result) {
        views.set(figure, result);
        figure.classList.add("tracker-chart--live");
      },
      function (error) {
        figure.classList.remove("tracker-chart--live");
        console.error("chart " + figure.id + " could not be drawn; the static image stays", error);
      }
    );
  }

  var drawnInDarkMode = null;

  function drawAll() {
    drawnInDarkMode = darkMode();
    document.querySelectorAll("figure.tracker-chart").forEach(draw);
  }

  function redrawIfSchemeChanged() {
    if (darkMode() !== drawnInDarkMode) {
      drawAll();
    }
  }

  // Material's instant navigation swaps pages without reloading: document$ says when a page is in.
  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(drawAll);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", drawAll);
  } else {
    drawAll();
  }

  new MutationObserver(redrawIfSchemeChanged).observe(document.body, {
    attributes: true,
    attributeFilter: ["data-md-color-scheme"],
  });
})();

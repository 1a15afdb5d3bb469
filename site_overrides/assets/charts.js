/*
 * Turns each chart's static SVG into a live Vega chart: tooltips, links from bars to pages, and colours
 * that follow Material's light/dark switch. The spec sits in the page beside the image
 * (<script type="application/json">), so nothing is fetched but the vendored libraries
 * (assets/vendor/vega-bundle.js), and those only when a chart first comes near the screen: a reader who
 * never scrolls to a chart never downloads them. Until then, without JavaScript, or if drawing fails,
 * the SVG stays.
 */
const BUNDLE = new URL("vendor/vega-bundle.js", import.meta.url).href;
const NEAR_THE_SCREEN = "300px";

const views = new WeakMap();
let libraries = null;

function loadLibraries() {
  // The bundle is a module that puts vegaEmbed on window; importing it twice runs it once.
  libraries = libraries || import(BUNDLE);
  return libraries;
}

function darkMode() {
  return document.body.getAttribute("data-md-color-scheme") === "slate";
}

function draw(figure) {
  const source = figure.querySelector("script.tracker-chart__spec");
  const target = figure.querySelector(".tracker-chart__view");
  if (!source || !target || typeof window.vegaEmbed !== "function") {
    return;
  }
  const spec = JSON.parse(source.textContent);
  // The section heading just above says what the chart is; the title stays in the static SVG only.
  delete spec.title;
  const dark = darkMode();
  // Bars that link open their page in this tab, like any other link of the site.
  const options = { actions: false, renderer: "svg", loader: { target: "_self" }, tooltip: { theme: dark ? "dark" : "light" } };
  if (dark) {
    options.theme = "dark";
    spec.config = Object.assign({}, spec.config, { background: "transparent" });
  }
  const previous = views.get(figure);
  if (previous) {
    previous.finalize();
  }
  figure.dataset.drawnDark = String(dark);
  window.vegaEmbed(target, spec, options).then(
    (result) => {
      views.set(figure, result);
      figure.classList.add("tracker-chart--live");
    },
    (error) => {
      figure.classList.remove("tracker-chart--live");
      console.error("chart " + figure.id + " could not be drawn; the static image stays", error);
    }
  );
}

function drawWhenNear(figure, observer) {
  observer.unobserve(figure);
  loadLibraries().then(
    () => draw(figure),
    (error) => console.error("the chart library could not be loaded; the static images stay", error)
  );
}

function watch() {
  const figures = document.querySelectorAll("figure.tracker-chart");
  if (!figures.length) {
    return;
  }
  if (!("IntersectionObserver" in window)) {
    figures.forEach((figure) => drawWhenNear(figure, { unobserve() {} }));
    return;
  }
  const observer = new IntersectionObserver(
    (entries) => entries.filter((entry) => entry.isIntersecting).forEach((entry) => drawWhenNear(entry.target, observer)),
    { rootMargin: NEAR_THE_SCREEN }
  );
  figures.forEach((figure) => observer.observe(figure));
}

function redrawIfSchemeChanged() {
  // Only charts already drawn follow the switch; the others are drawn in the new colours when reached.
  document.querySelectorAll("figure.tracker-chart[data-drawn-dark]").forEach((figure) => {
    if (figure.dataset.drawnDark !== String(darkMode())) {
      draw(figure);
    }
  });
}

// Material's instant navigation swaps pages without reloading: document$ says when a page is in.
if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
  window.document$.subscribe(watch);
} else if (document.readyState === "loading") {
  document.addEventListener("DOMContentLoaded", watch);
} else {
  watch();
}

new MutationObserver(redrawIfSchemeChanged).observe(document.body, {
  attributes: true,
  attributeFilter: ["data-md-color-scheme"],
});

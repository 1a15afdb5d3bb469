/*
 * Turns each chart's static SVG into a live Vega chart: tooltips, links from bars to pages, and colours
 * that follow Material's light/dark switch. Each chart's Vega spec was compiled from Vega-Lite at build
 * time and sits beside its image (the figure's data-spec), so the browser needs only the vendored Vega
 * runtime (assets/vendor/vega.min.js). Both are fetched when a chart first comes near the screen: a
 * reader who never scrolls to a chart downloads neither. Until then, without JavaScript, or if drawing
 * fails, the SVG stays.
 */
const VEGA = new URL("vendor/vega.min.js", import.meta.url).href;
const NEAR_THE_SCREEN = "300px";
const TOOLTIP_OFFSET = 12;

const views = new WeakMap();
const specs = new WeakMap();
let runtime = null;

function loadVega() {
  // npm's build of Vega is a UMD script: imported as a module, it puts `vega` on the global object.
  runtime =
    runtime ||
    import(VEGA).then(
      () => window.vega,
      (error) => {
        runtime = null; // a later draw (a scheme switch) tries again
        throw error;
      }
    );
  return runtime;
}

function specOf(figure) {
  if (!specs.has(figure)) {
    specs.set(
      figure,
      fetch(figure.dataset.spec)
        .then((response) => {
          if (!response.ok) {
            throw new Error(`${figure.dataset.spec}: HTTP ${response.status}`);
          }
          return response.json();
        })
        .catch((error) => {
          specs.delete(figure); // a later draw tries again
          throw error;
        })
    );
  }
  return specs.get(figure);
}

function darkMode() {
  return document.body.getAttribute("data-md-color-scheme") === "slate";
}

function tooltipBox() {
  let box = document.getElementById("vg-tooltip-element");
  if (!box) {
    box = document.createElement("div");
    box.id = "vg-tooltip-element";
    box.className = "tracker-tooltip";
    box.setAttribute("role", "tooltip");
    box.hidden = true;
    document.body.append(box);
  }
  return box;
}

function asText(value) {
  return value !== null && typeof value === "object" ? JSON.stringify(value) : String(value);
}

/* Vega's tooltip handler: `value` is what the spec's tooltip encoding gives ({field title: text}, or one
 * text). Everything is set as text, never as markup: titles of incidents come from contributors. */
function showTooltip(handler, event, item, value) {
  const box = tooltipBox();
  if (value === null || value === undefined || value === "") {
    box.hidden = true;
    return;
  }
  box.replaceChildren();
  if (typeof value === "object" && !Array.isArray(value)) {
    const { title, ...fields } = value;
    if (title !== undefined) {
      const heading = document.createElement("p");
      heading.className = "tracker-tooltip__title";
      heading.textContent = asText(title);
      box.append(heading);
    }
    const table = document.createElement("table");
    for (const [name, text] of Object.entries(fields)) {
      const row = table.insertRow();
      const key = document.createElement("th");
      key.scope = "row";
      key.textContent = name;
      row.append(key);
      row.insertCell().textContent = asText(text);
    }
    box.append(table);
  } else {
    box.textContent = asText(value);
  }
  box.hidden = false;
  // Beside the pointer, and inside the window.
  const width = box.offsetWidth;
  const height = box.offsetHeight;
  let x = event.clientX + TOOLTIP_OFFSET;
  let y = event.clientY + TOOLTIP_OFFSET;
  if (x + width > window.innerWidth) {
    x = Math.max(0, event.clientX - TOOLTIP_OFFSET - width);
  }
  if (y + height > window.innerHeight) {
    y = Math.max(0, event.clientY - TOOLTIP_OFFSET - height);
  }
  box.style.left = `${x}px`;
  box.style.top = `${y}px`;
}

async function draw(figure) {
  const target = figure.querySelector(".tracker-chart__view");
  if (!target || !figure.dataset.spec) {
    return;
  }
  const dark = darkMode();
  figure.dataset.drawnDark = String(dark);
  try {
    const [vega, spec] = await Promise.all([loadVega(), specOf(figure)]);
    const colours = dark ? Object.assign({}, spec, (spec.usermeta || {}).dark) : spec;
    const previous = views.get(figure);
    if (previous) {
      previous.finalize();
    }
    target.replaceChildren();
    const view = new vega.View(vega.parse(colours), {
      renderer: "svg",
      container: target,
      hover: true,
      // Bars that link open their page in this tab, like any other link of the site.
      loader: vega.loader({ target: "_self" }),
      tooltip: showTooltip,
    });
    views.set(figure, view);
    await view.runAsync();
    figure.classList.add("tracker-chart--live");
  } catch (error) {
    figure.classList.remove("tracker-chart--live");
    console.error("chart " + figure.id + " could not be drawn; the static image stays", error);
  }
}

function watch() {
  const figures = document.querySelectorAll("figure.tracker-chart");
  if (!figures.length) {
    return;
  }
  if (!("IntersectionObserver" in window)) {
    figures.forEach(draw);
    return;
  }
  const observer = new IntersectionObserver(
    (entries) =>
      entries
        .filter((entry) => entry.isIntersecting)
        .forEach((entry) => {
          observer.unobserve(entry.target);
          draw(entry.target);
        }),
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

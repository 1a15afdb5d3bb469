/*
 * The incident explorer: filters every incident in the browser from explorer/data.json, which the
 * generator writes beside the page. The filters live in the page address (?state=CA&type=...), so a
 * view can be bookmarked and shared. Text from the data is only ever set as text, never as HTML.
 */
const form = document.getElementById("explorer");
const PAGE = 200;

/* A title the data leaves out (null) is written from the facts, as the generator writes it: "Org: Type". */
function titleFromFacts(item, data) {
  const { pattern, separator } = data.title_from_facts;
  const types = item.types.map((code) => data.labels.breach_type[code]).join(separator);
  // One pass, as Python's str.format: a name holding "{types}" or "$&" stays as it is.
  const values = { organization: item.organization, types };
  return pattern.replace(/\{(organization|types)\}/g, (_, name) => values[name]);
}

function parseRows(data) {
  const at = Object.fromEntries(data.columns.map((name, index) => [name, index]));
  return data.rows.map((row) => {
    const item = Object.fromEntries(data.columns.map((name) => [name, row[at[name]]]));
    item.title = item.title ?? titleFromFacts(item, data);
    const events = item.events.map((id) => data.labels.event[id]);
    item.haystack = [item.title, item.organization, item.threat_actor, item.id, ...events].join(" ").toLowerCase();
    return item;
  });
}

function fillSelects(labels) {
  form.querySelectorAll("select[data-vocabulary]").forEach((select) => {
    const names = labels[select.dataset.vocabulary];
    Object.entries(names)
      .sort((a, b) => a[1].localeCompare(b[1], document.documentElement.lang))
      .forEach(([code, label]) => select.add(new Option(label, code)));
  });
}

function readFilters() {
  const values = Object.fromEntries(new FormData(form).entries());
  return {
    q: (values.q || "").trim().toLowerCase(),
    from: parseInt(values.from, 10) || null,
    to: parseInt(values.to, 10) || null,
    state: values.state || "",
    entity: values.entity || "",
    type: values.type || "",
    location: values.location || "",
    vector: values.vector || "",
    data: values.data || "",
    outcome: values.outcome || "",
    event: values.event || "",
    actor: (values.actor || "").trim().toLowerCase(),
    min: parseInt(values.min, 10) || null,
  };
}

export function matches(item, f) {
  return (
    (!f.q || f.q.split(/\s+/).every((word) => item.haystack.includes(word))) &&
    (f.from === null || item.year >= f.from) &&
    (f.to === null || item.year <= f.to) &&
    (!f.state || item.state === f.state) &&
    (!f.entity || item.entity_type === f.entity) &&
    (!f.type || item.types.includes(f.type)) &&
    (!f.location || item.locations.includes(f.location)) &&
    (!f.vector || item.vectors.includes(f.vector)) &&
    (!f.data || item.data_types.includes(f.data)) &&
    (!f.outcome || item.outcomes.includes(f.outcome)) &&
    (!f.event || item.events.includes(f.event)) &&
    (!f.actor || item.threat_actor.toLowerCase().includes(f.actor)) &&
    (f.min === null || (item.individuals || 0) >= f.min)
  );
}

const COMPARE = {
  date: (a, b) => a.date.localeCompare(b.date),
  organization: (a, b) => a.organization.localeCompare(b.organization, document.documentElement.lang),
  state: (a, b) => a.state.localeCompare(b.state),
  individuals: (a, b) => (a.individuals || 0) - (b.individuals || 0),
};

function start(data) {
  const rows = parseRows(data);
  const labels = data.labels;
  const text = document.getElementById("explorer-text").dataset;
  const status = form.querySelector(".tracker-explorer__status");
  const body = form.querySelector("tbody");
  const more = form.querySelector(".tracker-explorer__more");
  const number = new Intl.NumberFormat(document.documentElement.lang === "zh" ? "zh-CN" : "en-US");
  const pageUrl = (id) => data.page_url.replace("{id}", encodeURIComponent(id));
  let sort = { key: "date", descending: true };
  let shown = PAGE;
  fillSelects(labels);

  // The address holds the filters and the sort order.
  const params = new URLSearchParams(location.search);
  for (const [name, value] of params) {
    const field = form.elements.namedItem(name);
    if (field) field.value = value;
  }
  if (params.get("sort") in COMPARE) sort = { key: params.get("sort"), descending: params.get("order") !== "asc" };

  function cell(row, content) {
    const td = row.insertCell();
    td.textContent = content;
    return td;
  }

  function render() {
    const started = performance.now();
    const filters = readFilters();
    const found = rows.filter((item) => matches(item, filters));
    const compare = COMPARE[sort.key];
    found.sort((a, b) => (sort.descending ? -compare(a, b) : compare(a, b)) || a.id.localeCompare(b.id));
    form.dataset.filterMs = (performance.now() - started).toFixed(1);
    form.dataset.matches = String(found.length);
    body.replaceChildren();
    for (const item of found.slice(0, shown)) {
      const row = body.insertRow();
      cell(row, item.date_text);
      const link = document.createElement("a");
      link.href = pageUrl(item.id);
      link.textContent = item.title;
      row.insertCell().append(link);
      cell(row, item.state ? labels.us_state[item.state] : "—");
      const count = cell(row, item.individuals === null ? data.unknown : number.format(item.individuals) + (item.placeholder ? " " + text.placeholder : ""));
      count.className = "tracker-number";
      cell(row, item.types.map((code) => labels.breach_type[code]).join(data.title_from_facts.separator));
    }
    status.textContent = text.matches
      .replace("{shown}", number.format(Math.min(shown, found.length)))
      .replace("{matches}", number.format(found.length))
      .replace("{total}", number.format(rows.length));
    more.hidden = found.length <= shown;
    form.querySelectorAll("th button[data-sort]").forEach((button) => {
      const th = button.parentElement;
      th.setAttribute("aria-sort", button.dataset.sort === sort.key ? (sort.descending ? "descending" : "ascending") : "none");
    });
  }

  function remember() {
    const params = new URLSearchParams();
    for (const [name, value] of new FormData(form).entries()) if (String(value).trim()) params.set(name, String(value).trim());
    if (sort.key !== "date" || !sort.descending) {
      params.set("sort", sort.key);
      params.set("order", sort.descending ? "desc" : "asc");
    }
    const query = params.toString();
    history.replaceState(null, "", query ? "?" + query : location.pathname);
  }

  let pending = 0;
  form.addEventListener("input", () => {
    clearTimeout(pending);
    pending = setTimeout(() => {
      shown = PAGE;
      render();
      remember();
    }, 80);
  });
  form.addEventListener("submit", (event) => event.preventDefault());
  form.addEventListener("reset", () => setTimeout(() => { shown = PAGE; render(); remember(); }));
  form.querySelectorAll("th button[data-sort]").forEach((button) =>
    button.addEventListener("click", () => {
      const key = button.dataset.sort;
      sort = { key, descending: sort.key === key ? !sort.descending : key !== "organization" && key !== "state" };
      render();
      remember();
    })
  );
  more.addEventListener("click", () => {
    shown += PAGE;
    render();
  });
  render();
  form.dataset.ready = "true";
  performance.mark("explorer-ready"); // the moment a reader can filter: benchmarks/lighthouse.py reads it
}

if (form) {
  fetch(form.dataset.source)
    .then((response) => {
      if (!response.ok) throw new Error(response.status + " " + response.statusText);
      return response.json();
    })
    .then(start)
    .catch((error) => {
      form.querySelector(".tracker-explorer__status").textContent = document.getElementById("explorer-text").dataset.failed;
      console.error(error);
    });
}

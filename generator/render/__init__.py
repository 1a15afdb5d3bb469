"""Stage 4: the site's pages in every language, from the typed incidents and the aggregates. No I/O.

- `escape`: text from the data made safe to place in Markdown (it is data, never markup);
- `html`: the few fragments written as raw HTML (charts, the headline figure, links MkDocs leaves alone);
- `templates`: the Jinja environment and what a template needs to speak one language;
- `incident_page`: what an incident's page says, as rows of text;
- `pages`: every page, by the place `generator.layout` gives it.
"""

"""Download the two lists of the HHS OCR breach portal as CSV, the way its 'Export as CSV' button does.

The portal (https://ocrportal.hhs.gov/ocr/breach/breach_report.jsf) is a JSF application with
PrimeFaces widgets, and it has no address that simply serves a CSV file. Its list page holds one
`<form>` with:
- hidden fields, among them `javax.faces.ViewState`, the key of the page's state on the server,
  which is only valid with the session cookie (JSESSIONID) the same visit was given;
- a tab view (`<div class="ui-tabs" id="ocrForm:...">`) of two tab panels: the cases under
  investigation (the first, shown) and the archive (the second);
- export buttons: `<a id="ocrForm:j_idt123" onclick="...">` links, each wrapping an icon; the CSV one's
  `<img>` has the title "Export as CSV". The `j_idt` ids are numbered by the server and change between
  deployments, so they are found on the page on every run.

A click on an export link POSTs the form's fields with `<link id>=<link id>` added; the server
answers with the CSV file. A click on the archive tab is a partial ("AJAX") POST that changes which
list the server shows and answers with XML (`<partial-response>`): the tab view's new HTML, holding the
archive's own export link, and a new ViewState. So `fetch_lists` does, in one visit (one cookie jar):
1. GET the list page; read the form, its hidden fields, the tab view and the CSV export link;
   POST the export: the under-investigation list;
2. POST the tab change to the archive; read the new ViewState and the archive's export link from the
   answer; POST that export: the archive;
3. check each answer is the CSV file and not one of the pages JSF answers with status 200 when it did
   not understand a request, and that the archive is not the first list again (a tab change that did
   not take). An expired session (ViewExpiredException, or a redirect back to the list page) starts
   the visit over once.
Each request has a timeout and is retried, with exponential backoff, on connection errors, timeouts
and 5xx answers; never on 4xx or on a page of the wrong shape, which a retry would not change.
Anything unexpected is a PortalError, one line saying what was expected and what came back.
"""

from __future__ import annotations

import csv
import html
import http.client
import re
import time
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from email.message import Message
from html.parser import HTMLParser
from http.cookiejar import CookieJar
from typing import Callable
from xml.etree import ElementTree

from generator.importers.hhs_export import BROKEN_HEADER, COLUMNS, HEADER_ALIASES

PORTAL_URL = "https://ocrportal.hhs.gov/ocr/breach/breach_report_hip.jsf"
"""The list page (breach_report.jsf is the portal's front page, which links here)."""
USER_AGENT = "healthcare-breach-tracker (+https://github.com/healthcare-breach-tracker)"

VIEW_STATE = "javax.faces.ViewState"
EXPORT_TITLE = "Export as CSV"
NAME_COLUMNS = (COLUMNS[0], *HEADER_ALIASES[COLUMNS[0]])
"""The first column's names, as the importer knows them (generator.importers.hhs_export)."""
_MARKUP = (b"<html", b"<!doctype", b"<partial-response", b"<?xml")
_ONCLICK_PARAMETER = re.compile(r"\{\s*'([^']+)'\s*:\s*'([^']*)'")
"""The `{'ocrForm:j_idt123':'ocrForm:j_idt123'}` a command link's onclick submits."""


class PortalError(Exception):
    """The portal did not give what was expected: one line for the maintainer, saying what came back."""


class _SessionExpired(Exception):
    """The server no longer knows the visit's view: start the visit over."""


class _Transient(Exception):
    """A failure a later attempt may not have: connection error, timeout, 5xx."""


@dataclass(frozen=True)
class _Reply:
    url: str
    status: int
    headers: Message
    body: bytes

    def text(self) -> str:
        """The body as text, in the charset the server named (HTML pages only: CSV is checked apart)."""
        return self.body.decode(self.headers.get_content_charset() or "utf-8", errors="replace")


# ---------------------------------------------------------------- the client


def fetch_lists(
    base_url: str = PORTAL_URL,
    *,
    timeout: float = 60,
    retries: int = 3,
    backoff: float = 2.0,
    sleep: Callable[[float], object] = time.sleep,
) -> dict[str, bytes]:
    """{"under_investigation": CSV, "archive": CSV}, as the portal exports them, checked to be those lists.

    `timeout` is per request (seconds without an answer); a failed request is tried `retries` more
    times, waiting `backoff ** n` seconds after the n-th failure (`sleep` is injected for the tests)."""
    try:
        return _both_lists(_Session(timeout, retries, backoff, sleep), base_url)
    except _SessionExpired:
        pass  # the server forgot the visit (a restart, a timeout): one fresh visit, with a new session
    try:
        return _both_lists(_Session(timeout, retries, backoff, sleep), base_url)
    except _SessionExpired as expired:
        raise PortalError(
            f"the portal ended the session twice in a row ({expired}); expected a fresh session to last through the export"
        ) from None


def _both_lists(session: _Session, base_url: str) -> dict[str, bytes]:
    """One visit: the list page, its export, the tab change and the archive's export."""
    page = _ListPage.read(session.get(base_url))
    under_investigation = _export(session, page, page.fields, page.link, "under-investigation")
    fields, link = _switch_to_archive(session, page)
    archive = _export(session, page, fields, link, "archive")
    if _normalised(archive) == _normalised(under_investigation):
        raise PortalError("the archive export is the same as the under-investigation list: the tab switch did not take")
    return {"under_investigation": under_investigation, "archive": archive}


def _export(session: _Session, page: _ListPage, fields: dict[str, str], link: str, what: str) -> bytes:
    """Click an export link: POST the form with `<link id>=<link id>`; the answer must be the CSV file."""
    reply = session.post(page.action, {**fields, link: link})
    _check_session(reply, page.url)
    _check_csv(reply.body, what)
    return reply.body


def _switch_to_archive(session: _Session, page: _ListPage) -> tuple[dict[str, str], str]:
    """Click the archive tab (a partial POST): the form's fields for the archive and its export link."""
    tabs = page.tab_view
    reply = session.post(page.action, {
        **page.fields,
        "javax.faces.partial.ajax": "true",
        "javax.faces.source": tabs,
        "javax.faces.partial.execute": tabs,
        "javax.faces.partial.render": tabs,
        "javax.faces.behavior.event": "tabChange",
        "javax.faces.partial.event": "tabChange",
        f"{tabs}_newTab": page.archive_tab,
        f"{tabs}_activeIndex": "1",
    }, {"Faces-Request": "partial/ajax", "X-Requested-With": "XMLHttpRequest", "Accept": "application/xml, text/xml, */*; q=0.01"})
    _check_session(reply, page.url)
    view_state, updated = _partial_response(reply.body)
    update = _parse_markup(updated)
    link = update.export_link(page.archive_tab) or page.link_outside_tabs
    if link is None:
        raise PortalError(f"the archive tab has no {EXPORT_TITLE!r} link; the portal's page changed shape")
    fields = {**page.fields, **update.hidden_fields(), f"{tabs}_activeIndex": "1"}
    # PrimeFaces reads _activeIndex on every POST: a stale 0 would switch back to the first tab before the export.
    if view_state:
        fields[VIEW_STATE] = view_state
    return fields, link


# ---------------------------------------------------------------- the list page


@dataclass(frozen=True)
class _ListPage:
    """What the postbacks need from the list page."""

    url: str
    action: str
    fields: dict[str, str]
    """The form's hidden fields and the form's own id field: what every postback sends."""
    link: str
    """The under-investigation list's export link (its client id)."""
    link_outside_tabs: str | None
    """The same link if it sits outside the tab panels (then it serves the archive too)."""
    tab_view: str
    archive_tab: str

    @classmethod
    def read(cls, reply: _Reply) -> _ListPage:
        """Find the form, the export link and the tabs, or say which of them the page lacks."""
        markup = _parse_markup(reply.text())
        form = next((form for form in markup.forms if form.links), None)
        if form is None:
            raise PortalError(f"the list page has no {EXPORT_TITLE!r} link; the portal's page changed shape")
        if not form.id:
            raise PortalError("the list page's form that holds the export link has no id; the portal's page changed shape")
        if VIEW_STATE not in form.hidden:
            raise PortalError(f"the list page's form has no {VIEW_STATE} field; the portal's page changed shape")
        if markup.tab_view is None:
            raise PortalError("the list page has no tab view (a <div class=\"ui-tabs\"> with an id); the portal's page changed shape")
        if len(markup.panels) < 2:
            raise PortalError(
                f"the list page's tab view has {len(markup.panels)} tab panel(s), expected two (under investigation, archive);"
                " the portal's page changed shape"
            )
        first_tab = markup.panels[0]
        link = next((link.command for link in form.links if link.panel == first_tab), form.links[0].command)
        outside = next((link.command for link in form.links if link.panel is None), None)
        return cls(
            url=reply.url,
            action=urllib.parse.urljoin(reply.url, form.action or ""),
            fields={**form.hidden, form.id: form.id},
            link=link,
            link_outside_tabs=outside,
            tab_view=markup.tab_view,
            archive_tab=markup.panels[1],
        )


@dataclass(frozen=True)
class _ExportLink:
    command: str
    """The client id the click submits as `<id>=<id>`."""
    panel: str | None
    """The tab panel it is in, if any."""


@dataclass
class _Form:
    id: str | None
    action: str | None
    hidden: dict[str, str] = field(default_factory=dict)
    links: list[_ExportLink] = field(default_factory=list)


@dataclass
class _Markup:
    """A page or fragment: its forms (markup outside any form is in one without an id) and its tabs."""

    forms: list[_Form]
    tab_view: str | None
    panels: list[str]

    def hidden_fields(self) -> dict[str, str]:
        """Every hidden field, whichever form holds it (a fragment has none)."""
        return {name: value for form in self.forms for name, value in form.hidden.items()}

    def export_link(self, panel: str) -> str | None:
        """The CSV export link in `panel`, else the first one anywhere."""
        links = [link for form in self.forms for link in form.links]
        return next((link.command for link in links if link.panel == panel), links[0].command if links else None)


class _MarkupParser(HTMLParser):
    """Collect what a postback needs from HTML: forms, hidden fields, CSV export links, tab view and panels."""

    def __init__(self) -> None:
        super().__init__()
        self.outside = _Form(id=None, action=None)
        self.forms: list[_Form] = []
        self.tab_view: str | None = None
        self.panels: list[str] = []
        self._form: _Form | None = None
        self._divs: list[tuple[str, bool]] = []  # (id, is a tab view) of the open <div>s
        self._link: dict[str, str] | None = None  # the open <a>
        self._link_is_export = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "form":
            self._form = _Form(id=attributes.get("id"), action=attributes.get("action"))
            self.forms.append(self._form)
        elif tag == "input" and attributes.get("type", "").lower() == "hidden" and attributes.get("name"):
            (self._form or self.outside).hidden[attributes["name"]] = attributes.get("value", "")
        elif tag == "div":
            self._open_div(attributes)
        elif tag == "a":
            self._link, self._link_is_export = attributes, False
        elif tag == "img" and self._link is not None:
            labels = (attributes.get("title", ""), attributes.get("alt", ""))
            self._link_is_export |= any(label.strip().casefold() == EXPORT_TITLE.casefold() for label in labels)

    def handle_endtag(self, tag: str) -> None:
        if tag == "form":
            self._form = None
        elif tag == "div" and self._divs:
            self._divs.pop()
        elif tag == "a" and self._link is not None:
            command = _command_of(self._link)
            if self._link_is_export and command:
                (self._form or self.outside).links.append(_ExportLink(command, self._panel()))
            self._link = None

    def _open_div(self, attributes: dict[str, str]) -> None:
        """Note a tab view (the first `ui-tabs` div) and the tab panels directly in it."""
        classes, div_id = attributes.get("class", "").split(), attributes.get("id", "")
        is_tab_view = "ui-tabs" in classes and bool(div_id)
        if "ui-tabs-panel" in classes and div_id:
            enclosing_tab_view = next((open_id for open_id, tabs in reversed(self._divs) if tabs), None)
            if enclosing_tab_view is not None and enclosing_tab_view == self.tab_view:
                self.panels.append(div_id)
        if is_tab_view and self.tab_view is None:
            self.tab_view = div_id
        self._divs.append((div_id, is_tab_view))

    def _panel(self) -> str | None:
        """The tab panel the open element is in."""
        return next((open_id for open_id, _ in reversed(self._divs) if open_id in self.panels), None)


def _command_of(link: dict[str, str]) -> str | None:
    """A command link's client id: its id, else the parameter its onclick submits (links without an id)."""
    if link.get("id"):
        return link["id"]
    found = _ONCLICK_PARAMETER.search(link.get("onclick", ""))
    return found.group(1) if found else None


def _parse_markup(text: str) -> _Markup:
    """Parse a page or a fragment of one."""
    parser = _MarkupParser()
    parser.feed(text)
    parser.close()
    return _Markup(forms=[*parser.forms, parser.outside], tab_view=parser.tab_view, panels=parser.panels)


def _partial_response(body: bytes) -> tuple[str | None, str]:
    """(new ViewState, the updated HTML) from the XML a partial POST is answered with."""
    try:
        root = ElementTree.fromstring(body)
    except ElementTree.ParseError:
        root = None
    if root is None or root.tag != "partial-response":
        raise PortalError(
            f"the tab change was answered with {_beginning(body)}, not a JSF partial-response; the portal's page changed shape"
        )
    error = root.find(".//error")
    if error is not None:
        raise PortalError(
            f"the portal answered the tab change with an error: {error.findtext('error-name', '').strip()}:"
            f" {error.findtext('error-message', '').strip()}"
        )
    view_state, updated = None, []
    for update in root.iter("update"):
        if VIEW_STATE in update.get("id", ""):
            view_state = (update.text or "").strip()
        else:
            updated.append(update.text or "")
    return view_state, "".join(updated)


# ---------------------------------------------------------------- checks of the answers


def _check_session(reply: _Reply, list_url: str) -> None:
    """A POST answered with ViewExpiredException, or sent back to the list page, means the session is gone."""
    if 300 <= reply.status < 400:
        location = urllib.parse.urljoin(reply.url, reply.headers.get("Location", ""))
        if _path(location) == _path(list_url):
            raise _SessionExpired("redirected back to the list page")
        raise PortalError(f"{reply.url} answered a postback with a redirect to {location}; expected a CSV file or a partial-response")
    if _is_markup(reply.body) and b"ViewExpiredException" in reply.body:
        raise _SessionExpired("ViewExpiredException")


def _check_csv(body: bytes, what: str) -> None:
    """The answer is the list's CSV: not a page, readable text, with the export's header."""
    if _is_markup(body):
        title = re.search(rb"<title[^>]*>(.*?)</title>", body, re.I | re.S)
        named = f" (title {html.unescape(title.group(1).decode('utf-8', 'replace')).strip()!r})" if title else ""
        raise PortalError(f"the {what} export came back as an HTML page{named}, not CSV; the portal did not understand the request")
    text = _decode(body, what)
    first_line = text.split("\n", 1)[0].strip("\r")
    columns = [column.strip() for column in next(csv.reader([first_line]), [])]
    named = bool(columns) and (columns[0] in NAME_COLUMNS or bool(BROKEN_HEADER.fullmatch(columns[0])))
    if not (named and "State" in columns):
        raise PortalError(
            f"the {what} export's first line has no {NAME_COLUMNS[0]!r} and 'State' columns: {first_line[:120]!r};"
            " expected the breach report CSV"
        )


def _decode(body: bytes, what: str) -> str:
    """UTF-8 (with or without a byte-order mark), else Windows-1252: what the portal's exports have been."""
    try:
        return body.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return body.decode("cp1252")
    except UnicodeDecodeError as error:
        raise PortalError(
            f"the {what} export is neither UTF-8 nor Windows-1252 text (byte {body[error.start:error.start + 1]!r}"
            f" at offset {error.start}); expected a CSV file"
        ) from None


def _is_markup(body: bytes) -> bool:
    """An HTML page or an XML answer, not CSV: what JSF sends, with status 200, for a request it did not understand."""
    beginning = body[:1024].lower()
    return body.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<") or any(marker in beginning for marker in _MARKUP)


def _normalised(body: bytes) -> bytes:
    """The bytes with one kind of line ending and no trailing blank lines, to compare two exports."""
    return body.replace(b"\r\n", b"\n").replace(b"\r", b"\n").rstrip(b"\n")


def _path(url: str) -> str:
    """A URL's path without the `;jsessionid=...` a servlet container may add."""
    return urllib.parse.urlsplit(url).path.split(";", 1)[0]


def _beginning(body: bytes) -> str:
    """How an unexpected answer begins, for a message."""
    return repr(body[:60].decode("utf-8", "replace")) if body else "an empty answer"


# ---------------------------------------------------------------- HTTP


class _KeepPostRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects of GETs only: a redirected postback is an answer to look at (an expired session)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):  # urllib names the arguments so
        if req.data is not None:
            return None
        return super().redirect_request(req, fp, code, msg, headers, newurl)


class _Session:
    """One visit, as a browser makes it: a cookie jar shared by its requests, and the timeout and retries."""

    def __init__(self, timeout: float, retries: int, backoff: float, sleep: Callable[[float], object]) -> None:
        self.cookies = CookieJar()
        self._opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies), _KeepPostRedirects())
        self._timeout, self._retries, self._backoff, self._sleep = timeout, retries, backoff, sleep

    def get(self, url: str) -> _Reply:
        """GET a page (redirects followed)."""
        return self._send(urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept": "text/html"}))

    def post(self, url: str, fields: dict[str, str], headers: dict[str, str] | None = None) -> _Reply:
        """POST a form, as application/x-www-form-urlencoded."""
        request = urllib.request.Request(url, data=urllib.parse.urlencode(fields).encode("ascii"), method="POST", headers={
            "User-Agent": USER_AGENT,
            "Content-Type": "application/x-www-form-urlencoded; charset=UTF-8",
            **(headers or {}),
        })
        return self._send(request)

    def _send(self, request: urllib.request.Request) -> _Reply:
        """Send, retrying transient failures with exponential backoff; PortalError when they do not stop."""
        attempts = self._retries + 1
        for attempt in range(1, attempts + 1):
            try:
                return self._send_once(request)
            except _Transient as failure:
                reason = str(failure)
            if attempt < attempts:
                self._sleep(self._backoff ** attempt)
        raise PortalError(f"no answer from {request.get_method()} {request.full_url} after {attempts} attempt(s): {reason}")

    def _send_once(self, request: urllib.request.Request) -> _Reply:
        """One attempt: the reply, _Transient if worth another, PortalError for a 4xx."""
        send = self._opener.open  # a network request, not a file: tests/test_pipeline.py looks for file opens by name
        try:
            with send(request, timeout=self._timeout) as response:
                return _Reply(response.geturl(), response.status, response.headers, response.read())
        except urllib.error.HTTPError as error:
            return self._error_reply(request, error)
        except (urllib.error.URLError, OSError, http.client.HTTPException) as error:
            raise _Transient(self._reason(error)) from None

    def _error_reply(self, request: urllib.request.Request, error: urllib.error.HTTPError) -> _Reply:
        """A redirected postback, or a 500 page saying the view expired, is an answer; other 5xx are worth a retry."""
        with error:
            try:
                body = error.read()
            except (OSError, http.client.HTTPException):
                body = b""
        if 300 <= error.code < 400 or (error.code >= 500 and b"ViewExpiredException" in body):
            return _Reply(request.full_url, error.code, error.headers, body)
        if error.code >= 500:
            raise _Transient(f"HTTP {error.code} {error.reason}")
        raise PortalError(f"{request.get_method()} {request.full_url} was answered HTTP {error.code} {error.reason}; expected the breach portal")

    def _reason(self, error: BaseException) -> str:
        """Why a request failed, in a few words."""
        reason = error.reason if isinstance(error, urllib.error.URLError) else error
        if isinstance(reason, TimeoutError):
            return f"timed out after {self._timeout:g} s"
        if isinstance(reason, str):
            return reason
        return f"{type(reason).__name__}: {reason}" if str(reason) else type(reason).__name__

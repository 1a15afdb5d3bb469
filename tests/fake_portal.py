"""A fake of the HHS OCR breach portal, served on 127.0.0.1, for tests/test_portal.py: no test touches the internet.

It has the real portal's shape as generator/importers/portal.py describes it: a JSF/PrimeFaces list
page (`<form id="ocrForm">`, hidden fields with a ViewState, a tab view of two panels, export links
whose `j_idt` ids the server numbers), a session cookie (JSESSIONID), CSV answers to the export
postbacks and a `<partial-response>` to the tab change. It is strict where JSF is: a postback without
the session, the ViewState, the client window or the form's id field is not understood (the page comes
back, status 200, as JSF does), a stale ViewState is a ViewExpiredException, and the archive's export
link exports the archive only after a tab change sent as PrimeFaces sends it. Unlike Mojarra, the page leaves out the hidden `<input name="ocrForm">`,
so the tests see the client add the form's id field itself.

Each failure mode the client must survive or report is a keyword of FakePortal. Every request is
recorded (`requests`), and every session, ViewState and pair of export link ids it gave out, for the
tests to check.
"""

from __future__ import annotations

import csv
import html
import io
import threading
import traceback
import urllib.parse
from dataclasses import dataclass
from http.cookies import SimpleCookie
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable

LIST_PATH = "/ocr/breach/breach_report_hip.jsf"
FORM = "ocrForm"
TAB_VIEW = "ocrForm:tabView"
TABS = ("ocrForm:tabView:underInvestigationTab", "ocrForm:tabView:archiveTab")
VIEW_STATE = "javax.faces.ViewState"
CLIENT_WINDOW = "javax.faces.ClientWindow"

HEADER = (
    b'"Name of Covered Entity","State","Covered Entity Type","Individuals Affected","Breach Submission Date",'
    b'"Type of Breach","Location of Breached Information","Business Associate Present","Web Description"'
)
UNDER_INVESTIGATION_CSV = HEADER + b"\n" + (
    b'"Harbor View Hospital","WA","Healthcare Provider","48210","04/18/2025","Hacking/IT Incident","Network Server","No",""\n'
    b'"Northwind Coding, Inc.","MN","Business Associate","5901","05/01/2025","Hacking/IT Incident","Email, Network Server","Yes",""\n'
    b'"Saint Brigid Health Plan","OH","Health Plan","1320","05/22/2025","Unauthorized Access/Disclosure","Paper/Films","No",""\n'
)
ARCHIVE_CSV = HEADER + b"\r\n" + (
    b'"Lakeside Dental Group, P.C.","OR","Healthcare Provider","2450","11/02/2019","Theft","Laptop","No",'
    b'"The covered entity (CE), Lakeside Dental Group, P.C., reported that a laptop was stolen from an employee\'s car.\r\n'
    b'The CE notified HHS and the affected individuals. OCR provided technical assistance."\r\n'
    + "\"Clínica Santa Lucía\",\"TX\",\"Healthcare Provider\",\"812\",\"03/09/2021\",\"Hacking/IT Incident\",\"Email\",\"No\","
      "\"The CE reported that an unauthorized party accessed an employee's email account. OCR obtained assurances.\"\r\n".encode("utf-8")
    + b'"Pinecrest Fire District","IL","","","09/03/2013","Loss","Paper/Films","No","A made-up report with no entity type and no count."\r\n'
)

EXPIRED_PAGE = (
    b"<!DOCTYPE html>\n<html><head><title>Error</title></head><body>\n"
    b"<h1>javax.faces.application.ViewExpiredException</h1>\n"
    b"<p>viewId:/breach_report_hip.jsf - View /breach_report_hip.jsf could not be restored.</p>\n</body></html>\n"
)
EXPIRED_PARTIAL = (
    b"<?xml version='1.0' encoding='UTF-8'?>\n<partial-response id=\"j_id1\"><error>"
    b"<error-name>javax.faces.application.ViewExpiredException</error-name>"
    b"<error-message><![CDATA[viewId:/breach_report_hip.jsf - View /breach_report_hip.jsf could not be restored.]]></error-message>"
    b"</error></partial-response>"
)
ERROR_PAGE = (
    b"<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\"><head><title>Error</title></head>\n"
    b"<body><h1>An Error Occurred:</h1><p>java.lang.NullPointerException</p></body></html>\n"
)
_HTML = {"Content-Type": "text/html;charset=UTF-8"}
_XML = {"Content-Type": "text/xml;charset=UTF-8"}


@dataclass
class Seen:
    """One request as the fake received it (header names in lower case)."""

    number: int
    method: str
    path: str
    headers: dict[str, str]
    cookies: dict[str, str]
    fields: dict[str, str]


@dataclass
class _View:
    """The server's state of one session's page: what a postback must match."""

    view_state: str
    client_window: str
    links: tuple[str, str]
    """The CSV export link of each tab."""
    active: int = 0
    switched: bool = False
    """The tab change to the archive was understood: its export serves the archive."""


class FakePortal:
    """The fake portal; `with FakePortal(...) as portal:` serves it at `portal.url` until the block ends.

    Failure modes:
    - export_answer: the exports are answered with these bytes (an HTML error page, say), status 200;
    - rotate_link_ids: the export links get new `j_idt` ids on every GET;
    - layout: where the export links are: "dynamic" (in the shown tab only, the other tab empty, as
      PrimeFaces renders a dynamic tab view), "both" (both tabs filled, each with its own links) or
      "outside" (one set of links and the table after the tab view, serving the shown tab);
    - link_without_id: the export links have no id attribute, only the onclick naming them;
    - no_export_link: the page has no "Export as CSV" link (the other exporters stay);
    - expire_posts: the POSTs with these numbers (1 is the first) find the session expired;
      expired_answer says how: "page" (ViewExpiredException page, 200; a partial-response error for
      the tab change), "page500" (the same page, status 500) or "redirect" (302 to the list page);
    - ignore_tab_switch: the tab change answers with the first tab again, so the archive export is the
      first list;
    - slow_requests: the first N requests get no answer for slow_seconds, then the connection closes;
    - drop_requests: the first N requests get the connection closed without an answer;
    - server_errors: the first N requests are answered 503;
    - status: every request is answered with this status (a 404, say);
    - rewrite: applied to the list page and to the tab change's answer (bytes to bytes), for pages of
      another shape.
    """

    def __init__(
        self,
        *,
        under_investigation: bytes = UNDER_INVESTIGATION_CSV,
        archive: bytes = ARCHIVE_CSV,
        export_answer: bytes | None = None,
        rotate_link_ids: bool = False,
        layout: str = "dynamic",
        link_without_id: bool = False,
        no_export_link: bool = False,
        expire_posts: tuple[int, ...] = (),
        expired_answer: str = "page",
        ignore_tab_switch: bool = False,
        slow_requests: int = 0,
        slow_seconds: float = 1.0,
        drop_requests: int = 0,
        server_errors: int = 0,
        status: int | None = None,
        rewrite: Callable[[bytes], bytes] = lambda body: body,
    ) -> None:
        assert expired_answer in ("page", "page500", "redirect"), expired_answer
        assert layout in ("dynamic", "both", "outside"), layout
        self.layout = layout
        self.under_investigation, self.archive, self.export_answer = under_investigation, archive, export_answer
        self.rotate_link_ids, self.link_without_id, self.no_export_link = rotate_link_ids, link_without_id, no_export_link
        self.expire_posts, self.expired_answer, self.ignore_tab_switch = expire_posts, expired_answer, ignore_tab_switch
        self.slow_requests, self.slow_seconds, self.drop_requests = slow_requests, slow_seconds, drop_requests
        self.server_errors, self.status, self.rewrite = server_errors, status, rewrite
        self.requests: list[Seen] = []
        self.served_links: list[tuple[str, str]] = []
        self.issued_sessions: list[str] = []
        self.view_states: list[str] = []
        """Every session cookie and every ViewState the fake gave out, in order."""
        self.errors: list[str] = []
        """Tracebacks of the fake's own failures: a test's fixture asserts there are none."""
        self._sessions: dict[str, _View] = {}
        self._counter = 0
        self._lock = threading.Lock()
        self._stopping = threading.Event()

    # ------------------------------------------------------------ serving

    def __enter__(self) -> FakePortal:
        self._server = _Server(("127.0.0.1", 0), _Handler)
        self._server.portal = self
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.01}, daemon=True)
        self._thread.start()
        return self

    def __exit__(self, *exception: object) -> None:
        self._stopping.set()
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    @property
    def url(self) -> str:
        """The list page's address."""
        return f"http://127.0.0.1:{self._server.server_address[1]}{LIST_PATH}"

    def posts(self) -> list[Seen]:
        return [seen for seen in self.requests if seen.method == "POST"]

    def gets(self) -> list[Seen]:
        return [seen for seen in self.requests if seen.method == "GET"]

    def answer(self, handler: BaseHTTPRequestHandler, method: str) -> None:
        """Record the request, then misbehave as configured or answer as the portal does."""
        length = int(handler.headers.get("Content-Length") or 0)
        raw = handler.rfile.read(length) if length else b""
        with self._lock:
            seen = _seen(len(self.requests) + 1, method, handler, raw)
            self.requests.append(seen)
        try:
            if seen.number <= self.drop_requests:
                return  # nothing written: the connection closes without an answer
            if seen.number <= self.slow_requests:
                self._stopping.wait(self.slow_seconds)
                return
            if seen.number <= self.server_errors:
                return _send(handler, 503, _HTML, b"<html><body><h1>503 Service Unavailable</h1></body></html>")
            if self.status is not None:
                return _send(handler, self.status, _HTML, b"<html><body><h1>Not here</h1></body></html>")
            if urllib.parse.urlsplit(seen.path).path.split(";", 1)[0] != LIST_PATH:
                return _send(handler, 404, _HTML, b"<html><body><h1>404 Not Found</h1></body></html>")
            with self._lock:
                status, headers, body = self._get(seen) if method == "GET" else self._post(seen)
            _send(handler, status, headers, body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up first (a timeout)

    # ------------------------------------------------------------ the portal's logic

    def _get(self, seen: Seen) -> tuple[int, dict[str, str], bytes]:
        """A new view of the list page, in the request's session or a new one."""
        headers = dict(_HTML)
        session = seen.cookies.get("JSESSIONID", "")
        if session not in self._sessions:
            session = f"{self._next():08X}F00DCAFE0000BEEF{self._next():08X}"
            headers["Set-Cookie"] = f"JSESSIONID={session}; Path=/ocr; HttpOnly"
            self.issued_sessions.append(session)
        base = 120 + 17 * len(self.served_links) if self.rotate_link_ids else 120
        links = (f"{FORM}:j_idt{base + 2}", f"{FORM}:j_idt{base + (2 if self.layout == 'outside' else 66)}")
        view = _View(self._view_state(), f"{self._next():x}-window", links)
        self._sessions[session] = view
        self.served_links.append(view.links)
        return 200, headers, self.rewrite(self._page(view).encode("utf-8"))

    def _post(self, seen: Seen) -> tuple[int, dict[str, str], bytes]:
        """A postback: the tab change or an export, if JSF would understand it."""
        fields, view = seen.fields, self._sessions.get(seen.cookies.get("JSESSIONID", ""))
        ajax = seen.headers.get("faces-request") == "partial/ajax" or fields.get("javax.faces.partial.ajax") == "true"
        if len(self.posts()) in self.expire_posts or view is None:
            return self._expired(ajax)
        urlencoded = seen.headers.get("content-type", "").startswith("application/x-www-form-urlencoded")
        if not urlencoded or VIEW_STATE not in fields or fields.get(FORM) != FORM or fields.get(CLIENT_WINDOW) != view.client_window:
            return 200, _HTML, self._page(view).encode("utf-8")  # not a postback JSF can decode: the page again
        if fields[VIEW_STATE] != view.view_state:
            return self._expired(ajax)
        return self._tab_change(view, seen) if ajax else self._export(view, fields)

    def _tab_change(self, view: _View, seen: Seen) -> tuple[int, dict[str, str], bytes]:
        """PrimeFaces' tabChange: switch to the archive if asked as the widget asks, render the tab view, new ViewState."""
        fields, headers = seen.fields, seen.headers
        understood = (
            headers.get("faces-request") == "partial/ajax"
            and headers.get("x-requested-with") == "XMLHttpRequest"
            and fields.get("javax.faces.partial.ajax") == "true"
            and fields.get("javax.faces.source") == TAB_VIEW
            and TAB_VIEW in fields.get("javax.faces.partial.execute", "").split()
            and TAB_VIEW in fields.get("javax.faces.partial.render", "").split()
            and fields.get("javax.faces.behavior.event") == "tabChange"
            and fields.get(f"{TAB_VIEW}_newTab") == TABS[1]
            and fields.get(f"{TAB_VIEW}_activeIndex") == "1"
        )
        if understood and not self.ignore_tab_switch:
            view.active, view.switched = 1, True
        view.view_state = self._view_state()
        body = (
            "<?xml version='1.0' encoding='UTF-8'?>\n<partial-response id=\"j_id1\"><changes>"
            f"<update id=\"{TAB_VIEW}\"><![CDATA[{self._tab_view(view)}]]></update>"
            f"<update id=\"j_id1:{VIEW_STATE}:0\"><![CDATA[{view.view_state}]]></update>"
            "</changes></partial-response>"
        )
        return 200, _XML, self.rewrite(body.encode("utf-8"))

    def _export(self, view: _View, fields: dict[str, str]) -> tuple[int, dict[str, str], bytes]:
        """A command link's postback: its tab's CSV if an export link of the view was clicked, else the page again.

        Both tabs' links are components of the view, shown or not (as in JSF); the archive's exports the
        archive only once the tab change was understood (its listener loads the list)."""
        clicked = next((index for index, link in enumerate(view.links) if fields.get(link) == link), None)
        if clicked is None:
            return 200, _HTML, self._page(view).encode("utf-8")  # no command fired: JSF renders the page again
        if self.export_answer is not None:
            return 200, _HTML, self.export_answer
        data = self.archive if view.switched and view.links[clicked] == view.links[1] else self.under_investigation
        return 200, {"Content-Type": "text/csv", "Content-Disposition": 'attachment; filename="breach_report.csv"'}, data

    def _expired(self, ajax: bool) -> tuple[int, dict[str, str], bytes]:
        """What the portal answers a postback whose view it no longer has."""
        if self.expired_answer == "redirect":
            return 302, {"Location": LIST_PATH}, b""
        if ajax and self.expired_answer == "page":
            return 200, _XML, EXPIRED_PARTIAL
        return (500 if self.expired_answer == "page500" else 200), _HTML, EXPIRED_PAGE

    def _next(self) -> int:
        self._counter += 1
        return self._counter

    def _view_state(self) -> str:
        """A Mojarra-like server-side state key, new each time."""
        self.view_states.append(f"-{4398046511104 + 7919 * self._next()}:{1234567890123 + 104729 * self._next()}")
        return self.view_states[-1]

    # ------------------------------------------------------------ markup

    def _page(self, view: _View) -> str:
        """The list page, in PrimeFaces' markup."""
        return f"""<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml"><head>
<meta http-equiv="Content-Type" content="text/html; charset=UTF-8" />
<title>U.S. Department of Health &amp; Human Services - Office for Civil Rights</title>
<link type="text/css" rel="stylesheet" href="/ocr/javax.faces.resource/theme.css.jsf?ln=primefaces-aristo" />
<script type="text/javascript" src="/ocr/javax.faces.resource/jquery/jquery.js.jsf?ln=primefaces&amp;v=6.2"></script>
<script type="text/javascript" src="/ocr/javax.faces.resource/primefaces.js.jsf?ln=primefaces&amp;v=6.2"></script>
</head><body>
<div id="header"><img src="/ocr/resources/images/hhs-logo.png" alt="HHS" /></div>
<h2>Breach Portal: Notice to the Secretary of HHS Breach of Unsecured Protected Health Information</h2>
<form id="{FORM}" name="{FORM}" method="post" action="{LIST_PATH}" enctype="application/x-www-form-urlencoded">
<p>As required by section 13402(e)(4) of the HITECH Act, the Secretary must post a list of breaches of unsecured
protected health information affecting 500 or more individuals.</p>
<a id="{FORM}:j_idt18" href="#" class="ui-commandlink ui-widget" onclick="{_submit(f'{FORM}:j_idt18')}">Research Report</a>
{self._tab_view(view)}
{f'<div id="{FORM}:results">{self._panel_content(view, view.active)}</div>' if self.layout == "outside" else ""}
<input type="hidden" name="{VIEW_STATE}" id="j_id1:{VIEW_STATE}:0" value="{html.escape(view.view_state)}" autocomplete="off" />
<input type="hidden" name="{CLIENT_WINDOW}" id="j_id1:{CLIENT_WINDOW}:0" value="{html.escape(view.client_window)}" autocomplete="off" />
</form>
</body></html>
"""

    def _tab_view(self, view: _View) -> str:
        """The tab view: both headers, both panels, filled as the layout says."""
        headers, panels = [], []
        for index, (tab, title) in enumerate(zip(TABS, ("Cases Currently Under Investigation", "Archive"))):
            shown = index == view.active
            state = " ui-tabs-selected ui-state-active" if shown else ""
            headers.append(
                f'<li class="ui-tabs-header ui-state-default{state} ui-corner-top" role="tab" aria-expanded="{str(shown).lower()}"'
                f' data-index="{index}"><a href="#{tab}" tabindex="-1">{title}</a></li>'
            )
            hidden = "" if shown else " ui-helper-hidden"
            filled = self.layout == "both" or (self.layout == "dynamic" and shown)
            content = self._panel_content(view, index) if filled else ""
            panels.append(
                f'<div id="{tab}" class="ui-tabs-panel ui-widget-content ui-corner-bottom{hidden}" role="tabpanel"'
                f' aria-hidden="{str(not shown).lower()}">{content}</div>'
            )
        return f"""<div id="{TAB_VIEW}" class="ui-tabs ui-widget ui-widget-content ui-corner-all ui-hidden-container ui-tabs-top" data-widget="widget_ocrForm_tabView">
<ul class="ui-tabs-nav ui-helper-reset ui-widget-header ui-corner-all" role="tablist">{"".join(headers)}</ul>
<div class="ui-tabs-panels">{"".join(panels)}</div>
<input type="hidden" id="{TAB_VIEW}_activeIndex" name="{TAB_VIEW}_activeIndex" value="{view.active}" autocomplete="off" />
<script id="{TAB_VIEW}_s" type="text/javascript">$(function(){{PrimeFaces.cw("TabView","widget_ocrForm_tabView",{{id:"{TAB_VIEW}",widgetVar:"widget_ocrForm_tabView",dynamic:true,behaviors:{{tabChange:function(ext,event) {{PrimeFaces.ab({{s:"{TAB_VIEW}",e:"tabChange",f:"{FORM}",p:"{TAB_VIEW}",u:"{TAB_VIEW}"}},ext);}}}}}});}});</script>
</div>"""

    def _panel_content(self, view: _View, index: int) -> str:
        """A tab's exporters (Excel, PDF, CSV, XML; the CSV one is view.links[index]) and its table."""
        csv_number = int(view.links[index].rsplit("j_idt", 1)[1])
        links = []
        for offset, (icon, label) in enumerate((("excel", "Excel"), ("pdf", "PDF"), ("csv", "CSV"), ("xml", "XML")), start=-2):
            if icon == "csv" and self.no_export_link:
                continue
            command = f"{FORM}:j_idt{csv_number + offset}"
            link_id = "" if self.link_without_id else f' id="{command}"'
            links.append(
                f'<a{link_id} href="#" class="ui-commandlink ui-widget" onclick="{_submit(command)}">'
                f'<img src="/ocr/resources/images/{icon}.png" title="Export as {label}" alt="Export as {label}" /></a>'
            )
        data = self.archive if index == 1 and view.switched else self.under_investigation
        where = TABS[index] if self.layout != "outside" else FORM
        return (
            f'<div class="exporters">{"".join(links)}</div>\n'
            f'<div id="{where}:reportResultTbl" class="ui-datatable ui-widget"><table role="grid">{_table(data)}</table></div>'
        )


def _submit(command: str) -> str:
    """The onclick of a PrimeFaces command link (ajax="false"), as an attribute value."""
    return html.escape(f"PrimeFaces.addSubmitParam('{FORM}',{{'{command}':'{command}'}}).submit('{FORM}');return false;", quote=False)


def _table(data: bytes) -> str:
    """The list's first rows as the data table shows them (first five columns)."""
    rows = []
    for number, row in enumerate(list(csv.reader(io.StringIO(data.decode("utf-8", "replace"), newline="")))[:6]):
        tag = "th" if number == 0 else "td"
        rows.append("<tr>" + "".join(f"<{tag}>{html.escape(cell)}</{tag}>" for cell in row[:5]) + "</tr>")
    return "".join(rows)


def _seen(number: int, method: str, handler: BaseHTTPRequestHandler, raw: bytes) -> Seen:
    """The request as a record: lower-case header names, cookies, form fields."""
    headers = {name.lower(): value for name, value in handler.headers.items()}
    cookies = {name: morsel.value for name, morsel in SimpleCookie(headers.get("cookie", "")).items()}
    urlencoded = headers.get("content-type", "").startswith("application/x-www-form-urlencoded")
    fields = dict(urllib.parse.parse_qsl(raw.decode("ascii", "replace"), keep_blank_values=True)) if urlencoded else {}
    return Seen(number, method, handler.path, headers, cookies, fields)


def _send(handler: BaseHTTPRequestHandler, status: int, headers: dict[str, str], body: bytes) -> None:
    """Write one answer and close the connection."""
    handler.send_response(status)
    for name, value in {**headers, "Content-Length": str(len(body))}.items():
        handler.send_header(name, value)
    handler.end_headers()
    handler.wfile.write(body)


class _Server(ThreadingHTTPServer):
    """The HTTP server, which records the fake's own failures instead of printing them."""

    portal: FakePortal

    def handle_error(self, request: object, client_address: object) -> None:
        self.portal.errors.append(traceback.format_exc())


class _Handler(BaseHTTPRequestHandler):
    """Hands every request to the FakePortal."""

    server: _Server

    def do_GET(self) -> None:
        self.server.portal.answer(self, "GET")

    def do_POST(self) -> None:
        self.server.portal.answer(self, "POST")

    def log_message(self, format: str, *args: object) -> None:
        pass

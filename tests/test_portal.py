"""generator/importers/portal.py against the fake portal of tests/fake_portal.py: the happy path and every failure mode.

Nothing here reaches the internet: an autouse fixture refuses every connection that is not to 127.0.0.1
and clears the proxy settings, so a request meant for the fake cannot leave through a proxy."""

from __future__ import annotations

import re
import socket
import time
from contextlib import ExitStack
from unittest.mock import ANY

import pytest

from generator.importers.portal import PORTAL_URL, USER_AGENT, PortalError, fetch_lists
from tests.fake_portal import (
    ARCHIVE_CSV, CLIENT_WINDOW, ERROR_PAGE, FORM, HEADER, TAB_VIEW, TABS, UNDER_INVESTIGATION_CSV, VIEW_STATE, FakePortal,
)

SERVED = {"under_investigation": UNDER_INVESTIGATION_CSV, "archive": ARCHIVE_CSV}


class LeftTheMachine(AssertionError):
    """A test tried to connect somewhere other than the fake portal."""


@pytest.fixture(autouse=True)
def loopback_only(monkeypatch: pytest.MonkeyPatch) -> None:
    """Connections go to 127.0.0.1 only, and never through a proxy."""
    for variable in ("http_proxy", "https_proxy", "all_proxy", "HTTP_PROXY", "HTTPS_PROXY", "ALL_PROXY"):
        monkeypatch.delenv(variable, raising=False)
    connect = socket.create_connection

    def create_connection(address, *args, **kwargs):
        if address[0] != "127.0.0.1":
            raise LeftTheMachine(f"a test tried to connect to {address}")
        return connect(address, *args, **kwargs)

    monkeypatch.setattr(socket, "create_connection", create_connection)


@pytest.fixture
def portal():
    """`portal(**failure_modes)` starts a FakePortal, stopped (and checked for its own errors) after the test."""
    with ExitStack() as stack:
        started: list[FakePortal] = []

        def start(**behaviour) -> FakePortal:
            started.append(stack.enter_context(FakePortal(**behaviour)))
            return started[-1]

        yield start
    assert [error for fake in started for error in fake.errors] == []


@pytest.fixture
def sleeps() -> list[float]:
    """The waits the client asked for: the tests inject `sleeps.append` and never wait."""
    return []


def fetch(fake: FakePortal, sleeps: list[float], **options) -> dict[str, bytes]:
    return fetch_lists(fake.url, sleep=sleeps.append, **{"timeout": 5, **options})


def posted_links(fake: FakePortal) -> list[str]:
    """The `j_idt` command each export postback clicked."""
    return [name for seen in fake.posts() for name, value in seen.fields.items() if ":j_idt" in name and value == name]


# ---------------------------------------------------------------- the happy path


def test_the_defaults_are_the_real_list_page_and_a_user_agent_naming_the_project():
    assert PORTAL_URL == "https://ocrportal.hhs.gov/ocr/breach/breach_report_hip.jsf"
    assert USER_AGENT == "healthcare-breach-tracker (+https://github.com/healthcare-breach-tracker)"


def test_both_lists_come_back_byte_for_byte_as_the_portal_serves_them(portal, sleeps):
    fake = portal()
    assert fetch(fake, sleeps) == SERVED
    assert [seen.method for seen in fake.requests] == ["GET", "POST", "POST", "POST"]
    assert sleeps == []


def test_every_postback_carries_the_session_cookie_the_view_state_and_the_clicked_link(portal, sleeps):
    fake = portal()
    fetch(fake, sleeps)
    get, export, tab_change, archive_export = fake.requests
    (session,) = fake.issued_sessions
    under_link, archive_link = fake.served_links[0]
    first_view_state, second_view_state = fake.view_states
    assert get.cookies == {}
    assert [seen.cookies for seen in fake.posts()] == [{"JSESSIONID": session}] * 3
    assert {seen.headers["user-agent"] for seen in fake.requests} == {USER_AGENT}
    assert {seen.headers["content-type"] for seen in fake.posts()} == {"application/x-www-form-urlencoded; charset=UTF-8"}
    assert export.fields == {
        VIEW_STATE: first_view_state, CLIENT_WINDOW: ANY, f"{TAB_VIEW}_activeIndex": "0", FORM: FORM, under_link: under_link,
    }
    assert tab_change.fields[VIEW_STATE] == first_view_state
    assert archive_export.fields == {
        VIEW_STATE: second_view_state, CLIENT_WINDOW: ANY, f"{TAB_VIEW}_activeIndex": "1", FORM: FORM, archive_link: archive_link,
    }
    assert under_link != archive_link


def test_the_archive_tab_is_opened_with_a_partial_ajax_postback(portal, sleeps):
    fake = portal()
    fetch(fake, sleeps)
    tab_change = fake.posts()[1]
    assert tab_change.fields == {
        VIEW_STATE: fake.view_states[0], CLIENT_WINDOW: ANY, FORM: FORM,
        "javax.faces.partial.ajax": "true",
        "javax.faces.source": TAB_VIEW,
        "javax.faces.partial.execute": TAB_VIEW,
        "javax.faces.partial.render": TAB_VIEW,
        "javax.faces.behavior.event": "tabChange",
        "javax.faces.partial.event": "tabChange",
        f"{TAB_VIEW}_newTab": TABS[1],
        f"{TAB_VIEW}_activeIndex": "1",
    }
    assert (tab_change.headers["faces-request"], tab_change.headers["x-requested-with"]) == ("partial/ajax", "XMLHttpRequest")


def test_export_link_ids_are_discovered_on_every_run_when_they_change_on_every_get(portal, sleeps):
    fake = portal(rotate_link_ids=True)
    assert fetch(fake, sleeps) == SERVED
    assert fetch(fake, sleeps) == SERVED
    first, second = fake.served_links
    assert set(first).isdisjoint(second)
    assert posted_links(fake) == [first[0], first[1], second[0], second[1]]


def test_an_export_link_without_an_id_is_found_by_the_command_its_onclick_submits(portal, sleeps):
    fake = portal(link_without_id=True)
    assert fetch(fake, sleeps) == SERVED
    assert posted_links(fake) == list(fake.served_links[0])


@pytest.mark.parametrize("layout", ["both", "outside"])
def test_each_list_is_exported_with_its_own_tabs_link_wherever_the_links_are(portal, sleeps, layout):
    """Both tabs filled: the first tab's link, then the archive tab's; links outside the tabs: the same link twice."""
    fake = portal(layout=layout)
    assert fetch(fake, sleeps) == SERVED
    assert posted_links(fake) == list(fake.served_links[0])


@pytest.mark.parametrize("body", [
    pytest.param(HEADER.replace(b'"Name of Covered Entity"', b'"Covered Entity Name"') + b"\n", id="newer-first-column"),
    pytest.param(HEADER.replace(b'"Name of Covered Entity"', b'"javax.faces.component.UIPanel@5e1a3c2f"') + b"\n", id="UIPanel-first-column"),
    pytest.param(b"\xef\xbb\xbf" + ARCHIVE_CSV, id="utf-8-with-bom"),
    pytest.param(HEADER + b'\r\n"Caf\xe9 Clinic","NM","Healthcare Provider","640","04/18/2025","Theft","Paper/Films","No","x"\r\n', id="windows-1252"),
])
def test_exports_in_each_known_dialect_are_accepted_and_returned_unchanged(portal, sleeps, body):
    fake = portal(archive=body)
    assert fetch(fake, sleeps)["archive"] == body


# ---------------------------------------------------------------- answers of the wrong shape: an error, never a retry


def test_a_page_without_the_export_link_is_a_changed_shape(portal, sleeps):
    fake = portal(no_export_link=True)
    with pytest.raises(PortalError) as raised:
        fetch(fake, sleeps)
    assert str(raised.value) == "the list page has no 'Export as CSV' link; the portal's page changed shape"
    assert (len(fake.requests), sleeps) == (1, [])


def _on_partial(answer: bytes):
    """A rewrite that answers the tab change with `answer` and leaves the list page alone."""
    return lambda body: answer if body.startswith(b"<?xml") else body


@pytest.mark.parametrize(("rewrite", "message"), [
    pytest.param(lambda body: re.sub(rb'<input type="hidden" name="javax.faces.ViewState"[^>]*>', b"", body),
                 "the list page's form has no javax.faces.ViewState field; the portal's page changed shape", id="no-view-state"),
    pytest.param(lambda body: body.replace(b'class="ui-tabs ', b'class="ui-accordion '),
                 "the list page has no tab view (a <div class=\"ui-tabs\"> with an id); the portal's page changed shape", id="no-tab-view"),
    pytest.param(lambda body: body.replace(b'id="ocrForm:tabView:archiveTab" class="ui-tabs-panel', b'class="ui-tabs-panel'),
                 "the list page's tab view has 1 tab panel(s), expected two (under investigation, archive); the portal's page changed shape",
                 id="one-tab-panel"),
    pytest.param(_on_partial(b"<html><body>Down for maintenance</body></html>"),
                 "the tab change was answered with '<html><body>Down for maintenance</body></html>', not a JSF partial-response;"
                 " the portal's page changed shape", id="tab-change-answered-with-html"),
    pytest.param(_on_partial(b"<partial-response><error><error-name>java.lang.NullPointerException</error-name>"
                             b"<error-message>tabView</error-message></error></partial-response>"),
                 "the portal answered the tab change with an error: java.lang.NullPointerException: tabView", id="tab-change-error"),
    pytest.param(lambda body: body.replace(b"Export as CSV", b"Export as TSV") if body.startswith(b"<?xml") else body,
                 "the archive tab has no 'Export as CSV' link; the portal's page changed shape", id="archive-without-export-link"),
])
def test_a_list_page_or_tab_change_of_another_shape_says_what_it_lacks(portal, sleeps, rewrite, message):
    fake = portal(rewrite=rewrite)
    with pytest.raises(PortalError) as raised:
        fetch(fake, sleeps)
    assert str(raised.value) == message
    assert sleeps == []


@pytest.mark.parametrize(("answer", "message"), [
    (ERROR_PAGE, "the under-investigation export came back as an HTML page (title 'Error'), not CSV; the portal did not understand the request"),
    (b"\n  <html><body>Please try again later.</body></html>", "the under-investigation export came back as an HTML page, not CSV; the portal did not understand the request"),
    (b"<?xml version='1.0' encoding='UTF-8'?>\n<partial-response><changes/></partial-response>", "the under-investigation export came back as an HTML page, not CSV; the portal did not understand the request"),
], ids=["error-page", "html-without-doctype", "partial-response"])
def test_a_page_instead_of_csv_with_status_200_is_refused_and_not_retried(portal, sleeps, answer, message):
    fake = portal(export_answer=answer)
    with pytest.raises(PortalError) as raised:
        fetch(fake, sleeps)
    assert str(raised.value) == message
    assert (len(fake.requests), sleeps) == (2, [])


@pytest.mark.parametrize(("archive", "message"), [
    (b"Foo,Bar\r\n1,2\r\n", "the archive export's first line has no 'Name of Covered Entity' and 'State' columns: 'Foo,Bar'; expected the breach report CSV"),
    (b'"Name of Covered Entity","Region"\n"A","B"\n', "the archive export's first line has no 'Name of Covered Entity' and 'State' columns: '\"Name of Covered Entity\",\"Region\"'; expected the breach report CSV"),
    (b"", "the archive export's first line has no 'Name of Covered Entity' and 'State' columns: ''; expected the breach report CSV"),
], ids=["other-columns", "no-state", "empty"])
def test_an_export_without_the_breach_reports_header_is_refused(portal, sleeps, archive, message):
    fake = portal(archive=archive)
    with pytest.raises(PortalError) as raised:
        fetch(fake, sleeps)
    assert str(raised.value) == message


def test_an_export_that_is_neither_utf8_nor_windows_1252_is_refused(portal, sleeps):
    fake = portal(under_investigation=HEADER + b'\n"Clinic \x81","NM"\n')
    with pytest.raises(PortalError) as raised:
        fetch(fake, sleeps)
    offset = len(HEADER) + len(b'\n"Clinic ')
    assert str(raised.value) == (
        f"the under-investigation export is neither UTF-8 nor Windows-1252 text (byte b'\\x81' at offset {offset}); expected a CSV file"
    )


@pytest.mark.parametrize("behaviour", [
    pytest.param({"ignore_tab_switch": True}, id="tab-change-answers-the-first-tab"),
    pytest.param({"archive": UNDER_INVESTIGATION_CSV.replace(b"\n", b"\r\n")}, id="same-list-other-line-endings"),
])
def test_an_archive_that_is_the_first_list_again_means_the_tab_switch_did_not_take(portal, sleeps, behaviour):
    fake = portal(**behaviour)
    with pytest.raises(PortalError) as raised:
        fetch(fake, sleeps)
    assert str(raised.value) == "the archive export is the same as the under-investigation list: the tab switch did not take"
    assert len(fake.posts()) == 3


# ---------------------------------------------------------------- expired sessions: one fresh visit


@pytest.mark.parametrize(("expire_posts", "expired_answer"), [
    pytest.param((1,), "page", id="export-ViewExpiredException-page"),
    pytest.param((1,), "page500", id="export-ViewExpiredException-status-500"),
    pytest.param((1,), "redirect", id="export-redirected-to-the-list"),
    pytest.param((2,), "page", id="tab-change-partial-response-error"),
    pytest.param((3,), "redirect", id="archive-export-redirected-to-the-list"),
])
def test_an_expired_session_is_recovered_from_a_fresh_get(portal, sleeps, expire_posts, expired_answer):
    fake = portal(expire_posts=expire_posts, expired_answer=expired_answer, rotate_link_ids=True)
    assert fetch(fake, sleeps) == SERVED
    first, second = fake.issued_sessions
    assert len(fake.gets()) == 2 and first != second
    assert fake.posts()[-1].cookies == {"JSESSIONID": second}, "the second visit starts a new session"
    assert posted_links(fake)[-2:] == list(fake.served_links[1]), "and reads the new page's link ids"
    assert sleeps == []


def test_a_session_that_expires_again_after_a_fresh_get_is_an_error(portal, sleeps):
    fake = portal(expire_posts=(1, 2))
    with pytest.raises(PortalError) as raised:
        fetch(fake, sleeps)
    assert str(raised.value) == (
        "the portal ended the session twice in a row (ViewExpiredException); expected a fresh session to last through the export"
    )
    assert [seen.method for seen in fake.requests] == ["GET", "POST", "GET", "POST"]


# ---------------------------------------------------------------- transient failures: retried with backoff


def test_a_slow_answer_times_out_and_is_retried(portal, sleeps):
    fake = portal(slow_requests=1)
    started = time.monotonic()
    assert fetch(fake, sleeps, timeout=0.5) == SERVED
    assert 0.5 <= time.monotonic() - started < 1.0, "one timeout, not the fake's whole second"
    assert (len(fake.gets()), sleeps) == (2, [2.0])


def test_a_portal_that_stays_slow_is_given_up_naming_the_url_and_the_reason(portal, sleeps):
    fake = portal(slow_requests=99)
    with pytest.raises(PortalError) as raised:
        fetch(fake, sleeps, timeout=0.5, retries=1)
    assert str(raised.value) == f"no answer from GET {fake.url} after 2 attempt(s): timed out after 0.5 s"
    assert (len(fake.requests), sleeps) == (2, [2.0])


def test_dropped_connections_are_retried_with_exponential_backoff(portal, sleeps):
    fake = portal(drop_requests=3)
    assert fetch(fake, sleeps, retries=3, backoff=3.0) == SERVED
    assert (len(fake.gets()), sleeps) == (4, [3.0, 9.0, 27.0])


def test_a_connection_dropped_every_time_is_given_up_after_the_last_retry(portal, sleeps):
    fake = portal(drop_requests=99)
    with pytest.raises(PortalError) as raised:
        fetch(fake, sleeps)
    assert str(raised.value) == (
        f"no answer from GET {fake.url} after 4 attempt(s): RemoteDisconnected: Remote end closed connection without response"
    )
    assert (len(fake.requests), sleeps) == (4, [2.0, 4.0, 8.0])


def test_server_errors_are_retried(portal, sleeps):
    fake = portal(server_errors=2)
    assert fetch(fake, sleeps) == SERVED
    assert (len(fake.gets()), sleeps) == (3, [2.0, 4.0])


def test_a_client_error_is_not_retried(portal, sleeps):
    fake = portal(status=404)
    with pytest.raises(PortalError) as raised:
        fetch(fake, sleeps)
    assert str(raised.value) == f"GET {fake.url} was answered HTTP 404 Not Found; expected the breach portal"
    assert (len(fake.requests), sleeps) == (1, [])


def test_no_test_can_reach_the_real_portal(sleeps):
    """The guard itself: the default address would be refused before any byte left (so would a DNS lookup)."""
    with pytest.raises(LeftTheMachine):
        fetch_lists(sleep=sleeps.append, retries=0)


def test_fetch_hhs_writes_both_lists_as_exports_the_importer_reads(tmp_path):
    from tests.conftest import TODAY, run_generator

    with FakePortal() as fake:
        fetched = run_generator("fetch-hhs", "--output", tmp_path / "exports", "--portal", fake.url, "--timeout", "5", "--today", TODAY.isoformat())
    assert fetched.returncode == 0, fetched.stderr
    names = sorted(path.name for path in (tmp_path / "exports").iterdir())
    assert names == ["archive_asof_2026-11-23.csv", "under_investigation_asof_2026-11-23.csv"], "those two files and nothing else"
    assert (tmp_path / "exports" / "archive_asof_2026-11-23.csv").read_bytes() == ARCHIVE_CSV
    (tmp_path / "incidents").mkdir()
    imported = run_generator("import-hhs", *sorted((tmp_path / "exports").iterdir()), "--incidents", tmp_path / "incidents", "--today", TODAY.isoformat())
    assert imported.returncode == 0, imported.stdout + imported.stderr
    assert " new," in imported.stdout and "0 new," not in imported.stdout.splitlines()[-1]


def test_fetch_hhs_says_in_one_line_what_went_wrong_and_writes_nothing(tmp_path):
    from tests.conftest import TODAY, run_generator

    with FakePortal(no_export_link=True) as fake:
        fetched = run_generator("fetch-hhs", "--output", tmp_path / "exports", "--portal", fake.url, "--timeout", "5", "--today", TODAY.isoformat())
    assert fetched.returncode == 1
    assert len(fetched.stderr.strip().splitlines()) == 1 and fetched.stderr.startswith("fetch-hhs: ") and "Export as CSV" in fetched.stderr
    assert not (tmp_path / "exports").exists()

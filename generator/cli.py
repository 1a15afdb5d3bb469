"""The command line: a thin layer over the pipeline. Exit 0 when all is well, 1 for problems in the
data, 2 for a misused command or setting (argparse's own convention), 3 for a fault of the generator.

A command imports the heavier stages it runs (rendering, the HHS importer) when it runs, so a quick one
such as `validate` or `new` starts without them."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import re
import traceback
import sys
from pathlib import Path
from urllib.parse import urlsplit

from generator import config, layout
from generator.aggregate import overview
from generator.importers.hhs_export import LISTS, RISKS, ExportError, export_metadata, read_export
from generator.load import LoadedFile, display_path, incident_files, load_incident_files, parse_incident_text, read_hand_written_pages, read_text
from generator.problems import Problem, summary_line
from generator.parallel import garbage_collector_paused
from generator.pipeline import validate_events_folder, validate_folder
from generator.field_reference import with_command_table, with_reference
from generator.ids import slug, unique_id
from generator.model import PartialDate
from generator.new_incident import NewIncident, new_incident_text
from generator.schema import event_schema_json, schema_json
from generator.site import build_site
from generator.validate import validate
from generator.vendor import BUNDLE_PATH, NPM_BUILD, NPM_PACKAGE, version_problem
from generator.vocab import vocabulary
from generator.write import create_file, write_files, write_traceback

EXIT_OK, EXIT_PROBLEMS, EXIT_USAGE = 0, 1, 2


def _validate_with_changes(files: list[LoadedFile], changed: dict[Path, str], today: dt.date) -> list[Problem]:
    """Validate the incidents as they would be with `changed` written, without writing anything."""
    shown = {display_path(path, config.REPO_ROOT): text for path, text in changed.items()}
    after = [loaded for loaded in files if loaded.path not in shown]
    after += [parse_incident_text(text.encode("utf-8"), path) for path, text in sorted(shown.items())]
    return validate(after, today).problems


def _report(problems: list[Problem], output_format: str) -> None:
    for problem in problems:
        print(problem.as_github_annotation() if output_format == "github" else problem, file=sys.stdout)
    print(summary_line(problems), file=sys.stderr)


def command_validate(args: argparse.Namespace) -> int:
    missing = [file for file in args.files if not file.is_file()]
    if missing:
        print("\n".join(f"validate: {display_path(file, config.REPO_ROOT)}: no such file" for file in missing), file=sys.stderr)
        return EXIT_USAGE
    result = validate_folder(args.incidents, args.today)
    events = validate_events_folder(args.events, args.incidents, args.today)
    problems = result.problems + events.problems
    if args.files:
        # A named file's problems, and the problems of other files that name it (an id it clashes with).
        wanted = {file.resolve() for file in args.files}
        names = {display_path(file, config.REPO_ROOT) for file in args.files} | {display_path(file, config.REPO_ROOT) for file in wanted}
        problems = [
            problem for problem in problems
            if (config.REPO_ROOT / problem.file).resolve() in wanted or any(name in problem.message for name in names)
        ]
    if problems:
        _report(problems, args.format)
        return EXIT_PROBLEMS
    print(f"validate: {len(result.incidents)} incidents and {len(events.events)} events, no problems", file=sys.stderr)
    return EXIT_OK


def command_build(args: argparse.Namespace) -> int:
    from generator.pipeline import build_content
    from generator.render.pages import generated_page_paths
    from generator.render.templates import prepare as prepare_to_render

    result = validate_folder(args.incidents, args.today, meanwhile=prepare_to_render)
    events = validate_events_folder(args.events, args.incidents, args.today)
    if result.problems or events.problems:
        _report(result.problems + events.problems, args.format)
        print(f"build: nothing written; {args.content} is unchanged", file=sys.stderr)
        return EXIT_PROBLEMS
    incidents_overview = overview(result.incidents, events.events)
    hand_written = read_hand_written_pages(config.CONTENT_DIR, layout.HAND_WRITTEN)
    clashes = sorted(generated_page_paths(incidents_overview) & set(hand_written))
    if clashes:
        print(f"build: content/ holds hand-written pages where the generator writes its own: {', '.join(clashes)}", file=sys.stderr)
        return EXIT_PROBLEMS
    count = build_content(incidents_overview, hand_written, args.content, args.chart_cache or config.chart_cache(), config.site_url())
    print(f"build: {len(result.incidents)} incidents, {len(events.events)} events, {count.files} files in {args.content}, {count.changed} of them changed", file=sys.stderr)
    return EXIT_OK


def _ask(value: str | None, question: str) -> str | None:
    """A flag's value, or else an answer typed at a prompt (None at the end of input)."""
    if value:
        return value
    try:
        return input(f"{question}: ").strip() or None
    except EOFError:
        return None


def command_new(args: argparse.Namespace) -> int:
    organization = _ask(args.organization, "Organization (as it names itself)")
    date_text = _ask(args.date, "Date it was reported (YYYY-MM-DD, or YYYY-MM)")
    source_url = _ask(args.source_url, "URL of a source (https://...)")
    errors = []
    if not organization:
        errors.append("--organization is needed")
    try:
        date = PartialDate.parse(date_text or "")
        if date.earliest() > args.today:
            errors.append(f"--date {date_text!r} is in the future")
    except ValueError:
        errors.append(f"--date {date_text!r} is not a date (expected YYYY-MM-DD or YYYY-MM)")
    if not source_url or not source_url.startswith("https://") or not urlsplit(source_url).hostname:
        errors.append(f"--source-url {source_url!r} is not an https:// address")
    if args.state and args.state not in vocabulary("us_state").terms:
        errors.append(f"--state {args.state!r} is not a US state or territory code")
    if errors:
        print("new: " + "; ".join(errors), file=sys.stderr)
        return EXIT_USAGE
    taken = {path.stem for path in incident_files(args.incidents)}
    incident_id = unique_id(f"{slug(organization)}-{date.year}", taken)
    path = args.incidents / str(date.year) / f"{incident_id}.yaml"
    text = new_incident_text(NewIncident(incident_id, organization, date, source_url, args.state, args.entity_type))
    create_file(path, text)  # never overwrites
    print(f"new: wrote {display_path(path, config.REPO_ROOT)}; fill in the fields marked required, then run: python -m generator validate")
    return EXIT_OK


def command_site(args: argparse.Namespace) -> int:
    try:
        seconds = build_site(args.content, args.output)
    except RuntimeError as error:
        print(error, file=sys.stderr)
        print(f"site: {args.output} is unchanged", file=sys.stderr)
        return EXIT_PROBLEMS
    timings = ", ".join(f"{lang} {value:.1f} s" for lang, value in seconds.items())
    print(f"site: built {args.output} with MkDocs, one process per language, then the search index ({timings})", file=sys.stderr)
    return EXIT_OK


GUIDES = {"en": "CONTRIBUTING.md", "zh": "CONTRIBUTING.zh.md"}
"""Contributor guides whose field reference is generated, by language."""


def _generated_documents() -> dict[Path, str]:
    """Every file generated from the vocabularies and field docs, as it should read now."""
    documents = {config.SCHEMA_PATH: schema_json(), config.EVENT_SCHEMA_PATH: event_schema_json()}
    for lang, name in GUIDES.items():
        path = config.REPO_ROOT / name
        documents[path] = with_reference(read_text(path) or "", lang)
    readme = config.REPO_ROOT / "README.md"
    documents[readme] = with_command_table(read_text(readme) or "", build_parser())
    return documents


def command_schema(args: argparse.Namespace) -> int:
    documents = _generated_documents()
    stale = [path for path, text in documents.items() if read_text(path) != text]
    names = ", ".join(str(path.relative_to(config.REPO_ROOT)) for path in stale)
    if args.check:
        if stale:
            print(f"out of date: {names}; run: python -m generator schema", file=sys.stderr)
            return EXIT_PROBLEMS
        return EXIT_OK
    write_files({path: documents[path] for path in stale})
    print(f"schema: {'wrote ' + names if stale else 'everything was up to date'}", file=sys.stderr)
    return EXIT_OK


def command_import_hhs(args: argparse.Namespace) -> int:
    from generator.importers.hhs_import import Importer
    from generator.importers.summary import format_summary

    if (args.list or args.as_of) and len(args.files) > 1:
        print("import-hhs: --list and --as-of describe one file; give them with a single FILE", file=sys.stderr)
        return EXIT_USAGE
    exports, problems = [], []
    for path in args.files:
        shown = display_path(path, config.REPO_ROOT)
        if not path.is_file():
            problems.append(f"{shown}: no such file")
            continue
        list_name, as_of, errors = export_metadata(path, args.list, args.as_of)
        if errors:
            problems.extend(f"{shown}: {error}" for error in errors)
            continue
        try:
            export = read_export(path, shown, list_name, as_of)
        except ExportError as error:
            problems.extend(map(str, error.problems))
            continue
        if as_of is None:  # counts would carry a date nobody knows: the export's own day is needed
            problems.append(
                f"{shown}: cannot tell when it was exported: put the date in its name (…_asof_YYYY-MM or …_asof_YYYY-MM-DD) "
                f"or pass --as-of with this file alone; its newest report was submitted on {export.as_of.iso()}, so it was exported on or after that day"
            )
            continue
        exports.append(export)
    if problems:
        print("\n".join(problems))
        print(f"import-hhs: nothing imported; {len(problems)} problems", file=sys.stderr)
        return EXIT_PROBLEMS
    files = load_incident_files(incident_files(args.incidents), config.REPO_ROOT)
    result = validate(files, args.today)
    if not result.ok:
        _report(result.problems, "text")
        print("import-hhs: fix the incident files first; nothing imported", file=sys.stderr)
        return EXIT_PROBLEMS
    importer = Importer(args.incidents, {Path(config.REPO_ROOT / loaded.path): loaded.data for loaded in files})
    summaries = []
    for export in sorted(exports, key=lambda export: (export.as_of.sort_key(), export.list)):
        summary, found = importer.apply(export, frozenset(args.accept_risk))
        if found:
            print("\n".join(map(str, found)))
            print(f"import-hhs: nothing imported; {len(found)} problems", file=sys.stderr)
            return EXIT_PROBLEMS
        summaries.append(summary)
    closed, withdrawn = importer.finish(), importer.withdrawn()
    if summaries:
        summaries[-1].moved_to_archive.extend(closed)
        summaries[-1].withdrawn.extend(withdrawn)
    changed = importer.changed_files()
    after = _validate_with_changes(files, changed, args.today)
    if after:
        _report(after, "text")
        print("import-hhs: the result would not validate; nothing written", file=sys.stderr)
        return EXIT_PROBLEMS
    write_files(changed)
    print(format_summary(summaries, len(changed)), end="")
    if args.summary_markdown:
        write_files({args.summary_markdown: format_summary(summaries, len(changed), markdown=True)})
    return EXIT_OK


_CONTROL_CHARACTERS = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def _printable(text: str) -> str:
    """Export text for a terminal: control characters (an escape sequence, HHS's stray U+0019) as '?'."""
    return _CONTROL_CHARACTERS.sub("?", text)


def command_fetch_hhs(args: argparse.Namespace) -> int:
    """Download both lists from the portal into --output, as <list>_asof_<date>.csv; write nothing else."""
    from generator.importers.portal import PortalError, fetch_lists

    try:
        lists = fetch_lists(args.portal, timeout=args.timeout)
    except PortalError as error:
        print(f"fetch-hhs: {error}", file=sys.stderr)
        return EXIT_PROBLEMS
    files = {args.output / f"{name}_asof_{args.today.isoformat()}.csv": data for name, data in lists.items()}
    write_files(files)
    for path, data in files.items():
        lines = data.count(b"\n")
        print(f"fetch-hhs: wrote {display_path(path, config.REPO_ROOT)} ({lines:,} lines)", file=sys.stderr)
    return EXIT_OK


def command_case_facts(args: argparse.Namespace) -> int:
    """Each summarised row of one export with the facts its case summary gives and the rule behind each.

    For tracing a wrong fact to its rule. The listing quotes OCR's words: it goes to the terminal only."""
    from generator.importers.case_summary import explain, extract

    shown = display_path(args.file, config.REPO_ROOT)
    if not args.file.is_file():
        print(f"case-facts: {shown}: no such file", file=sys.stderr)
        return EXIT_USAGE
    list_name, as_of, errors = export_metadata(args.file, args.list, None)
    if errors:
        print("\n".join(f"{shown}: {error}" for error in errors), file=sys.stderr)
        return EXIT_PROBLEMS
    try:
        export = read_export(args.file, shown, list_name, as_of)
    except ExportError as error:
        print("\n".join(map(str, error.problems)))
        return EXIT_PROBLEMS
    needle = (args.name or "").casefold()
    listed = 0
    for row in export.rows:
        if not row.description or needle not in row.name.casefold():
            continue
        facts = extract(row.description, row.types, row.locations, row.entity_type)
        print(_printable(f"{shown}:{row.line}: {row.name.strip()} ({row.state or '?'}, submitted {row.submitted})"))
        print(_printable("\n".join("    " + line for line in explain(row.description, facts)) or "    (no facts)"))
        listed += 1
        if args.limit and listed >= args.limit:
            break
    print(f"case-facts: {listed:,} summarised reports listed", file=sys.stderr)
    return EXIT_OK


def command_suggest_members(args: argparse.Namespace) -> int:
    """List the incidents an event's sources or OCR's summaries tie to it, with the evidence; write nothing."""
    from generator.suggest_members import Summary, suggest_members

    path = args.events / f"{args.event}.yaml"
    if not path.is_file():
        print(f"suggest-members: {display_path(path, config.REPO_ROOT)}: no such event file", file=sys.stderr)
        return EXIT_USAGE
    result = validate_folder(args.incidents, args.today)
    events = validate_events_folder(args.events, args.incidents, args.today)
    if result.problems or events.problems:
        _report(result.problems + events.problems, "text")
        print("suggest-members: fix these first", file=sys.stderr)
        return EXIT_PROBLEMS
    event = next(event for event in events.events if event.id == args.event)
    summaries = []
    for export_path in args.export:
        shown = display_path(export_path, config.REPO_ROOT)
        list_name, as_of, errors = export_metadata(export_path, None, None)
        try:
            export = None if errors else read_export(export_path, shown, list_name, as_of)
        except ExportError as error:
            errors = [str(problem) for problem in error.problems]
        if errors:
            print("\n".join(f"{shown}: {error}" for error in errors), file=sys.stderr)
            return EXIT_PROBLEMS
        summaries += [Summary(row.name, row.state, row.submitted.isoformat(), row.description) for row in export.rows if row.description]
    candidates = suggest_members(event, result.incidents, summaries, args.term)
    for candidate in candidates:
        print(_printable(f"{candidate.incident_id}: {candidate.evidence}"))
    print(f"suggest-members: {len(candidates)} candidates for {event.id}; add the ones the evidence supports to its members", file=sys.stderr)
    return EXIT_OK


def command_vendor(args: argparse.Namespace) -> int:
    package, text = read_text(NPM_PACKAGE), read_text(NPM_BUILD)
    if package is None or text is None:
        print(f"vendor: {NPM_BUILD.relative_to(config.REPO_ROOT)} is missing: run `npm ci` first", file=sys.stderr)
        return EXIT_PROBLEMS
    problem = version_problem(json.loads(package)["version"])
    if problem:
        print(f"vendor: {problem}", file=sys.stderr)
        return EXIT_PROBLEMS
    if args.check:
        if read_text(BUNDLE_PATH) != text:
            print(f"vendor: {BUNDLE_PATH.relative_to(config.REPO_ROOT)} differs from npm's Vega; run `python -m generator vendor`", file=sys.stderr)
            return EXIT_PROBLEMS
        return EXIT_OK
    write_files({BUNDLE_PATH: text})
    print(f"vendor: wrote {BUNDLE_PATH.relative_to(config.REPO_ROOT)} ({len(text.encode()):,} bytes)", file=sys.stderr)
    return EXIT_OK


def _date(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date (expected YYYY-MM-DD)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m generator", description="The healthcare breach tracker's generator.")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def common(sub: argparse.ArgumentParser) -> None:
        sub.add_argument("--incidents", type=Path, default=config.INCIDENTS_DIR, help="folder of incident files (default: incidents/)")
        sub.add_argument("--events", type=Path, help="folder of event files (default: events/ beside the incidents folder)")
        sub.add_argument("--format", choices=["text", "github"], default="text", help="problem lines as text, or as GitHub annotations")
        sub.add_argument("--today", type=_date, default=dt.date.today(), help=argparse.SUPPRESS)

    validate_parser = commands.add_parser("validate", help="check every incident file; print one line per problem")
    common(validate_parser)
    validate_parser.add_argument("files", nargs="*", type=Path, help="only report problems in these files (all files are still read)")
    validate_parser.set_defaults(handler=command_validate)

    build = commands.add_parser("build", help="validate, then write the bilingual pages into content/")
    common(build)
    build.add_argument("--content", type=Path, default=config.CONTENT_DIR, help="where the pages go, beside the hand-written ones of content/ (default: content/)")
    build.add_argument("--chart-cache", type=Path, help=f"chart images already drawn, by spec hash (default: ${config.CHART_CACHE_VARIABLE}, else .cache/charts/)")
    build.set_defaults(handler=command_build)

    new = commands.add_parser("new", help="start a new incident file, with a comment on every field (asks for what flags do not give)")
    new.add_argument("--organization", help="the organization's name")
    new.add_argument("--date", help="when it was reported: YYYY-MM-DD, or YYYY-MM")
    new.add_argument("--source-url", help="an https:// address of a source")
    new.add_argument("--state", help="two-letter US state code")
    new.add_argument("--entity-type", choices=vocabulary("entity_type").codes, help="HHS covered-entity type")
    new.add_argument("--incidents", type=Path, default=config.INCIDENTS_DIR, help="folder of incident files (default: incidents/)")
    new.add_argument("--today", type=_date, default=dt.date.today(), help=argparse.SUPPRESS)
    new.set_defaults(handler=command_new)

    site = commands.add_parser("site", help="build site/ from content/ with MkDocs, both languages in parallel")
    site.add_argument("--content", type=Path, default=config.CONTENT_DIR, help="the generated pages (default: content/)")
    site.add_argument("--output", type=Path, default=config.SITE_DIR, help="where the site goes, replaced whole (default: site/)")
    site.set_defaults(handler=command_site)

    importer = commands.add_parser("import-hhs", help="create or update incident files from HHS OCR breach portal exports (CSV, XLSX)")
    importer.add_argument("files", nargs="+", type=Path, metavar="FILE", help="exports; the list and date come from names like under_investigation_asof_2026-07.csv")
    importer.add_argument("--list", choices=LISTS, help="which HHS list a single FILE is, when its name does not say")
    importer.add_argument("--as-of", help="the date a single FILE was exported (YYYY-MM or YYYY-MM-DD), when its name does not say")
    importer.add_argument("--incidents", type=Path, default=config.INCIDENTS_DIR, help="folder of incident files (default: incidents/)")
    importer.add_argument("--summary-markdown", type=Path, help="also write what changed as Markdown, for a pull-request body")
    importer.add_argument("--accept-risk", action="append", default=[], choices=RISKS, help="import an export a safety check refuses: 'shrunk' (a fifth fewer rows than the last list), 'mass-close' (closes a tenth of the open reports within a month)")
    importer.add_argument("--today", type=_date, default=dt.date.today(), help=argparse.SUPPRESS)
    importer.set_defaults(handler=command_import_hhs)

    fetch = commands.add_parser("fetch-hhs", help="download the under-investigation list and the archive from the HHS OCR breach portal, as CSV")
    fetch.add_argument("--output", type=Path, required=True, help="folder for <list>_asof_<today>.csv (created if needed)")
    fetch.add_argument("--portal", default=config.HHS_LIST_PAGE, help=argparse.SUPPRESS)
    fetch.add_argument("--timeout", type=float, default=60, help="seconds to wait for each reply (default: 60)")
    fetch.add_argument("--today", type=_date, default=dt.date.today(), help=argparse.SUPPRESS)
    fetch.set_defaults(handler=command_fetch_hhs)

    case_facts = commands.add_parser("case-facts", help="list the facts each OCR case summary of an export gives, with the rule and words behind each (terminal only)")
    case_facts.add_argument("file", type=Path, metavar="FILE", help="an archive export (the list that carries OCR's summaries)")
    case_facts.add_argument("--name", help="only reports whose organization name contains this text")
    case_facts.add_argument("--limit", type=int, default=0, help="stop after this many reports")
    case_facts.add_argument("--list", choices=LISTS, help="which HHS list FILE is, when its name does not say")
    case_facts.set_defaults(handler=command_case_facts)

    suggest = commands.add_parser("suggest-members", help="list the incidents an event's target is named in (OCR's summaries, the HHS data), with the evidence; writes nothing")
    common(suggest)
    suggest.add_argument("event", metavar="EVENT", help="an event id (events/EVENT.yaml)")
    suggest.add_argument("--export", type=Path, action="append", default=[], help="an HHS archive export whose case summaries to search (repeatable)")
    suggest.add_argument("--term", action="append", default=[], help="another name to look for (repeatable)")
    suggest.set_defaults(handler=command_suggest_members)

    schema = commands.add_parser("schema", help="write schema/incident.schema.json and the field reference of CONTRIBUTING from the vocabularies, and this table from the parser")
    schema.add_argument("--check", action="store_true", help="fail if any of them is out of date")
    schema.set_defaults(handler=command_schema)

    vendor = commands.add_parser("vendor", help="copy the Vega runtime the site serves (assets/vendor/vega.min.js) from node_modules, checking it is the Vega vl-convert compiles for")
    vendor.add_argument("--check", action="store_true", help="fail if the committed copy differs")
    vendor.set_defaults(handler=command_vendor)
    return parser


EXIT_INTERNAL = 3


def main(argv: list[str] | None = None) -> int:
    """Exit codes: 0 ok, 1 problems in the data, 2 misuse of the command, 3 a fault of the generator itself."""
    args = build_parser().parse_args(argv)
    if getattr(args, "incidents", None) is not None and getattr(args, "events", "absent") is None:
        args.events = args.incidents.parent / config.EVENTS_DIR.name
    try:
        config.check_settings()
        with garbage_collector_paused():
            return args.handler(args)
    except config.SettingError as error:
        print(f"{args.command}: {error}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:  # the reader stopped reading (`| head`): not a fault
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_OK
    except Exception:  # a bug, not a contributor's mistake: one line here, the traceback in a file
        report = write_traceback(traceback.format_exc())
        print(f"{args.command}: internal error ({sys.exc_info()[1].__class__.__name__}); the traceback is in {report}", file=sys.stderr)
        return EXIT_INTERNAL

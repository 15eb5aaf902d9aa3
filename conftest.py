"""Pytest hooks for the whole repository.

A skipped test fails the run. Odoo skips a browser test (HttpCase tour) when
Chromium or websocket-client is missing, and a run that tested nothing of the
browser side must not pass as green.
"""

import pytest

_skipped = []


def pytest_runtest_logreport(report):
    # xfail is reported as a skip too, but it is a declared expectation.
    if report.skipped and not hasattr(report, "wasxfail"):
        _skipped.append(report.nodeid)


def pytest_terminal_summary(terminalreporter):
    # Printed before pytest's summary line, which stays the last line.
    if _skipped:
        terminalreporter.section("a skipped test is not a pass", red=True)
        terminalreporter.line(
            f"{len(_skipped)} skipped, see SKIPPED below for why: failing the run."
        )


def pytest_sessionfinish(session):
    if _skipped and session.exitstatus == pytest.ExitCode.OK:
        session.exitstatus = pytest.ExitCode.TESTS_FAILED


# --- Odoo's own suites (the test command's peer stage) ------------------------
#
# scripts/test.sh runs Odoo's own tests of the apps the add-on touches on a
# database where the add-on is installed. A few of them fail on this machine
# without the add-on too (no network, no browser fonts...): they are listed,
# each with its reason, in the file given to --odoo-known-failures, and only
# they are left out. A listed test that no longer exists fails the run, so
# the list stays exact.


def pytest_addoption(parser):
    parser.addoption(
        "--odoo-known-failures",
        metavar="FILE",
        help="Odoo tests that fail here without the add-on too: left out.",
    )


def _odoo_test_key(item):
    """``sale.tests.test_x::TestX::test_y``: the same on every machine."""
    module = getattr(item.module, "__name__", "").removeprefix("odoo.addons.")
    cls = item.cls.__name__ if item.cls else ""
    return "::".join(part for part in (module, cls, item.name) if part)


def _read_known_failures(path):
    """The keys of ``path``: one per line, ``#`` starts the reason."""
    with open(path, encoding="utf-8") as file:
        keys = (line.split("#", 1)[0].strip() for line in file)
        return [key for key in keys if key]


def _imported_test_class(item):
    """True for a test of a class imported into the module it was collected
    from (``from odoo.addons.web.tests.test_js import WebSuite``).

    Odoo's runner (odoo.tests.loader.get_module_test_cases) runs only the
    classes a test module defines; pytest collects every TestCase in its
    namespace, so helpdesk_mgmt's test_js.py would run web's whole JavaScript
    suite (the hoot and QUnit suites, over half an hour) as if it were
    helpdesk_mgmt's.
    """
    return item.cls is not None and item.cls.__module__ != item.module.__name__


def pytest_collection_modifyitems(config, items):
    imported = [item for item in items if _imported_test_class(item)]
    if imported:
        config.hook.pytest_deselected(items=imported)
        items[:] = [item for item in items if not _imported_test_class(item)]
    path = config.getoption("--odoo-known-failures")
    if not path:
        return
    known = _read_known_failures(path)
    used = set()
    kept, left_out = [], []
    for item in items:
        key = _odoo_test_key(item)
        # a key names a test, or a whole class (its set-up fails here)
        match = next((k for k in known if key == k or key.startswith(k + "::")), None)
        if match:
            used.add(match)
            left_out.append(item)
        else:
            kept.append(item)
    # a key of a suite that was not run at all (website_sale unless asked
    # for) is not stale: only the suites collected are checked
    collected = {_odoo_test_key(item).split(".", 1)[0] for item in items}
    unknown = [
        key for key in known if key not in used and key.split(".", 1)[0] in collected
    ]
    if unknown:
        raise pytest.UsageError(
            f"{path} lists tests that were not collected: {', '.join(unknown)}"
        )
    if left_out:
        config.hook.pytest_deselected(items=left_out)
        items[:] = kept

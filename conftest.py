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

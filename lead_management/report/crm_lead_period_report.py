# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, timedelta

import babel.dates
from dateutil.relativedelta import relativedelta

from odoo import _, api, fields, models
from odoo.tools.misc import get_lang


class CrmLeadPeriodReportBase(models.AbstractModel):
    """What Leads Weekly and Leads Monthly share: leads created per period
    (rows) and source (columns), filtered by a
    ``crm.lead.period.report.wizard``.

    Days are the user's (his time zone); weeks are ISO 8601 weeks (Monday to
    Sunday, "W1" the week of the year's first Thursday) whatever the
    language: a weekly figure is the company's, not the reader's. The leads
    are counted per day in one query and the days put into their week or
    month here, so Odoo's language-dependent week start (the pivot's) never
    applies. Every period of the wizard's span is a row, 0 when no lead came
    in. A report says its period (``_period``), its row grouping
    (``_row_groupby``) and may add values of its own
    (``_get_detail_values``).
    """

    _name = "crm.lead.period.report.base"
    _description = "Leads per Period Report"

    _period = None  # "week" or "month"
    _row_groupby = []

    @api.model
    def _read_period_groups(self, wizard):
        """[(day, *row_groupby, source, count)] in one query, under the
        user's record rules, days in the user's time zone."""
        leads = self.env["crm.lead"].with_context(
            active_test=False,
            tz=self.env.context.get("tz") or self.env.user.tz or "UTC",
        )
        groups = leads._read_group(
            wizard._get_lead_domain(),
            ["create_date:day", *self._row_groupby, "source_id"],
            ["__count"],
        )
        return [
            (
                fields.Date.to_date(day) if isinstance(day, datetime) else day,
                *rest,
            )
            for day, *rest in groups
        ]

    @api.model
    def _period_start(self, day):
        """The first day of the week (Monday) or month of ``day``."""
        if self._period == "week":
            return day - timedelta(days=day.weekday())
        return day.replace(day=1)

    @api.model
    def _period_label(self, start):
        """ "W48 2026" (ISO week and ISO year) or the month in the user's
        language ("November 2026")."""
        if self._period == "week":
            year, week, _weekday = start.isocalendar()
            return f"W{week} {year}"
        return babel.dates.format_date(
            start, "MMMM yyyy", locale=get_lang(self.env).code
        )

    @api.model
    def _period_starts(self, wizard, days):
        """The start of every period from the wizard's first day (or the
        first lead's) to its last day (or the last lead's)."""
        first = wizard.date_from or min(days, default=None)
        last = wizard.date_to or max(days, default=None)
        if not first or not last:
            return []
        current, last = self._period_start(first), self._period_start(last)
        starts = []
        while current <= last:
            starts.append(current)
            current = (
                current + timedelta(days=7)
                if self._period == "week"
                else current + relativedelta(months=1)
            )
        return starts

    @api.model
    def _columns(self, groups):
        """The columns: sources by name, then "No source"."""
        sources = {group[-2] for group in groups}
        columns = [
            {"key": source.id, "name": source.name}
            for source in sorted(filter(None, sources), key=lambda s: s.name)
        ]
        if self.env["utm.source"] in sources:
            columns.append({"key": False, "name": _("No source")})
        return columns

    @api.model
    def _periods(self, wizard, groups):
        """{period start: row} in chronological order, with totals; periods
        without leads have an empty row."""
        periods = {
            start: {"label": self._period_label(start), "cells": {}, "total": 0}
            for start in self._period_starts(wizard, [group[0] for group in groups])
        }
        for day, *_rows, source, count in groups:
            period = periods[self._period_start(day)]
            period["cells"][source.id] = period["cells"].get(source.id, 0) + count
            period["total"] += count
        return periods

    @api.model
    def _get_report_values(self, docids, data=None):
        wizard = self.env["crm.lead.period.report.wizard"].browse(docids)[:1]
        groups = self._read_period_groups(wizard)
        columns = self._columns(groups)
        periods = self._periods(wizard, groups)
        column_totals = {
            column["key"]: sum(
                period["cells"].get(column["key"], 0) for period in periods.values()
            )
            for column in columns
        }
        return {
            "doc_ids": docids,
            "doc_model": wizard._name,
            "docs": wizard,
            "wizard": wizard,
            "columns": columns,
            "rows": list(periods.values()),
            "column_totals": column_totals,
            "total": sum(column_totals.values()),
            "company": self.env.company,
            "print_date": fields.Datetime.now(),
            **self._get_detail_values(groups, periods),
        }

    @api.model
    def _get_detail_values(self, groups, periods):
        return {}


class ReportCrmLeadWeekly(models.AbstractModel):
    """Leads Weekly: leads created per week (rows) and source (columns)."""

    _name = "report.lead_management.report_crm_lead_weekly"
    _inherit = ["crm.lead.period.report.base"]
    _description = "Leads Weekly Report"

    _period = "week"


class ReportCrmLeadMonthly(models.AbstractModel):
    """Leads Monthly: leads created per month and stage (rows) and source
    (columns), with a subtotal line per month."""

    _name = "report.lead_management.report_crm_lead_monthly"
    _inherit = ["crm.lead.period.report.base"]
    _description = "Leads Monthly Report"

    _period = "month"
    _row_groupby = ["stage_id"]

    @api.model
    def _get_detail_values(self, groups, periods):
        """A row per stage under each month, stages in their order."""
        stage_rows = {}
        for period in periods.values():
            period["rows"] = []
        for day, stage, source, count in sorted(
            groups, key=lambda group: (group[1].sequence, group[1].id)
        ):
            period = periods[self._period_start(day)]
            row = stage_rows.get((period["label"], stage))
            if row is None:
                row = stage_rows[(period["label"], stage)] = {
                    "label": stage.name or _("No stage"),
                    "cells": {},
                    "total": 0,
                }
                period["rows"].append(row)
            row["cells"][source.id] = row["cells"].get(source.id, 0) + count
            row["total"] += count
        return {"months": list(periods.values())}

# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models


class CrmLeadPeriodReportBase(models.AbstractModel):
    """What Leads Weekly and Leads Monthly share: leads created per period
    (rows) and source (columns), filtered by a
    ``crm.lead.period.report.wizard``.

    The counts come from the same ``read_group`` as the pivot view, so the
    periods and their labels are exactly the pivot's: in the user's time
    zone, weeks starting on the first day of the user's language (Monday,
    ISO 8601 weeks, for most European languages). A report says how it
    groups (``_period_groupby``, ``_row_groupby``) and may add values of its
    own (``_get_detail_values``).
    """

    _name = "crm.lead.period.report.base"
    _description = "Leads per Period Report"

    _period_groupby = None
    _row_groupby = []

    @api.model
    def _read_period_groups(self, wizard):
        """The counts in one query, under the user's record rules."""
        leads = self.env["crm.lead"].with_context(
            active_test=False,
            tz=self.env.context.get("tz") or self.env.user.tz or "UTC",
        )
        return leads.read_group(
            wizard._get_lead_domain(),
            ["__count"],
            [self._period_groupby, *self._row_groupby, "source_id"],
            lazy=False,
        )

    @api.model
    def _columns(self, groups):
        """The columns: sources by name, then "No source"."""
        sources = {group["source_id"] or False for group in groups}
        columns = [
            {"key": source[0], "name": source[1]}
            for source in sorted(filter(None, sources), key=lambda s: s[1])
        ]
        if False in sources:
            columns.append({"key": False, "name": _("No source")})
        return columns

    @api.model
    def _periods(self, groups):
        """{period label: row} in chronological order, with totals."""
        periods = {}
        for group in sorted(
            groups, key=lambda g: g["__range"][self._period_groupby]["from"]
        ):
            period = periods.setdefault(
                group[self._period_groupby],
                {"label": group[self._period_groupby], "cells": {}, "total": 0},
            )
            source = group["source_id"] and group["source_id"][0]
            period["cells"][source] = period["cells"].get(source, 0) + group["__count"]
            period["total"] += group["__count"]
        return periods

    @api.model
    def _get_report_values(self, docids, data=None):
        wizard = self.env["crm.lead.period.report.wizard"].browse(docids)[:1]
        groups = self._read_period_groups(wizard)
        columns = self._columns(groups)
        periods = self._periods(groups)
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

    _period_groupby = "create_date:week"


class ReportCrmLeadMonthly(models.AbstractModel):
    """Leads Monthly: leads created per month and stage (rows) and source
    (columns), with a subtotal line per month."""

    _name = "report.lead_management.report_crm_lead_monthly"
    _inherit = ["crm.lead.period.report.base"]
    _description = "Leads Monthly Report"

    _period_groupby = "create_date:month"
    _row_groupby = ["stage_id"]

    @api.model
    def _get_detail_values(self, groups, periods):
        # read_group returns the stages of a month in the stages' order
        for period in periods.values():
            period["rows"] = []
        stage_rows = {}
        for group in groups:
            period = periods[group[self._period_groupby]]
            stage = group["stage_id"] and group["stage_id"][0]
            row = stage_rows.get((period["label"], stage))
            if row is None:
                row = stage_rows[(period["label"], stage)] = {
                    "label": group["stage_id"]
                    and group["stage_id"][1]
                    or _("No stage"),
                    "cells": {},
                    "total": 0,
                }
                period["rows"].append(row)
            source = group["source_id"] and group["source_id"][0]
            row["cells"][source] = row["cells"].get(source, 0) + group["__count"]
            row["total"] += group["__count"]
        return {"months": list(periods.values())}

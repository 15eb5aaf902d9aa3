# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.tools.misc import format_date


class ReportCrmLeadWeekly(models.AbstractModel):
    """Leads Weekly: leads created per ISO week (rows) and source (columns)."""

    _name = "report.lead_management.report_crm_lead_weekly"
    _description = "Leads Weekly Report"

    _granularity = "week"

    @api.model
    def _period_label(self, start):
        year, week, _day = start.isocalendar()
        return _("W%(week)02d %(year)s", week=week, year=year)

    @api.model
    def _count_leads(self, wizard, groupby):
        """``[(period start, *records, count)]`` in one query, periods in the
        user's time zone, under the user's record rules."""
        leads = self.env["crm.lead"].with_context(
            active_test=False,
            tz=self.env.context.get("tz") or self.env.user.tz or "UTC",
        )
        return leads._read_group(
            wizard._get_lead_domain(),
            [f"create_date:{self._granularity}", *groupby],
            ["__count"],
        )

    @api.model
    def _sources(self, sources):
        """The columns: sources by name, then "No source"."""
        ordered = sorted((source for source in sources if source), key=lambda s: s.name)
        if any(not source for source in sources):
            ordered.append(self.env["utm.source"])
        return [
            {"key": source.id, "name": source.name or _("No source")}
            for source in ordered
        ]

    @api.model
    def _get_report_values(self, docids, data=None):
        wizard = self.env["crm.lead.report.wizard"].browse(docids)[:1]
        counts = self._count_leads(wizard, ["source_id"])
        columns = self._sources({source for _start, source, _count in counts})
        rows = {}
        for start, source, count in counts:
            row = rows.setdefault(
                start, {"label": self._period_label(start), "cells": {}, "total": 0}
            )
            row["cells"][source.id] = count
            row["total"] += count
        column_totals = {
            column["key"]: sum(
                row["cells"].get(column["key"], 0) for row in rows.values()
            )
            for column in columns
        }
        return {
            "doc_ids": docids,
            "doc_model": wizard._name,
            "docs": wizard,
            "wizard": wizard,
            "columns": columns,
            "rows": [rows[start] for start in sorted(rows)],
            "column_totals": column_totals,
            "total": sum(column_totals.values()),
            "company": self.env.company,
            "print_date": fields.Datetime.now(),
        }


class ReportCrmLeadMonthly(models.AbstractModel):
    """Leads Monthly: leads created per month and stage (rows), and source
    (columns), with a subtotal per month."""

    _name = "report.lead_management.report_crm_lead_monthly"
    _inherit = "report.lead_management.report_crm_lead_weekly"
    _description = "Leads Monthly Report"

    _granularity = "month"

    @api.model
    def _period_label(self, start):
        return format_date(self.env, start, date_format="MMMM yyyy")

    @api.model
    def _get_report_values(self, docids, data=None):
        wizard = self.env["crm.lead.report.wizard"].browse(docids)[:1]
        counts = self._count_leads(wizard, ["stage_id", "source_id"])
        columns = self._sources({source for *_keys, source, _count in counts})
        months = {}
        for start, stage, source, count in counts:
            month = months.setdefault(
                start,
                {
                    "label": self._period_label(start),
                    "stages": {},
                    "cells": {},
                    "total": 0,
                },
            )
            row = month["stages"].setdefault(
                stage,
                {"label": stage.name or _("No stage"), "cells": {}, "total": 0},
            )
            row["cells"][source.id] = count
            row["total"] += count
            month["cells"][source.id] = month["cells"].get(source.id, 0) + count
            month["total"] += count
        for month in months.values():
            month["rows"] = [
                month["stages"][stage]
                for stage in sorted(
                    month["stages"], key=lambda stage: (stage.sequence, stage.id)
                )
            ]
        column_totals = {
            column["key"]: sum(
                month["cells"].get(column["key"], 0) for month in months.values()
            )
            for column in columns
        }
        return {
            "doc_ids": docids,
            "doc_model": wizard._name,
            "docs": wizard,
            "wizard": wizard,
            "columns": columns,
            "months": [months[start] for start in sorted(months)],
            "column_totals": column_totals,
            "total": sum(column_totals.values()),
            "company": self.env.company,
            "print_date": fields.Datetime.now(),
        }

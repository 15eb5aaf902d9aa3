# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import datetime, time, timedelta

import pytz

from odoo import _, api, fields, models
from odoo.tools.misc import format_date
from odoo.tools.safe_eval import safe_eval


class CrmLeadReportWizardBase(models.AbstractModel):
    """What the report wizards share: the period and the team and
    salesperson filters, and the three buttons Print, Preview and Show.

    A wizard that extends it says which report it prints (``_get_report``)
    and which window action and domain show the same figures on screen
    (``_get_show_action_xmlid``, ``_get_show_domain``).
    """

    _name = "crm.lead.report.wizard.base"
    _description = "Lead Report Wizard: Period, Filters, Print, Preview, Show"

    # filters shown as facets by Show (search fields of its views)
    _show_facet_fields = ("team_id", "user_id")

    date_from = fields.Date(string="From")
    date_to = fields.Date(string="To")
    team_id = fields.Many2one("crm.team", string="Sales Team")
    user_id = fields.Many2one("res.users", string="Salesperson")

    @api.model
    def _utc_bounds(self, date_from, date_to):
        """The UTC datetimes of the start of ``date_from`` and of the day
        after ``date_to`` in the user's time zone (either may be empty)."""
        tz = pytz.timezone(self.env.context.get("tz") or self.env.user.tz or "UTC")

        def to_utc(day):
            local = tz.localize(datetime.combine(day, time.min))
            return local.astimezone(pytz.utc).replace(tzinfo=None)

        return (
            date_from and to_utc(date_from),
            date_to and to_utc(date_to + timedelta(days=1)),
        )

    def _get_period_domain(self, date_field):
        """Domain on ``date_field`` (a datetime) for the wizard's period, and
        on ``team_id`` and ``user_id`` for its filters."""
        self.ensure_one()
        domain = []
        start, end = self._utc_bounds(self.date_from, self.date_to)
        if start:
            domain.append((date_field, ">=", start))
        if end:
            domain.append((date_field, "<", end))
        for name in ("team_id", "user_id"):
            if self[name]:
                domain.append((name, "=", self[name].id))
        return domain

    def _get_summary_fields(self):
        """The filters listed under the report's title, when filled."""
        return ["team_id", "user_id"]

    def _get_summary(self):
        """[(label, value)]: the period and the filled filters, as printed
        under the report's title."""
        self.ensure_one()
        start, end = (
            format_date(self.env, day) for day in (self.date_from, self.date_to)
        )
        if start and end:
            period = f"{start} – {end}"
        elif start:
            period = _("from %(date)s", date=start)
        elif end:
            period = _("until %(date)s", date=end)
        else:
            period = _("all dates")
        summary = [(_("Period"), period)]
        for name in self._get_summary_fields():
            field, value = self._fields[name], self[name]
            if not value:
                continue
            if field.type == "selection":
                value = dict(field._description_selection(self.env))[value]
            elif field.relational:
                value = ", ".join(value.mapped("display_name"))
            summary.append((field._description_string(self.env), value))
        return summary

    def _get_report(self):
        raise NotImplementedError

    def _get_show_action_xmlid(self):
        raise NotImplementedError

    def _get_show_domain(self):
        raise NotImplementedError

    def _get_show_context(self, action):
        """The context of the Show action: by default the action's own."""
        context = action.get("context") or {}
        if isinstance(context, str):
            context = safe_eval(context, {"uid": self.env.uid})
        return context

    def _get_show_facets(self):
        """{search field: id}: the filters that Show applies as facets of
        the search bar (fields of its search view), so that the user sees
        and can remove them; the others stay in the action's domain."""
        self.ensure_one()
        return {name: self[name].id for name in self._show_facet_fields if self[name]}

    def action_print(self):
        """The PDF report."""
        return self._get_report().report_action(self)

    def action_preview(self):
        """The same report as an HTML page."""
        action = self._get_report().report_action(self, config=False)
        action["report_type"] = "qweb-html"
        return action

    def action_show(self):
        """The same figures on screen (list, pivot, graph), as a main action
        of its own: no breadcrumb back to the (transient) wizard, whose id
        would end in the URL and open something else after a reload. The
        filters with a search field are facets, the period is in the
        title."""
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            self._get_show_action_xmlid()
        )
        facets = self._get_show_facets()
        # a domain of leaves only (implicitly AND-ed): the faceted leaves go
        action["domain"] = [
            leaf
            for leaf in self._get_show_domain()
            if not (leaf[0] in facets and leaf[2] == facets[leaf[0]])
        ]
        action["context"] = {
            **self._get_show_context(action),
            **{f"search_default_{name}": value for name, value in facets.items()},
        }
        action["name"] = f"{action['name']} · {self._get_summary()[0][1]}"
        action["target"] = "main"
        return action

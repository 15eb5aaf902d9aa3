# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, fields, models


class CrmLead(models.Model):
    """The Projects smart button and tab of the opportunity."""

    _inherit = "crm.lead"

    # the projects made for the opportunity: created from it, and those
    # sale_project made from its orders (they get the order's opportunity)
    project_ids = fields.One2many(
        "project.project", "opportunity_id", string="Projects"
    )
    project_count = fields.Integer(
        compute="_compute_project_count", string="Number of Projects"
    )

    def _compute_project_count(self):
        # one grouped query; the projects the user may read (project's rules)
        counts = dict(
            self.env["project.project"]._read_group(
                [("opportunity_id", "in", self._origin.ids)],
                groupby=["opportunity_id"],
                aggregates=["__count"],
            )
        )
        for lead in self:
            lead.project_count = counts.get(lead._origin, 0)

    def _prepare_project_values(self):
        """Values of a project made for the opportunity: its customer, its
        salesperson as manager, its company and the opportunity itself.
        Billable, as sale_project makes the projects of orders: sale_project
        shows a project's customer only on billable projects."""
        self.ensure_one()
        return {
            "allow_billable": True,
            "partner_id": self.partner_id.id,
            "user_id": self.user_id.id,
            "company_id": (self.company_id or self.env.company).id,
            "opportunity_id": self.id,
        }

    def action_new_project(self):
        """A new project for the opportunity, in a dialog, pre-filled; allowed
        before any offer exists (creating needs project's manager rights)."""
        self.ensure_one()
        context = {
            f"default_{name}": value
            for name, value in self._prepare_project_values().items()
            if value
        }
        return {
            "type": "ir.actions.act_window",
            "name": _("New Project"),
            "res_model": "project.project",
            "view_mode": "form",
            "views": [(False, "form")],
            "target": "new",
            "context": context,
        }

    def action_view_projects(self):
        """The opportunity's projects; project users get project's own views
        (cards open the tasks), others a list of the projects alone."""
        self.ensure_one()
        views = [(False, "list"), (False, "form")]
        if self.env.user.has_group("project.group_project_user"):
            views.insert(0, (False, "kanban"))
        action = {
            "type": "ir.actions.act_window",
            "name": _("Projects"),
            "res_model": "project.project",
            "domain": [("opportunity_id", "=", self.id)],
            "views": views,
            "context": {
                f"default_{name}": value
                for name, value in self._prepare_project_values().items()
                if value
            },
        }
        if self.project_count == 1:
            action.update(views=[(False, "form")], res_id=self.project_ids.id)
        return action

# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import AccessError, ValidationError


class ProjectProject(models.Model):
    """The opportunity a project was made for, and the task progress its
    Projects tab shows."""

    _inherit = "project.project"

    opportunity_id = fields.Many2one(
        "crm.lead",
        compute="_compute_opportunity_id",
        store=True,
        readonly=False,
        index="btree_not_null",
        ondelete="set null",
        tracking=True,
        domain="[('type', '=', 'opportunity'), "
        "'|', ('company_id', '=', False), ('company_id', '=', company_id)]",
        help="The opportunity the project was made for: the one of the sales "
        "order that created it, or the one it was created from.",
    )
    # the order's offer number: the offer the order was converted from, or
    # its own when it was confirmed in place
    offer_number = fields.Char(related="sale_order_id.offer_number", string="Offer No.")
    task_open_count = fields.Integer(
        compute="_compute_task_progress", string="Open Tasks"
    )
    task_done_count = fields.Integer(
        compute="_compute_task_progress", string="Done Tasks"
    )

    @api.depends("sale_line_id.order_id.opportunity_id")
    def _compute_opportunity_id(self):
        # a project sale_project makes from an order of an opportunity (or
        # later links to one) gets the order's opportunity; otherwise the one
        # chosen stays
        for project in self:
            project.opportunity_id = (
                project.sale_line_id.order_id.opportunity_id or project.opportunity_id
            )

    def _compute_task_progress(self):
        # one grouped query for all the projects on screen (the tab's rows);
        # tasks as the user may read them (project's rules)
        Task = self.env["project.task"]
        open_states = Task.OPEN_STATES
        counts = defaultdict(int)
        for project, state, count in Task._read_group(
            [
                ("project_id", "in", self._origin.ids),
                ("display_in_project", "=", True),
                ("state", "in", [*open_states, "1_done"]),
            ],
            groupby=["project_id", "state"],
            aggregates=["__count"],
        ):
            counts[project, state in open_states] += count
        for project in self:
            project.task_open_count = counts[project._origin, True]
            project.task_done_count = counts[project._origin, False]

    @api.constrains("opportunity_id", "company_id")
    def _check_opportunity_company(self):
        # sudo: a project manager without sales rights may edit a project of
        # an opportunity; the opportunity's company is all that is read
        for project in self.sudo():
            company = project.opportunity_id.company_id
            if company and project.company_id and company != project.company_id:
                raise ValidationError(
                    _(
                        "The project %(project)s belongs to %(company)s but its "
                        "opportunity %(opportunity)s to %(opportunity_company)s: "
                        "a project and its opportunity belong to the same company.",
                        project=project.display_name,
                        company=project.company_id.display_name,
                        opportunity=project.opportunity_id.display_name,
                        opportunity_company=company.display_name,
                    )
                )

    @api.model_create_multi
    def create(self, vals_list):
        # a project created for an opportunity (from its form, or over RPC
        # with only a name and the opportunity) gets the opportunity's
        # customer, salesperson as manager and company unless given
        leads = self._check_opportunity_access(vals_list)
        for vals in vals_list:
            if vals.get("opportunity_id"):
                lead = leads.browse(vals["opportunity_id"])
                for name, value in lead._prepare_project_values().items():
                    if value:
                        vals.setdefault(name, value)
        return super().create(vals_list)

    def write(self, vals):
        self._check_opportunity_access([vals])
        return super().write(vals)

    def _check_opportunity_access(self, vals_list):
        """Refuse to link a project to an opportunity the user may not read
        (another company's, or without sales rights), with a clear error;
        return the opportunities of ``vals_list``."""
        leads = self.env["crm.lead"].browse(
            {vals["opportunity_id"] for vals in vals_list if vals.get("opportunity_id")}
        )
        if leads and not self.env.su:
            try:
                leads.check_access("read")
            except AccessError as error:
                raise AccessError(
                    _(
                        "You cannot make a project for the opportunity "
                        "(id %(ids)s): it belongs to a company you do not work "
                        "in, or you have no access to opportunities.",
                        ids=", ".join(str(lead_id) for lead_id in leads.ids),
                    )
                ) from error
        return leads

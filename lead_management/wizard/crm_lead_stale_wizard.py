# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models


class CrmLeadStaleWizard(models.TransientModel):
    _name = "crm.lead.stale.wizard"
    _description = "Close Stale Opportunities"

    company_ids = fields.Many2many(
        "res.company",
        string="Companies",
        required=True,
        domain=lambda self: [("id", "in", self.env.companies.ids)],
        default=lambda self: self._default_company_ids(),
        help="Each company's settings apply (days without activity, lost "
        "reason), whether or not its scheduled closing is enabled.",
    )
    state = fields.Selection(
        [("draft", "Draft"), ("preview", "Preview"), ("done", "Done")],
        default="draft",
        required=True,
    )
    threshold = fields.Char(
        string="Days without activity",
        compute="_compute_threshold",
        help="An open opportunity is stale after this many days without "
        "activity (Settings > CRM, per company).",
    )
    line_ids = fields.One2many(
        "crm.lead.stale.wizard.line", "wizard_id", string="Stale Opportunities"
    )
    closed_lead_ids = fields.Many2many(
        "crm.lead",
        "crm_lead_stale_wizard_closed_rel",
        string="Closed Opportunities",
        readonly=True,
        # they are lost, hence archived
        context={"active_test": False},
    )
    result = fields.Char(readonly=True)

    @api.depends("company_ids.lead_stale_days")
    def _compute_threshold(self):
        for wizard in self:
            companies = wizard.company_ids
            if len(companies) == 1:
                wizard.threshold = str(companies.lead_stale_days)
            else:
                wizard.threshold = ", ".join(
                    f"{company.name}: {company.lead_stale_days}"
                    for company in companies
                )

    @api.model
    def _default_company_ids(self):
        companies = self.env.companies
        return companies.filtered("lead_stale_enabled") or companies

    def _reopen(self):
        return {
            "type": "ir.actions.act_window",
            "res_model": self._name,
            "res_id": self.id,
            "views": [(False, "form")],
            "target": "new",
            "name": _("Close Stale Opportunities"),
        }

    def action_preview(self):
        """List what *Close now* would close and cancel, changing nothing."""
        self.ensure_one()
        leads = self.env["crm.lead"]
        last_activities = leads._get_stale_last_activities(self.company_ids)
        leads = leads.browse(last_activities)
        self.line_ids = [fields.Command.clear()] + [
            fields.Command.create(
                {
                    "lead_id": lead.id,
                    "last_activity": last_activities[lead.id],
                    "activity_names": ", ".join(activities.mapped("display_name")),
                    "cancel_order_ids": cancelled.ids,
                    "draft_order_ids": drafts.ids,
                }
            )
            for lead, (
                activities,
                cancelled,
                drafts,
            ) in leads._get_stale_effects().items()
        ]
        self.state = "preview"
        return self._reopen()

    def action_close_now(self):
        """Close the stale opportunities of the selected companies now,
        within the access rights of the user."""
        self.ensure_one()
        leads = self.env["crm.lead"]._get_stale_opportunities(self.company_ids)
        leads._process_in_batches(lambda batch: batch._close_stale_opportunities())
        # leads that got some activity meanwhile are still active
        closed = leads.filtered(lambda lead: not lead.active)
        self.write(
            {
                "state": "done",
                "line_ids": [fields.Command.clear()],
                "closed_lead_ids": closed.ids,
                "result": _(
                    "Opportunities marked as lost: %(count)s.", count=len(closed)
                )
                if closed
                else _("Nothing was closed: no opportunity is stale."),
            }
        )
        return self._reopen()

# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class CrmLeadTraceabilityWizard(models.TransientModel):
    """Filters of the Lead – Offer – Order traceability report.

    The same domain on ``crm.lead.traceability.report`` feeds the PDF, the
    HTML preview and the list/pivot: the three show the same rows.
    """

    _name = "crm.lead.traceability.wizard"
    _inherit = ["crm.lead.report.wizard.base"]
    _description = "Lead – Offer – Order Traceability Filters"

    _show_facet_fields = ("team_id", "user_id", "partner_id", "lead_type_id")

    date_basis = fields.Selection(
        [("lead", "Lead creation date"), ("offer", "Offer date")],
        string="Period on",
        default="lead",
        required=True,
    )
    company_id = fields.Many2one(
        "res.company",
        domain=lambda self: [("id", "in", self.env.companies.ids)],
        help="Empty: all the companies selected in the company switcher.",
    )
    partner_id = fields.Many2one(
        "res.partner", string="Customer", help="The customer and its contacts."
    )
    lead_type_id = fields.Many2one("crm.lead.type")
    lead_ids = fields.Many2many("crm.lead", string="Leads")
    offer_status = fields.Selection(
        [
            ("all", "All"),
            ("converted", "Converted only"),
            ("not_converted", "Not converted only"),
        ],
        default="all",
        required=True,
        help="All: every lead, with or without offers.\n"
        "Converted only: the offers converted into orders.\n"
        "Not converted only: the offers not (yet) converted.",
    )

    def _get_report_domain(self):
        """Domain on ``crm.lead.traceability.report`` of the chosen rows."""
        self.ensure_one()
        date_field = "lead_create_date" if self.date_basis == "lead" else "offer_date"
        domain = self._get_period_domain(date_field)
        if self.company_id:
            domain.append(("company_id", "=", self.company_id.id))
        if self.lead_type_id:
            domain.append(("lead_type_id", "=", self.lead_type_id.id))
        if self.partner_id:
            domain.append(("partner_id", "child_of", self.partner_id.id))
        if self.lead_ids:
            domain.append(("lead_id", "in", self.lead_ids.ids))
        if self.offer_status == "converted":
            domain.append(("is_converted", "=", True))
        elif self.offer_status == "not_converted":
            domain += [("offer_id", "!=", False), ("is_converted", "=", False)]
        return domain

    def _get_summary_fields(self):
        return [
            "date_basis",
            "company_id",
            *super()._get_summary_fields(),
            "partner_id",
            "lead_type_id",
            "lead_ids",
            "offer_status",
        ]

    def action_print(self):
        self._check_print_limit()
        return super().action_print()

    def action_preview(self):
        self._check_print_limit()
        return super().action_preview()

    def _check_print_limit(self):
        """Refuse, before anything is rendered, a selection too large to
        print (the report checks it again when rendered another way)."""
        self.ensure_one()
        self.env[
            "report.lead_management.report_crm_lead_traceability"
        ]._check_print_limit(self._get_report_domain())

    def _get_report(self):
        return self.env.ref("lead_management.action_report_crm_lead_traceability")

    def _get_show_action_xmlid(self):
        return "lead_management.crm_lead_traceability_report_action"

    def _get_show_domain(self):
        return self._get_report_domain()

    def _get_show_context(self, action):
        # the wizard's filters replace the action's default ones
        return {}

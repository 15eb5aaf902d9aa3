# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models


class CrmLeadPeriodReportWizard(models.TransientModel):
    """Filters of the Leads Weekly and Leads Monthly reports.

    Both count the leads and opportunities created in the period, lost and
    archived ones included (a lead that came in counts, whatever became of
    it): weekly per ISO week and source, monthly per month, stage and source.
    The PDF and the pivot/graph opened by *Show* use the same domain.
    """

    _name = "crm.lead.period.report.wizard"
    _inherit = ["crm.lead.report.wizard.base"]
    _description = "Leads Weekly / Monthly Report Filters"

    report_kind = fields.Selection(
        [("weekly", "Leads Weekly"), ("monthly", "Leads Monthly")],
        string="Report",
        default="weekly",
        required=True,
    )

    def _get_lead_domain(self):
        """Domain on ``crm.lead`` (to search without ``active_test``)."""
        return self._get_period_domain("create_date")

    def _get_report(self):
        self.ensure_one()
        return self.env.ref(
            f"lead_management.action_report_crm_lead_{self.report_kind}"
        )

    def _get_show_action_xmlid(self):
        return f"lead_management.crm_lead_{self.report_kind}_action"

    def _get_show_domain(self):
        return self._get_lead_domain()

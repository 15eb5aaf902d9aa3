# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import models


class CrmLeadReportWizardMixin(models.AbstractModel):
    """The three buttons of a report wizard: Print, Preview and Show.

    A wizard that inherits it says which report it prints
    (``_get_report``) and which window action and domain show the same
    figures on screen (``_get_show_action_xmlid``, ``_get_show_domain``).
    """

    _name = "crm.lead.report.wizard.mixin"
    _description = "Lead Report Wizard: Print, Preview, Show"

    def _get_report(self):
        raise NotImplementedError

    def _get_show_action_xmlid(self):
        raise NotImplementedError

    def _get_show_domain(self):
        raise NotImplementedError

    def _get_show_context(self, action):
        """The context of the Show action: by default the action's own."""
        return action["context"]

    def action_print(self):
        """The PDF report."""
        return self._get_report().report_action(self)

    def action_preview(self):
        """The same report as an HTML page."""
        action = self._get_report().report_action(self, config=False)
        action["report_type"] = "qweb-html"
        return action

    def action_show(self):
        """The same figures on screen (list, pivot, graph)."""
        self.ensure_one()
        action = self.env["ir.actions.actions"]._for_xml_id(
            self._get_show_action_xmlid()
        )
        action["domain"] = self._get_show_domain()
        action["context"] = self._get_show_context(action)
        return action

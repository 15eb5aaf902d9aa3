# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""Run on a database with lead_management alone (SPEC §0): nothing of the
tickets add-on (lead_management_helpdesk) is there, whether or not OCA's
Helpdesk is."""

from lxml import etree

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestWithoutLeadManagementHelpdesk(TransactionCase):
    def test_add_on_not_installed(self):
        """The database of this test has the core add-on, not this one."""
        modules = self.env["ir.module.module"].search(
            [("name", "in", ["lead_management", "lead_management_helpdesk"])]
        )
        states = dict(modules.mapped(lambda module: (module.name, module.state)))
        self.assertEqual(states.get("lead_management"), "installed")
        self.assertNotEqual(states.get("lead_management_helpdesk"), "installed")

    def test_no_fields(self):
        """Opportunities have no tickets, sales teams and companies no
        helpdesk team, tickets (if Helpdesk is installed) no opportunity."""
        absent = {
            "crm.lead": ["ticket_ids", "ticket_count"],
            "crm.team": ["helpdesk_team_id"],
            "res.company": ["lead_helpdesk_team_id"],
            "res.config.settings": ["lead_helpdesk_team_id"],
            "helpdesk.ticket": ["opportunity_id"],
        }
        for model, names in absent.items():
            if model not in self.env:
                continue
            for name in names:
                with self.subTest(model=model, field=name):
                    self.assertNotIn(name, self.env[model]._fields)

    def test_stock_views(self):
        """The opportunity form has no Tickets tab, button nor smart button;
        no view of the add-on is left."""
        arch = etree.fromstring(self.env["crm.lead"].get_view(view_type="form")["arch"])
        self.assertFalse(arch.xpath("//page[@name='tickets']"))
        self.assertFalse(arch.xpath("//button[@name='action_new_ticket']"))
        self.assertFalse(arch.xpath("//button[@name='action_view_tickets']"))
        self.assertFalse(
            self.env["ir.model.data"].search(
                [("module", "=", "lead_management_helpdesk")]
            )
        )

# Copyright 2026 Lead Management Developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from lxml import etree

from odoo.tests import HttpCase, tagged

from odoo.addons.lead_management.tests.common import new_sales_user

from .common import HelpdeskCommon


@tagged("post_install", "-at_install")
class TestTicketViews(HelpdeskCommon):
    """The opportunity's Tickets tab, button and smart button, the
    opportunity on Helpdesk's views, the team settings."""

    def _arch(self, model, view_type, user=None, view_id=None):
        records = self.env[model].with_user(user or self.helpdesk_salesman)
        view = records.get_view(view_id, view_type=view_type)
        return etree.fromstring(view["arch"])

    def test_opportunity_form(self):
        """The form has the Tickets tab (number, title, team, stage,
        assignee), New Ticket in the header and the smart button."""
        arch = self._arch("crm.lead", "form")
        (page,) = arch.xpath("//page[@name='tickets']")
        self.assertEqual(page.get("invisible"), "type == 'lead'")
        columns = page.xpath(".//field[@name='ticket_ids']/list/field/@name")
        for name in ("number", "name", "team_id", "stage_id", "user_id"):
            with self.subTest(column=name):
                self.assertIn(name, columns)
        self.assertTrue(arch.xpath("//header//button[@name='action_new_ticket']"))
        self.assertTrue(
            arch.xpath(
                "//div[@name='button_box']/button[@name='action_view_tickets']"
                "/field[@name='ticket_count']"
            )
        )

    def test_ticket_views(self):
        """The opportunity is on the ticket's form, list, cards and search
        (with a group by), for users with sales rights."""
        checks = {
            "form": "//field[@name='opportunity_id']",
            "list": "//field[@name='opportunity_id']",
            "kanban": "//span[@name='opportunity_name']/field[@name='opportunity_id']",
            "search": "//field[@name='opportunity_id']",
        }
        for view_type, xpath in checks.items():
            with self.subTest(view_type=view_type):
                self.assertTrue(self._arch("helpdesk.ticket", view_type).xpath(xpath))
                self.assertFalse(
                    self._arch("helpdesk.ticket", view_type, self.helpdesk_user).xpath(
                        xpath
                    )
                )
        search = self._arch("helpdesk.ticket", "search")
        self.assertTrue(search.xpath("//filter[@name='group_by_opportunity']"))

    def test_deadline(self):
        """A ticket's deadline is on its form and list, for every helpdesk
        user, on the opportunity's tab, and tracked."""
        for view_type in ("form", "list"):
            with self.subTest(view_type=view_type):
                self.assertTrue(
                    self._arch("helpdesk.ticket", view_type, self.helpdesk_user).xpath(
                        "//field[@name='date_deadline']"
                    )
                )
        self.assertTrue(
            self._arch("crm.lead", "form").xpath(
                "//field[@name='ticket_ids']/list/field[@name='date_deadline']"
            )
        )
        ticket = self._create_ticket().with_context(
            tracking_disable=False, mail_notrack=False
        )
        # tracking values are written when the transaction commits: the
        # creation's first (the creation discards the tracking of its record)
        self.env.cr.precommit.run()
        ticket.date_deadline = "2026-12-31"
        self.env.cr.precommit.run()
        ticket.invalidate_recordset(["message_ids"])
        self.assertIn(
            "date_deadline",
            ticket.message_ids.tracking_value_ids.field_id.mapped("name"),
        )

    def test_team_settings(self):
        """The sales team's form has its helpdesk team; CRM Settings, under
        Lead Management, the company's default team."""
        self.assertTrue(
            self._arch("crm.team", "form").xpath("//field[@name='helpdesk_team_id']")
        )
        settings = self._arch(
            "res.config.settings",
            "form",
            self.env.ref("base.user_admin"),
            self.env.ref("crm.res_config_settings_view_form").id,
        )
        self.assertTrue(
            settings.xpath(
                "//block[@name='lead_management_addons']"
                "//setting[@id='module_lead_management_helpdesk_setting']"
                "//field[@name='lead_helpdesk_team_id']"
            )
        )

    def test_search_tickets_by_opportunity(self):
        """Tickets are found and grouped by their opportunity."""
        ticket = self._create_ticket()
        found = self.env["helpdesk.ticket"].search(
            [("opportunity_id", "ilike", "Chairs for the new")]
        )
        self.assertEqual(found, ticket)
        groups = self.env["helpdesk.ticket"]._read_group(
            [("id", "=", ticket.id)], ["opportunity_id"], ["__count"]
        )
        self.assertEqual(groups, [(self.opportunity, 1)])


@tagged("post_install", "-at_install")
class TestTicketTour(HttpCase):
    """A helpdesk salesman creates a ticket from an opportunity in Chromium."""

    def test_new_ticket_from_opportunity(self):
        """New Ticket opens a pre-filled dialog; once saved the ticket is on
        the Tickets tab and counts on the smart button."""
        user = new_sales_user(
            self.env,
            "lm_tour_helpdesk",
            "sales_team.group_sale_salesman_all_leads,helpdesk_mgmt.group_helpdesk_user",
            password="lm_tour_helpdesk",
        )
        partner = self.env["res.partner"].create({"name": "Tour Customer"})
        team = self.env["helpdesk.ticket.team"].create({"name": "Tour pre-sales"})
        sales_team = self.env["crm.team"].create(
            {"name": "Tour sales", "helpdesk_team_id": team.id}
        )
        lead = self.env["crm.lead"].create(
            {
                "name": "Tour server room",
                "type": "opportunity",
                "partner_id": partner.id,
                "user_id": user.id,
                "team_id": sales_team.id,
            }
        )
        self.start_tour(
            f"/odoo/crm/{lead.id}",
            "lead_management_helpdesk_new_ticket",
            login="lm_tour_helpdesk",
        )
        ticket = lead.ticket_ids
        self.assertEqual(ticket.name, "Tour legal review")
        self.assertEqual(ticket.partner_id, partner)
        self.assertEqual(ticket.team_id, team)

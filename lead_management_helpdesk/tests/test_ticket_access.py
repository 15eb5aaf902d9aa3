# Copyright 2026 Lead Management Developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from lxml import etree

from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.lead_management.tests.common import new_sales_user

from .common import HelpdeskCommon


@tagged("post_install", "-at_install")
class TestTicketAccess(HelpdeskCommon):
    """Helpdesk's and sales' groups as they are: a helpdesk user without
    sales rights works on tickets of opportunities without seeing them; a
    salesman without helpdesk rights sees what helpdesk lets him."""

    def _form_fields(self, records):
        """The fields the form of ``records`` reads, as the web client does."""
        view = records.get_view(view_type="form")
        arch = etree.fromstring(view["arch"])
        return arch, {name: {} for name in view["models"][records._name]}

    def test_helpdesk_user_without_sales_rights(self):
        """The helpdesk user opens, edits and moves a ticket of an
        opportunity as in stock Helpdesk (no opportunity on the form, no
        error), and the stage change is still logged on the opportunity."""
        self.assertFalse(self.helpdesk_user.has_group("sales_team.group_sale_salesman"))
        ticket = self._create_ticket(stage_id=self.stage_new.id)
        ticket = ticket.with_user(self.helpdesk_user)
        arch, spec = self._form_fields(ticket)
        self.assertFalse(arch.xpath("//field[@name='opportunity_id']"))
        [values] = ticket.web_read(spec)
        self.assertEqual(values["id"], ticket.id)
        ticket.write({"name": "Renamed", "stage_id": self.stage_done.id})
        [note] = self._stage_notes(self.opportunity)
        self.assertIn("closed", note)
        with self.assertRaises(AccessError):
            self.opportunity.with_user(self.helpdesk_user).read(["name"])

    def test_helpdesk_user_cannot_link_unreadable_opportunity(self):
        """Without sales rights, linking a ticket to an opportunity is
        refused with a clear error, at creation and on write."""
        with self.assertRaisesRegex(AccessError, "no access to opportunities"):
            self.env["helpdesk.ticket"].with_user(self.helpdesk_user).create(
                {
                    "name": "Mine",
                    "description": "<p>x</p>",
                    "opportunity_id": self.opportunity.id,
                }
            )
        ticket = self.env["helpdesk.ticket"].create(
            {"name": "Free", "description": "<p>x</p>"}
        )
        with self.assertRaisesRegex(AccessError, "no access to opportunities"):
            ticket.with_user(self.helpdesk_user).opportunity_id = self.opportunity
        self.assertFalse(ticket.opportunity_id)

    def test_salesman_without_helpdesk_rights(self):
        """The salesman (no helpdesk group) reads the opportunity's form
        without error: no New Ticket button; the count and tab hold the
        tickets helpdesk lets him read (those he follows)."""
        self.assertFalse(
            self.salesman.has_group("helpdesk_mgmt.group_helpdesk_user_own")
        )
        followed = self._create_ticket(name="Followed")
        self._create_ticket(name="Not followed")
        followed.message_subscribe(partner_ids=self.salesman.partner_id.ids)
        lead = self.opportunity.with_user(self.salesman)
        arch, spec = self._form_fields(lead)
        self.assertFalse(arch.xpath("//button[@name='action_new_ticket']"))
        self.assertTrue(arch.xpath("//page[@name='tickets']"))
        [values] = lead.web_read(spec)
        self.assertEqual(values["ticket_count"], 1)
        self.assertEqual(lead.ticket_ids.ids, followed.ids)

    def test_helpdesk_salesman(self):
        """A salesman who is a helpdesk user gets New Ticket and sees every
        ticket of the opportunity."""
        tickets = self._create_ticket() | self._create_ticket(name="Second")
        lead = self.opportunity.with_user(self.helpdesk_salesman)
        arch, _spec = self._form_fields(lead)
        self.assertTrue(arch.xpath("//button[@name='action_new_ticket']"))
        self.assertEqual(lead.ticket_count, 2)
        self.assertEqual(lead.ticket_ids, tickets)

    def test_other_company_opportunity_refused(self):
        """A helpdesk salesman of company B cannot make a ticket about company
        A's opportunity: a clear error naming it, not a silent link."""
        user_b = new_sales_user(
            self.env,
            "lm_helpdesk_salesman_b",
            "sales_team.group_sale_salesman_all_leads,helpdesk_mgmt.group_helpdesk_user",
            companies=self.company_b,
        )
        with self.assertRaisesRegex(AccessError, "company you do not work in"):
            self.env["helpdesk.ticket"].with_user(user_b).create(
                {
                    "name": "Foreign",
                    "description": "<p>x</p>",
                    "opportunity_id": self.opportunity.id,
                }
            )
        self.assertFalse(self.opportunity.ticket_ids)

# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import etree

from odoo import Command
from odoo.tests import Form

from .common import CrmActivityCommon


class TestCrmActivityViews(CrmActivityCommon):
    """What the web client shows of CRM activities: the Schedule Activity
    dialog, the chatter, the done message, the Activities list and the
    analysis (issue 24 points 2, 3, 7, 9, 10), on CRM records only."""

    def _schedule_form(self, record, user=None):
        Schedule = self.env["mail.activity.schedule"].with_user(user or self.salesman)
        return Form(
            Schedule.with_context(active_model=record._name, active_ids=record.ids)
        )

    def _arch(self, model, xmlid, view_type):
        view = self.env.ref(xmlid)
        return etree.fromstring(self.env[model].get_view(view.id, view_type)["arch"])

    def test_schedule_dialog_plans_crm_fields(self):
        """The chatter's Schedule Activity dialog of an opportunity takes
        the priority, the category and the customer's contact persons."""
        arch = self._arch(
            "mail.activity.schedule", "mail.mail_activity_schedule_view_form", "form"
        )
        [group] = arch.xpath("//group[@name='crm_activity']")
        self.assertEqual(group.get("invisible"), "plan_id or not is_crm_activity")
        [contacts] = group.xpath(".//field[@name='contact_ids']")
        self.assertIn("no_quick_create", contacts.get("options"))
        form = self._schedule_form(self.lead)
        self.assertTrue(form.is_crm_activity)
        self.assertEqual(form.crm_customer_id, self.customer)
        form.activity_type_id = self.call
        form.priority = "2"
        form.category_id = self.category
        form.contact_ids.add(self.contact)
        form.save().action_schedule_activities()
        [activity] = self.lead.activity_ids
        self.assertEqual(activity.priority, "2")
        self.assertEqual(activity.category_id, self.category)
        self.assertEqual(activity.contact_ids, self.contact)

    def test_schedule_dialog_of_other_apps_stays_stock(self):
        """An invoice's Schedule Activity dialog has no CRM part and plans
        an activity without CRM values."""
        invoice = self.env["account.move"].create(
            {"move_type": "out_invoice", "partner_id": self.customer.id}
        )
        form = self._schedule_form(invoice, user=self.env.user)
        self.assertFalse(form.is_crm_activity)
        self.assertFalse(form.crm_customer_id)
        form.activity_type_id = self.call
        wizard = form.save()
        self.assertEqual(wizard._prepare_crm_activity_values(), {})
        wizard.action_schedule_activities()
        self.assertFalse(invoice.activity_ids.category_id)

    def test_done_message_tells_the_crm_details(self):
        """The chatter's done message of a CRM activity gives its priority,
        category, contact persons and time spent; an invoice's stays stock."""
        activity = self._plan(
            priority="2",
            category_id=self.category.id,
            contact_ids=[Command.set(self.contact.ids)],
            time_spent=1.5,
        )
        activity.action_feedback(feedback="Agreed")
        body = self.lead.message_ids[0].body
        for text in ("High", self.category.name, "Hanna History", "01:30"):
            self.assertIn(text, body)
        invoice = self.env["account.move"].create(
            {"move_type": "out_invoice", "partner_id": self.customer.id}
        )
        invoice.activity_schedule(activity_type_id=self.call.id).action_feedback()
        self.assertNotIn(
            "o_lead_management_activity_done_details", invoice.message_ids[0].body
        )

    def test_chatter_gets_the_crm_details(self):
        """The chatter's activity data carry the category and contact
        persons by name for CRM activities, nothing more for others."""
        activity = self._plan(
            category_id=self.category.id,
            contact_ids=[Command.set(self.contact.ids)],
        )
        [data] = activity.with_user(self.salesman).activity_format()["mail.activity"]
        self.assertTrue(data["is_crm_activity"])
        self.assertEqual(data["crm_category_name"], self.category.name)
        self.assertEqual(
            data["crm_contact_names"], "History Customer Ltd, Hanna History"
        )
        invoice = self.env["account.move"].create(
            {"move_type": "out_invoice", "partner_id": self.customer.id}
        )
        other = invoice.activity_schedule(activity_type_id=self.call.id)
        [data] = other.activity_format()["mail.activity"]
        self.assertNotIn("is_crm_activity", data)

    def test_activities_list(self):
        """The Activities list never creates contacts (it would refuse
        them), and opens the activity's document."""
        arch = self._arch(
            "mail.activity", "lead_management_activity.crm_activity_view_list", "list"
        )
        [contacts] = arch.xpath("//field[@name='contact_ids']")
        self.assertIn("'no_create': True", contacts.get("options"))
        self.assertIn("'no_quick_create': True", contacts.get("options"))
        self.assertTrue(arch.xpath("//button[@name='action_open_document']"))
        action = self._plan().with_user(self.salesman).action_open_document()
        self.assertEqual(
            (action["res_model"], action["res_id"]), ("crm.lead", self.lead.id)
        )

    def test_analysis_opens_without_a_done_filter(self):
        """The activity analysis opens on planned and done activities and
        meetings alike: a planned meeting with costs shows."""
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "lead_management_activity.crm_activity_analysis_action"
        )
        self.assertNotIn("search_default_done", action["context"])

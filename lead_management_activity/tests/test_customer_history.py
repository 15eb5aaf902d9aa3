# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from odoo import fields
from odoo.tests import tagged

from odoo.addons.lead_management.tests.common import new_sales_user

from .common import CrmActivityCommon


@tagged("post_install", "-at_install")
class TestCustomerHistoryActivities(CrmActivityCommon):
    """Activities planned and done, and meetings, in the customer's history
    (the core's ``_history_sources`` extended by this add-on)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_salesman = new_sales_user(cls.env, "lm_history_act_other")
        cls.other_lead = cls.env["crm.lead"].create(
            {
                "name": "Other salesman's opportunity",
                "type": "opportunity",
                "partner_id": cls.customer.id,
                "user_id": cls.other_salesman.id,
            }
        )
        now = fields.Datetime.now()
        cls.meeting = cls.env["calendar.event"].create(
            {
                "name": "History meeting",
                "opportunity_id": cls.lead.id,
                "start": now - timedelta(days=2),
                "stop": now - timedelta(days=2, hours=-1),
                "user_id": cls.salesman.id,
            }
        )

    def _schedule(self, record=None, summary="", user=None):
        return (record or self.lead).activity_schedule(
            activity_type_id=self.call.id,
            summary=summary,
            user_id=(user or self.salesman).id,
        )

    def _rows(self, user):
        return (
            self.env["crm.customer.history"]
            .with_user(user)
            .search(
                [
                    ("partner_id", "child_of", self.customer.id),
                    ("kind", "in", ("activity", "meeting")),
                ]
            )
        )

    def test_activities_and_meetings(self):
        """A planned activity, a done one (kept archived with its date) and
        a past meeting of the customer's opportunity, with their state,
        title, responsible and the document they open."""
        planned = self._schedule(summary="Call planned")
        done = self._schedule(summary="Call done")
        done.action_feedback(feedback="Reached")
        self.assertFalse(done.exists().active)
        rows = self._rows(self.manager)
        by_title = {row.title: row for row in rows}
        self.assertEqual(
            set(by_title), {"Call planned", "Call done", "History meeting"}
        )
        self.assertEqual(by_title["Call planned"].state, "planned")
        self.assertEqual(by_title["Call planned"].date.date(), planned.date_deadline)
        self.assertEqual(by_title["Call done"].state, "done")
        self.assertEqual(by_title["Call done"].name, self.lead.lead_number)
        self.assertEqual(
            (by_title["Call done"].res_model, by_title["Call done"].res_id),
            ("crm.lead", self.lead.id),
        )
        meeting = by_title["History meeting"]
        self.assertEqual((meeting.kind, meeting.state), ("meeting", "done"))
        self.assertEqual(meeting.partner_id, self.contact)
        self.assertEqual(meeting.user_id, self.salesman)
        self.assertEqual(meeting.action_open_document()["res_model"], "calendar.event")

    def test_salesman_sees_own_documents(self):
        """The other salesman's opportunity's activity is not in the
        salesman's history, his own is."""
        self._schedule(summary="Mine")
        self._schedule(self.other_lead, "Theirs", self.other_salesman)
        self.assertIn("Theirs", self._rows(self.manager).mapped("title"))
        titles = self._rows(self.salesman).mapped("title")
        self.assertIn("Mine", titles)
        self.assertNotIn("Theirs", titles)

    def test_partner_activity(self):
        """An activity planned on the customer itself is in its history."""
        self._schedule(self.customer, "Visit the customer")
        row = self._rows(self.manager).filtered(
            lambda row: row.title == "Visit the customer"
        )
        self.assertEqual((row.res_model, row.res_id), ("res.partner", self.customer.id))
        self.assertEqual(row.commercial_partner_id, self.customer)

    def test_search_filters(self):
        """The history's search view has this add-on's kinds."""
        arch = self.env["crm.customer.history"].get_view(view_type="search")["arch"]
        self.assertIn('name="kind_activity"', arch)
        self.assertIn('name="kind_meeting"', arch)

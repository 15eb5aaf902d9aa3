# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, datetime, timedelta

from freezegun import freeze_time
from lxml import etree

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tools.safe_eval import safe_eval

from odoo.addons.lead_management.tests.common import new_sales_user

from ..hooks import restore_stock_keep_done
from .common import CrmActivityCommon


class TestCrmActivity(CrmActivityCommon):
    """Priority, category, contact persons, the timer, the follow-up and the
    history of done activities, on real activities."""

    def test_fields_and_contacts(self):
        activity = self._plan(
            priority="2",
            category_id=self.category.id,
            contact_ids=[Command.set(self.contact.ids)],
        )
        self.assertEqual(activity.customer_id, self.customer)
        self.assertEqual(activity.contact_ids, self.contact)
        with self.assertRaisesRegex(ValidationError, "Somebody Else"):
            activity.contact_ids = [Command.link(self.stranger.id)]
        # on the customer itself too
        on_partner = self._plan(
            self.customer, contact_ids=[Command.set(self.contact.ids)]
        )
        self.assertEqual(on_partner.customer_id, self.customer)

    def test_timer_adds_up(self):
        activity = self._plan()
        activity.with_user(self.salesman).action_timer_start()
        self.assertTrue(activity.timer_start)
        self._age_timer(activity, 30)
        activity.with_user(self.salesman).action_timer_pause()
        self.assertFalse(activity.timer_start)
        self.assertAlmostEqual(activity.time_spent, 0.5, places=2)
        # resume: the time adds up; a second start keeps the running timer
        activity.action_timer_start()
        started = activity.timer_start
        activity.action_timer_start()
        self.assertEqual(activity.timer_start, started)
        self._age_timer(activity, 45)
        activity.action_timer_pause()
        self.assertAlmostEqual(activity.time_spent, 1.25, places=2)
        # a second pause adds nothing
        activity.action_timer_pause()
        self.assertAlmostEqual(activity.time_spent, 1.25, places=2)

    def test_two_users_time_their_own(self):
        mine = self._plan()
        theirs = self._plan(user_id=self.manager.id)
        mine.with_user(self.salesman).action_timer_start()
        theirs.with_user(self.manager).action_timer_start()
        self._age_timer(mine, 60)
        self._age_timer(theirs, 15)
        (mine | theirs).action_timer_pause()
        self.assertAlmostEqual(mine.time_spent, 1.0, places=2)
        self.assertAlmostEqual(theirs.time_spent, 0.25, places=2)

    def test_done_stops_the_timer_and_keeps_the_activity(self):
        activity = self._plan(category_id=self.category.id)
        activity.time_spent = 0.5
        activity.action_timer_start()
        self._age_timer(activity, 30)
        activity.action_feedback(feedback="Agreed on the price")
        self.assertTrue(activity.exists())
        self.assertFalse(activity.active)
        self.assertFalse(activity.timer_start)
        self.assertAlmostEqual(activity.time_spent, 1.0, places=2)
        with self.assertRaisesRegex(UserError, "done activity"):
            activity.action_timer_start()

    def test_done_activities_of_crm_documents_are_kept_whatever_their_type(self):
        """A done To-Do (a type that does not keep done activities) of an
        opportunity, a partner or a sales order is kept, archived, as
        history; Odoo's types keep their stock *Keep Done*."""
        todo = self.env.ref("mail.mail_activity_data_todo")
        self.assertFalse(todo.keep_done)
        for xmlid in (
            "mail.mail_activity_data_email",
            "mail.mail_activity_data_call",
            "mail.mail_activity_data_meeting",
        ):
            self.assertFalse(self.env.ref(xmlid).keep_done, xmlid)
        order = self.env["sale.order"].create({"partner_id": self.customer.id})
        for record in (self.lead, self.customer, order):
            activity = record.activity_schedule(
                activity_type_id=todo.id, user_id=self.salesman.id
            )
            activity.with_user(self.salesman).action_feedback(feedback="Done it")
            self.assertTrue(activity.exists(), record)
            self.assertFalse(activity.active, record)
            self.assertTrue(activity.date_done, record)
        self.assertIn("Done it", self.lead.message_ids[0].body)

    def test_partner_activity_of_a_non_sales_user_stays_stock(self):
        """A partner is every app's: the done To-Do that an employee without
        sales rights planned for himself on it is deleted, as in stock Odoo;
        a salesperson's is kept."""
        todo = self.env.ref("mail.mail_activity_data_todo")
        employee = self.env["res.users"].create(
            {
                "name": "Test Employee",
                "login": "test_employee_no_sales",
                "groups_id": [(6, 0, [self.env.ref("base.group_user").id])],
            }
        )
        theirs = self.customer.activity_schedule(
            activity_type_id=todo.id, user_id=employee.id
        )
        ours = self.customer.activity_schedule(
            activity_type_id=todo.id, user_id=self.salesman.id
        )
        (theirs | ours).action_done()
        self.assertFalse(theirs.exists())
        self.assertTrue(ours.exists())
        self.assertFalse(ours.active)

    def test_kept_activity_leaves_the_document_next_activity(self):
        """A kept done activity is no longer the document's next one, in the
        same transaction too (Odoo's crm suite checks it)."""
        todo = self.env.ref("mail.mail_activity_data_todo")
        activity = self.lead.activity_schedule(
            activity_type_id=todo.id, summary="Only one", user_id=self.salesman.id
        )
        self.assertEqual(self.lead.activity_type_id, todo)
        self.assertEqual(self.lead.activity_summary, "Only one")
        activity.action_done()
        self.assertFalse(self.lead.activity_ids)
        self.assertFalse(self.lead.activity_type_id)
        self.assertFalse(self.lead.activity_summary)
        self.assertTrue(activity.exists())

    def test_other_apps_done_activities_stay_stock(self):
        """An invoice's done activity is deleted, as in stock Odoo, and one
        of a type that keeps them is archived, as in stock Odoo."""
        todo = self.env.ref("mail.mail_activity_data_todo")
        invoice = self.env["account.move"].create(
            {"move_type": "out_invoice", "partner_id": self.customer.id}
        )
        deleted = invoice.activity_schedule(activity_type_id=todo.id)
        deleted.action_feedback(feedback="Checked")
        self.assertFalse(deleted.exists())
        self.assertIn("Checked", invoice.message_ids[0].body)
        keeping = self.env["mail.activity.type"].create(
            {"name": "Audit", "keep_done": True}
        )
        kept = invoice.activity_schedule(activity_type_id=keeping.id)
        kept.action_done()
        self.assertTrue(kept.exists())
        self.assertFalse(kept.active)

    def test_unlink_of_a_crm_activity_still_deletes(self):
        """Only marking done keeps a CRM activity: cancelling or deleting it
        deletes it, as in stock Odoo."""
        cancelled = self._plan()
        cancelled.action_cancel()
        self.assertFalse(cancelled.exists())
        deleted = self._plan()
        deleted.unlink()
        self.assertFalse(deleted.exists())

    def test_upgrade_restores_stock_keep_done(self):
        """The three types an earlier version set to keep done activities
        get their stock value back; one set by an administrator stays."""
        types = (
            self.env.ref("mail.mail_activity_data_email")
            | self.env.ref("mail.mail_activity_data_call")
            | self.env.ref("mail.mail_activity_data_meeting")
        )
        types.keep_done = True
        restore_stock_keep_done(self.env)
        self.assertEqual(types.mapped("keep_done"), [False] * 3)
        self.call.keep_done = True
        restore_stock_keep_done(self.env)
        self.assertTrue(self.call.keep_done)

    def test_popup_shows_crm_fields_on_crm_records_only(self):
        """The activity popup shows priority, category, contacts and time on
        leads and partners; other apps' activities keep Odoo's popup."""
        arch = etree.fromstring(
            self.env["mail.activity"].get_view(
                self.env.ref("mail.mail_activity_view_form_popup").id, "form"
            )["arch"]
        )
        [group] = arch.xpath("//group[@name='crm_activity']")
        self.assertEqual(
            group.get("invisible"), "res_model not in ('crm.lead', 'res.partner')"
        )

    def test_follow_up_in_days_and_weeks(self):
        activity = self._plan(
            contact_ids=[Command.set(self.contact.ids)],
            category_id=self.category.id,
            priority="2",
        )
        with freeze_time("2031-03-10 10:00:00"):
            next_id = activity.action_done_follow_up(3, "days", feedback="Call back")
        follow_up = self.env["mail.activity"].browse(next_id)
        self.assertEqual(follow_up.date_deadline, date(2031, 3, 13))
        self.assertEqual(follow_up.activity_type_id, self.call)
        self.assertEqual(follow_up.contact_ids, self.contact)
        self.assertEqual(follow_up.category_id, self.category)
        self.assertEqual(follow_up.priority, "2")
        self.assertEqual(
            (follow_up.res_model, follow_up.res_id), ("crm.lead", self.lead.id)
        )
        self.assertEqual(follow_up.user_id, self.salesman)
        self.assertFalse(activity.active)
        with freeze_time("2031-03-10 10:00:00"):
            week = self.env["mail.activity"].browse(
                follow_up.action_done_follow_up(2, "weeks")
            )
        self.assertEqual(week.date_deadline, date(2031, 3, 24))
        on_date = self.env["mail.activity"].browse(
            week.action_done_follow_up(date_deadline="2031-04-01")
        )
        self.assertEqual(on_date.date_deadline, date(2031, 4, 1))

    def test_follow_up_in_hours_follows_the_owner_time_zone(self):
        """20:00 UTC + 6 hours: still the same day in Honolulu (UTC-10), the
        next day in Bucharest (UTC+2)."""
        self.salesman.tz = "Pacific/Honolulu"
        activity = self._plan()
        with freeze_time("2031-03-10 20:00:00"):
            honolulu = self.env["mail.activity"].browse(
                activity.action_done_follow_up(6, "hours")
            )
        self.assertEqual(honolulu.date_deadline, date(2031, 3, 10))
        self.salesman.tz = "Europe/Bucharest"
        with freeze_time("2031-03-10 20:00:00"):
            bucharest = self.env["mail.activity"].browse(
                honolulu.action_done_follow_up(6, "hours")
            )
        self.assertEqual(bucharest.date_deadline, date(2031, 3, 11))

    def test_follow_up_errors(self):
        activity = self._plan()
        with self.assertRaisesRegex(UserError, "hours, days or weeks"):
            activity.action_done_follow_up(2, "months")
        with self.assertRaisesRegex(UserError, "negative"):
            activity.action_done_follow_up(-1, "days")
        with self.assertRaisesRegex(UserError, "past"):
            activity.action_done_follow_up(date_deadline="2001-01-01")
        self.assertTrue(activity.active)  # nothing written

    def test_follow_up_in_the_done_dialog(self):
        activity = self._plan()
        wizard = self.env["mail.activity.done.wizard"].create(
            {
                "activity_id": activity.id,
                "follow_up": True,
                "follow_up_count": 1,
                "follow_up_unit": "weeks",
                "feedback": "Sent the brochure",
            }
        )
        wizard.action_done()
        self.assertFalse(activity.active)
        planned = self.lead.activity_ids
        self.assertEqual(len(planned), 1)
        self.assertEqual(
            planned.date_deadline,
            fields.Date.context_today(planned) + timedelta(weeks=1),
        )

    def test_partner_history(self):
        """The partner's Activity History: its own, its contacts', its
        opportunities', done ones included; not another customer's."""
        on_lead = self._plan()
        on_lead.action_feedback()
        on_contact = self._plan(self.contact)
        elsewhere = self._plan(self.env["crm.lead"].create({"name": "Elsewhere"}))
        self.customer.invalidate_recordset()
        self.assertEqual(self.customer.crm_activity_count, 2)
        action = self.customer.action_view_crm_activities()
        found = (
            self.env["mail.activity"]
            .with_context(active_test=False)
            .search(action["domain"])
        )
        self.assertEqual(found, on_lead | on_contact)
        self.assertNotIn(elsewhere, found)

    def test_who_sees_activities(self):
        """A salesman sees his activities and those on documents he may
        read, not those on another salesman's lead; a manager sees all."""
        other = self.env["res.users"].create(
            {
                "name": "Other seller",
                "login": "lm_other_history_seller",
                "groups_id": [
                    Command.set(self.env.ref("sales_team.group_sale_salesman").ids)
                ],
            }
        )
        foreign_lead = self.env["crm.lead"].create(
            {"name": "Not his", "type": "opportunity", "user_id": other.id}
        )
        foreign = self._plan(foreign_lead, user_id=other.id)
        mine = self._plan()
        domain = [("id", "in", (foreign | mine).ids)]
        Activity = self.env["mail.activity"]
        self.assertEqual(Activity.with_user(self.salesman).search(domain), mine)
        self.assertEqual(
            Activity.with_user(self.manager).search(domain), foreign | mine
        )

    def test_meeting_costs_in_company_currency(self):
        eur = self.env.ref("base.EUR")
        usd = self.env.ref("base.USD")
        company_currency = self.env.company.currency_id
        other = eur if company_currency != eur else usd
        other.active = True
        self.env["res.currency.rate"].create(
            {
                "currency_id": other.id,
                "name": "2031-01-01",
                "rate": 2.0,
                "company_id": self.env.company.id,
            }
        )
        meeting = self.env["calendar.event"].create(
            {
                "name": "Price negotiation",
                "start": datetime(2031, 3, 4, 9),
                "stop": datetime(2031, 3, 4, 10),
                "opportunity_id": self.lead.id,
                "user_id": self.salesman.id,
                "expected_cost": 100,
                "expected_cost_currency_id": other.id,
                "actual_cost": 80,
                "actual_cost_currency_id": company_currency.id,
                "category_id": self.category.id,
            }
        )
        self.assertEqual(meeting.meeting_customer_id, self.customer)
        self.assertAlmostEqual(meeting.expected_cost_company, 50.0)
        self.assertAlmostEqual(meeting.actual_cost_company, 80.0)
        self.lead.invalidate_recordset()
        self.assertAlmostEqual(self.lead.meeting_expected_cost, 50.0)
        self.assertAlmostEqual(self.lead.meeting_actual_cost, 80.0)

    def test_salesman_lists_his_activity_on_a_lead_he_may_not_read(self):
        """A salesperson (own documents) assigned an activity on another
        salesperson's lead sees it in the Activities list, with its
        customer, without reading the lead (issue 27 point 1)."""
        other = new_sales_user(self.env, "lm_other_list_seller")
        foreign_lead = self.env["crm.lead"].create(
            {
                "name": "Another seller's lead",
                "partner_id": self.contact.id,
                "user_id": other.id,
            }
        )
        activity = self._plan(foreign_lead)
        as_salesman = self.env["mail.activity"].with_user(self.salesman)
        with self.assertRaises(AccessError):
            foreign_lead.with_user(self.salesman).check_access("read")
        action = self.env["ir.actions.act_window"]._for_xml_id(
            "lead_management_activity.crm_activity_action"
        )
        view = self.env.ref("lead_management_activity.crm_activity_view_list")
        arch = as_salesman.get_views([(view.id, "list")])["views"]["list"]["arch"]
        fnames = etree.fromstring(arch).xpath("//field/@name")
        records = as_salesman.with_context(active_test=False).web_search_read(
            [*safe_eval(action["domain"]), ("user_id", "=", self.salesman.id)],
            {fname: {} for fname in fnames},
        )["records"]
        [row] = [row for row in records if row["id"] == activity.id]
        self.assertEqual(row["customer_id"], self.customer.id)
        self.assertEqual(row["res_name"], foreign_lead.display_name)
        self.assertEqual(activity.with_user(self.salesman).customer_id, self.customer)

    def test_customer_only_on_crm_documents(self):
        """Other apps' activities have no customer: their contacts are not
        CRM contact persons."""
        invoice = self.env["account.move"].create(
            {"move_type": "out_invoice", "partner_id": self.customer.id}
        )
        activity = invoice.activity_schedule(activity_type_id=self.call.id)
        self.assertFalse(activity.customer_id)

    def test_timer_needs_write_access(self):
        """Start and Pause write the activity through the ORM: a user who may
        read it but not write it (here the administrator made activities
        read-only for internal users) gets an AccessError, adds no time."""
        activity = self._plan()
        self.env.ref("mail.access_mail_activity_user").perm_write = False
        as_salesman = activity.with_user(self.salesman)
        as_salesman.check_access("read")
        with self.assertRaises(AccessError):
            as_salesman.action_timer_start()
        self.assertFalse(activity.timer_start)
        activity.action_timer_start()
        self._age_timer(activity, 30)
        with self.assertRaises(AccessError):
            as_salesman.action_timer_pause()
        self.assertTrue(activity.timer_start)
        self.assertFalse(activity.time_spent)

    def test_timer_moves_write_date(self):
        """The timer's writes are the ORM's: write_date and write_uid move."""
        activity = self._plan()
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE mail_activity SET write_date = '2001-01-01' WHERE id = %s",
            [activity.id],
        )
        activity.invalidate_recordset()
        activity.with_user(self.salesman).action_timer_start()
        self.env.flush_all()
        activity.invalidate_recordset()
        self.assertGreater(activity.write_date, datetime(2001, 1, 2))
        self.assertEqual(activity.write_uid, self.salesman)
        self.env.cr.execute(
            "UPDATE mail_activity SET write_date = '2001-01-01' WHERE id = %s",
            [activity.id],
        )
        activity.invalidate_recordset()
        activity.with_user(self.salesman).action_timer_pause()
        self.env.flush_all()
        activity.invalidate_recordset()
        self.assertGreater(activity.write_date, datetime(2001, 1, 2))

    def test_pause_on_a_done_activity_adds_nothing(self):
        """A done activity's history does not grow: Pause adds no time."""
        activity = self._plan()
        activity.time_spent = 0.5
        activity.action_feedback()
        # a timer left by an old version or a direct write
        activity.timer_start = fields.Datetime.now() - timedelta(hours=2)
        activity.with_user(self.salesman).action_timer_pause()
        self.assertAlmostEqual(activity.time_spent, 0.5)

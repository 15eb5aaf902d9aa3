# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
from datetime import datetime, timedelta
from unittest.mock import patch

from freezegun import freeze_time
from lxml import etree

from odoo import Command
from odoo.api import call_kw
from odoo.exceptions import AccessError
from odoo.tests import Form, tagged
from odoo.tools import SQL

from .common import LeadManagementCommon

NOW = datetime(2027, 3, 1, 10, 0, 0)
DAYS = 30


class SimulatedFailure(Exception):
    """A failure in the middle of a batch (the test makes it happen)."""


@tagged("post_install", "-at_install")
class TestStale(LeadManagementCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write({"lead_stale_enabled": True, "lead_stale_days": DAYS})
        cls.company_b.write({"lead_stale_enabled": True, "lead_stale_days": 10})
        cls.no_activity = cls.env.ref("lead_management.crm_lost_reason_no_activity")
        cls.product = cls.env["product.product"].create(
            {"name": "Consulting day", "list_price": 800.0}
        )
        cls.won_stage = cls.env["crm.stage"].create(
            {"name": "Test won", "is_won": True, "sequence": 70}
        )

    # helpers

    def _backdate(self, records, when, *columns):
        """Set the timestamp ``columns`` of ``records`` (SQL: the ORM sets
        them to the transaction's time, which freeze_time does not move)."""
        self.env.flush_all()
        for column in columns:
            self.env.cr.execute(
                SQL(
                    "UPDATE %s SET %s = %s WHERE id IN %s",
                    SQL.identifier(records._table),
                    SQL.identifier(column),
                    when,
                    tuple(records.ids),
                )
            )
        records.invalidate_recordset()

    def _lead(self, days_ago=DAYS + 10, company=None, **values):
        """An open opportunity whose creation and last stage change are
        ``days_ago`` days before NOW."""
        company = company or self.company
        lead = (
            self.env["crm.lead"]
            .with_company(company)
            .create(
                {
                    "name": f"Opportunity {days_ago} days",
                    "type": "opportunity",
                    "partner_id": self.partner.id,
                    "company_id": company.id,
                    "user_id": (
                        self.salesman if company == self.company else self.user_b
                    ).id,
                    **values,
                }
            )
        )
        self._backdate(
            lead,
            NOW - timedelta(days=days_ago),
            "create_date",
            "date_last_stage_update",
        )
        return lead

    def _offer(self, lead, state="draft"):
        order = self.env["sale.order"].create(
            {
                "partner_id": lead.partner_id.id,
                "opportunity_id": lead.id,
                "company_id": lead.company_id.id,
                "order_line": [Command.create({"product_id": self.product.id})],
            }
        )
        if state == "sent":
            order.action_quotation_sent()
        elif state == "sale":
            # confirmed in place: the offer is the order
            order.action_confirm()
        self._backdate(order, NOW - timedelta(days=DAYS + 5), "write_date")
        return order

    def _activity(self, lead, days_from_now, summary="Call back"):
        return lead.activity_schedule(
            "mail.mail_activity_data_call",
            date_deadline=(NOW + timedelta(days=days_from_now)).date(),
            summary=summary,
        )

    def _run_cron(self, **kwargs):
        with freeze_time(NOW):
            self.env["crm.lead"]._cron_close_stale_opportunities(**kwargs)

    def _stale_notes(self, lead):
        return lead.message_ids.filtered(lambda m: "Marked as lost" in (m.body or ""))

    # tests

    def test_stale_opportunity_closed(self):
        """A stale opportunity is lost with the configured reason, its
        activities closed, its sent offers cancelled; its draft offers and
        orders are left, and a note says why and what was done."""
        lead = self._lead()
        activity = self._activity(lead, -5, summary="Overdue call")
        sent, draft, order = (
            self._offer(lead, "sent"),
            self._offer(lead),
            self._offer(lead, "sale"),
        )
        self._backdate(
            sent | draft | order, NOW - timedelta(days=DAYS + 5), "write_date"
        )
        self._run_cron()
        self.assertRecordValues(
            lead,
            [
                {
                    "active": False,
                    "probability": 0,
                    "lost_reason_id": self.no_activity.id,
                }
            ],
        )
        # done: deleted, or archived where an add-on keeps done activities
        self.assertFalse(activity.exists().filtered("active"))
        done = lead.message_ids.filtered("mail_activity_type_id")
        self.assertEqual(len(done), 1)
        self.assertIn("Closed automatically", done.body)
        self.assertEqual(
            (sent.state, draft.state, order.state), ("cancel", "draft", "sale")
        )
        note = self._stale_notes(lead)
        self.assertEqual(len(note), 1)
        self.assertIn("Overdue call", note.body)
        self.assertIn(sent.name, note.body)
        self.assertIn(draft.name, note.body)
        self.assertNotIn(order.name, note.body)

    def test_every_source_of_activity_keeps_alive(self):
        """Creation, stage change, message, note, e-mail, completed activity
        and a change of an offer each count as activity, unlike the system
        user's automatic logs."""
        recent = NOW - timedelta(days=DAYS - 5)
        control = self._lead()
        created = self._lead(days_ago=DAYS - 5)
        stage = self._lead()
        self._backdate(stage, recent, "date_last_stage_update")
        message, note, email, done, system_log = (self._lead() for _i in range(5))
        offer_lead = self._lead()
        with freeze_time(recent):
            message.with_user(self.salesman).message_post(
                body="Any news?",
                message_type="comment",
                subtype_xmlid="mail.mt_comment",
            )
            note.with_user(self.salesman).message_post(
                body="Called, no answer", subtype_xmlid="mail.mt_note"
            )
            email.message_post(
                body="Re: your offer",
                message_type="email",
                author_id=self.partner.id,
                subtype_xmlid="mail.mt_comment",
            )
            self._activity(done, -1).with_user(self.salesman).action_feedback("Done")
            system_log.with_user(self.env.ref("base.user_root"))._message_log(
                body="Automatic update"
            )
        offer = self._offer(offer_lead)
        self._backdate(offer, recent, "write_date")
        self._run_cron()
        self.assertFalse(control.active)
        self.assertFalse(system_log.active, "the system user's log is no activity")
        for lead in (created, stage, message, note, email, done, offer_lead):
            self.assertTrue(lead.active, lead.name)

    def test_planned_activity_keeps_alive(self):
        """An activity due today or later keeps a lead open; an overdue one
        does not (and gets closed)."""
        today, later, overdue = self._lead(), self._lead(), self._lead()
        self._activity(today, 0)
        self._activity(later, 20)
        overdue_activity = self._activity(overdue, -1)
        self._run_cron()
        self.assertTrue(today.active)
        self.assertTrue(later.active)
        self.assertFalse(overdue.active)
        self.assertFalse(overdue_activity.exists().filtered("active"))  # done

    def test_threshold_boundary(self):
        """Older than N days is stale: N-1 and exactly N days are not."""
        before, exactly, after = (
            self._lead(days) for days in (DAYS - 1, DAYS, DAYS + 1)
        )
        self._run_cron()
        self.assertTrue(before.active)
        self.assertTrue(exactly.active)
        self.assertFalse(after.active)
        # a minute later, exactly N days becomes older than N days
        with freeze_time(NOW + timedelta(minutes=1)):
            self.env["crm.lead"]._cron_close_stale_opportunities()
        self.assertFalse(exactly.active)
        self.assertTrue(before.active)

    def test_won_lost_archived_and_leads_ignored(self):
        """Won, lost and archived opportunities and mere leads stay as they are."""
        won = self._lead(stage_id=self.won_stage.id)
        lost = self._lead()
        too_expensive = self.env["crm.lost.reason"].create({"name": "Too expensive"})
        lost.action_set_lost(lost_reason_id=too_expensive.id)
        archived = self._lead()
        archived.active = False
        lead = self._lead(type="lead")
        messages = (won | lost | archived | lead).message_ids
        self._run_cron()
        self.assertTrue(won.active)
        self.assertEqual(won.stage_id, self.won_stage)
        self.assertEqual(lost.lost_reason_id, too_expensive)
        self.assertFalse(archived.lost_reason_id)
        self.assertTrue(lead.active)
        self.assertEqual((won | lost | archived | lead).message_ids, messages)

    def test_per_company_settings(self):
        """Each company's days, lost reason and switch apply to its leads."""
        reason_b = self.env["crm.lost.reason"].create({"name": "Dormant"})
        self.company_b.lead_stale_lost_reason_id = reason_b
        lead_a = self._lead(days_ago=20)
        lead_b = self._lead(days_ago=20, company=self.company_b)
        self._run_cron()
        self.assertTrue(lead_a.active)  # 30 days in company A
        self.assertFalse(lead_b.active)  # 10 days in company B
        self.assertEqual(lead_b.lost_reason_id, reason_b)
        # switched off: the scheduled action leaves the company alone
        self.company.lead_stale_enabled = False
        old_a = self._lead(days_ago=90)
        self._run_cron()
        self.assertTrue(old_a.active)

    def test_rerun_does_nothing_more(self):
        """A second run finds nothing: no note, activity or offer twice."""
        leads = self._lead() | self._lead()
        for lead in leads:
            self._activity(lead, -3)
            self._offer(lead, "sent")
        self._run_cron()
        messages = self.env["mail.message"].search([("model", "=", "crm.lead")])
        orders = self.env["sale.order"].search([]).read(["state", "write_date"])
        self._run_cron()
        self.assertEqual(
            self.env["mail.message"].search([("model", "=", "crm.lead")]), messages
        )
        self.assertEqual(
            self.env["sale.order"].search([]).read(["state", "write_date"]), orders
        )
        for lead in leads:
            self.assertEqual(len(self._stale_notes(lead)), 1)

    def test_interrupted_run_then_rerun(self):
        """A failure in the middle of a batch undoes that batch only; the
        batches before it stay done, progress says so, and the next run of
        the scheduled action finishes the work without doing anything twice."""
        leads = self.env["crm.lead"]
        for _i in range(5):
            lead = self._lead()
            self._activity(lead, -2)
            self._offer(lead, "sent")
            leads |= lead
        cron = self.env.ref("lead_management.ir_cron_crm_lead_close_stale")
        cron.code = "model._cron_close_stale_opportunities(batch_size=2)"
        Lead = type(self.env["crm.lead"])
        action_set_lost = Lead.action_set_lost
        calls = []

        def fail_in_second_batch(records, **values):
            calls.append(records)
            result = action_set_lost(records, **values)
            if len(calls) == 2:
                raise SimulatedFailure("crash after marking the second batch lost")
            return result

        with (
            freeze_time(NOW),
            patch.object(Lead, "action_set_lost", fail_in_second_batch),
        ):
            # not assertRaises: its savepoint would undo the batches done
            # before the failure, which the scheduler commits
            try:
                cron.method_direct_trigger()
            except ValueError as error:  # the server action wraps it
                self.assertIn("SimulatedFailure", str(error))
            else:
                self.fail("the simulated failure did not happen")
        leads.invalidate_recordset()
        self.assertEqual(leads.mapped("active"), [False, False, True, True, True])
        self.assertEqual(
            leads.order_ids.mapped("state"),
            ["cancel", "cancel", "sent", "sent", "sent"],
        )
        self.assertEqual([len(lead.activity_ids) for lead in leads], [0, 0, 1, 1, 1])
        self.assertEqual(
            [len(self._stale_notes(lead)) for lead in leads], [1, 1, 0, 0, 0]
        )
        progress = self.env["ir.cron.progress"].search(
            [("cron_id", "=", cron.id)], order="id desc", limit=1
        )
        self.assertEqual((progress.done, progress.remaining), (2, 3))

        with freeze_time(NOW):
            cron.method_direct_trigger()
        self.assertFalse(any(leads.mapped("active")))
        self.assertEqual(set(leads.order_ids.mapped("state")), {"cancel"})
        for lead in leads:
            self.assertEqual(len(self._stale_notes(lead)), 1)
            self.assertEqual(len(lead.message_ids.filtered("mail_activity_type_id")), 1)
            self.assertEqual(lead.lost_reason_id, self.no_activity)

    def test_preview_changes_nothing(self):
        """Preview lists exactly what would be closed and cancelled, and
        changes nothing."""
        stale, alive = self._lead(), self._lead(days_ago=5)
        self._activity(stale, -3, summary="Send brochure")
        sent, draft = self._offer(stale, "sent"), self._offer(stale)
        self._offer(stale, "sale")
        messages = self.env["mail.message"].search([])
        wizard = (
            self.env["crm.lead.stale.wizard"]
            .with_user(self.manager)
            .create({"company_ids": [Command.set(self.company.ids)]})
        )
        with freeze_time(NOW):
            wizard.action_preview()
        self.assertRecordValues(
            wizard.line_ids,
            [
                {
                    "lead_id": stale.id,
                    "activity_names": "Send brochure",
                    "cancel_order_ids": sent.ids,
                    "draft_order_ids": draft.ids,
                    "last_activity": NOW - timedelta(days=DAYS + 5),
                }
            ],
        )
        self.assertTrue(stale.active and alive.active)
        self.assertEqual(sent.state, "sent")
        self.assertEqual(len(stale.activity_ids), 1)
        self.assertEqual(self.env["mail.message"].search([]), messages)

    def test_wizard_form(self):
        """The wizard's form: companies prefilled with those that enabled the
        process, Preview then Close now."""
        self.company_b.lead_stale_enabled = False
        lead = self._lead()
        manager_env = self.env(
            user=self.manager,
            context={"allowed_company_ids": (self.company | self.company_b).ids},
        )
        wizard = Form(manager_env["crm.lead.stale.wizard"]).save()
        self.assertEqual(wizard.company_ids, self.company)
        with freeze_time(NOW):
            wizard.action_preview()
            self.assertEqual(wizard.line_ids.lead_id, lead)
            self.assertTrue(lead.active)
            wizard.action_close_now()
        self.assertEqual(wizard.state, "done")
        self.assertFalse(lead.active)
        self.assertEqual(wizard.result, "Opportunities marked as lost: 1.")

    def test_wizard_threshold_buttons_and_result(self):
        """The wizard shows the companies' threshold; Close now is offered
        only when the preview found something to close; closing nothing is
        reported in words."""
        self.company.lead_stale_days = 45
        wizard = self.env["crm.lead.stale.wizard"].create(
            {"company_ids": [Command.set(self.company.ids)]}
        )
        self.assertEqual(wizard.threshold, "45")
        wizard.company_ids |= self.company_b
        self.assertIn(f"{self.company.name}: 45", wizard.threshold)
        arch = self.env["crm.lead.stale.wizard"].get_view(
            self.env.ref("lead_management.crm_lead_stale_wizard_view_form").id,
            "form",
        )["arch"]
        (close_now,) = etree.fromstring(arch).xpath(
            "//button[@name='action_close_now']"
        )
        self.assertEqual(
            close_now.get("invisible"), "state != 'preview' or not line_ids"
        )
        with freeze_time(NOW):
            wizard.action_preview()
            self.assertFalse(wizard.line_ids)
            wizard.action_close_now()
        self.assertEqual(wizard.result, "Nothing was closed: no opportunity is stale.")

    def test_close_now_wizard_within_access_rights(self):
        """Close now closes the selected companies' stale opportunities that
        the user may see, even where the scheduled action is off; users
        without the manager group cannot use it."""
        self.company_b.lead_stale_enabled = False
        lead_a = self._lead()
        lead_b = self._lead(company=self.company_b)
        # the manager works in company A only: company B's leads are hidden
        manager_env = self.env(
            user=self.manager, context={"allowed_company_ids": self.company.ids}
        )
        wizard = manager_env["crm.lead.stale.wizard"].create(
            {"company_ids": [Command.set((self.company | self.company_b).ids)]}
        )
        with freeze_time(NOW):
            wizard.action_close_now()
        self.assertEqual(wizard.closed_lead_ids, lead_a)
        self.assertTrue(lead_b.active)
        with freeze_time(NOW):
            self.env["crm.lead.stale.wizard"].with_user(self.manager).create(
                {"company_ids": [Command.set(self.company_b.ids)]}
            ).action_close_now()
        self.assertFalse(lead_b.active)
        with self.assertRaises(AccessError):
            self.env["crm.lead.stale.wizard"].with_user(self.salesman).create({})

    def test_over_rpc(self):
        """Create the wizard, preview, read the lines and close, as an RPC
        client does; every answer is plain data."""
        lead = self._lead()
        Wizard = self.env["crm.lead.stale.wizard"].with_user(self.manager)
        with freeze_time(NOW):
            wizard_id = call_kw(
                Wizard, "create", [{"company_ids": [Command.set(self.company.ids)]}], {}
            )
            json.dumps(call_kw(Wizard, "action_preview", [[wizard_id]], {}))
            lines = call_kw(Wizard, "read", [[wizard_id], ["line_ids"]], {})[0][
                "line_ids"
            ]
            self.assertEqual(
                call_kw(
                    Wizard.env["crm.lead.stale.wizard.line"],
                    "read",
                    [lines, ["lead_id"]],
                    {},
                )[0]["lead_id"][0],
                lead.id,
            )
            json.dumps(call_kw(Wizard, "action_close_now", [[wizard_id]], {}))
        self.assertFalse(lead.active)

    def test_selection_is_one_query(self):
        """Selecting the stale opportunities of all companies is one query,
        however many there are."""
        companies = self.company | self.company_b
        # warm-up: the settings and the user's time zone are read once
        self.env["crm.lead"]._get_stale_opportunities(companies)
        for count in (2, 20):
            leads = self.env["crm.lead"].union(*(self._lead() for _i in range(count)))
            self.env.flush_all()
            self.env.cr.flush()  # the creations' pending hooks
            with freeze_time(NOW), self.assertQueryCount(1):
                stale = self.env["crm.lead"]._get_stale_opportunities(companies)
            self.assertLessEqual(leads, stale)

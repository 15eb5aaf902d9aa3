# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, Command
from odoo.tests import tagged

from .common import LeadProcessCommon

RAW_EMAIL = """Return-Path: <{email}>
To: sales@lead-process.example.com
From: Ana Pop <{email}>
Subject: {subject}
Message-ID: <{message_id}@mail.lead-process.example.com>
Date: Tue, 01 Dec 2026 10:00:00 +0000
MIME-Version: 1.0
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: 7bit

We need 40 desks for our new office.
"""


@tagged("post_install", "-at_install")
class TestLeadFromOtherApps(LeadProcessCommon):
    """Leads made by other apps (the e-mail gateway, website forms, events,
    live chat) are created as stock creates them: the process adds its own
    stage to a new lead, and nothing else (issue 27 point 9)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        # mail as the gateway and the website run it: messages, tracking and
        # followers on (BaseCommon turns them off)
        cls.env = cls.env(
            context={
                key: value
                for key, value in cls.env.context.items()
                if not key.startswith(("mail_", "tracking_"))
            }
        )
        # the process works on leads: CRM's Leads setting on, as the
        # administrator turns it on (other apps then create leads)
        cls.env["res.config.settings"].create({"group_use_lead": True}).execute()
        cls.team.use_leads = True
        cls.website_user = cls.env.ref("base.user_admin")

    def _assert_created_as_stock(self, lead):
        """``lead`` holds only what stock gave it, plus the process's stage:
        every other field of the process is empty, no message tracks it, no
        activity is planned, no follower added and no stay recorded."""
        ours = {
            name: lead[name]
            for name, field in lead._fields.items()
            if field._module == "lead_management_process"
        }
        self.assertEqual(ours.pop("process_stage"), "qualification")
        self.assertFalse(any(ours.values()), ours)
        self.assertFalse(
            lead.message_ids.tracking_value_ids.filtered(
                lambda value: (
                    value.field_id.name in ("process_stage", "need_maturity_id")
                )
            )
        )
        self.assertFalse(lead.activity_ids)
        # the process stage stays out of stock's chatter and of the e-mails
        # stock sends (the salesperson's "assigned to you")
        mails = self.env["mail.mail"].search(
            [("model", "=", "crm.lead"), ("res_id", "=", lead.id)]
        )
        for body in lead.message_ids.mapped("body") + mails.mapped("body_html"):
            self.assertNotIn("Qualification", str(body))

    def _gateway(self, subject, message_id, custom_values=None):
        lead_id = self.env["mail.thread"].message_process(
            "crm.lead",
            RAW_EMAIL.format(
                email="ana.pop@fabrikam-gateway.example.com",
                subject=subject,
                message_id=message_id,
            ),
            custom_values=dict(custom_values or {}, team_id=self.team.id),
        )
        return self.env["crm.lead"].browse(lead_id)

    def _assert_stock_stage(self, lead):
        """The stage stock gives a new lead of the team: its first one."""
        self.assertEqual(
            lead.stage_id,
            lead._stage_find(team_id=lead.team_id.id, domain=[("fold", "=", False)]),
        )

    def test_mail_gateway(self):
        """crm's ``message_new`` (an e-mail to a sales alias) makes the lead
        stock makes: the subject as its name, the sender, no salesperson,
        the team's first stage, the e-mail as its only message; the process
        adds its stage and nothing else."""
        lead = self._gateway("Office desks", "process")
        self.assertEqual(lead.type, "lead")
        self.assertEqual(lead.name, "Office desks")
        self.assertEqual(
            lead.email_from, '"Ana Pop" <ana.pop@fabrikam-gateway.example.com>'
        )
        self.assertFalse(lead.user_id)
        self.assertEqual(lead.team_id, self.team)
        self._assert_stock_stage(lead)
        self.assertEqual(lead.message_ids.mapped("message_type"), ["email"])
        self._assert_created_as_stock(lead)
        # the customer's reply goes on the same lead, as stock
        self.env["mail.thread"].message_process(
            "crm.lead",
            RAW_EMAIL.format(
                email="ana.pop@fabrikam-gateway.example.com",
                subject="Re: Office desks",
                message_id="reply",
            ).replace(
                "Message-ID:",
                f"In-Reply-To: {lead.message_ids.message_id}\nMessage-ID:",
            ),
        )
        self.assertEqual(len(lead.message_ids), 2)
        self.assertEqual(lead.process_stage, "qualification")
        self.assertFalse(lead.process_history_ids)

    def test_website_form(self):
        """A lead from a website form (the values ``website_crm`` passes, as
        the superuser like the form's controller) is created as stock."""
        medium = self.env["utm.medium"]._fetch_or_create_utm_medium("website")
        values = {
            "name": "Website: office desks",
            "contact_name": "Ana Pop",
            "email_from": "ana.pop@fabrikam-web.example.com",
            "phone": "+40 700 000 000",
            "partner_name": "Fabrikam Web SRL",
            "description": "We need 40 desks.",
            "medium_id": medium.id,
            "team_id": self.team.id,
            "user_id": self.website_user.id,
            "type": "lead",
        }
        lead = (
            self.env["crm.lead"]
            .with_user(SUPERUSER_ID)
            .with_context(mail_create_nosubscribe=True)
            .create(values)
        )
        self.assertRecordValues(
            lead,
            [
                {
                    "type": "lead",
                    "medium_id": medium.id,
                    "team_id": self.team.id,
                    "user_id": self.website_user.id,
                    "partner_id": False,
                    "partner_name": "Fabrikam Web SRL",
                    "contact_name": "Ana Pop",
                }
            ],
        )
        self._assert_stock_stage(lead)
        self._assert_created_as_stock(lead)

    def test_event_and_live_chat_leads(self):
        """Leads made in batch by other apps (event_crm's rules: a type and
        tags; live chat: a lead of the visitor) are created as stock; an
        opportunity they make never enters the process."""
        tag = self.env["crm.tag"].create({"name": "Event visitor"})
        values = [
            {
                "name": "Fair 2026 - Ana Pop",
                "type": "lead",
                "team_id": self.team.id,
                "user_id": self.salesman.id,
                "tag_ids": [Command.set(tag.ids)],
                "contact_name": "Ana Pop",
                "email_from": "ana.pop@fabrikam-event.example.com",
                "description": "Registered for Fair 2026",
                "referred": "Fair 2026",
            },
            {
                "name": "Chat with a visitor",
                "team_id": self.team.id,
                "user_id": self.salesman.id,
                "description": "Visitor: we need desks",
            },
        ]
        Lead = self.env["crm.lead"].sudo().with_context(mail_create_nosubscribe=True)
        leads = Lead.create(values)
        for lead in leads:
            with self.subTest(lead=lead.name):
                self.assertEqual(lead.type, "lead")
                self.assertEqual(lead.user_id, self.salesman)
                self._assert_stock_stage(lead)
                self._assert_created_as_stock(lead)
        self.assertEqual(leads[0].tag_ids, tag)
        opportunity = Lead.create(dict(values[0], type="opportunity"))
        self.assertFalse(opportunity.process_stage)

# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from lxml import etree

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.modules.module import get_manifest
from odoo.tests import Form
from odoo.tools.safe_eval import safe_eval

from ..hooks import uninstall_hook
from .common import LeadProcessCommon


class TestLeadProcess(LeadProcessCommon):
    """Process stages on real leads: qualify, distribute, disqualify, the
    result of the opportunity, the history and the rules."""

    def test_leads_setting_is_crm_own(self):
        """CRM's Leads setting is crm's switch, other apps behave by it
        (website forms, new teams): installing the process leaves it as it
        was; its Settings line tells the administrator to turn it on (the
        demo database of scripts/run.sh has it on)."""
        self.assertFalse(get_manifest("lead_management_process").get("post_init_hook"))
        help_text = (
            self.env["res.config.settings"]
            ._fields["module_lead_management_process"]
            .help
        )
        self.assertIn("turn on Leads", help_text)

    def test_new_leads_start_in_qualification(self):
        lead = self._lead()
        self.assertEqual(lead.process_stage, "qualification")
        opportunity = self.env["crm.lead"].create(
            {"name": "Direct opportunity", "type": "opportunity"}
        )
        self.assertFalse(opportunity.process_stage)
        copy = lead.copy()
        self.assertEqual(copy.process_stage, "qualification")

    def test_groups_in_process_order(self):
        """Kanban columns and list groups (web_read_group, lazy) of leads
        follow the process's order, not the technical keys' (issue 24
        point 4)."""
        stages = ("disqualified", "transfer", "distribution", "qualification")
        leads = self.env["crm.lead"].create(
            [
                {"name": f"Order {stage}", "type": "lead", "process_stage": stage}
                for stage in stages
            ]
        )
        leads[0].action_archive()
        Lead = self.env["crm.lead"].with_context(active_test=False)
        result = Lead.web_read_group(
            [("id", "in", leads.ids)], ["process_stage"], ["process_stage"]
        )
        self.assertEqual(
            [group["process_stage"] for group in result["groups"]],
            ["qualification", "distribution", "transfer", "disqualified"],
        )

    def test_qualify_creates_company_and_contact(self):
        lead = self._lead()
        lead.action_qualify()
        self.assertEqual(lead.process_stage, "distribution")
        contact = lead.partner_id
        self.assertEqual(contact.name, "Ana Pop")
        self.assertEqual(contact.parent_id.name, "Fabrikam Process SRL")
        self.assertTrue(contact.parent_id.is_company)
        self.assertEqual(contact.email, "ana.pop@fabrikam-process.example.com")
        self.assertEqual(contact.company_id, lead.company_id)
        # a second lead of the same person and company reuses both
        second = self._lead(name="Chairs")
        second.action_qualify()
        self.assertEqual(second.partner_id, contact)
        other = self._lead(
            name="Desks", contact_name="Ion Rus", email_from="ion@fabrikam.example"
        )
        other.action_qualify()
        self.assertEqual(other.partner_id.parent_id, contact.parent_id)
        self.assertEqual(
            self.env["res.partner"].search_count(
                [("name", "=", "Fabrikam Process SRL")]
            ),
            1,
        )

    def test_qualify_with_salesperson_skips_distribution(self):
        lead = self._lead(user_id=self.salesman.id)
        lead.with_user(self.salesman).action_qualify()
        self.assertEqual(lead.process_stage, "transfer")
        activity = self._contact_activities(lead)
        self.assertEqual(len(activity), 1)
        self.assertEqual(activity.user_id, self.salesman)

    def test_qualify_many_names_what_is_missing(self):
        good = self._lead()
        nameless = self._lead(partner_name=False, contact_name=False)
        unreachable = self._lead(email_from=False, phone=False)
        partners_before = self.env["res.partner"].search_count([])
        with self.assertRaises(UserError) as error:
            (good | nameless | unreachable).action_qualify()
        self.assertEqual(
            str(error.exception),
            "To qualify these leads, add:\n"
            f"• {nameless.display_name}: a contact or company name\n"
            f"• {unreachable.display_name}: an e-mail address or a phone number",
        )
        # nothing half-written
        self.assertEqual(self.env["res.partner"].search_count([]), partners_before)
        self.assertEqual(good.process_stage, "qualification")
        self.assertFalse(good.partner_id)

    def test_qualify_one_says_what_to_add(self):
        """One lead: one sentence naming the lead and all it lacks."""
        lead = self._lead(partner_name=False, contact_name=False, email_from=False)
        with self.assertRaises(UserError) as error:
            lead.action_qualify()
        self.assertEqual(
            str(error.exception),
            f"To qualify {lead.display_name}, add a contact or company name "
            "and an e-mail address or a phone number.",
        )

    def test_qualify_twice_refused(self):
        lead = self._lead()
        lead.action_qualify()
        with self.assertRaisesRegex(UserError, "Distribution"):
            lead.action_qualify()

    def test_qualify_many_leads_at_once(self):
        leads = self.env["crm.lead"].create(
            [
                {
                    "name": f"Batch lead {index}",
                    "type": "lead",
                    "partner_name": f"Batch company {index % 3}",
                    "contact_name": f"Batch contact {index}",
                    "phone": f"+40 700 000 {index:03d}",
                    "user_id": self.salesman.id if index % 2 else False,
                    "company_id": self.company.id,
                }
                for index in range(6)
            ]
        )
        leads.action_qualify()
        self.assertEqual(
            leads.mapped("process_stage"),
            ["distribution", "transfer"] * 3,
        )
        self.assertEqual(len(leads.partner_id), 6)
        self.assertEqual(len(leads.partner_id.parent_id), 3)

    def test_qualify_queries_flat(self):
        def prepare(size):
            leads = self._create_leads(
                size,
                type="lead",
                partner_id=self.partner.id,
                email_from="flat@example.com",
                user_id=self.salesman.id,
            )
            return leads.action_qualify

        self.assertFlatQueryCount(prepare, sizes=(5, 40), slack=4)

    def test_distribute(self):
        lead = self._lead()
        lead.action_qualify()
        lead.action_distribute(self.salesman.id, self.team.id, remind=True)
        self.assertEqual(lead.process_stage, "transfer")
        self.assertEqual(lead.user_id, self.salesman)
        self.assertEqual(lead.team_id, self.team)
        self.assertEqual(self._contact_activities(lead).user_id, self.salesman)
        other = self._lead(name="No reminder")
        other.action_qualify()
        other.action_distribute(self.salesman.id, self.team.id)
        self.assertFalse(self._contact_activities(other))

    def test_distribute_wizard(self):
        leads = self._lead() | self._lead(name="Second")
        leads.action_qualify()
        action = leads.action_open_distribute()
        form = Form(self.env["crm.lead.distribute"].with_context(**action["context"]))
        form.user_id = self.salesman
        form.team_id = self.team
        form.save().action_distribute()
        self.assertEqual(leads.mapped("process_stage"), ["transfer", "transfer"])
        self.assertEqual(len(leads.activity_ids), 2)

    def test_distribute_wizard_takes_the_salespersons_team(self):
        """Choosing the salesperson fills in their sales team, as on crm's
        lead form; a team they belong to is kept (issue 24 point 13)."""
        own_team = self.env["crm.team"].create(
            {
                "name": "Salesman's team",
                "company_id": self.company.id,
                "member_ids": [Command.link(self.salesman.id)],
            }
        )
        lead = self._lead()
        lead.action_qualify()
        action = lead.action_open_distribute()
        form = Form(self.env["crm.lead.distribute"].with_context(**action["context"]))
        self.assertFalse(form.team_id)
        form.user_id = self.salesman
        self.assertEqual(form.team_id, own_team)
        form.team_id = self.team
        form.save().action_distribute()
        self.assertEqual(lead.team_id, self.team)

    def test_distribute_to_team_of_other_company_refused(self):
        lead = self._lead()
        lead.action_qualify()
        with self.assertRaisesRegex(ValidationError, "Company B"):
            lead.action_distribute(self.salesman.id, self.team_b.id)
        self.assertEqual(lead.process_stage, "distribution")
        self.assertFalse(lead.team_id == self.team_b)

    def test_distribute_wrong_stage_refused(self):
        lead = self._lead()
        with self.assertRaisesRegex(UserError, "Qualification"):
            lead.action_distribute(self.salesman.id, self.team.id)

    def test_disqualify(self):
        lead = self._lead(user_id=self.salesman.id)
        lead.action_qualify()
        reason = self.env.ref("lead_management_process.crm_lost_reason_wrong_contact")
        action = lead.action_disqualify()
        self.assertEqual(action["res_model"], "crm.lead.lost")
        self.assertEqual(action["name"], "Disqualify")
        # the stock lost dialog disqualifies too
        wizard = (
            self.env["crm.lead.lost"]
            .with_context(**action["context"])
            .create({"lost_reason_id": reason.id})
        )
        wizard.action_lost_reason_apply()
        self.assertEqual(lead.process_stage, "disqualified")
        self.assertFalse(lead.active)
        self.assertEqual(lead.lost_reason_id, reason)
        self.assertFalse(lead.activity_ids)
        with self.assertRaisesRegex(UserError, "not an open lead"):
            lead.action_disqualify(reason.id)

    def test_stock_lost_keeps_the_stage(self):
        """Odoo's own Lost on a lead behaves as in stock Odoo: archived with
        its reason, its process stage left as it was (only Disqualify
        disqualifies)."""
        lead = self._lead()
        reason = self.env["crm.lost.reason"].create({"name": "Too expensive"})
        self.env["crm.lead.lost"].create(
            {"lead_ids": lead.ids, "lost_reason_id": reason.id}
        ).action_lost_reason_apply()
        self.assertFalse(lead.active)
        self.assertEqual(lead.process_stage, "qualification")
        self.assertFalse(lead.process_history_ids)

    def test_disqualify_with_reason(self):
        lead = self._lead()
        reason = self.env.ref("lead_management_process.crm_lost_reason_spam")
        lead.action_disqualify(reason.id)
        self.assertEqual(lead.process_stage, "disqualified")
        self.assertEqual(lead.lost_reason_id, reason)
        other = self._lead(name="Other")
        with self.assertRaisesRegex(UserError, "does not exist"):
            other.action_disqualify(reason.id + 1000)
        # a sales reason does not disqualify (issue 24 point 11)
        with self.assertRaisesRegex(UserError, "Too expensive is a reason to lose"):
            other.action_disqualify(self.env.ref("crm.lost_reason_1").id)
        self.assertEqual(other.process_stage, "qualification")

    def test_disqualify_dialog_offers_disqualification_reasons(self):
        """Disqualify's dialog offers the disqualification reasons and its
        own button; Odoo's Lost dialog keeps the sales reasons (issue 24
        point 11)."""
        lead = self._lead()
        disqualify = self.env.ref(
            "lead_management_process.crm_lost_reason_not_interested"
        )
        sales = self.env.ref("crm.lost_reason_1")
        Lost = self.env["crm.lead.lost"]
        view = Lost.get_view(self.env.ref("crm.crm_lead_lost_view_form").id)
        arch = etree.fromstring(view["arch"])
        domain = arch.xpath("//field[@name='lost_reason_id']")[0].get("domain")
        Reason = self.env["crm.lost.reason"]
        for context, offered, hidden in (
            (lead.action_disqualify()["context"], disqualify, sales),
            ({}, sales, disqualify),
        ):
            reasons = Reason.search(safe_eval(domain, {"context": context}))
            self.assertIn(offered, reasons)
            self.assertNotIn(hidden, reasons)
        [button] = arch.xpath("//button[@string='Disqualify']")
        self.assertEqual(button.get("name"), "action_lost_reason_apply")

    def test_uninstall_keeps_disqualification_reasons_in_use(self):
        """Uninstalling releases the disqualification reasons of lost leads
        from the module (they stay, as lost reasons); unused ones go."""
        spam = self.env.ref("lead_management_process.crm_lost_reason_spam")
        self._lead().action_disqualify(spam.id)
        uninstall_hook(self.env)
        self.env.invalidate_all()
        xmlids = self.env["ir.model.data"].search(
            [
                ("module", "=", "lead_management_process"),
                ("model", "=", "crm.lost.reason"),
            ]
        )
        self.assertNotIn("crm_lost_reason_spam", xmlids.mapped("name"))
        self.assertIn("crm_lost_reason_duplicate", xmlids.mapped("name"))
        self.assertTrue(spam.exists())

    def _visible_header_buttons(self, lead):
        """The lead form's header buttons shown for ``lead``: (label,
        primary) of those whose ``invisible`` is false on its values."""
        arch = etree.fromstring(lead.get_view(view_type="form")["arch"])
        values = {name: lead[name] for name in lead._fields}
        values.update(context={}, uid=self.env.uid)
        return [
            (
                button.get("string"),
                bool(
                    {"oe_highlight", "btn-primary"}
                    & set(button.get("class", "").split())
                ),
            )
            for button in arch.xpath("//header/button")
            if not safe_eval(button.get("invisible", "False"), values)
        ]

    def test_one_primary_button_per_stage(self):
        """A lead in the process shows one primary button, its stage's, and
        Disqualify instead of crm's Lost (issue 24 point 12)."""
        lead = self._lead()
        for stage, primary in (
            ("qualification", "Qualify"),
            ("distribution", "Distribute"),
            ("transfer", "Transfer to Sale"),
        ):
            lead.process_stage = stage
            buttons = self._visible_header_buttons(lead)
            self.assertEqual([label for label, main in buttons if main], [primary])
            labels = [label for label, _main in buttons]
            self.assertIn("Disqualify", labels)
            self.assertIn("Convert to Opportunity", labels)
            self.assertNotIn("Lost", labels)

    def test_opportunity_result_ends_the_process(self):
        won = self._lead(name="Won")
        lost = self._lead(name="Lost")
        (won | lost).write({"process_stage": "waiting", "type": "opportunity"})
        won.action_set_won()
        self.assertEqual(won.process_stage, "satisfied")
        lost.action_set_lost()
        self.assertEqual(lost.process_stage, "no_need")
        # an opportunity outside the process keeps no stage
        direct = self.env["crm.lead"].create({"name": "Direct", "type": "opportunity"})
        direct.action_set_won()
        self.assertFalse(direct.process_stage)

    def test_won_by_stage(self):
        """Moving the opportunity into a won stage satisfies the need too."""
        lead = self._lead()
        lead.write({"process_stage": "waiting", "type": "opportunity"})
        won_stage = self.env["crm.stage"].search([("is_won", "=", True)], limit=1)
        lead.stage_id = won_stage
        self.assertEqual(lead.process_stage, "satisfied")

    def test_status_bar_jumps_and_history(self):
        lead = self._lead().with_context(tracking_disable=False, mail_notrack=False)
        # tracking compares values at each commit, from the lead's creation
        self.env.flush_all()
        self.env.cr.precommit.run()
        lead.process_stage = "transfer"  # skip Distribution
        self.env.flush_all()
        self.env.cr.precommit.run()  # tracking is posted before commit
        lead.process_stage = "qualification"  # and go back
        self.env.flush_all()
        self.env.cr.precommit.run()
        lead.invalidate_recordset()
        history = lead.process_history_ids
        self.assertEqual(history.mapped("process_stage"), ["qualification", "transfer"])
        self.assertTrue(all(row.date_end >= row.date_start for row in history))
        self.assertTrue(lead.process_stage_date)
        # tracked on the chatter
        tracked = lead.message_ids.tracking_value_ids.filtered(
            lambda value: value.field_id.name == "process_stage"
        )
        self.assertEqual(len(tracked), 2)
        # writing the same stage records nothing
        lead.process_stage = "qualification"
        self.assertEqual(len(lead.process_history_ids), 2)

    def test_salesman_acts_only_on_leads_he_may_write(self):
        other = self.env["res.users"].create(
            {"name": "Other seller", "login": "lm_other_seller"}
        )
        foreign = self._lead(user_id=other.id)
        with self.assertRaises(AccessError):
            foreign.with_user(self.salesman).action_qualify()
        self.assertEqual(foreign.process_stage, "qualification")
        mine = self._lead(user_id=self.salesman.id)
        mine.with_user(self.salesman).action_qualify()
        self.assertEqual(mine.process_stage, "transfer")

    def test_manager_configures_maturity_salesman_reads(self):
        maturity = self.env["crm.lead.maturity"].with_user(self.manager)
        maturity.create({"name": "Budget approved"})
        with self.assertRaises(AccessError):
            maturity.with_user(self.salesman).create({"name": "Mine"})
        self.assertTrue(
            maturity.with_user(self.salesman).search([("name", "=", "Budget approved")])
        )

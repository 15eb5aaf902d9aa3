# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command
from odoo.exceptions import AccessError, UserError, ValidationError
from odoo.tests import Form, tagged

from .common import LeadManagementCommon


@tagged("post_install", "-at_install")
class TestMassUpdate(LeadManagementCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.stage_new = cls.env["crm.stage"].create({"name": "MU New", "sequence": 1})
        cls.stage_qualified = cls.env["crm.stage"].create(
            {"name": "MU Qualified", "sequence": 2}
        )
        cls.team = cls.env["crm.team"].create({"name": "MU Team"})
        cls.tag_hot = cls.env["crm.tag"].create({"name": "MU hot"})
        cls.tag_cold = cls.env["crm.tag"].create({"name": "MU cold"})
        cls.tag_vip = cls.env["crm.tag"].create({"name": "MU vip"})
        cls.activity_call = cls.env["mail.activity.type"].create(
            {"name": "MU Call", "res_model": "crm.lead", "delay_count": 3}
        )
        cls.leads = cls._create_leads(
            3,
            stage_id=cls.stage_new.id,
            user_id=cls.salesman.id,
            lead_type_id=cls.type_new.id,
            date_deadline="2026-01-31",
            probability=10,
            tag_ids=[Command.set(cls.tag_cold.ids)],
        )

    def _wizard(self, leads=None, user=None, **values):
        leads = self.leads if leads is None else leads
        env = self.env(user=user) if user else self.env
        return (
            env["crm.lead.mass.update.wizard"]
            .with_context(active_model="crm.lead", active_ids=leads.ids)
            .create(values)
        )

    def test_defaults_from_selection(self):
        """The wizard opened from the list works on the selected leads."""
        wizard = self._wizard()
        self.assertEqual(wizard.lead_ids, self.leads)
        self.assertEqual(wizard.lead_count, 3)

    def test_context_defaults_ignored(self):
        """The dialog opens empty even when the list's action gives defaults
        for new leads (the pipeline's ``default_team_id``...), and applying
        only a lead type leaves the team, stage and salesperson alone."""
        context = {
            "active_model": "crm.lead",
            "active_ids": self.leads.ids,
            "default_team_id": self.team.id,
            "default_stage_id": self.stage_qualified.id,
            "default_user_id": self.manager.id,
            "default_lead_type_id": self.type_upsell.id,
            "default_date_deadline": "2026-12-31",
            "default_update_probability": True,
            "default_tag_add_ids": [Command.set(self.tag_hot.ids)],
        }
        teams = self.leads.mapped("team_id")
        with Form(
            self.env["crm.lead.mass.update.wizard"].with_context(**context)
        ) as form:
            for name in (
                "team_id",
                "stage_id",
                "user_id",
                "lead_type_id",
                "date_deadline",
                "update_probability",
                "tag_add_ids",
            ):
                self.assertFalse(form[name], name)
            self.assertEqual(form.lead_count, 3)
            form.lead_type_id = self.type_new
        form.record.action_apply()
        self.assertEqual(self.leads.mapped("team_id"), teams)
        self.assertEqual(self.leads.stage_id, self.stage_new)
        self.assertEqual(self.leads.user_id, self.salesman)
        self.assertEqual(self.leads.mapped("probability"), [10.0] * 3)
        self.assertEqual(self.leads.tag_ids, self.tag_cold)

    def test_each_field(self):
        """Each field of the wizard, filled alone, changes that field on all
        the leads and nothing else."""
        cases = {
            "stage_id": self.stage_qualified,
            "user_id": self.manager,
            "team_id": self.team,
            "lead_type_id": self.type_upsell,
            "date_deadline": date(2026, 6, 30),
        }
        untouched = ["stage_id", "lead_type_id", "date_deadline", "tag_ids"]
        for name, value in cases.items():
            with self.subTest(field=name):
                leads = self._create_leads(
                    2,
                    stage_id=self.stage_new.id,
                    user_id=self.salesman.id,
                    lead_type_id=self.type_new.id,
                    date_deadline="2026-01-31",
                    tag_ids=[Command.set(self.tag_cold.ids)],
                )
                before = {
                    field: leads.mapped(field) for field in untouched if field != name
                }
                self._wizard(
                    leads, **{name: value.id if name.endswith("_id") else value}
                ).action_apply()
                for lead in leads:
                    self.assertEqual(lead[name], value)
                for field, old in before.items():
                    self.assertEqual(leads.mapped(field), old, field)

    def test_only_filled_fields_change(self):
        """Empty fields of the wizard leave each lead's own value alone."""
        self.leads[1].write({"user_id": self.manager.id, "date_deadline": "2026-03-01"})
        self._wizard(lead_type_id=self.type_upsell.id).action_apply()
        self.assertEqual(self.leads.lead_type_id, self.type_upsell)
        self.assertEqual(self.leads[0].user_id, self.salesman)
        self.assertEqual(self.leads[1].user_id, self.manager)
        self.assertEqual(self.leads[1].date_deadline, date(2026, 3, 1))
        self.assertEqual(self.leads.stage_id, self.stage_new)
        self.assertEqual(self.leads.mapped("probability"), [10.0] * 3)

    def test_probability_zero_is_a_value(self):
        """Probability changes only when asked, and 0 is a valid value."""
        self._wizard(stage_id=self.stage_qualified.id).action_apply()
        self.assertEqual(self.leads.mapped("probability"), [10.0] * 3)
        self._wizard(update_probability=True, probability=0).action_apply()
        self.assertEqual(self.leads.mapped("probability"), [0.0] * 3)
        self._wizard(update_probability=True, probability=75).action_apply()
        self.assertEqual(self.leads.mapped("probability"), [75.0] * 3)

    def test_tags_add_remove(self):
        """Tags to add are added and tags to remove removed, the leads'
        other tags kept."""
        self.leads[0].tag_ids |= self.tag_vip
        self._wizard(
            tag_add_ids=[Command.set(self.tag_hot.ids)],
            tag_remove_ids=[Command.set(self.tag_cold.ids)],
        ).action_apply()
        self.assertEqual(self.leads[0].tag_ids, self.tag_hot | self.tag_vip)
        self.assertEqual(self.leads[1].tag_ids, self.tag_hot)
        self.assertEqual(self.leads[2].tag_ids, self.tag_hot)

    def test_tag_added_and_removed_refused(self):
        """A tag cannot be added and removed in the same update."""
        with self.assertRaisesRegex(ValidationError, "MU hot"):
            self._wizard(
                tag_add_ids=[Command.set(self.tag_hot.ids)],
                tag_remove_ids=[Command.set(self.tag_hot.ids)],
            )

    def test_activity_scheduled(self):
        """An activity is scheduled on each lead, for its salesperson unless
        a user is chosen, due on the chosen date."""
        self.leads[2].user_id = self.manager
        self._wizard(
            activity_type_id=self.activity_call.id,
            activity_summary="Call back",
            activity_date_deadline="2026-02-15",
        ).action_apply()
        for lead, user in zip(
            self.leads, [self.salesman, self.salesman, self.manager], strict=True
        ):
            self.assertEqual(len(lead.activity_ids), 1)
            activity = lead.activity_ids
            self.assertEqual(activity.activity_type_id, self.activity_call)
            self.assertEqual(activity.summary, "Call back")
            self.assertEqual(activity.date_deadline, date(2026, 2, 15))
            self.assertEqual(activity.user_id, user)
        self._wizard(
            activity_type_id=self.activity_call.id, activity_user_id=self.manager.id
        ).action_apply()
        self.assertEqual(
            self.leads.activity_ids.filtered(lambda a: not a.summary).user_id,
            self.manager,
        )

    def test_activity_default_deadline(self):
        """The due date follows the activity type's delay."""
        with Form(
            self.env["crm.lead.mass.update.wizard"].with_context(
                active_model="crm.lead", active_ids=self.leads.ids
            )
        ) as wizard:
            wizard.activity_type_id = self.activity_call
            self.assertEqual(
                wizard.activity_date_deadline, self.activity_call._get_date_deadline()
            )

    def test_chatter_log(self):
        """Each lead gets one note listing what the update changed."""
        self._wizard(
            stage_id=self.stage_qualified.id,
            tag_add_ids=[Command.set(self.tag_hot.ids)],
            activity_type_id=self.activity_call.id,
        ).action_apply()
        for lead in self.leads:
            note = lead.message_ids[0]
            self.assertIn("MU Qualified", note.body)
            self.assertIn("MU hot", note.body)
            self.assertIn("MU Call", note.body)
            self.assertNotIn("Salesperson", note.body)

    def test_nothing_to_update(self):
        """An empty wizard is refused with a clear message."""
        with self.assertRaisesRegex(UserError, "Nothing to update"):
            self._wizard().action_apply()
        with self.assertRaisesRegex(UserError, "Select the opportunities"):
            self._wizard(
                self.env["crm.lead"], stage_id=self.stage_new.id
            ).action_apply()

    def test_salesman_updates_own_leads(self):
        """A salesman updates the leads he may write."""
        self._wizard(
            user=self.salesman, stage_id=self.stage_qualified.id
        ).action_apply()
        self.assertEqual(self.leads.stage_id, self.stage_qualified)

    def test_salesman_cannot_update_others_leads(self):
        """A salesman who selects leads he may not write gets an access error
        and none of the leads is written, not even his own."""
        others = self._create_leads(
            1, user_id=self.manager.id, stage_id=self.stage_new.id
        )
        wizard = self._wizard(
            self.leads | others, user=self.salesman, stage_id=self.stage_qualified.id
        )
        # no assertRaises: its savepoint would hide a partial write
        raised = False
        try:
            wizard.action_apply()
        except AccessError:
            raised = True
        self.assertTrue(raised, "the salesman updated a lead he may not write")
        self.env.invalidate_all()
        self.assertEqual((self.leads | others).stage_id, self.stage_new)

    def test_many_leads_query_count(self):
        """Updating 5 or 50 leads (every field, tags and an activity) costs
        the same number of queries, as a salesman."""

        def apply(count):
            leads = self._create_leads(count, user_id=self.salesman.id)
            wizard = self._wizard(
                leads,
                user=self.salesman,
                stage_id=self.stage_qualified.id,
                user_id=self.salesman.id,
                team_id=self.team.id,
                lead_type_id=self.type_upsell.id,
                date_deadline="2026-06-30",
                update_probability=True,
                probability=40,
                tag_add_ids=[Command.set(self.tag_hot.ids)],
                tag_remove_ids=[Command.set(self.tag_cold.ids)],
                activity_type_id=self.activity_call.id,
            )
            self.env.invalidate_all()
            return leads, wizard

        applied = []

        def prepare(count):
            leads, wizard = apply(count)
            applied.append((leads, count))
            return wizard.action_apply

        self.assertFlatQueryCount(prepare)
        for leads, count in applied:
            self.assertEqual(leads.stage_id, self.stage_qualified)
            self.assertEqual(len(leads.activity_ids), count)

# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import json
from datetime import date

from freezegun import freeze_time
from lxml import etree

from odoo import Command
from odoo.api import call_kw
from odoo.exceptions import UserError, ValidationError
from odoo.tests import Form, tagged

from ..models.crm_lead_recurrence import recurrence_dates
from .common import LeadManagementCommon


@tagged("post_install", "-at_install")
class TestRecurrence(LeadManagementCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.team = cls.env["crm.team"].create(
            {"name": "Recurring team", "company_id": cls.company.id}
        )
        cls.team_stage = cls.env["crm.stage"].create(
            {"name": "Team first stage", "sequence": -1, "team_id": cls.team.id}
        )
        cls.tag = cls.env["crm.tag"].create({"name": "Maintenance"})
        cls.base = cls.env["crm.lead"].create(
            {
                "name": "Maintenance contract",
                "type": "opportunity",
                "partner_id": cls.partner.id,
                "contact_name": "Jane Buyer",
                "team_id": cls.team.id,
                "user_id": cls.salesman.id,
                "lead_type_id": cls.type_upsell.id,
                "expected_revenue": 1200.0,
                "tag_ids": [Command.set(cls.tag.ids)],
                "priority": "2",
                "date_deadline": date(2027, 1, 31),
                "recurrence_interval": 1,
                "recurrence_unit": "months",
                "recurrence_count": 3,
            }
        )
        cls.base.stage_id = cls.env["crm.stage"].create(
            {"name": "Proposition", "sequence": 5, "team_id": cls.team.id}
        )

    def _run_wizard(self, leads, user=None, **values):
        Wizard = self.env["crm.lead.recurrence.wizard"]
        if user:
            Wizard = Wizard.with_user(user)
        wizard = Wizard.with_context(
            active_model="crm.lead", active_ids=leads.ids
        ).create(values)
        return wizard.action_generate()

    def _occurrences(self, base):
        return (
            self.env["crm.lead"]
            .with_context(active_test=False)
            .search([("recurrence_origin_id", "=", base.id)], order="recurrence_date")
        )

    def test_recurrence_dates_each_unit(self):
        """Every unit steps from the start date by interval × unit."""
        start = date(2027, 3, 10)
        self.assertEqual(
            recurrence_dates(start, 10, "days", count=2),
            [date(2027, 3, 20), date(2027, 3, 30)],
        )
        self.assertEqual(
            recurrence_dates(start, 2, "weeks", count=2),
            [date(2027, 3, 24), date(2027, 4, 7)],
        )
        self.assertEqual(
            recurrence_dates(start, 3, "months", count=2),
            [date(2027, 6, 10), date(2027, 9, 10)],
        )
        self.assertEqual(
            recurrence_dates(start, 1, "years", count=2),
            [date(2028, 3, 10), date(2029, 3, 10)],
        )

    def test_recurrence_dates_until_and_stop(self):
        """An end date is included; a stop date cuts the series short."""
        start = date(2027, 1, 1)
        self.assertEqual(
            recurrence_dates(start, 1, "months", until=date(2027, 4, 1)),
            [date(2027, 2, 1), date(2027, 3, 1), date(2027, 4, 1)],
        )
        self.assertEqual(
            recurrence_dates(start, 1, "months", count=12, stop=date(2027, 3, 15)),
            [date(2027, 2, 1), date(2027, 3, 1)],
        )

    def test_recurrence_dates_month_ends(self):
        """31 January + 1 month is the end of February, + 2 months 31 March."""
        self.assertEqual(
            recurrence_dates(date(2027, 1, 31), 1, "months", count=4),
            [
                date(2027, 2, 28),
                date(2027, 3, 31),
                date(2027, 4, 30),
                date(2027, 5, 31),
            ],
        )
        self.assertEqual(
            recurrence_dates(date(2028, 1, 31), 1, "months", count=1),
            [date(2028, 2, 29)],
        )
        self.assertEqual(
            recurrence_dates(date(2028, 2, 29), 1, "years", count=4),
            [
                date(2029, 2, 28),
                date(2030, 2, 28),
                date(2031, 2, 28),
                date(2032, 2, 29),
            ],
        )

    def test_wizard_generates_occurrences_like_the_base(self):
        """Occurrences copy the base's commercial data, start in the first
        stage of its team, close on their date and are logged on both sides."""
        action = self._run_wizard(self.base, user=self.salesman)
        occurrences = self._occurrences(self.base)
        self.assertEqual(action["domain"], [("id", "in", occurrences.ids)])
        self.assertEqual(
            occurrences.mapped("date_deadline"),
            [date(2027, 2, 28), date(2027, 3, 31), date(2027, 4, 30)],
        )
        self.assertEqual(
            occurrences.mapped("recurrence_date"), occurrences.mapped("date_deadline")
        )
        self.assertEqual(self.base.recurrence_ids, occurrences)
        for occurrence in occurrences:
            self.assertRecordValues(
                occurrence,
                [
                    {
                        "type": "opportunity",
                        "company_id": self.base.company_id.id,
                        "partner_id": self.partner.id,
                        "contact_name": "Jane Buyer",
                        "team_id": self.team.id,
                        "user_id": self.salesman.id,
                        "lead_type_id": self.type_upsell.id,
                        "expected_revenue": 1200.0,
                        "tag_ids": self.tag.ids,
                        "priority": "2",
                        "stage_id": self.team_stage.id,
                        "recurrence_origin_id": self.base.id,
                        "recurrence_unit": False,
                    }
                ],
            )
            self.assertTrue(occurrence.lead_number)
            self.assertNotEqual(occurrence.lead_number, self.base.lead_number)
            self.assertIn(self.base.name, occurrence.message_ids[0].body)
        note = self.base.message_ids[0].body
        for occurrence in occurrences:
            self.assertIn(occurrence.lead_number, note)

    def test_wizard_prefilled_from_rule(self):
        """On one recurring opportunity the wizard shows its rule."""
        wizard = Form(
            self.env["crm.lead.recurrence.wizard"].with_context(
                active_model="crm.lead", active_ids=self.base.ids
            )
        )
        self.assertEqual(wizard.rule_mode, "own")
        self.assertEqual(wizard.recurrence_unit, "months")
        self.assertEqual(wizard.recurrence_count, 3)
        self.assertEqual(wizard.lead_ids[:], self.base)
        self.base.write({"recurrence_count": 0, "recurrence_until": date(2027, 9, 30)})
        wizard = Form(
            self.env["crm.lead.recurrence.wizard"].with_context(
                active_model="crm.lead", active_ids=self.base.ids
            )
        )
        self.assertEqual(wizard.recurrence_until, date(2027, 9, 30))
        self.assertEqual(wizard.recurrence_count, 0)

    def test_rule_set_on_the_form(self):
        """The Recurrence tab of the opportunity form sets a rule, which the
        Generate Occurrences button's wizard then follows."""
        lead = self._create_leads(1, date_deadline=date(2027, 6, 30))
        with Form(lead) as form:
            form.recurrence_unit = "weeks"
            form.recurrence_interval = 2
            form.recurrence_count = 2
        self.assertEqual(
            (lead.recurrence_unit, lead.recurrence_interval, lead.recurrence_count),
            ("weeks", 2, 2),
        )
        self._run_wizard(lead)
        self.assertEqual(
            self._occurrences(lead).mapped("recurrence_date"),
            [date(2027, 7, 14), date(2027, 7, 28)],
        )

    def test_wizard_common_rule_for_many(self):
        """A rule entered once applies to (and is saved on) every opportunity."""
        leads = self._create_leads(2, date_deadline=date(2027, 5, 1))
        action = self._run_wizard(
            leads,
            rule_mode="common",
            recurrence_interval=2,
            recurrence_unit="weeks",
            recurrence_until=date(2027, 5, 29),
        )
        for lead in leads:
            self.assertEqual(
                self._occurrences(lead).mapped("date_deadline"),
                [date(2027, 5, 15), date(2027, 5, 29)],
            )
            self.assertEqual(lead.recurrence_unit, "weeks")
        self.assertEqual(len(action["domain"][0][2]), 4)

    def test_start_after_next_activity(self):
        """Without Expected Closing, occurrences start after the next activity."""
        self.base.date_deadline = False
        self.base.activity_schedule(
            "mail.mail_activity_data_todo", date_deadline=date(2027, 6, 15)
        )
        self._run_wizard(self.base)
        self.assertEqual(
            self._occurrences(self.base).mapped("date_deadline"),
            [date(2027, 7, 15), date(2027, 8, 15), date(2027, 9, 15)],
        )

    def test_no_start_date_single(self):
        """Neither Expected Closing nor activity: a clear error, nothing made."""
        self.base.date_deadline = False
        with self.assertRaisesRegex(UserError, "Nothing was generated") as error:
            self._run_wizard(self.base)
        self.assertIn(self.base.display_name, str(error.exception))
        self.assertFalse(self._occurrences(self.base))

    def test_no_start_date_mixed_selection(self):
        """With one bad opportunity in the selection nothing is created for
        any of them, and the error names every bad one, not the good ones."""
        bad = self._create_leads(2)
        good = self._create_leads(1, date_deadline=date(2027, 5, 1))
        with self.assertRaises(UserError) as error:
            self._run_wizard(
                bad | good | self.base,
                rule_mode="common",
                recurrence_unit="months",
                recurrence_count=2,
            )
        message = str(error.exception)
        for lead in bad:
            self.assertIn(lead.display_name, message)
        self.assertNotIn(good.display_name, message)
        self.assertFalse(self._occurrences(good) | self._occurrences(self.base))
        self.assertFalse(good.recurrence_unit)

    def test_rule_needs_count_or_end_date(self):
        """A rule ends after a count or on a date: one of the two."""
        with self.assertRaises(ValidationError):
            self.base.recurrence_until = date(2027, 12, 31)
        with self.assertRaises(ValidationError):
            self.base.recurrence_count = 0
        with self.assertRaises(ValidationError):
            self.base.recurrence_interval = 0
        with self.assertRaises(ValidationError):
            self._run_wizard(
                self._create_leads(1, date_deadline=date(2027, 5, 1)),
                rule_mode="common",
                recurrence_unit="days",
            )

    def test_idempotent_across_wizard_and_cron(self):
        """Generating again, from the wizard or the scheduler, adds nothing,
        even for an occurrence that was lost meanwhile."""
        with freeze_time("2027-01-15"):
            self._run_wizard(self.base)
            occurrences = self._occurrences(self.base)
            self.assertEqual(len(occurrences), 3)
            occurrences[0].action_set_lost()
            self.env["crm.lead"]._cron_generate_recurrences()
            action = self._run_wizard(self.base)
        self.assertEqual(action["tag"], "display_notification")
        self.assertEqual(self._occurrences(self.base), occurrences)

    def test_cron_then_wizard_completes_the_series(self):
        """The scheduler makes the occurrences within its horizon; the wizard
        adds the rest of the series, never the same date twice."""
        self.base.recurrence_count = 6
        with freeze_time("2027-01-20"):
            self.env["crm.lead"]._cron_generate_recurrences()
        # horizon 90 days: up to 20 April
        self.assertEqual(
            self._occurrences(self.base).mapped("recurrence_date"),
            [date(2027, 2, 28), date(2027, 3, 31)],
        )
        self._run_wizard(self.base)
        self.assertEqual(len(self._occurrences(self.base)), 6)
        self.assertEqual(
            len(set(self._occurrences(self.base).mapped("recurrence_date"))), 6
        )

    def test_cron_horizon_per_company(self):
        """Each company's horizon bounds what its scheduled generation makes."""
        base_b = (
            self.env["crm.lead"]
            .with_company(self.company_b)
            .create(
                {
                    "name": "Company B contract",
                    "type": "opportunity",
                    "company_id": self.company_b.id,
                    "user_id": self.user_b.id,
                    "date_deadline": date(2027, 1, 1),
                    "recurrence_unit": "weeks",
                    "recurrence_until": date(2027, 12, 31),
                }
            )
        )
        self.company.lead_recurrence_horizon_days = 60
        self.company_b.lead_recurrence_horizon_days = 14
        with freeze_time("2027-01-01"):
            self.env["crm.lead"]._cron_generate_recurrences()
        self.assertEqual(len(self._occurrences(self.base)), 1)  # 28 February
        self.assertEqual(
            self._occurrences(base_b).mapped("recurrence_date"),
            [date(2027, 1, 8), date(2027, 1, 15)],
        )
        self.company_b.lead_recurrence_horizon_days = 28
        with freeze_time("2027-01-01"):
            self.env["crm.lead"]._cron_generate_recurrences()
        self.assertEqual(len(self._occurrences(base_b)), 4)

    def test_occurrences_in_company_of_base(self):
        """Occurrences belong to their base's company, numbered there."""
        base_b = (
            self.env["crm.lead"]
            .with_user(self.user_b)
            .create(
                {
                    "name": "Company B contract",
                    "type": "opportunity",
                    "date_deadline": date(2027, 1, 1),
                    "recurrence_unit": "years",
                    "recurrence_count": 2,
                }
            )
        )
        self.assertEqual(base_b.company_id, self.company_b)
        sequence_b = self.company_b._get_lead_number_sequence()
        next_number = sequence_b.number_next_actual
        self._run_wizard(base_b, user=self.user_b)
        occurrences = self._occurrences(base_b)
        self.assertEqual(occurrences.company_id, self.company_b)
        sequence_b.invalidate_recordset()
        self.assertEqual(sequence_b.number_next_actual, next_number + 2)

    def test_time_zone_does_not_shift_dates(self):
        """Users far east and far west of UTC get the same dates."""
        self.salesman.tz = "Pacific/Kiritimati"  # UTC+14
        self.user_b.tz = "Pacific/Pago_Pago"  # UTC-11
        with freeze_time("2027-01-30 23:30:00"):
            self._run_wizard(self.base, user=self.salesman)
        dates = self._occurrences(self.base).mapped("recurrence_date")
        self.assertEqual(
            dates, [date(2027, 2, 28), date(2027, 3, 31), date(2027, 4, 30)]
        )
        self.assertEqual(self._occurrences(self.base).mapped("date_deadline"), dates)

    def test_over_rpc(self):
        """Create the wizard and press Generate as an RPC client does."""
        Wizard = self.env["crm.lead.recurrence.wizard"].with_user(self.salesman)
        wizard_id = call_kw(
            Wizard, "create", [{"lead_ids": [Command.set(self.base.ids)]}], {}
        )
        result = call_kw(Wizard, "action_generate", [[wizard_id]], {})
        json.dumps(result)  # plain data
        self.assertEqual(len(self._occurrences(self.base)), 3)

    def test_generation_query_count(self):
        """Generation reads the existing dates once, creates all occurrences
        in one batch and logs both chatters in one batch each: 1 or 12
        occurrences cost the same number of queries."""
        generated = []

        def prepare(count):
            lead = self._create_leads(
                1,
                date_deadline=date(2027, 1, 1),
                team_id=self.team.id,
                partner_id=self.partner.id,
                recurrence_unit="months",
                recurrence_count=count,
            )
            self.env.invalidate_all()
            generated.append((lead, count))
            return lead._generate_recurrences

        self.assertFlatQueryCount(prepare, sizes=(1, 12))
        for lead, count in generated:
            self.assertEqual(len(self._occurrences(lead)), count)

    def test_wizard_previews_dates(self):
        """The wizard shows the dates it will generate before creating
        anything, with the rule it will apply, and says what is missing."""
        wizard = Form(
            self.env["crm.lead.recurrence.wizard"].with_context(
                active_model="crm.lead", active_ids=self.base.ids
            )
        )
        self.assertEqual(
            wizard.date_preview,
            f"{self.base.display_name}: 02/28/2027, 03/31/2027, 04/30/2027",
        )
        wizard.rule_mode = "common"
        wizard.recurrence_unit = "years"
        wizard.recurrence_count = 0
        wizard.recurrence_until = False
        self.assertIn(
            "set the number of occurrences or an end date", wizard.date_preview
        )
        wizard.recurrence_count = 20
        self.assertTrue(wizard.date_preview.endswith("01/31/2039, …"))
        self.assertFalse(self._occurrences(self.base))

    def test_recurrence_tab_readable(self):
        """The Recurrence tab: a visible unit selector, a hint while the end
        is missing, occurrences with their date at full width and their
        revenue in the company's currency."""
        arch = self.env["crm.lead"].get_view(
            self.env.ref("crm.crm_lead_view_form").id, "form"
        )["arch"]
        page = etree.fromstring(arch).xpath("//page[@name='recurrence']")[0]
        (unit,) = page.xpath(".//field[@name='recurrence_unit']")
        self.assertTrue(unit.get("placeholder"))
        self.assertTrue(page.xpath(".//*[hasclass('o_recurrence_end_hint')]"))
        (revenue,) = page.xpath(".//list/field[@name='expected_revenue']")
        self.assertEqual(revenue.get("widget"), "monetary")
        (day,) = page.xpath(".//list/field[@name='recurrence_date']")
        self.assertTrue(day.get("width"))

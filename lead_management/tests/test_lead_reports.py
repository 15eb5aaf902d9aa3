# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date, timedelta

from lxml import html

from odoo import fields
from odoo.tests import tagged
from odoo.tools.safe_eval import safe_eval

from .common import LeadManagementCommon, new_sales_user

WEEKLY = "lead_management.action_report_crm_lead_weekly"
MONTHLY = "lead_management.action_report_crm_lead_monthly"


@tagged("post_install", "-at_install")
class TestLeadPeriodReports(LeadManagementCommon):
    """Leads Weekly and Leads Monthly: PDF/HTML and pivot give the same
    numbers, periods in the user's time zone."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.manager.tz = "Europe/Bucharest"
        cls.salesman.tz = "Europe/Bucharest"
        cls.salesman_2 = new_sales_user(cls.env, "lm_salesman_2", tz="Europe/Bucharest")
        cls.team = cls.env["crm.team"].create({"name": "Test team"})
        cls.web = cls.env["utm.source"].create({"name": "Test Website"})
        cls.fair = cls.env["utm.source"].create({"name": "Test Fair"})
        stages = cls.env["crm.stage"].search([], order="sequence, id")
        cls.stage_new, cls.stage_next = stages[0], stages[1]
        lead = cls.env["crm.lead"]
        # Bucharest is UTC+2 in winter: the first lead is created on Monday
        # March 2nd there (Sunday March 1st in UTC), the fourth on Sunday
        # February 1st there (January 31st in UTC).
        cls.leads = lead.create(
            [
                {
                    "name": f"Period lead {index}",
                    "source_id": source.id,
                    "user_id": user.id,
                    "stage_id": stage.id,
                    "team_id": team.id,
                }
                for index, (source, user, stage, team) in enumerate(
                    [
                        (cls.web, cls.salesman, cls.stage_new, cls.team),
                        (cls.fair, cls.salesman, cls.stage_new, lead.team_id),
                        (lead.source_id, cls.salesman, cls.stage_new, cls.team),
                        (cls.web, cls.salesman_2, cls.stage_next, cls.team),
                        (cls.web, cls.salesman, cls.stage_new, cls.team),
                    ]
                )
            ]
        )
        cls.leads[2].action_set_lost()  # lost leads came in too
        cls.env.flush_all()
        for lead_record, created in zip(
            cls.leads,
            [
                "2026-03-01 23:30:00",
                "2026-03-03 10:00:00",
                "2026-03-10 10:00:00",
                "2026-01-31 23:30:00",
                "2026-05-01 10:00:00",  # out of the period
            ],
            strict=True,
        ):
            cls.env.cr.execute(
                "UPDATE crm_lead SET create_date = %s WHERE id = %s",
                [created, lead_record.id],
            )
        cls.env.invalidate_all()
        cls.period = {"date_from": date(2026, 1, 1), "date_to": date(2026, 3, 31)}

    def _wizard(self, user=None, **values):
        wizard = self.env["crm.lead.period.report.wizard"].with_user(
            user or self.manager
        )
        return wizard.create({**self.period, **values})

    def _tree(self, report, wizard):
        content, _type = wizard.env["ir.actions.report"]._render_qweb_html(
            report, wizard.ids
        )
        return html.fromstring(content)

    def _text(self, tree, css_class):
        (node,) = tree.xpath(f"//*[hasclass('{css_class}')]")
        return " ".join(node.text_content().split())

    def _table(self, report, wizard):
        tree = self._tree(report, wizard)
        header = [
            " ".join(th.text_content().split()) for th in tree.xpath("//thead//th")
        ]
        rows = [
            [" ".join(td.text_content().split()) for td in tr.xpath("./td")]
            for tr in tree.xpath("//tbody/tr | //tfoot/tr")
        ]
        return header, rows

    def _weeks(self, rows, first=1, last=14):
        """The expected weekly rows: every ISO week of the period, 0 where
        no lead came in, ``rows`` {week: cells} the others."""
        zeros = ["0"] * len(next(iter(rows.values())))
        return [
            [f"W{week} 2026", *rows.get(week, zeros)] for week in range(first, last + 1)
        ]

    def test_weekly(self):
        """Per ISO week (Monday to Sunday, days in the user's time zone) and
        source, lost leads included, with totals per week and per source;
        every week of the period is a row, 0 when no lead came in."""
        header, rows = self._table(WEEKLY, self._wizard(report_kind="weekly"))
        self.assertEqual(
            header, ["Week", "Test Fair", "Test Website", "No source", "Total"]
        )
        # Sunday February 1st (local) is in week 5, Monday March 2nd in 10
        expected = self._weeks(
            {
                5: ["0", "1", "0", "1"],
                10: ["1", "1", "0", "2"],
                11: ["0", "0", "1", "1"],
            }
        )
        self.assertEqual(rows, [*expected, ["Total", "1", "2", "1", "4"]])

    def test_weekly_same_in_every_language(self):
        """The same data gives the same weeks whatever the reader's language:
        in US English (weeks start on Sunday in Odoo) as in Romanian
        (Monday); months are named in the reader's language."""
        self.env["res.lang"]._activate_lang("ro_RO")
        self.assertEqual(self.env["res.lang"]._lang_get("en_US").week_start, "7")
        self.assertEqual(self.env["res.lang"]._lang_get("ro_RO").week_start, "1")
        tables = {}
        for lang in ("en_US", "ro_RO"):
            self.manager.lang = lang
            wizard = self._wizard(report_kind="weekly").with_context(lang=lang)
            _header, rows = self._table(WEEKLY, wizard)
            tables[lang] = [[row[0], *row[-4:]] for row in rows]
        self.assertEqual(tables["en_US"], tables["ro_RO"])
        self.assertEqual(tables["en_US"][4], ["W5 2026", "0", "1", "0", "1"])
        wizard = self._wizard(report_kind="monthly").with_context(lang="ro_RO")
        _header, rows = self._table(MONTHLY, wizard)
        self.assertEqual(rows[1][0], "februarie 2026")

    def test_monthly(self):
        """Per month (user's time zone), stage and source, with a subtotal
        line per month and totals; a month without leads shows 0."""
        header, rows = self._table(MONTHLY, self._wizard(report_kind="monthly"))
        self.assertEqual(
            header,
            ["Month / Stage", "Test Fair", "Test Website", "No source", "Total"],
        )
        self.assertEqual(
            rows,
            [
                ["January 2026", "0", "0", "0", "0"],
                ["February 2026", "0", "1", "0", "1"],
                [self.stage_next.name, "0", "1", "0", "1"],
                ["March 2026", "1", "1", "1", "3"],
                [self.stage_new.name, "1", "1", "1", "3"],
                ["Total", "1", "2", "1", "4"],
            ],
        )

    def test_period_and_filters_printed(self):
        """The period and the filters chosen in the wizard print under the
        title, and the weekly report says its weeks are ISO weeks."""
        wizard = self._wizard(report_kind="weekly", team_id=self.team.id)
        tree = self._tree(WEEKLY, wizard)
        self.assertEqual(
            self._text(tree, "o_period_filters"),
            "Period: 01/01/2026 – 03/31/2026 · Sales Team: Test team",
        )
        self.assertIn("ISO 8601", self._text(tree, "o_week_note"))
        wizard = self._wizard(
            report_kind="monthly", date_from=False, user_id=self.salesman_2.id
        )
        self.assertEqual(
            self._text(self._tree(MONTHLY, wizard), "o_period_filters"),
            f"Period: until 03/31/2026 · Salesperson: {self.salesman_2.name}",
        )

    def test_filters(self):
        """Team and salesperson narrow the leads counted."""
        _header, rows = self._table(
            WEEKLY, self._wizard(report_kind="weekly", team_id=self.team.id)
        )
        self.assertEqual(rows[-1], ["Total", "2", "1", "3"])
        _header, rows = self._table(
            WEEKLY, self._wizard(report_kind="weekly", user_id=self.salesman_2.id)
        )
        self.assertEqual(rows, [*self._weeks({5: ["1", "1"]}), ["Total", "1", "1"]])

    def test_salesman_sees_own_leads(self):
        """A salesman limited to his own documents counts only his leads."""
        wizard = self._wizard(user=self.salesman, report_kind="monthly")
        _header, rows = self._table(MONTHLY, wizard)
        self.assertEqual(rows[1], ["February 2026", "0", "0", "0", "0"])
        self.assertEqual(rows[-1], ["Total", "1", "1", "1", "3"])

    def test_pivot_same_numbers(self):
        """Show opens the pivot/graph with the same leads and numbers."""
        for kind, groupby in (
            ("weekly", ["create_date:week", "source_id"]),
            ("monthly", ["create_date:month", "stage_id", "source_id"]),
        ):
            wizard = self._wizard(report_kind=kind)
            action = wizard.action_show()
            self.assertEqual(action["res_model"], "crm.lead")
            context = dict(
                safe_eval(action["context"])
                if isinstance(action["context"], str)
                else action["context"],
                tz="Europe/Bucharest",
            )
            self.assertFalse(context["active_test"])
            groups = (
                self.env["crm.lead"]
                .with_user(self.manager)
                .with_context(**context)
                .read_group(action["domain"], ["__count"], groupby, lazy=False)
            )
            self.assertEqual(sum(group["__count"] for group in groups), 4)
            self.assertEqual(len(groups), 4)

    def test_show_facets(self):
        """Show applies the team and salesperson as facets of the search bar
        (not hidden in the domain), opens as a main action and names the
        period in its title."""
        wizard = self._wizard(
            report_kind="weekly", team_id=self.team.id, user_id=self.salesman.id
        )
        action = wizard.action_show()
        self.assertEqual(action["target"], "main")
        self.assertEqual(action["context"]["search_default_team_id"], self.team.id)
        self.assertEqual(action["context"]["search_default_user_id"], self.salesman.id)
        self.assertFalse(action["context"]["active_test"])
        self.assertEqual({leaf[0] for leaf in action["domain"]}, {"create_date"})
        self.assertIn("01/01/2026 – 03/31/2026", action["name"])

    def test_actions(self):
        """Print gives the PDF of the chosen report, Preview its HTML."""
        wizard = self._wizard(report_kind="monthly")
        action = wizard.action_print()
        self.assertEqual(
            action["report_name"], "lead_management.report_crm_lead_monthly"
        )
        self.assertEqual(action["report_type"], "qweb-pdf")
        self.assertEqual(wizard.action_preview()["report_type"], "qweb-html")

    def test_pdf(self):
        """The weekly PDF renders."""
        wizard = self._wizard(report_kind="weekly")
        content, report_type = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(WEEKLY, wizard.ids)
        )
        self.assertEqual(report_type, "pdf")
        self.assertTrue(content.startswith(b"%PDF"))


@tagged("post_install", "-at_install")
class TestOpportunityAnalysis(LeadManagementCommon):
    def test_actions_load(self):
        """Every opportunity analysis menu opens a working view."""
        for xmlid in (
            "crm_lead_analysis_stage_action",
            "crm_lead_analysis_won_action",
            "crm_lead_analysis_lost_action",
            "crm_lead_analysis_source_action",
            "crm_lead_analysis_type_action",
            "crm_lead_analysis_outlook_action",
            "crm_lead_weekly_action",
            "crm_lead_monthly_action",
            "crm_lead_traceability_report_action",
            "crm_lead_analysis_stuck_window_action",
        ):
            action = self.env["ir.actions.actions"]._for_xml_id(
                f"lead_management.{xmlid}"
            )
            model = self.env[action["res_model"]].with_user(self.manager)
            for view_id, view_type in action["views"]:
                model.get_views([(view_id, view_type), (False, "search")])

    def test_stuck(self):
        """Stuck: what the stale process would close (open opportunities
        untouched for the company's threshold, without planned activity or
        recent message)."""
        leads = self._create_leads(4, user_id=self.salesman.id)
        stuck, planned, talked, won = leads
        planned.activity_schedule(
            "mail.mail_activity_data_todo",
            date_deadline=fields.Date.today() + timedelta(days=3),
        )
        won.action_set_won()
        old = fields.Datetime.now() - timedelta(days=400)
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE crm_lead SET date_last_stage_update = %s, write_date = %s, "
            "create_date = %s WHERE id IN %s",
            [old, old, old, tuple(leads.ids)],
        )
        self.env.cr.execute(
            "UPDATE mail_message SET date = %s WHERE model = 'crm.lead' "
            "AND res_id IN %s",
            [old, tuple((stuck | planned | won).ids)],
        )
        self.env.invalidate_all()
        talked.with_user(self.manager).message_post(
            body="Called the customer", message_type="comment"
        )
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE crm_lead SET write_date = %s WHERE id = %s", [old, talked.id]
        )
        self.env.invalidate_all()
        action = self.env["ir.actions.actions"]._for_xml_id(
            "lead_management.crm_lead_analysis_stuck_window_action"
        )
        # a window action with its own path and title: a reload gives the
        # same opportunities, not all of them by stage
        self.assertEqual(action["type"], "ir.actions.act_window")
        self.assertEqual(action["path"], "stuck-opportunities")
        self.assertEqual(action["name"], "Stuck Opportunities")
        self.assertIn("days without activity", action["help"])
        Lead = self.env["crm.lead"].with_user(self.manager)
        found = Lead.search(safe_eval(action["domain"]))
        self.assertIn(stuck, found)
        self.assertFalse(found & (planned | talked | won))
        self.assertEqual(
            Lead.browse((stuck | planned).ids).mapped("is_stuck"), [True, False]
        )
        self.assertNotIn(stuck, Lead.search([("is_stuck", "=", False)]))

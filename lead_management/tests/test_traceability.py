# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import io
from datetime import date, timedelta

from lxml import html

from odoo import Command, fields
from odoo.exceptions import AccessError, UserError
from odoo.tests import HttpCase, tagged
from odoo.tools.misc import formatLang
from odoo.tools.pdf import PdfReader

from .common import OfferCommon, new_sales_user

REPORT = "lead_management.action_report_crm_lead_traceability"
LEAD_REPORT = "lead_management.action_report_crm_lead_traceability_lead"


class TraceabilityCommon(OfferCommon):
    """A small real chain: four leads, offers in every state, conversions in
    both modes, two companies, two salespeople, a legacy quotation."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman_2 = new_sales_user(cls.env, "lm_salesman_2", companies=cls.company)
        cls.team = cls.env["crm.team"].create({"name": "Test team"})
        cls.partner_2 = cls.env["res.partner"].create(
            {"name": "Other Customer", "is_company": True}
        )
        cls.contact_2 = cls.env["res.partner"].create(
            {"name": "Jane at Other", "parent_id": cls.partner_2.id}
        )
        # lead 1 (salesman): draft, sent, cancelled, converted (separate)
        # offers, a legacy quotation and a legacy confirmed order
        cls.lead_1 = cls.opportunity
        cls._set_conversion_mode("separate")
        cls.offer_draft = cls._create_offer()
        cls.offer_sent = cls._create_offer()
        cls.offer_sent.action_quotation_sent()
        cls.offer_cancel = cls._create_offer()
        cls.offer_cancel.action_cancel()
        cls.offer_separate = cls._create_offer()
        cls.order_separate = cls.offer_separate._convert_to_orders()
        cls.legacy_quotation = cls._create_offer(is_offer=False)
        cls.legacy_order = cls._create_offer(is_offer=False)
        cls.legacy_order.action_confirm()
        # lead 2 (salesman 2, another customer, team, type): converted in
        # place, then an offer converted in place whose order was cancelled
        cls.lead_2 = cls.env["crm.lead"].create(
            {
                "name": "Desks",
                "type": "opportunity",
                "partner_id": cls.contact_2.id,
                "user_id": cls.salesman_2.id,
                "team_id": cls.team.id,
                "lead_type_id": cls.type_upsell.id,
            }
        )
        cls._set_conversion_mode("in_place")
        cls.offer_in_place = cls._create_offer(cls.lead_2)
        cls.offer_in_place_number = cls.offer_in_place.name
        cls.offer_in_place._convert_to_orders()
        cls.offer_in_place_cancelled = cls._create_offer(cls.lead_2)
        cls.offer_in_place_cancelled._convert_to_orders()
        cls.offer_in_place_cancelled._action_cancel()
        cls._set_conversion_mode("separate")
        # lead 3 (salesman): no offer
        cls.lead_3 = cls.env["crm.lead"].create(
            {
                "name": "Just a lead",
                "type": "lead",
                "user_id": cls.salesman.id,
                "lead_type_id": cls.type_new.id,
            }
        )
        # lead 4: company B, converted into a separate order there
        cls.lead_4 = (
            cls.env["crm.lead"]
            .with_company(cls.company_b)
            .create(
                {
                    "name": "Lamps",
                    "type": "opportunity",
                    "partner_id": cls.partner.id,
                    "user_id": cls.user_b.id,
                    "company_id": cls.company_b.id,
                    "lead_type_id": False,
                }
            )
        )
        cls.offer_b = (
            cls.env["sale.order"]
            .with_company(cls.company_b)
            .create(
                {
                    "partner_id": cls.partner.id,
                    "opportunity_id": cls.lead_4.id,
                    "company_id": cls.company_b.id,
                    "user_id": cls.user_b.id,
                    "order_line": [
                        Command.create(
                            {"product_id": cls.service.id, "product_uom_qty": 5}
                        )
                    ],
                }
            )
        )
        cls.order_b = cls.offer_b._convert_to_orders()
        cls.leads = cls.lead_1 | cls.lead_2 | cls.lead_3 | cls.lead_4
        cls.Report = cls.env["crm.lead.traceability.report"]

    def _rows(self, domain=None, user=None):
        report = self.Report.with_user(user) if user else self.Report
        return report.search([("lead_id", "in", self.leads.ids), *(domain or [])])

    @staticmethod
    def _keys(rows):
        return {
            (
                row.lead_number,
                row.offer_number or False,
                row.offer_state or False,
                row.is_converted,
                row.order_number or False,
                row.order_state or False,
            )
            for row in rows
        }

    def _wizard(self, user=None, **values):
        wizard = self.env["crm.lead.traceability.wizard"]
        if user:
            wizard = wizard.with_user(user)
        return wizard.create(values)

    def _wizard_keys(self, **values):
        wizard = self._wizard(**values)
        return self._keys(
            self.Report.search(
                [("lead_id", "in", self.leads.ids), *wizard._get_report_domain()]
            )
        )

    def _html(self, report, docids, user=None):
        reports = self.env["ir.actions.report"]
        if user:
            reports = reports.with_user(user)
        content, _type = reports._render_qweb_html(report, docids)
        return html.fromstring(content)


@tagged("post_install", "-at_install")
class TestTraceabilityRows(TraceabilityCommon):
    def test_exact_rows(self):
        """One row per lead × offer × order: every offer state, both
        conversion modes, a lead without offer, two companies; orders only
        when generated from an offer; a legacy quotation counts as an offer,
        a legacy confirmed order does not appear."""
        l1, l2, l3, l4 = (lead.lead_number for lead in self.leads)
        self.assertEqual(
            self._keys(self._rows()),
            {
                (l1, self.offer_draft.name, "draft", False, False, False),
                (l1, self.offer_sent.name, "sent", False, False, False),
                (l1, self.offer_cancel.name, "cancel", False, False, False),
                (
                    l1,
                    self.offer_separate.name,
                    "converted",
                    True,
                    self.order_separate.name,
                    "sale",
                ),
                (l1, self.legacy_quotation.name, "draft", False, False, False),
                (
                    l2,
                    self.offer_in_place_number,
                    "converted",
                    True,
                    self.offer_in_place.name,
                    "sale",
                ),
                (
                    l2,
                    self.offer_in_place_cancelled.offer_number,
                    "converted",
                    True,
                    self.offer_in_place_cancelled.name,
                    "cancel",
                ),
                (l3, False, False, False, False, False),
                (l4, self.offer_b.name, "converted", True, self.order_b.name, "sale"),
            },
        )
        self.assertNotIn(self.legacy_order, self._rows().offer_id)
        self.assertNotIn(self.legacy_order, self._rows().order_id)

    def test_default_order(self):
        """Rows come newest lead first, each lead's offers by date, and a
        lead's rows stay together."""
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE crm_lead SET create_date = create_date - id * interval '1 day' "
            "WHERE id = ANY(%s)",
            [self.leads.ids],
        )
        self.env.invalidate_all()
        rows = self._rows()
        expected = rows.sorted(
            lambda row: (
                -row.lead_create_date.timestamp(),
                -row.lead_id.id,
                row.offer_date and row.offer_date.timestamp() or 0,
                row.offer_id.id,
            )
        )
        self.assertEqual(rows.ids, expected.ids)
        self.assertEqual(rows[0].lead_id, self.lead_1)

    def test_rows_by_id(self):
        """Reading rows by id (forms, exports, the ORM's re-read) finds
        exactly those rows: offer rows and rows of leads without offer,
        alone or mixed, with ``=`` and ``in``; other id conditions still
        work."""
        rows = self._rows()
        lead_row = rows.filtered(lambda row: not row.offer_id)
        offer_rows = rows - lead_row
        Report = self.Report
        for some in (rows, lead_row, offer_rows, offer_rows[:2] | lead_row):
            found = Report.search([("id", "in", some.ids)])
            self.assertEqual(set(found.ids), set(some.ids))
        self.assertEqual(Report.search([("id", "=", lead_row.id)]), lead_row)
        self.assertEqual(Report.search([("id", "=", offer_rows[0].id)]), offer_rows[0])
        self.assertFalse(Report.search([("id", "in", [])]))
        self.assertFalse(Report.search([("id", "in", [max(rows.ids) + 1000])]))
        self.assertEqual(
            set(self._rows([("id", "not in", lead_row.ids)]).ids),
            set(offer_rows.ids),
        )
        self.env.invalidate_all()
        values = {
            value["id"]: value["lead_number"] for value in rows.read(["lead_number"])
        }
        self.assertEqual(values, {row.id: row.lead_id.lead_number for row in rows})

    def test_row_values(self):
        """Lead side, links, company, amounts and counters of a row."""
        row = self._rows([("offer_id", "=", self.offer_separate.id)])
        self.assertEqual(len(row), 1)
        self.assertEqual(row.id, self.offer_separate.id * 2)
        self.assertEqual(row.lead_id, self.lead_1)
        self.assertEqual(row.lead_name, "Chairs for the new office")
        self.assertEqual(row.partner_id, self.partner)
        self.assertEqual(row.user_id, self.salesman)
        self.assertEqual(row.lead_type_id, self.type_new)
        self.assertEqual(row.stage_id, self.lead_1.stage_id)
        self.assertEqual(row.company_id, self.company)
        self.assertEqual(row.currency_id, self.company.currency_id)
        self.assertEqual(row.order_id, self.order_separate)
        # 10 chairs at 200 - 10% (+19% VAT), 2 installations at 80 - 25%
        self.assertAlmostEqual(row.offer_amount_untaxed, 1920)
        self.assertAlmostEqual(row.offer_amount_total, self.offer_separate.amount_total)
        self.assertAlmostEqual(row.order_amount_untaxed, 1920)
        self.assertAlmostEqual(row.order_amount_total, self.order_separate.amount_total)
        self.assertEqual((row.offer_count, row.order_count), (1, 1))
        no_offer = self._rows([("lead_id", "=", self.lead_3.id)])
        self.assertEqual(no_offer.id, self.lead_3.id * 2 + 1)
        self.assertEqual((no_offer.offer_count, no_offer.order_count), (0, 0))
        self.assertFalse(no_offer.offer_amount_total)

    def test_amounts_in_company_currency(self):
        """An offer in a foreign currency reads in the company currency."""
        foreign = self.env.ref("base.EUR")
        if foreign == self.company.currency_id:
            foreign = self.env.ref("base.USD")
        foreign.active = True
        self.env["res.currency.rate"].create(
            {
                "currency_id": foreign.id,
                "company_rate": 2.0,
                "name": fields.Date.today() - timedelta(days=1),
            }
        )
        pricelist = self.env["product.pricelist"].create(
            {"name": "Foreign", "currency_id": foreign.id}
        )
        offer = self._create_offer(pricelist_id=pricelist.id)
        self.assertEqual(offer.currency_rate, 2.0)
        row = self._rows([("offer_id", "=", offer.id)])
        self.assertEqual(row.currency_id, self.company.currency_id)
        self.assertAlmostEqual(row.offer_amount_untaxed, offer.amount_untaxed / 2)
        self.assertAlmostEqual(row.offer_amount_total, offer.amount_total / 2)

    def test_days_to_order(self):
        """Whole days from the offer's creation to the order's date."""
        offer = self._create_offer()
        order = offer._convert_to_orders()
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE sale_order SET create_date = %s WHERE id = %s",
            [order.date_order - timedelta(days=5, hours=3), offer.id],
        )
        self.env.invalidate_all()
        row = self._rows([("offer_id", "=", offer.id)])
        self.assertEqual(row.days_to_order, 5)
        self.assertEqual(row.offer_date, order.date_order - timedelta(days=5, hours=3))
        self.assertEqual(row.order_date, order.date_order)

    def test_days_to_order_in_place(self):
        """In place, the offer date is its creation, not its confirmation."""
        row = self._rows([("offer_id", "=", self.offer_in_place.id)])
        self.assertEqual(row.offer_date, self.offer_in_place.create_date)
        self.assertEqual(row.order_date, self.offer_in_place.date_order)
        self.assertEqual(row.days_to_order, 0)

    def test_read_group_and_export(self):
        """Pivot figures (read_group) and export (export_data) work."""
        groups = self.Report.read_group(
            [("lead_id", "in", self.leads.ids)],
            ["offer_count:sum", "order_count:sum", "lead_id:count_distinct"],
            ["company_id"],
        )
        by_company = {group["company_id"][0]: group for group in groups}
        self.assertEqual(by_company[self.company.id]["offer_count"], 7)
        self.assertEqual(by_company[self.company.id]["order_count"], 3)
        self.assertEqual(by_company[self.company.id]["lead_id"], 3)
        self.assertEqual(by_company[self.company_b.id]["order_count"], 1)
        exported = self._rows([("lead_id", "=", self.lead_4.id)]).export_data(
            ["lead_number", "offer_number", "order_number", "offer_state"]
        )["datas"]
        self.assertEqual(
            exported,
            [
                [
                    self.lead_4.lead_number,
                    self.offer_b.name,
                    self.order_b.name,
                    "converted",
                ]
            ],
        )


@tagged("post_install", "-at_install")
class TestTraceabilityAccess(TraceabilityCommon):
    def test_salesman_sees_own_rows(self):
        """A salesman limited to his own documents sees only his leads'
        rows (with his offers): not his colleague's, not company B's."""
        rows = self._rows(user=self.salesman)
        self.assertEqual(rows.lead_id, self.lead_1 | self.lead_3)
        self.assertEqual(len(rows), 6)
        rows_2 = self._rows(user=self.salesman_2)
        self.assertEqual(rows_2.lead_id, self.lead_2)

    def test_salesman_hidden_offer_of_colleague(self):
        """A row whose offer belongs to someone else is hidden from a
        salesman limited to his own documents, even on his lead."""
        offer = self._create_offer(user_id=self.salesman_2.id)
        self.assertNotIn(offer, self._rows(user=self.salesman).offer_id)
        self.assertIn(offer, self._rows(user=self.manager).offer_id)

    def test_rows_by_id_under_rules(self):
        """A salesman reading rows by id gets his own and is refused the
        others: the lookup by id keeps the record rules."""
        rows = self._rows()
        own = self._rows(user=self.salesman)
        found = self.Report.with_user(self.salesman).search([("id", "in", rows.ids)])
        self.assertEqual(found, own)
        self.Report.with_user(self.salesman).browse(own.ids).read(["lead_number"])
        with self.assertRaises(AccessError):
            self.Report.with_user(self.salesman).browse(rows.ids).read(["lead_number"])

    def test_offer_company(self):
        """A lead shared by the companies (no company) with an offer in each:
        each company's user sees the offer row of his company only, as
        sale.order's rule lets him read that offer only."""
        lead = self.env["crm.lead"].create(
            {
                "name": "Shared lead",
                "type": "opportunity",
                "partner_id": self.partner.id,
                "company_id": False,
            }
        )
        offer_a = self._create_offer(lead, user_id=False)
        offer_b = (
            self.env["sale.order"]
            .with_company(self.company_b)
            .create(
                {
                    "partner_id": self.partner.id,
                    "opportunity_id": lead.id,
                    "company_id": self.company_b.id,
                }
            )
        )
        rows = self.Report.with_user(self.user_b).search([("lead_id", "=", lead.id)])
        self.assertEqual(rows.offer_id, offer_b)
        manager = self.Report.with_user(self.manager).with_context(
            allowed_company_ids=(self.company | self.company_b).ids
        )
        rows = manager.search([("lead_id", "=", lead.id)])
        self.assertEqual(rows.offer_id, offer_a | offer_b)
        rows = manager.with_context(allowed_company_ids=self.company.ids).search(
            [("lead_id", "=", lead.id)]
        )
        self.assertEqual(rows.offer_id, offer_a)

    def test_companies(self):
        """Rows follow the user's companies."""
        self.assertEqual(self._rows(user=self.user_b).lead_id, self.lead_4)
        self.assertEqual(self._rows(user=self.manager).lead_id, self.leads)
        manager_a = self.Report.with_user(self.manager).with_context(
            allowed_company_ids=self.company.ids
        )
        self.assertEqual(
            manager_a.search([("lead_id", "in", self.leads.ids)]).lead_id,
            self.lead_1 | self.lead_2 | self.lead_3,
        )

    def test_salesman_reports(self):
        """The HTML report, from the wizard and from leads, shows a salesman
        only his rows."""
        wizard = self._wizard(user=self.salesman)
        tree = self._html(REPORT, wizard.ids, user=self.salesman)
        numbers = {
            n.text_content() for n in tree.xpath("//*[hasclass('o_lead_number')]")
        }
        self.assertLessEqual(
            {self.lead_1.lead_number, self.lead_3.lead_number}, numbers
        )
        self.assertFalse(
            numbers & {self.lead_2.lead_number, self.lead_4.lead_number}, numbers
        )
        tree = self._html(LEAD_REPORT, self.leads.ids, user=self.salesman)
        numbers = {
            n.text_content() for n in tree.xpath("//*[hasclass('o_lead_number')]")
        }
        self.assertEqual(numbers, {self.lead_1.lead_number, self.lead_3.lead_number})
        action = wizard.action_show()
        rows = self.Report.with_user(self.salesman).search(
            [("lead_id", "in", self.leads.ids), *action["domain"]]
        )
        self.assertEqual(rows.lead_id, self.lead_1 | self.lead_3)


@tagged("post_install", "-at_install")
class TestTraceabilityWizard(TraceabilityCommon):
    def _leads_of(self, **values):
        return {key[0] for key in self._wizard_keys(**values)}

    def test_offer_status(self):
        """All / converted only / not converted only."""
        all_keys = self._wizard_keys(offer_status="all")
        self.assertEqual(all_keys, self._keys(self._rows()))
        converted = self._wizard_keys(offer_status="converted")
        self.assertEqual(
            {key[1] for key in converted},
            {
                self.offer_separate.name,
                self.offer_in_place_number,
                self.offer_in_place_cancelled.offer_number,
                self.offer_b.name,
            },
        )
        not_converted = self._wizard_keys(offer_status="not_converted")
        self.assertEqual(
            {key[1] for key in not_converted},
            {
                self.offer_draft.name,
                self.offer_sent.name,
                self.offer_cancel.name,
                self.legacy_quotation.name,
            },
        )

    def test_filters(self):
        """Company, team, salesperson, customer (with contacts), lead type
        and specific leads each narrow the rows."""
        numbers = {lead: lead.lead_number for lead in self.leads}
        self.assertEqual(
            self._leads_of(company_id=self.company_b.id), {numbers[self.lead_4]}
        )
        self.assertEqual(self._leads_of(team_id=self.team.id), {numbers[self.lead_2]})
        self.assertEqual(
            self._leads_of(user_id=self.salesman.id),
            {numbers[self.lead_1], numbers[self.lead_3]},
        )
        self.assertEqual(
            self._leads_of(partner_id=self.partner_2.id), {numbers[self.lead_2]}
        )
        self.assertEqual(
            self._leads_of(lead_type_id=self.type_upsell.id), {numbers[self.lead_2]}
        )
        self.assertEqual(
            self._leads_of(lead_ids=(self.lead_3 | self.lead_4).ids),
            {numbers[self.lead_3], numbers[self.lead_4]},
        )

    def test_period(self):
        """The period applies to the lead's creation or to the offer's date,
        in the user's time zone."""
        self.env.flush_all()
        self.env.cr.execute(
            "UPDATE crm_lead SET create_date = '2026-03-01 23:30:00' WHERE id = %s",
            [self.lead_3.id],
        )
        self.env.cr.execute(
            "UPDATE sale_order SET create_date = '2026-03-10 12:00:00' WHERE id = %s",
            [self.offer_sent.id],
        )
        self.env.invalidate_all()
        # 2026-03-01 23:30 UTC is March 2nd in Bucharest (UTC+2)
        march_2 = {"date_from": date(2026, 3, 2), "date_to": date(2026, 3, 2)}
        wizard = self.env["crm.lead.traceability.wizard"].with_context(
            tz="Europe/Bucharest"
        )
        domain = wizard.create(march_2)._get_report_domain()
        self.assertEqual(self._rows(domain).lead_id, self.lead_3)
        domain = wizard.with_context(tz="UTC").create(march_2)._get_report_domain()
        self.assertFalse(self._rows(domain))
        domain = wizard.create(
            {
                "date_basis": "offer",
                "date_from": date(2026, 3, 10),
                "date_to": date(2026, 3, 31),
            }
        )._get_report_domain()
        self.assertEqual(self._rows(domain).offer_id, self.offer_sent)

    def test_actions(self):
        """Print gives the PDF, Preview the HTML, Show the list/pivot of the
        same domain."""
        wizard = self._wizard(user=self.manager, offer_status="converted")
        action = wizard.action_print()
        self.assertEqual(action["report_type"], "qweb-pdf")
        self.assertEqual(
            action["report_name"], "lead_management.report_crm_lead_traceability"
        )
        self.assertEqual(wizard.action_preview()["report_type"], "qweb-html")
        action = wizard.action_show()
        self.assertEqual(action["res_model"], "crm.lead.traceability.report")
        self.assertEqual(action["domain"], wizard._get_report_domain())

    def test_show_facets_and_reload(self):
        """Show opens a main action (no breadcrumb back to the transient
        wizard, safe to reload) whose filters with a search field are facets
        the user sees and can remove; the rest stays in the domain and the
        period is in the title."""
        wizard = self._wizard(
            user=self.manager,
            date_from=date(2026, 1, 1),
            partner_id=self.partner.id,
            user_id=self.salesman.id,
            offer_status="converted",
        )
        action = wizard.action_show()
        self.assertEqual(action["target"], "main")
        self.assertEqual(
            action["context"],
            {
                "search_default_partner_id": self.partner.id,
                "search_default_user_id": self.salesman.id,
            },
        )
        fields_in_domain = {leaf[0] for leaf in action["domain"]}
        self.assertNotIn("partner_id", fields_in_domain)
        self.assertNotIn("user_id", fields_in_domain)
        self.assertIn("is_converted", fields_in_domain)
        self.assertIn("from 01/01/2026", action["name"])
        # the facets are fields of the action's search view
        search = html.fromstring(
            self.Report.get_view(action["search_view_id"][0], "search")["arch"]
        )
        for name in ("partner_id", "user_id"):
            self.assertTrue(search.xpath(f"//field[@name='{name}']"), name)


@tagged("post_install", "-at_install")
class TestTraceabilityReport(TraceabilityCommon):
    def test_html_content(self):
        """The HTML report groups by lead: header, one line per offer with its
        order, amounts with the currency symbol, subtotals and total."""
        wizard = self._wizard(lead_ids=(self.lead_1 | self.lead_3).ids)
        tree = self._html(REPORT, wizard.ids)
        symbol = self.company.currency_id.symbol
        leads = tree.xpath("//tr[hasclass('o_traceability_lead')]")
        self.assertEqual(len(leads), 2)
        header = next(
            text
            for text in (lead.text_content() for lead in leads)
            if self.lead_1.lead_number in text
        )
        self.assertIn("Chairs for the new office", header)
        self.assertIn("Test Customer", header)
        self.assertIn(self.salesman.name, header)
        self.assertIn("Test new business", header)
        lines = tree.xpath("//tr[hasclass('o_traceability_line')]")
        self.assertEqual(len(lines), 5)
        by_offer = {
            line.xpath(".//*[hasclass('o_offer_number')]")[0].text_content(): line
            for line in lines
        }
        converted = by_offer[self.offer_separate.name]

        def cell(line, name):
            return " ".join(
                line.xpath(f".//*[hasclass('{name}')]")[0].text_content().split()
            )

        self.assertEqual(cell(converted, "o_order_number"), self.order_separate.name)
        self.assertEqual(cell(converted, "o_offer_state"), "Converted")
        self.assertEqual(cell(converted, "o_order_state"), "Sales Order")
        self.assertIn("1,920.00", cell(converted, "o_offer_amount_untaxed"))
        self.assertIn(symbol, cell(converted, "o_offer_amount_untaxed"))
        total = self.order_separate.amount_total
        self.assertIn(f"{total:,.2f}", cell(converted, "o_order_amount_total"))
        self.assertEqual(cell(converted, "o_days_to_order"), "0")
        self.assertEqual(cell(by_offer[self.offer_draft.name], "o_order_number"), "")
        subtotal = tree.xpath("//tr[hasclass('o_traceability_subtotal')]")
        self.assertEqual(len(subtotal), 1)  # the lead without offer has none
        self.assertEqual(cell(subtotal[0], "o_offer_count"), "5")
        self.assertEqual(cell(subtotal[0], "o_order_count"), "1")
        self.assertIn("9,600.00", cell(subtotal[0], "o_offer_amount_untaxed"))
        self.assertIn("1,920.00", cell(subtotal[0], "o_order_amount_untaxed"))
        self.assertEqual(
            len(tree.xpath("//tr[hasclass('o_traceability_no_offer')]")), 1
        )
        totals = tree.xpath("//tr[hasclass('o_traceability_total')]")
        self.assertEqual(len(totals), 1)
        self.assertEqual(cell(totals[0], "o_lead_count"), "2")
        self.assertEqual(cell(totals[0], "o_offer_count"), "5")
        self.assertIn(f"{5 * total:,.2f}", cell(totals[0], "o_offer_amount_total"))
        # company header of web.external_layout
        self.assertTrue(tree.xpath("//div[hasclass('header')]"))

    def test_plain_lead_is_not_an_opportunity_without_offer(self):
        """A lead that is not an opportunity yet reads as such, not as an
        opportunity that lacks offers."""
        opportunity = self.env["crm.lead"].create(
            {"name": "Opportunity without offer", "type": "opportunity"}
        )
        self.assertEqual(self.lead_3.type, "lead")
        wizard = self._wizard(lead_ids=(opportunity | self.lead_3).ids)
        tree = self._html(REPORT, wizard.ids)
        rows = [
            " ".join(row.text_content().split())
            for row in tree.xpath("//tr[hasclass('o_traceability_no_offer')]")
        ]
        self.assertCountEqual(
            rows, ["Lead, not an opportunity yet: no offer", "No offer"]
        )

    def test_formatters(self):
        """Amounts and dates read as Odoo formats them (formatLang,
        the user's time zone and language)."""
        model = self.env["report.lead_management.report_crm_lead_traceability"]
        euro = self.env.ref("base.EUR")
        for currency in (self.company.currency_id, euro):
            for value in (0, 1234567.891, -42.5):
                money, _day = model._get_formatters()
                self.assertEqual(
                    money(value, currency),
                    formatLang(self.env, value, currency_obj=currency),
                )
        _money, day = model.with_context(tz="Asia/Tokyo")._get_formatters()
        self.assertEqual(
            day(fields.Datetime.to_datetime("2026-03-01 20:00:00")), "03/02/2026"
        )

    def test_header_company(self):
        """The header shows the rows' company when there is only one."""
        wizard = self._wizard(user=self.manager, company_id=self.company_b.id)
        values = (
            self.env["report.lead_management.report_crm_lead_traceability"]
            .with_user(self.manager)
            ._get_report_values(wizard.ids)
        )
        self.assertEqual(values["company"], self.company_b)
        wizard = self._wizard(user=self.manager)
        values = (
            self.env["report.lead_management.report_crm_lead_traceability"]
            .with_user(self.manager)
            ._get_report_values(wizard.ids)
        )
        self.assertEqual(values["company"], self.manager.company_id)

    def test_html_totals_per_currency(self):
        """Companies in other currencies get a totals line each."""
        currency = self.env.ref("base.EUR")
        if currency == self.company.currency_id:
            currency = self.env.ref("base.USD")
        currency.active = True
        self.company_b.currency_id = currency
        wizard = self._wizard(lead_ids=(self.lead_1 | self.lead_4).ids)
        tree = self._html(REPORT, wizard.ids)
        self.assertEqual(len(tree.xpath("//tr[hasclass('o_traceability_total')]")), 2)

    def test_lead_without_company_no_extra_total(self):
        """A lead without a company (hence without currency) counts in the
        total line: no second, unlabelled "Total" line."""
        no_company = self.env["crm.lead"].create(
            {"name": "Lead of no company", "company_id": False}
        )
        wizard = self._wizard(lead_ids=(self.lead_1 | no_company).ids)
        tree = self._html(REPORT, wizard.ids)
        totals = tree.xpath("//tr[hasclass('o_traceability_total')]")
        self.assertEqual(len(totals), 1)
        count = totals[0].xpath(".//*[hasclass('o_lead_count')]")[0].text_content()
        self.assertEqual(count, "2")
        self.assertIn("Leads: 2", " ".join(totals[0].text_content().split()))

    def test_header_filters_and_whole_rows(self):
        """The period and filters of the wizard print under the title; rows
        stay whole across PDF page breaks."""
        wizard = self._wizard(
            date_from=date(2026, 1, 1),
            partner_id=self.partner.id,
            offer_status="converted",
        )
        tree = self._html(REPORT, wizard.ids)
        (filters,) = tree.xpath("//*[hasclass('o_period_filters')]")
        self.assertEqual(
            " ".join(filters.text_content().split()),
            "Period: from 01/01/2026 · Period on: Lead creation date · "
            "Customer: Test Customer · Offer Status: Converted only",
        )
        style = " ".join(tree.xpath("//div[hasclass('page')]/style/text()"))
        self.assertIn("page-break-inside: avoid", style)

    def test_list_leaves_missing_values_empty(self):
        """In the list, a lead without offer or order shows no amount and no
        days to order (empty, not 0)."""
        arch = self.env["crm.lead.traceability.report"].get_view(
            self.env.ref("lead_management.crm_lead_traceability_report_view_list").id,
            "list",
        )["arch"]
        tree = html.fromstring(arch)
        for name, condition in (
            ("offer_amount_untaxed", "not offer_id"),
            ("offer_amount_total", "not offer_id"),
            ("order_amount_untaxed", "not order_number"),
            ("order_amount_total", "not order_number"),
            ("days_to_order", "not order_number"),
        ):
            with self.subTest(field=name):
                (node,) = tree.xpath(f"//field[@name='{name}']")
                self.assertEqual(node.get("invisible"), condition)

    def test_one_menu(self):
        """One Traceability menu (the wizard: print, preview, show)."""
        menus = self.env["ir.ui.menu"].search(
            [
                ("name", "ilike", "Traceability"),
                ("parent_id", "=", self.env.ref("crm.crm_menu_report").id),
            ]
        )
        self.assertEqual(menus.mapped("name"), ["Traceability"])
        self.assertEqual(
            menus.action,
            self.env.ref("lead_management.crm_lead_traceability_wizard_action"),
        )

    def test_empty(self):
        """No row: a message, no table."""
        wizard = self._wizard(lead_ids=self.lead_3.ids, offer_status="converted")
        tree = self._html(REPORT, wizard.ids)
        self.assertTrue(tree.xpath("//*[hasclass('o_traceability_empty')]"))
        self.assertFalse(tree.xpath("//table[hasclass('o_traceability_table')]"))

    def test_pdf(self):
        """The PDF renders and contains the lead and order numbers."""
        # Lato, the reports' web font, is drawn as outlines by Debian's
        # wkhtmltopdf (no text to extract): render without the stylesheets
        # (an address that refuses connections) to read the text back.
        self.env["ir.config_parameter"].sudo().set_param(
            "report.url", "http://127.0.0.1:9"
        )
        wizard = self._wizard(lead_ids=self.lead_1.ids)
        content, report_type = (
            self.env["ir.actions.report"]
            .with_context(force_report_rendering=True)
            ._render_qweb_pdf(REPORT, wizard.ids)
        )
        self.assertEqual(report_type, "pdf")
        self.assertTrue(content.startswith(b"%PDF"))
        text = "".join(
            page.extract_text() for page in PdfReader(io.BytesIO(content)).pages
        )
        self.assertIn(self.lead_1.lead_number, text)
        self.assertIn(self.order_separate.name, text)
        self.assertIn(self.offer_draft.name, text)

    def test_print_limit(self):
        """Above the company's "max rows to print", Print and Preview refuse
        with a message naming the row count and pointing to Show and export,
        before anything is rendered; the report refuses it however it is
        rendered (from leads too). At the limit it prints."""
        wizard = self._wizard(user=self.manager, lead_ids=self.lead_1.ids)
        rows = self.Report.search_count(wizard._get_report_domain())
        self.assertGreater(rows, 1)
        settings = self.env["res.config.settings"].create(
            {"traceability_print_limit": rows - 1}
        )
        settings.execute()
        self.assertEqual(self.company.traceability_print_limit, rows - 1)
        for action in (wizard.action_print, wizard.action_preview):
            with self.assertRaises(UserError) as error:
                action()
            message = str(error.exception)
            self.assertIn(f"{rows} rows", message)
            self.assertIn(f"{rows - 1} rows", message)
            self.assertIn("Show", message)
            self.assertIn("export", message)
        reports = self.env["ir.actions.report"].with_user(self.manager)
        with self.assertRaises(UserError):
            reports._render_qweb_html(REPORT, wizard.ids)
        with self.assertRaises(UserError):
            reports._render_qweb_html(LEAD_REPORT, self.lead_1.ids)
        self.company.traceability_print_limit = rows
        self.assertEqual(wizard.action_preview()["report_type"], "qweb-html")
        tree = self._html(REPORT, wizard.ids, user=self.manager)
        self.assertEqual(len(tree.xpath("//*[hasclass('o_lead_number')]")), 1)

    def test_print_limit_counts_readable_rows(self):
        """The limit counts the rows the user may read: a salesman's print of
        all leads counts his rows only."""
        wizard = self._wizard(user=self.salesman)
        readable = self.Report.with_user(self.salesman).search_count(
            wizard._get_report_domain()
        )
        self.assertLess(readable, self.Report.search_count([]))
        self.company.traceability_print_limit = readable
        self.assertEqual(wizard.action_print()["report_type"], "qweb-pdf")
        with self.assertRaises(UserError):
            self._wizard(user=self.manager).action_print()

    def test_print_from_lead(self):
        """The Traceability print action of leads prints their rows."""
        report = self.env.ref(LEAD_REPORT)
        self.assertEqual(report.binding_model_id.model, "crm.lead")
        tree = self._html(LEAD_REPORT, self.lead_2.ids)
        numbers = [
            n.text_content() for n in tree.xpath("//*[hasclass('o_order_number')]")
        ]
        self.assertEqual(
            sorted(filter(None, numbers)),
            sorted([self.offer_in_place.name, self.offer_in_place_cancelled.name]),
        )

    def test_query_count_constant(self):
        """Preparing the report costs the same number of queries for one
        lead and for all of them."""
        model = self.env["report.lead_management.report_crm_lead_traceability_lead"]
        self.env.invalidate_all()
        self.env.flush_all()
        start = self.env.cr.sql_log_count
        model._get_report_values(self.lead_3.ids)
        one = self.env.cr.sql_log_count - start
        self.env.invalidate_all()
        start = self.env.cr.sql_log_count
        values = model._get_report_values(self.leads.ids)
        many = self.env.cr.sql_log_count - start
        self.assertEqual(len(values["groups"]), 4)
        self.assertLessEqual(many, one + 4)  # a few more models to name
        # 12, the count of the print limit, and the translated labels of the
        # offer's own status (the order's are the stock ones)
        self.assertLessEqual(many, 14)


@tagged("post_install", "-at_install")
class TestTraceabilityRpc(HttpCase):
    """Integrators read the rows, run the wizard and fetch the report."""

    def setUp(self):
        super().setUp()
        self.salesman = new_sales_user(self.env, "lm_rpc_salesman")
        self.colleague = new_sales_user(self.env, "lm_rpc_colleague")
        partner = self.env["res.partner"].create({"name": "RPC customer"})
        product = self.env["product.product"].create({"name": "RPC chair"})
        self.leads = self.env["crm.lead"].create(
            [
                {
                    "name": name,
                    "type": "opportunity",
                    "partner_id": partner.id,
                    "user_id": user.id,
                }
                for name, user in (("Mine", self.salesman), ("His", self.colleague))
            ]
        )
        self.offers = self.env["sale.order"].create(
            [
                {
                    "partner_id": partner.id,
                    "opportunity_id": lead.id,
                    "user_id": lead.user_id.id,
                    "order_line": [
                        Command.create({"product_id": product.id, "price_unit": 50})
                    ],
                }
                for lead in self.leads
            ]
        )
        self.order = self.offers[0]._convert_to_orders()
        db = self.env.cr.dbname
        uid = self.xmlrpc_common.authenticate(
            db, "lm_rpc_salesman", "lm_rpc_salesman", {}
        )

        def call(model, method, *args, **kwargs):
            return self.xmlrpc_object.execute_kw(
                db, uid, "lm_rpc_salesman", model, method, list(args), kwargs
            )

        self.call = call

    def test_search_read_and_wizard(self):
        """search_read on the view and the wizard's Show domain over XML-RPC,
        limited to the salesman's own documents."""
        rows = self.call(
            "crm.lead.traceability.report",
            "search_read",
            [("lead_id", "in", self.leads.ids)],
            fields=["lead_number", "offer_number", "order_number", "is_converted"],
        )
        self.assertEqual(
            [(r["lead_number"], r["offer_number"], r["order_number"]) for r in rows],
            [(self.leads[0].lead_number, self.offers[0].name, self.order.name)],
        )
        wizard_id = self.call(
            "crm.lead.traceability.wizard", "create", {"offer_status": "converted"}
        )
        action = self.call("crm.lead.traceability.wizard", "action_show", [wizard_id])
        rows = self.call(
            "crm.lead.traceability.report",
            "search_read",
            [("lead_id", "in", self.leads.ids), *action["domain"]],
            fields=["order_number"],
        )
        self.assertEqual([row["order_number"] for row in rows], [self.order.name])

    def test_report_route(self):
        """The HTML report route renders the salesman's rows only."""
        self.authenticate("lm_rpc_salesman", "lm_rpc_salesman")
        response = self.url_open(
            "/report/html/lead_management.report_crm_lead_traceability_lead/"
            + ",".join(map(str, self.leads.ids))
        )
        self.assertEqual(response.status_code, 200)
        self.assertIn(self.leads[0].lead_number, response.text)
        self.assertIn(self.order.name, response.text)
        self.assertNotIn(self.leads[1].lead_number, response.text)

# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from xmlrpc.client import Fault

from odoo import Command
from odoo.tests import HttpCase, tagged
from odoo.tools import SQL

from .common import LeadManagementCommon, new_sales_user


class CustomerHistoryCommon(LeadManagementCommon):
    """A customer company with a contact, and documents of every core kind:
    the salesman's, another salesman's, and company B's."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.other_salesman = new_sales_user(cls.env, "lm_history_other")
        cls.customer = cls.env["res.partner"].create(
            {"name": "History Customer", "is_company": True}
        )
        cls.contact = cls.env["res.partner"].create(
            {"name": "History Contact", "parent_id": cls.customer.id}
        )
        cls.stranger = cls.env["res.partner"].create({"name": "Someone else"})
        Lead = cls.env["crm.lead"]
        cls.lead = Lead.create(
            {
                "name": "History lead",
                "type": "lead",
                "partner_id": cls.contact.id,
                "user_id": cls.salesman.id,
            }
        )
        cls.opportunity = Lead.create(
            {
                "name": "History opportunity",
                "type": "opportunity",
                "partner_id": cls.customer.id,
                "user_id": cls.salesman.id,
                "expected_revenue": 1200,
            }
        )
        cls.lost = Lead.create(
            {
                "name": "History lost",
                "type": "opportunity",
                "partner_id": cls.customer.id,
                "user_id": cls.salesman.id,
            }
        )
        cls.lost.action_set_lost()
        cls.archived = Lead.create(
            {
                "name": "History archived",
                "type": "opportunity",
                "partner_id": cls.contact.id,
                "user_id": cls.salesman.id,
                "probability": 40,
            }
        )
        cls.archived.active = False
        cls.product = cls.env["product.product"].create(
            {"name": "History product", "list_price": 100, "taxes_id": False}
        )
        cls.offer = cls._order(cls.salesman, is_offer=True)
        cls.order = cls._order(cls.salesman)
        cls.order.action_confirm()
        cls.invoice = cls._invoice("out_invoice", cls.salesman, 300)
        cls.refund = cls._invoice("out_refund", cls.salesman, 40)
        # e-mails: one received, one sent from the chatter; a note is not
        cls.email_in = cls.opportunity.message_post(
            body="Please call me", subject="Customer writes", message_type="email"
        )
        cls.email_out = cls.order.message_post(
            body="Your order",
            subject="We write",
            message_type="comment",
            subtype_xmlid="mail.mt_comment",
        )
        cls.note = cls.opportunity.message_post(
            body="Internal", subtype_xmlid="mail.mt_note"
        )
        # another salesman's, and company B's
        cls.other_opportunity = Lead.create(
            {
                "name": "Other salesman's opportunity",
                "type": "opportunity",
                "partner_id": cls.customer.id,
                "user_id": cls.other_salesman.id,
            }
        )
        cls.other_order = cls._order(cls.other_salesman)
        cls.other_email = cls.other_opportunity.message_post(
            body="To the other", subject="Other's mail", message_type="email"
        )
        cls.lead_b = Lead.create(
            {
                "name": "Company B opportunity",
                "type": "opportunity",
                "partner_id": cls.customer.id,
                "user_id": cls.user_b.id,
                "company_id": cls.company_b.id,
            }
        )
        cls.stranger_lead = Lead.create(
            {"name": "Not this customer", "partner_id": cls.stranger.id}
        )

    @classmethod
    def _order(cls, user, **values):
        return cls.env["sale.order"].create(
            {
                "partner_id": cls.customer.id,
                "user_id": user.id,
                "order_line": [
                    Command.create({"product_id": cls.product.id, "price_unit": 100})
                ],
                **values,
            }
        )

    @classmethod
    def _invoice(cls, move_type, user, price):
        move = cls.env["account.move"].create(
            {
                "move_type": move_type,
                "partner_id": cls.contact.id,
                "invoice_user_id": user.id,
                "invoice_line_ids": [
                    Command.create(
                        {
                            "name": "History line",
                            "quantity": 1,
                            "price_unit": price,
                            "tax_ids": [Command.clear()],
                        }
                    )
                ],
            }
        )
        move.action_post()
        return move

    def _history(self, user=None, partner=None):
        history = self.env["crm.customer.history"]
        if user:
            history = history.with_user(user)
        return history.search(
            [("partner_id", "child_of", (partner or self.customer).id)]
        )

    @staticmethod
    def _documents(rows):
        return {(row.kind, row.res_model, row.res_id) for row in rows}


@tagged("post_install", "-at_install")
class TestCustomerHistory(CustomerHistoryCommon):
    def test_rows_of_every_kind(self):
        """The customer's and its contact's documents, one row each, lost and
        archived opportunities included, the e-mails on them (not the note),
        nothing of another customer."""
        rows = self._history(self.manager)
        self.assertEqual(
            self._documents(rows),
            {
                ("lead", "crm.lead", self.lead.id),
                ("opportunity", "crm.lead", self.opportunity.id),
                ("opportunity", "crm.lead", self.lost.id),
                ("opportunity", "crm.lead", self.archived.id),
                ("opportunity", "crm.lead", self.other_opportunity.id),
                ("opportunity", "crm.lead", self.lead_b.id),
                ("offer", "sale.order", self.offer.id),
                ("order", "sale.order", self.order.id),
                ("offer", "sale.order", self.other_order.id),
                ("invoice", "account.move", self.invoice.id),
                ("refund", "account.move", self.refund.id),
                ("email", "crm.lead", self.opportunity.id),
                ("email", "sale.order", self.order.id),
                ("email", "crm.lead", self.other_opportunity.id),
            }
            # stock's own chatter e-mails (e.g. the order's confirmation)
            | self._documents(rows.filtered(lambda row: row.kind == "email")),
        )
        emails = rows.filtered(lambda row: row.kind == "email")
        self.assertIn("Customer writes", emails.mapped("title"))
        self.assertIn("We write", emails.mapped("title"))
        self.assertNotIn(self.note.id * 100, [row.id // 100 * 100 for row in rows])
        self.assertFalse(
            rows.filtered(lambda row: row.res_id == self.stranger_lead.id).filtered(
                lambda row: row.res_model == "crm.lead"
            )
        )

    def test_row_values(self):
        """Date, number, title, amount in company currency (credit notes
        negative), state and responsible of each document."""
        rows = self._history(self.manager)

        def row(document, kind=None):
            return rows.filtered(
                lambda r: (
                    (r.res_model, r.res_id) == (document._name, document.id)
                    and r.kind == (kind or r.kind)
                    and r.kind != "email"
                )
            )

        opportunity = row(self.opportunity)
        self.assertEqual(
            (opportunity.name, opportunity.title, opportunity.amount),
            (self.opportunity.lead_number, "History opportunity", 1200),
        )
        self.assertEqual(opportunity.state, "open")
        self.assertEqual(opportunity.user_id, self.salesman)
        self.assertEqual(opportunity.commercial_partner_id, self.customer)
        self.assertEqual(row(self.lost).state, "lost")
        self.assertEqual(row(self.archived).state, "archived")
        self.assertEqual(row(self.lead).partner_id, self.contact)
        self.assertEqual(
            (row(self.offer).name, row(self.offer).state, row(self.offer).amount),
            (self.offer.name, "draft", 100),
        )
        self.assertEqual(row(self.order).state, "sale")
        self.assertEqual(row(self.invoice).amount, 300)
        self.assertEqual(row(self.invoice).name, self.invoice.name)
        self.assertEqual(row(self.refund).amount, -40)
        self.assertEqual(row(self.refund).state, "posted")
        self.assertEqual(row(self.lead_b).company_id, self.company_b)
        received = rows.filtered(lambda r: r.title == "Customer writes")
        self.assertEqual(received.state, "received")
        self.assertEqual(received.name, self.opportunity.lead_number)
        self.assertEqual(received.date, self.email_in.date)
        # newest first
        dates = rows.mapped("date")
        self.assertEqual(dates, sorted(dates, reverse=True))

    def test_ids_unique(self):
        """Row ids are unique across kinds, and the same on every read."""
        rows = self._history(self.manager)
        self.assertEqual(len(set(rows.ids)), len(rows))
        self.assertEqual(self._history(self.manager).ids, rows.ids)

    def test_contact_history(self):
        """A contact's history has its own documents only, not its
        company's."""
        rows = self._history(self.manager, partner=self.contact)
        self.assertEqual(
            {(row.res_model, row.res_id) for row in rows},
            {
                ("crm.lead", self.lead.id),
                ("crm.lead", self.archived.id),
                ("account.move", self.invoice.id),
                ("account.move", self.refund.id),
            },
        )

    def test_salesman_sees_own_documents(self):
        """A salesman (own documents only) sees his rows and not the other
        salesman's nor company B's: the documents' own record rules."""
        rows = self._history(self.salesman)
        documents = {(row.res_model, row.res_id) for row in rows}
        self.assertIn(("crm.lead", self.opportunity.id), documents)
        self.assertIn(("sale.order", self.order.id), documents)
        self.assertIn(("account.move", self.invoice.id), documents)
        for document in (self.other_opportunity, self.other_order, self.lead_b):
            self.assertNotIn((document._name, document.id), documents)
        self.assertNotIn("Other's mail", rows.mapped("title"))
        # the same rows counted and grouped
        history = self.env["crm.customer.history"].with_user(self.salesman)
        domain = [("partner_id", "child_of", self.customer.id)]
        self.assertEqual(history.search_count(domain), len(rows))
        groups = history._read_group(domain, ["kind"], ["__count"])
        self.assertEqual(sum(count for __, count in groups), len(rows))

    def test_other_company(self):
        """Company B's salesman sees company B's opportunity only; the
        manager, working in the main company, not it."""
        rows = self._history(self.user_b)
        self.assertEqual(
            {(row.res_model, row.res_id) for row in rows},
            {("crm.lead", self.lead_b.id)},
        )
        manager_rows = (
            self.env["crm.customer.history"]
            .with_user(self.manager)
            .with_context(allowed_company_ids=self.company.ids)
            .search([("partner_id", "child_of", self.customer.id)])
        )
        self.assertNotIn(
            self.lead_b.id,
            manager_rows.filtered(lambda row: row.res_model == "crm.lead").mapped(
                "res_id"
            ),
        )

    def test_read_by_id_does_not_leak(self):
        """Reading another salesman's row by its id gives nothing."""
        other_rows = (
            self.env["crm.customer.history"]
            .sudo()
            .search([("res_model", "=", "crm.lead"), ("res_id", "=", self.lead_b.id)])
        )
        self.assertTrue(other_rows)
        history = self.env["crm.customer.history"].with_user(self.salesman)
        self.assertFalse(history.browse(other_rows.ids).read(["name", "title"]))
        self.assertFalse(history.search([("id", "in", other_rows.ids)]))

    def test_read_by_id_every_kind(self):
        """Rows read by id (the form, a button, a page's fetch: the id
        condition gets the source rows' ids) are the searched rows, e-mails
        included, with the same values."""
        history = self.env["crm.customer.history"].with_user(self.salesman)
        rows = self._history(self.salesman)
        self.assertIn("email", rows.mapped("kind"))
        fields = ["kind", "name", "res_model", "res_id", "date"]
        expected = rows.read(fields)
        self.env.invalidate_all()
        self.assertEqual(history.browse(rows.ids).read(fields), expected)
        for row in rows:
            with self.subTest(kind=row.kind):
                self.assertEqual(history.search([("id", "=", row.id)]), row)
        self.assertFalse(history.search([("id", "in", [rows[0].id + 1000])]))

    def test_search_by_customer_name(self):
        """The search view's Customer (child_of a name, as typed) finds the
        same rows as the History button (child_of the partner)."""
        history = self.env["crm.customer.history"].with_user(self.manager)
        by_name = history.search([("partner_id", "child_of", "History Customer")])
        self.assertEqual(by_name, self._history(self.manager))
        parents = history.search([("partner_id", "parent_of", self.contact.id)])
        self.assertEqual(
            {(row.res_model, row.res_id) for row in parents},
            {(row.res_model, row.res_id) for row in by_name},
        )

    def test_source_must_read_readable_documents(self):
        """A source reading its model's table instead of _readable_table()
        would ignore the record rules: it is refused."""
        history = self.env["crm.customer.history"].with_user(self.salesman)
        query = history._lead_query()
        history._check_source_readable({"model": "crm.lead", "query": query})
        with self.assertRaises(ValueError):
            history._check_source_readable(
                {"model": "crm.lead", "query": SQL("SELECT * FROM crm_lead lead")}
            )

    def test_partner_count_and_action(self):
        """The History button counts the rows of the company and its
        contacts (one grouped query for a batch), and opens them."""
        partners = (self.customer | self.contact).with_user(self.manager)
        total = len(self._history(self.manager))
        self.assertEqual(partners[0].customer_history_count, total)
        self.assertEqual(partners[1].customer_history_count, 4)
        action = partners[0].action_view_customer_history()
        rows = (
            self.env["crm.customer.history"]
            .with_user(self.manager)
            .search(action["domain"])
        )
        self.assertEqual(len(rows), total)

    def test_open_document(self):
        """Opening a row opens its document; an e-mail's opens the
        document it was posted on."""
        rows = self._history(self.manager)
        email = rows.filtered(lambda row: row.title == "Customer writes")
        action = email.action_open_document()
        self.assertEqual(
            (action["res_model"], action["res_id"]), ("crm.lead", self.opportunity.id)
        )

    def test_views(self):
        """List (opening the document), pivot, graph and search views
        render; the partner form has the History button."""
        history = self.env["crm.customer.history"].with_user(self.salesman)
        for view_type in ("list", "pivot", "graph", "search"):
            with self.subTest(view_type=view_type):
                self.assertTrue(history.get_view(view_type=view_type)["arch"])
        arch = (
            self.env["res.partner"]
            .with_user(self.salesman)
            .get_view(view_type="form")["arch"]
        )
        self.assertIn('name="action_view_customer_history"', arch)

    def test_export(self):
        """Odoo's export gives the rows' values."""
        rows = self._history()
        data = rows.export_data(["kind", "name", "amount", "user_id"])["datas"]
        self.assertEqual(len(data), len(rows))
        self.assertIn(
            ["Credit Note", self.refund.name, "-40.0", self.salesman.display_name],
            [[str(value) for value in line] for line in data],
        )

    def test_query_count_flat(self):
        """The first page and its count (the list's web_search_read) take as
        many queries with 300 documents as with 100."""
        history = self.env["crm.customer.history"].with_user(self.manager)
        spec = {
            field: {} for field in ("date", "kind", "name", "title", "amount", "state")
        } | {"user_id": {"fields": {"display_name": {}}}}

        def count_queries(partner):
            self.env.invalidate_all()
            before = self.cr.sql_log_count
            result = history.web_search_read(
                [("partner_id", "child_of", partner.id)],
                spec,
                limit=80,
                count_limit=10001,
            )
            return self.cr.sql_log_count - before, result["length"]

        small = self.env["res.partner"].create({"name": "Small customer"})
        big = self.env["res.partner"].create({"name": "Big customer"})
        for partner, number in ((small, 100), (big, 300)):
            self.env["crm.lead"].create(
                [
                    {
                        "name": f"Flat {index}",
                        "partner_id": partner.id,
                        "user_id": self.salesman.id,
                    }
                    for index in range(number)
                ]
            )
        count_queries(small)  # warm the caches (rules, groups, fields)
        small_queries, small_length = count_queries(small)
        big_queries, big_length = count_queries(big)
        self.assertEqual((small_length, big_length), (100, 300))
        self.assertEqual(small_queries, big_queries)


@tagged("post_install", "-at_install")
class TestCustomerHistoryRpc(HttpCase):
    """The history over XML-RPC, as a salesman."""

    def test_rpc_read(self):
        """search_read gives the salesman's rows; reading another
        salesman's row by id gives nothing."""
        salesman = new_sales_user(self.env, "lm_history_rpc", password="lm_history_rpc")
        other = new_sales_user(self.env, "lm_history_rpc_other")
        customer = self.env["res.partner"].create({"name": "RPC history customer"})
        mine, theirs = self.env["crm.lead"].create(
            [
                {"name": "RPC mine", "partner_id": customer.id, "user_id": salesman.id},
                {"name": "RPC theirs", "partner_id": customer.id, "user_id": other.id},
            ]
        )
        History = self.env["crm.customer.history"].sudo()
        their_row = History.search(
            [("res_model", "=", "crm.lead"), ("res_id", "=", theirs.id)]
        )

        def call(method, *args, **kwargs):
            return self.xmlrpc_object.execute_kw(
                self.env.cr.dbname,
                salesman.id,
                "lm_history_rpc",
                "crm.customer.history",
                method,
                list(args),
                kwargs,
            )

        rows = call(
            "search_read",
            [("partner_id", "child_of", customer.id)],
            fields=["kind", "title", "res_model", "res_id"],
        )
        self.assertEqual([row["title"] for row in rows], ["RPC mine"])
        self.assertEqual(rows[0]["res_id"], mine.id)
        try:
            leaked = call("read", their_row.ids, ["title"])
        except Fault as error:
            self.assertIn("AccessError", error.faultString)
        else:
            self.assertEqual(leaked, [])

# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from pathlib import Path

import polib

from odoo import Command
from odoo.tests import new_test_user

from odoo.addons.base.tests.common import BaseCommon

# the languages every add-on of the family ships: Odoo code -> file name
LANGUAGES = {"ro_RO": "ro", "ru_RU": "ru", "pl_PL": "pl", "hu_HU": "hu"}


def untranslated_messages(addon_dir):
    """{language file name: the messages of the add-on's template (in
    ``addon_dir``/i18n) that its catalogue for that language leaves
    untranslated}, for every shipped language."""
    i18n = Path(addon_dir) / "i18n"
    template = {
        entry.msgid for entry in polib.pofile(str(i18n / f"{Path(addon_dir).name}.pot"))
    }
    return {
        code: template
        - {
            entry.msgid
            for entry in polib.pofile(str(i18n / f"{code}.po"))
            if entry.msgstr
        }
        for code in LANGUAGES.values()
    }


def new_sales_user(
    env, login, groups="sales_team.group_sale_salesman", companies=None, **values
):
    """A test user of Odoo's sales ``groups`` working in ``companies`` (the
    first one is his current company; by default the current company).
    ``values`` go to ``new_test_user`` (password, tz...)."""
    companies = companies or env.company
    return new_test_user(
        env,
        login=login,
        groups=groups,
        company_id=companies[0].id,
        company_ids=[Command.set(companies.ids)],
        **values,
    )


class LeadManagementCommon(BaseCommon):
    """Two companies, a salesman and a sales manager, and two lead types."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company = cls.env.company
        cls.company_b = cls.env["res.company"].create({"name": "Company B"})
        cls.salesman = new_sales_user(cls.env, "lm_salesman", companies=cls.company)
        cls.manager = new_sales_user(
            cls.env,
            "lm_manager",
            "sales_team.group_sale_manager",
            companies=cls.company | cls.company_b,
        )
        cls.user_b = new_sales_user(
            cls.env,
            "lm_salesman_b",
            "sales_team.group_sale_salesman_all_leads",
            companies=cls.company_b,
        )
        cls.type_new = cls.env["crm.lead.type"].create(
            {"name": "Test new business", "color": 3, "sequence": 1}
        )
        cls.type_upsell = cls.env["crm.lead.type"].create(
            {"name": "Test upsell", "color": 7, "sequence": 2}
        )
        cls.partner = cls.env["res.partner"].create({"name": "Test Customer"})

    def _count_queries(self, func):
        """Run ``func`` and return the number of SQL queries it made, its
        pending writes included."""
        self.env.flush_all()
        before = self.env.cr.sql_log_count
        func()
        self.env.flush_all()
        return self.env.cr.sql_log_count - before

    def assertFlatQueryCount(self, prepare, sizes=(5, 50), slack=2):
        """Assert that a call costs the same number of queries whatever the
        number of records it works on.

        ``prepare(size)`` makes the data for ``size`` records and returns the
        call to measure. A first run (size 2) fills the caches. The counts
        may differ by ``slack`` (a prefetch more for more records); one query
        per record would add at least ``max(sizes) - min(sizes)``. Comparing
        sizes instead of pinning a number keeps the test true when other
        add-ons extend the same models.

        :return: {size: queries}
        """
        self.assertGreater(max(sizes) - min(sizes), slack)
        self._count_queries(prepare(2))
        counts = {size: self._count_queries(prepare(size)) for size in sizes}
        self.assertLessEqual(
            max(counts.values()) - min(counts.values()),
            slack,
            f"queries per number of records: {counts}",
        )
        return counts

    @classmethod
    def _create_leads(cls, count, **values):
        return cls.env["crm.lead"].create(
            [
                {"name": f"Test lead {index}", "type": "opportunity", **values}
                for index in range(count)
            ]
        )


class OfferCommon(LeadManagementCommon):
    """An opportunity with a customer, products with taxes and a pricelist."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.tax = cls.env["account.tax"].create(
            {"name": "Test VAT 19%", "amount": 19, "type_tax_use": "sale"}
        )
        cls.product = cls.env["product.product"].create(
            {
                "name": "Office chair",
                "list_price": 200,
                "taxes_id": [Command.set(cls.tax.ids)],
            }
        )
        cls.service = cls.env["product.product"].create(
            {"name": "Installation", "type": "service", "list_price": 80}
        )
        cls.pricelist = cls.env["product.pricelist"].create(
            {
                "name": "Test 10% off chairs",
                "item_ids": [
                    Command.create(
                        {
                            "applied_on": "0_product_variant",
                            "product_id": cls.product.id,
                            "compute_price": "percentage",
                            "percent_price": 10,
                        }
                    )
                ],
            }
        )
        cls.opportunity = cls.env["crm.lead"].create(
            {
                "name": "Chairs for the new office",
                "type": "opportunity",
                "partner_id": cls.partner.id,
                "user_id": cls.salesman.id,
                "lead_type_id": cls.type_new.id,
            }
        )

    @classmethod
    def _create_offer(cls, opportunity=None, **values):
        """An offer with a section, a note, a discounted taxed line, a service."""
        opportunity = opportunity or cls.opportunity
        return cls.env["sale.order"].create(
            {
                "partner_id": opportunity.partner_id.id or cls.partner.id,
                "opportunity_id": opportunity.id,
                "pricelist_id": cls.pricelist.id,
                "user_id": opportunity.user_id.id,
                "note": "Delivery within 3 weeks.",
                "order_line": [
                    Command.create(
                        {"display_type": "line_section", "name": "Furniture"}
                    ),
                    Command.create(
                        {"product_id": cls.product.id, "product_uom_qty": 10}
                    ),
                    Command.create({"display_type": "line_note", "name": "Assembled"}),
                    Command.create(
                        {
                            "product_id": cls.service.id,
                            "product_uom_qty": 2,
                            "discount": 25,
                        }
                    ),
                ],
                **values,
            }
        )

    def _sent_quotation(self, lines, **values):
        """A sent offer (or quotation, with ``is_offer=False``) of ``lines``
        product lines, caches emptied."""
        quotation = self._create_offer(
            order_line=[
                Command.create({"product_id": self.product.id, "product_uom_qty": qty})
                for qty in range(1, lines + 1)
            ],
            **values,
        )
        quotation.action_quotation_sent()
        self.env.invalidate_all()
        return quotation

    @classmethod
    def _set_conversion_mode(cls, mode, company=None):
        (company or cls.env.company).offer_conversion_mode = mode

# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import date

from odoo import Command

from odoo.addons.lead_management.tests.common import OfferCommon

FIGURES = [
    "actual_cost",
    "revenue_accepted",
    "revenue_invoiced",
    "lead_count",
    "opportunity_count",
    "won_count",
    "cost_per_lead",
    "roi",
]


class CampaignCommon(OfferCommon):
    """A campaign, a foreign currency at 2 (January) then 4 (June) per unit
    of the company currency."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        company_currency = cls.company.currency_id
        cls.foreign = (
            cls.env.ref("base.USD")
            if company_currency != cls.env.ref("base.USD")
            else cls.env.ref("base.EUR")
        )
        cls.foreign.active = True
        cls.env["res.currency.rate"].create(
            [
                {
                    "currency_id": cls.foreign.id,
                    "name": day,
                    "rate": rate,
                    "company_id": cls.company.id,
                }
                for day, rate in ((date(2026, 1, 1), 2.0), (date(2026, 6, 1), 4.0))
            ]
        )
        cls.campaign = cls.env["utm.campaign"].create({"title": "Test Trade Fair"})
        cls.vendor = cls.env["res.partner"].create({"name": "Test Fair Organiser"})

    @classmethod
    def _create_move(cls, move_type, amount, campaign=None, post=True, **values):
        """A move of one line of ``amount`` untaxed (plus a 19 % tax on
        customer documents, to show that taxes are left out)."""
        line = {"name": "Stand and catering", "quantity": 1, "price_unit": amount}
        if move_type.startswith("out_"):
            line["tax_ids"] = [Command.set(cls.tax.ids)]
        else:
            line["tax_ids"] = [Command.clear()]
        move = cls.env["account.move"].create(
            {
                "move_type": move_type,
                "partner_id": (
                    cls.vendor if move_type.startswith("in_") else cls.partner
                ).id,
                "invoice_date": date(2026, 3, 1),
                "campaign_id": (campaign or cls.campaign).id,
                "invoice_line_ids": [Command.create(line)],
                **values,
            }
        )
        if post:
            move.action_post()
        return move

    @classmethod
    def _create_order(cls, amount, campaign=None, confirm=True, **values):
        # the test tax is the first company's
        taxes = (
            cls.tax
            if values.get("company_id", cls.company.id) == cls.company.id
            else cls.tax.browse()
        )
        order = cls.env["sale.order"].create(
            {
                "partner_id": cls.partner.id,
                "campaign_id": (campaign or cls.campaign).id,
                "order_line": [
                    Command.create(
                        {
                            "product_id": cls.service.id,
                            "product_uom_qty": 1,
                            "price_unit": amount,
                            "tax_id": [Command.set(taxes.ids)],
                        }
                    )
                ],
                **values,
            }
        )
        if confirm:
            order.action_confirm()
        return order

    def _figures(self, campaign=None, **context):
        campaign = (campaign or self.campaign).with_context(**context)
        campaign.invalidate_recordset()
        return {name: campaign[name] for name in FIGURES}

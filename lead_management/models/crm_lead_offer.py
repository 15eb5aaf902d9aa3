# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import _, api, fields, models
from odoo.exceptions import UserError

from ..utils import notification_action


class CrmLead(models.Model):
    """Offers and orders of the opportunity: its Offers and Orders tabs, the
    amount of its open offers, cancelling them."""

    # one file per capability of crm.lead (see CONTRIBUTING.md)
    _inherit = "crm.lead"  # pylint: disable=consider-merging-classes-inherited

    # the number of open offers is sale_crm's quotation_count; their amount:
    open_offer_amount = fields.Monetary(
        compute="_compute_open_offer_amount",
        string="Open Offers Amount",
        currency_field="company_currency",
        help="Untaxed amount of the open quotations, in the company's currency.",
    )

    # the Offers and Orders tabs of the opportunity; legacy quotations (made
    # before installation, not numbered as offers) show among the offers
    offer_ids = fields.One2many(
        "sale.order",
        "opportunity_id",
        string="Offers",
        domain=["|", ("is_offer", "=", True), ("state", "in", ("draft", "sent"))],
    )
    sale_order_ids = fields.One2many(
        "sale.order",
        "opportunity_id",
        string="Sales Orders",
        domain=[
            "|",
            ("state", "=", "sale"),
            # a cancelled order: generated from an offer, or an offer that
            # was confirmed in place (not a converted offer: its order shows)
            "&",
            ("state", "=", "cancel"),
            "|",
            ("offer_id", "!=", False),
            "&",
            ("converted_order_id", "!=", False),
            ("offer_state", "!=", "converted"),
        ],
    )

    @api.depends(
        "order_ids.state",
        "order_ids.amount_untaxed",
        "order_ids.currency_id",
        "company_currency",
    )
    def _compute_open_offer_amount(self):
        # the quotations sale_crm counts in quotation_count, in one grouped
        # query for all the leads on screen; _origin: new records (onchange)
        # have no offers yet
        groups = self.env["sale.order"]._read_group(
            [
                ("opportunity_id", "in", self._origin.ids),
                *self._get_lead_quotation_domain(),
            ],
            groupby=["opportunity_id", "currency_id"],
            aggregates=["amount_untaxed:sum"],
        )
        amounts = defaultdict(float)
        today = fields.Date.context_today(self)
        for lead, currency, amount in groups:
            amounts[lead] += currency._convert(
                amount,
                lead.company_currency,
                lead.company_id or self.env.company,
                today,
            )
        for lead in self:
            lead.open_offer_amount = amounts[lead._origin]

    def action_cancel_open_offers(self):
        """Cancel the open offers (sale_crm's quotations: draft and sent) of
        the leads, not their orders."""
        offers = self.order_ids.filtered_domain(self._get_lead_quotation_domain())
        if not offers:
            raise UserError(_("There is no open offer to cancel."))
        offers._action_cancel()
        for lead, cancelled in offers.grouped("opportunity_id").items():
            lead.message_post(
                body=_(
                    "Open offers cancelled: %(offers)s.",
                    offers=", ".join(cancelled.mapped("name")),
                )
            )
        # the form reloads after the notification: the offers show cancelled
        return notification_action(
            _("Offers cancelled: %(count)s.", count=len(offers)),
            next_action={"type": "ir.actions.client", "tag": "soft_reload"},
        )

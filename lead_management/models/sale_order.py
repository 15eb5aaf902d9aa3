# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2.errors import LockNotAvailable, SerializationFailure

from odoo import _, api, fields, models
from odoo.exceptions import UserError


class SaleOrder(models.Model):
    """Offers and the orders converted from them.

    An *offer* is a quotation numbered from the company's offer sequence
    (``is_offer``). Every new quotation is an offer unless it is created with
    ``is_offer=False`` (as the orders generated from offers are); quotations
    that existed before installation are not offers and confirm the stock way.

    An offer is never confirmed as such: confirming it converts it
    (``action_convert_to_order``), in the company's conversion mode:

    - *separate order*: a new order, numbered from the sales order sequence,
      is created from the offer and confirmed. ``offer.converted_order_id``
      and ``order.offer_id`` link them; the offer goes to state *Converted*
      (neither an open quotation nor an order: sales analysis and the lead's
      counters never count it), locked and read-only.
    - *confirm in place*: the offer itself is confirmed and renumbered from
      the sales order sequence; ``offer_number`` keeps its offer number and
      ``converted_order_id`` points to itself.
    """

    _inherit = "sale.order"

    state = fields.Selection(
        selection_add=[("converted", "Converted"), ("cancel",)],
        # without this module a converted offer would read as an open
        # quotation and be counted next to its order: cancel it instead
        ondelete={
            "converted": lambda offers: offers.with_context(
                lead_management_conversion=True
            ).write({"state": "cancel"})
        },
    )
    # sale_crm's link to the lead, indexed: the lead's offers are looked up by
    # it everywhere (counters, tabs, reports, stale closing)
    opportunity_id = fields.Many2one(index="btree_not_null")
    is_offer = fields.Boolean(
        string="Is an Offer",
        default=True,
        copy=False,
        readonly=True,
        help="Numbered from the offer sequence; converted into an order "
        "instead of being confirmed.",
    )
    offer_number = fields.Char(
        string="Offer No.",
        copy=False,
        readonly=True,
        index="trigram",
        help="The number of the offer: on an offer its own, on an order the "
        "number of the offer it came from.",
    )
    offer_id = fields.Many2one(
        "sale.order",
        copy=False,
        readonly=True,
        index="btree_not_null",
        check_company=True,
        help="The offer this order was generated from.",
    )
    converted_order_id = fields.Many2one(
        "sale.order",
        string="Order",
        copy=False,
        readonly=True,
        index="btree_not_null",
        check_company=True,
        help="The order generated from this offer.",
    )
    order_number = fields.Char(
        string="Order No.",
        related="converted_order_id.name",
        help="The number of the order this offer was converted into.",
    )

    @property
    def _rec_names_search(self):
        # an order is found by the number of the offer it came from, too
        return [*super()._rec_names_search, "offer_number"]

    @api.model_create_multi
    def create(self, vals_list):
        default_is_offer = self.default_get(["is_offer"]).get("is_offer", False)
        for vals in vals_list:
            if not vals.get("is_offer", default_is_offer):
                continue
            vals["is_offer"] = True
            if vals.get("name", _("New")) == _("New"):
                vals["name"] = self._next_offer_number(vals)
            vals.setdefault("offer_number", vals["name"])
        return super().create(vals_list)

    def write(self, vals):
        protected = set(vals) & self._get_converted_offer_protected_fields()
        if protected and not self.env.context.get("lead_management_conversion"):
            converted = self.filtered(lambda order: order.state == "converted")
            if converted:
                raise UserError(
                    _(
                        "The offer %(offers)s was converted into an order and "
                        "can no longer be changed (%(fields)s). Change the "
                        "order instead.",
                        offers=", ".join(converted.mapped("name")),
                        fields=", ".join(
                            self._fields[name].string for name in sorted(protected)
                        ),
                    )
                )
        return super().write(vals)

    @api.ondelete(at_uninstall=False)
    def _unlink_except_converted(self):
        for order in self:
            if order.state == "converted" or order.offer_id:
                raise UserError(
                    _(
                        "%(name)s is part of the history of a converted offer "
                        "and cannot be deleted.",
                        name=order.name,
                    )
                )

    def action_confirm(self):
        """Confirming an offer converts it; other quotations confirm as usual."""
        if self.env.context.get("lead_management_conversion"):
            return super().action_confirm()
        offers = self.filtered(
            lambda order: order.is_offer and order.state in ("draft", "sent")
        )
        if offers:
            offers._convert_to_orders()
        others = self - offers
        if others:
            return super(SaleOrder, others).action_confirm()
        return True

    def action_convert_to_order(self):
        """Convert the offers in ``self`` into orders (button, RPC).

        Returns the window action showing the resulting order(s).
        """
        orders = self._convert_to_orders()
        action = self.env["ir.actions.actions"]._for_xml_id("sale.action_orders")
        if len(orders) == 1:
            action.update(
                views=[(self.env.ref("sale.view_order_form").id, "form")],
                res_id=orders.id,
            )
        else:
            action["domain"] = [("id", "in", orders.ids)]
        return action

    def action_unlock(self):
        if self.filtered(lambda order: order.state == "converted"):
            raise UserError(_("A converted offer stays locked."))
        return super().action_unlock()

    def action_cancel(self):
        # before the stock check, which would only say that the offer is locked
        self._check_not_converted_offer()
        return super().action_cancel()

    def _action_cancel(self):
        self._check_not_converted_offer()
        result = super()._action_cancel()
        self._log_cancelled_orders()
        return result

    def _check_not_converted_offer(self):
        converted = self.filtered(lambda order: order.state == "converted")
        if converted:
            raise UserError(
                _(
                    "The offer %(offers)s was converted and cannot be cancelled; "
                    "cancel its order instead.",
                    offers=", ".join(converted.mapped("name")),
                )
            )

    @api.model
    def _get_converted_offer_protected_fields(self):
        """Fields of a converted offer that nobody may change any more."""
        return {
            "partner_id",
            "partner_invoice_id",
            "partner_shipping_id",
            "pricelist_id",
            "currency_id",
            "payment_term_id",
            "fiscal_position_id",
            "order_line",
            "date_order",
            "validity_date",
            "company_id",
            "opportunity_id",
            "user_id",
            "team_id",
            "name",
            "state",
            "locked",
            "is_offer",
            "offer_number",
            "converted_order_id",
        }

    @api.model
    def _next_offer_number(self, vals):
        company = (
            self.env["res.company"].browse(vals.get("company_id")) or self.env.company
        )
        sequence_date = None
        if vals.get("date_order"):
            sequence_date = fields.Datetime.context_timestamp(
                self, fields.Datetime.to_datetime(vals["date_order"])
            )
        return company._get_offer_sequence().next_by_id(sequence_date=sequence_date)

    def _convert_to_orders(self):
        """Convert the offers in ``self``; return the orders, in their order.

        Everything is checked before anything is written or any number drawn:
        a refused conversion leaves no trace.
        """
        if not self:
            return self
        self._lock_for_conversion()
        for offer in self:
            offer._check_convertible()
        in_place = self.filtered(
            lambda offer: (
                offer.converted_order_id == offer
                or offer.company_id.offer_conversion_mode == "in_place"
            )
        )
        (self - in_place)._convert_to_separate_orders()
        in_place._convert_in_place()
        return self.converted_order_id

    def _lock_for_conversion(self):
        """Lock the offers' rows: one conversion at a time per offer.

        A second transaction converting the same offer meanwhile does not
        wait: it gets a clear error at once (NOWAIT), and so does one whose
        snapshot predates a conversion that committed since.
        """
        self.flush_recordset()
        try:
            with self.env.cr.savepoint(flush=False):
                self.env.cr.execute(
                    "SELECT id FROM sale_order WHERE id IN %s FOR NO KEY UPDATE NOWAIT",
                    [tuple(self.ids)],
                )
        except (LockNotAvailable, SerializationFailure) as error:
            raise UserError(
                _(
                    "The offer %(offers)s is being converted, or was just "
                    "converted, by someone else. Reload it to see its order.",
                    offers=", ".join(self.mapped("name")),
                )
            ) from error
        self.invalidate_recordset()

    def _check_convertible(self):
        self.ensure_one()
        if not self.is_offer:
            raise UserError(
                _("%(name)s is not an offer: confirm it instead.", name=self.name)
            )
        if self.state == "cancel":
            raise UserError(
                _(
                    "The offer %(name)s is cancelled: it cannot be converted.",
                    name=self.name,
                )
            )
        if self.state == "converted" or (
            self.converted_order_id and self.converted_order_id != self
        ):
            raise UserError(
                _(
                    "The offer %(name)s was already converted into order %(order)s.",
                    name=self.name,
                    order=self.converted_order_id.name,
                )
            )
        if self.is_expired:
            raise UserError(
                _(
                    "The offer %(name)s expired on %(date)s: extend its "
                    "expiration date before converting it.",
                    name=self.name,
                    date=self.validity_date,
                )
            )
        error = self._confirmation_error_message()
        if error:
            raise UserError(error)

    def _prepare_order_values(self):
        """Values of the order generated from the offer ``self``.

        Everything a duplicate would copy (customer and addresses, pricelist,
        payment terms, fiscal position, salesperson, team, lead, notes, tags,
        the lines with their sections, notes, discounts and taxes), plus the
        links to the offer.
        """
        self.ensure_one()
        values = self.copy_data()[0]
        values.update(
            is_offer=False,
            offer_id=self.id,
            offer_number=self.offer_number or self.name,
            origin=self.offer_number or self.name,
            client_order_ref=self.client_order_ref,
            opportunity_id=self.opportunity_id.id,
        )
        return values

    def _convert_to_separate_orders(self):
        if not self:
            return self
        orders = self.env["sale.order"].create(
            [offer._prepare_order_values() for offer in self]
        )
        orders.action_confirm()
        converting = self.with_context(lead_management_conversion=True)
        for offer, order in zip(converting, orders, strict=True):
            offer.converted_order_id = order
        converting.write({"state": "converted", "locked": True})
        self._log_conversion()
        return orders

    def _convert_in_place(self):
        if not self:
            return self
        converting = self.with_context(lead_management_conversion=True)
        for offer in converting:
            values = {"converted_order_id": offer.id}
            # renumber once: an offer converted, cancelled and set back to
            # quotation keeps the order number it already has
            if offer.name == offer.offer_number:
                values["name"] = (
                    self.env["ir.sequence"]
                    .with_company(offer.company_id)
                    .next_by_code("sale.order")
                    or offer.name
                )
            offer.write(values)
        converting.action_confirm()
        self._log_conversion()
        return self

    def _log_conversion(self):
        for offer in self:
            order = offer.converted_order_id
            values = {
                "offer": offer.offer_number,
                "order": order._get_html_link(),
            }
            if order != offer:
                offer.message_post(
                    body=_("Offer %(offer)s converted into order %(order)s.", **values)
                )
                order.message_post(
                    body=_(
                        "Order %(order)s generated from offer %(offer)s.",
                        order=order.name,
                        offer=offer._get_html_link(title=offer.offer_number),
                    )
                )
            else:
                offer.message_post(
                    body=_(
                        "Offer %(offer)s confirmed in place as order %(order)s.",
                        **values,
                    )
                )
            if offer.opportunity_id:
                offer.opportunity_id.message_post(
                    body=_(
                        "Offer %(offer)s converted into order %(order)s.",
                        offer=offer._get_html_link(title=offer.offer_number),
                        order=order._get_html_link(),
                    )
                )

    def _log_cancelled_orders(self):
        """Log the cancellation of orders converted from offers everywhere."""
        for order in self.filtered(
            lambda order: order.offer_id or order.converted_order_id == order
        ):
            body = _(
                "Order %(order)s (from offer %(offer)s) was cancelled. The offer "
                "is not re-opened: duplicate it to make a new offer.",
                order=order._get_html_link(),
                offer=order.offer_number,
            )
            order.message_post(body=body)
            if order.offer_id:
                order.offer_id.message_post(body=body)
            if order.opportunity_id:
                order.opportunity_id.message_post(body=body)

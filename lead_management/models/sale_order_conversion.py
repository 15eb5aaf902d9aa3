# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from psycopg2.errors import LockNotAvailable, SerializationFailure

from odoo import _, models
from odoo.exceptions import UserError


class SaleOrder(models.Model):
    """Confirming and converting offers.

    Odoo's confirmation contract is kept: ``action_confirm()`` confirms the
    very records it is called on. Whatever confirms an offer (the portal's
    signature or payment, e-commerce, another add-on, an integrator) gets it
    confirmed *in place*: renumbered from the sales order sequence, its offer
    number kept in ``offer_number``, ``converted_order_id`` pointing to itself
    and the conversion logged, so that transactions, signatures, invoices and
    deliveries stay on the document they were made for.

    Only the explicit conversion (``action_convert_to_order``: the *Convert to
    Order* button, the list action, RPC) follows the company's conversion
    mode, and in the default *separate order* mode creates a new order from
    the offer and confirms it. ``offer.converted_order_id`` and
    ``order.offer_id`` link them; the offer goes to state *Converted* (neither
    an open quotation nor an order: sales analysis, the stock Quotations and
    Orders lists and the lead's counters never count it), locked and
    read-only.
    """

    # one capability per file (CONTRIBUTING.md), on purpose
    _inherit = "sale.order"  # pylint: disable=consider-merging-classes-inherited

    def action_confirm(self):
        """Confirm these very records, as stock Odoo does.

        The offers among them are confirmed in place: numbered as orders
        (their offer number kept) and logged as converted. Other quotations
        are left to the stock confirmation, untouched.
        """
        # a converted offer is cancelled for stock code: confirming it would
        # make a second order of the same sale
        converted = self._filter_converted_offers()
        if converted:
            raise UserError(
                _(
                    "The offer %(offers)s was already converted into order %(orders)s.",
                    offers=", ".join(converted.mapped("name")),
                    orders=", ".join(converted.converted_order_id.mapped("name")),
                )
            )
        offers = self._filter_offers_to_confirm()
        if offers:
            # Not the explicit conversion: wait for a concurrent one instead
            # of failing (the portal's payment webhook and the customer's
            # return confirm the same offer at once). A lock that was waited
            # for raises a serialization error, which Odoo's retry of the
            # request catches: the retry sees the offer confirmed.
            offers._lock_for_conversion(wait=True)
            offers._number_as_orders()
        result = super().action_confirm()
        offers._log_conversion()
        return result

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

    def _lock_for_conversion(self, wait=False):
        """Lock the offers' rows: one conversion at a time per offer.

        The explicit conversion (two users clicking *Convert to Order*) does
        not wait: the second transaction gets a clear error at once (NOWAIT),
        and so does one whose snapshot predates a conversion that committed
        since. With ``wait`` (every other confirmation path: portal, payment,
        e-commerce, other add-ons) the lock waits, and the errors are left to
        Odoo's retry of concurrent transactions (SPEC section 7).
        """
        self.flush_recordset()
        if wait:
            self.env.cr.execute(
                "SELECT id FROM sale_order WHERE id IN %s FOR NO KEY UPDATE",
                [tuple(self.ids)],
            )
            self.invalidate_recordset()
            return
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
        if self.offer_state == "converted":
            raise UserError(
                _(
                    "The offer %(name)s was already converted into order %(order)s.",
                    name=self.name,
                    order=self.converted_order_id.name,
                )
            )
        if self.state == "cancel":
            raise UserError(
                _(
                    "The offer %(name)s is cancelled: it cannot be converted.",
                    name=self.name,
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
        # cancelled for stock code (its sale is its order's), converted for ours
        # (and locked: its lines stay as they were converted)
        converting.write({"state": "cancel", "locked": True})
        self._log_conversion()
        return orders

    def _convert_in_place(self):
        if self:
            self.action_confirm()
        return self

    def _filter_offers_to_confirm(self):
        """The offers of ``self`` that a confirmation converts in place.

        Not the orders that a separate conversion creates and confirms (they
        are not offers) nor an offer already confirmed.
        """
        return self.filtered(
            lambda order: order.is_offer and order.state in ("draft", "sent")
        )

    def _number_as_orders(self):
        """Number the offers in ``self`` as orders, keeping their offer number.

        Renumbered once: an offer confirmed, cancelled and set back to
        quotation keeps the order number it already has.
        """
        converting = self.with_context(lead_management_conversion=True)
        for offer in converting:
            values = {"converted_order_id": offer.id}
            if offer.name == offer.offer_number:
                values["name"] = (
                    self.env["ir.sequence"]
                    .with_company(offer.company_id)
                    .next_by_code("sale.order")
                    or offer.name
                )
            offer.write(values)

    def _log_conversion(self):
        # logged notes, not posted messages: a conversion notifies nobody,
        # and a confirmation by the portal or e-commerce stays cheap
        for offer in self:
            order = offer.converted_order_id
            values = {
                "offer": offer.offer_number,
                "order": order._get_html_link(),
            }
            if order != offer:
                offer._message_log(
                    body=_("Offer %(offer)s converted into order %(order)s.", **values)
                )
                order._message_log(
                    body=_(
                        "Order %(order)s generated from offer %(offer)s.",
                        order=order.name,
                        offer=offer._get_html_link(title=offer.offer_number),
                    )
                )
            else:
                offer._message_log(
                    body=_(
                        "Offer %(offer)s confirmed in place as order %(order)s.",
                        **values,
                    )
                )
            if offer.opportunity_id:
                offer.opportunity_id._message_log(
                    body=_(
                        "Offer %(offer)s converted into order %(order)s.",
                        offer=offer._get_html_link(title=offer.offer_number),
                        order=order._get_html_link(),
                    )
                )

# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.tools.sql import column_exists, create_column


class SaleOrder(models.Model):
    """Offers: which quotations are offers, their numbers, their words.

    An *offer* is a quotation made for a lead (``is_offer``), numbered from
    the company's offer sequence. A quotation is an offer when it is created
    for an opportunity (``opportunity_id`` at creation: New Offer on the
    opportunity, any quotation created with an opportunity, over RPC too),
    from an Offers menu (``default_is_offer`` in the context) or with
    ``is_offer=True``. Every other quotation (Sales > Quotations, e-commerce
    carts, quotations made by other add-ons, imports) is a standard one: this
    module leaves it, its numbering and its confirmation alone.

    Confirming and converting offers: ``sale_order_conversion.py``.
    """

    _inherit = "sale.order"

    # sale_crm's link to the lead, indexed: the lead's offers are looked up by
    # it everywhere (counters, tabs, reports, stale closing)
    opportunity_id = fields.Many2one(index="btree_not_null")
    # not copied as such: a duplicate is an offer when the original is one
    # (copy_data) or when it carries an opportunity (create)
    is_offer = fields.Boolean(
        string="Is an Offer",
        copy=False,
        readonly=True,
        # a new offer's form (New Quotation on an opportunity) reads as an
        # offer before it is saved; create() decides for good
        default=lambda self: self._is_offer_at_creation({}),
        help="A quotation made for a lead: numbered from the offer sequence, "
        "and converted into an order with Convert to Order.",
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

    # The status of an offer, its status bar: Offer > Offer Sent > Converted.
    # A converted offer (separate order mode) is *cancelled* for every reader
    # of the stock ``state`` (sales counters, reports, goals, the portal),
    # so that its sale is counted once, on its order; this field is where it
    # reads as converted. An offer confirmed in place is an order: none.
    offer_state = fields.Selection(
        [
            ("draft", "Offer"),
            ("sent", "Offer Sent"),
            ("converted", "Converted"),
            ("cancel", "Cancelled"),
        ],
        compute="_compute_offer_state",
        store=True,
        precompute=True,
        index="btree_not_null",
        copy=False,
    )

    @property
    def _rec_names_search(self):
        # an order is found by the number of the offer it came from, too
        return [*super()._rec_names_search, "offer_number"]

    def _auto_init(self):
        # created empty, not computed for every existing order at install:
        # no quotation is an offer before the add-on
        if not column_exists(self.env.cr, self._table, "offer_state"):
            create_column(self.env.cr, self._table, "offer_state", "varchar")
        return super()._auto_init()

    @api.depends("is_offer", "state", "converted_order_id")
    def _compute_offer_state(self):
        for order in self:
            if not order.is_offer:
                order.offer_state = False
            elif order.converted_order_id and order.converted_order_id != order:
                order.offer_state = "converted"
            elif order.state in ("draft", "sent", "cancel"):
                order.offer_state = order.state
            else:
                order.offer_state = False

    @api.depends("is_offer")
    def _compute_type_name(self):
        # what the portal, the e-mails and the breadcrumbs call the document
        result = super()._compute_type_name()
        for order in self.filtered(lambda order: order.offer_state):
            order.type_name = _("Offer")
        return result

    @api.model_create_multi
    def create(self, vals_list):
        for vals in vals_list:
            if not self._is_offer_at_creation(vals):
                continue
            vals["is_offer"] = True
            if vals.get("name", _("New")) == _("New"):
                vals["name"] = self._next_offer_number(vals)
            vals.setdefault("offer_number", vals["name"])
        return super().create(vals_list)

    def copy_data(self, default=None):
        vals_list = super().copy_data(default=default)
        for order, vals in zip(self, vals_list, strict=True):
            if order.is_offer:
                vals.setdefault("is_offer", True)
        return vals_list

    def write(self, vals):
        protected = set(vals) & self._get_converted_offer_protected_fields()
        if protected and not self.env.context.get("lead_management_conversion"):
            converted = self._filter_converted_offers()
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
            if order.offer_state == "converted" or order.offer_id:
                raise UserError(
                    _(
                        "%(name)s is part of the history of a converted offer "
                        "and cannot be deleted.",
                        name=order.name,
                    )
                )

    def _creation_message(self):
        if self.is_offer:
            return _("Offer created")
        return super()._creation_message()

    def _find_mail_template(self):
        # an offer is sent as an offer (a confirmed one as the order it is)
        if self.offer_state and not self.env.context.get("proforma"):
            return (
                self.env.ref(
                    "lead_management.mail_template_offer", raise_if_not_found=False
                )
                or super()._find_mail_template()
            )
        return super()._find_mail_template()

    def action_unlock(self):
        if self._filter_converted_offers():
            raise UserError(_("A converted offer stays locked."))
        return super().action_unlock()

    def action_draft(self):
        # Set to Quotation would re-open a converted offer next to its order
        converted = self._filter_converted_offers()
        if converted:
            raise UserError(
                _(
                    "The offer %(offers)s was converted into an order: it cannot "
                    "be set back to an offer. Duplicate it to make a new one.",
                    offers=", ".join(converted.mapped("name")),
                )
            )
        return super().action_draft()

    def action_cancel(self):
        # before the stock check, which would only say that the offer is locked
        self._check_not_converted_offer()
        return super().action_cancel()

    def _action_cancel(self):
        self._check_not_converted_offer()
        result = super()._action_cancel()
        self._log_cancelled_orders()
        return result

    def _filter_converted_offers(self):
        """The offers of ``self`` converted into a separate order."""
        return self.filtered(lambda order: order.offer_state == "converted")

    def _check_not_converted_offer(self):
        converted = self._filter_converted_offers()
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
    def _is_offer_at_creation(self, vals):
        """Whether the quotation created from ``vals`` is an offer.

        An explicit ``is_offer`` (in the values, or as ``default_is_offer`` in
        the context of an Offers menu) decides; otherwise a quotation created
        for an opportunity is an offer, any other is a standard quotation.
        """
        if "is_offer" in vals:
            return bool(vals["is_offer"])
        if "default_is_offer" in self.env.context:
            return bool(self.env.context["default_is_offer"])
        return bool(
            vals.get("opportunity_id") or self.env.context.get("default_opportunity_id")
        )

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
            order._message_log(body=body)
            if order.offer_id:
                order.offer_id._message_log(body=body)
            if order.opportunity_id:
                order.opportunity_id._message_log(body=body)

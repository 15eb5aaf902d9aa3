# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from markupsafe import escape

from odoo import _, api, fields, models
from odoo.exceptions import UserError
from odoo.osv import expression

# lead field: partner field copied by "Sync leads from partner" when the
# partner has a value (the address is copied all or nothing, as crm does)
PARTNER_SYNC_FIELDS = {
    "email_from": "email",
    "phone": "phone",
    "mobile": "mobile",
    "website": "website",
    "function": "function",
}


class CrmLead(models.Model):
    _inherit = "crm.lead"
    # typing a lead number in a many2one or in the search bar finds the lead
    _rec_names_search = ["name", "lead_number"]

    lead_number = fields.Char(
        string="Lead No.",
        readonly=True,
        copy=False,
        index="trigram",
        help="Unique reference of the lead, given at creation from the "
        "company's lead sequence. It never changes, even when the lead "
        "becomes an opportunity.",
    )
    lead_type_id = fields.Many2one(
        "crm.lead.type",
        index=True,
        tracking=True,
        check_company=True,
        # users cannot delete a type in use (crm.lead.type._unlink_except_used);
        # uninstalling the add-on can
        ondelete="set null",
        default=lambda self: self._default_lead_type_id(),
    )
    # The card colour follows the type (computed), yet stays writable so that
    # a salesperson can still pick another colour on a card by hand; the next
    # change of the type, or of the type's colour, applies the type's again.
    # default=None drops crm's default=0, which would otherwise win over the
    # computation at creation
    color = fields.Integer(
        compute="_compute_color",
        store=True,
        readonly=False,
        precompute=True,
        default=None,
    )
    lead_type_color = fields.Integer(related="lead_type_id.color")
    # the pipeline's card mode: a setting of the company the user works in
    pipeline_detailed_cards = fields.Boolean(compute="_compute_pipeline_detailed_cards")
    open_offer_count = fields.Integer(
        compute="_compute_open_offers",
        string="Open Offers",
        help="Quotations of this opportunity that are not confirmed nor cancelled.",
    )
    open_offer_amount = fields.Monetary(
        compute="_compute_open_offers",
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
            "&",
            ("state", "=", "cancel"),
            "|",
            ("offer_id", "!=", False),
            ("converted_order_id", "!=", False),
        ],
    )

    _sql_constraints = [
        (
            "lead_number_company_uniq",
            "unique(company_id, lead_number)",
            "A lead number must be unique per company.",
        ),
    ]

    @api.model
    def _default_lead_type_id(self):
        return self.env["crm.lead.type"].search(
            [("company_id", "in", [False, self.env.company.id])], limit=1
        )

    @api.depends("lead_type_id.color")
    def _compute_color(self):
        # leads without a type keep the colour they have (or the default 0)
        for lead in self.filtered("lead_type_id"):
            lead.color = lead.lead_type_id.color

    @api.depends("lead_number")
    # a compute method returns nothing: there is no result of super to pass
    def _compute_display_name(self):  # pylint: disable=missing-return
        super()._compute_display_name()
        for lead in self:
            if lead.lead_number and lead.display_name:
                lead.display_name = f"[{lead.lead_number}] {lead.display_name}"

    @api.depends_context("company")
    def _compute_pipeline_detailed_cards(self):
        self.pipeline_detailed_cards = self.env.company.pipeline_detailed_cards

    @api.depends(
        "order_ids.state",
        "order_ids.amount_untaxed",
        "order_ids.currency_id",
        "company_currency",
    )
    def _compute_open_offers(self):
        # one grouped query for all the leads on screen; _origin: new records
        # (onchange) have no offers yet
        groups = self.env["sale.order"]._read_group(
            [
                ("opportunity_id", "in", self._origin.ids),
                ("state", "in", ("draft", "sent")),
            ],
            groupby=["opportunity_id", "currency_id"],
            aggregates=["__count", "amount_untaxed:sum"],
        )
        counts = defaultdict(int)
        amounts = defaultdict(float)
        today = fields.Date.context_today(self)
        for lead, currency, count, amount in groups:
            counts[lead] += count
            amounts[lead] += currency._convert(
                amount,
                lead.company_currency,
                lead.company_id or self.env.company,
                today,
            )
        for lead in self:
            lead.open_offer_count = counts[lead._origin]
            lead.open_offer_amount = amounts[lead._origin]

    @api.model_create_multi
    def create(self, vals_list):
        leads = super().create(vals_list)
        leads.filtered(lambda lead: not lead.lead_number)._assign_lead_numbers()
        return leads

    def write(self, vals):
        if "lead_number" in vals and any(
            lead.lead_number and lead.lead_number != vals["lead_number"]
            for lead in self
        ):
            raise UserError(
                _("A lead number is a permanent reference and cannot be changed.")
            )
        return super().write(vals)

    def action_cancel_open_offers(self):
        """Cancel the draft and sent offers of the leads (not their orders)."""
        offers = self.order_ids.filtered(lambda order: order.state in ("draft", "sent"))
        if not offers:
            raise UserError(_("There is no open offer to cancel."))
        offers._action_cancel()
        for lead in self:
            cancelled = offers.filtered(
                lambda order, lead=lead: order.opportunity_id == lead
            )
            if cancelled:
                lead.message_post(
                    body=_(
                        "Open offers cancelled: %(offers)s.",
                        offers=", ".join(cancelled.mapped("name")),
                    )
                )
        return True

    def _get_lead_sale_order_domain(self):
        # a converted offer is not an order: its order is
        return expression.AND(
            [super()._get_lead_sale_order_domain(), [("state", "!=", "converted")]]
        )

    def _get_action_view_sale_quotation_domain(self):
        # converted offers stay reachable from the Quotations smart button
        return expression.OR(
            [
                super()._get_action_view_sale_quotation_domain(),
                [("state", "=", "converted")],
            ]
        )

    def _assign_lead_numbers(self):
        """Number the leads in ``self`` from their company's lead sequence.

        Leads without a company are numbered from the current company's
        sequence. Numbers are drawn per company in one query (see
        ``res.company._next_lead_numbers``), in creation order.
        """
        leads_by_company = defaultdict(lambda: self.browse())
        for lead in self:
            leads_by_company[lead.company_id or self.env.company] |= lead
        for company, leads in leads_by_company.items():
            leads = leads.sorted(lambda lead: (lead.create_date, lead.id))
            numbers = company._next_lead_numbers(len(leads))
            for lead, number in zip(leads, numbers, strict=True):
                lead.lead_number = number

    def action_sync_from_partner(self):
        """Refresh the leads' contact details from their partner and tell the
        user how many leads changed."""
        changed = self._sync_from_partner()
        if not self:
            message = _("No lead is linked to this contact.")
        else:
            message = _(
                "%(changed)s of %(total)s leads updated from their contact.",
                changed=len(changed),
                total=len(self),
            )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success" if changed else "info",
                "message": message,
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    def _prepare_partner_sync_values(self):
        """Return the contact details of the lead's partner that differ from
        the lead's.

        The address is taken all or nothing, as crm does when a partner is
        set; the other fields only when the partner has a value, so that a
        partner with partial data does not erase what the lead knows.
        """
        self.ensure_one()
        partner = self.partner_id
        values = {
            **self._prepare_address_values_from_partner(partner),
            **self._prepare_contact_name_from_partner(partner),
            **{
                lead_field: partner[partner_field]
                for lead_field, partner_field in PARTNER_SYNC_FIELDS.items()
                if partner[partner_field]
            },
        }
        return {name: value for name, value in values.items() if self[name] != value}

    def _sync_from_partner(self):
        """Copy the contact details of their partner on the leads in ``self``.

        Leads with the same changes are written together, so that the leads
        of one partner cost the same number of queries however many they are.
        Each changed lead gets a note listing what changed.

        :return: the leads that changed
        """
        leads_by_changes = defaultdict(lambda: self.browse())
        for lead in self.filtered("partner_id"):
            changes = lead._prepare_partner_sync_values()
            if changes:
                leads_by_changes[tuple(sorted(changes.items()))] |= lead
        bodies = {}
        for changes, leads in leads_by_changes.items():
            leads.write(self._convert_to_write(dict(changes)))
            labels = ", ".join(
                self._fields[name]._description_string(self.env) for name, _v in changes
            )
            for lead in leads:
                # escaped: the note is HTML, the names are plain text
                bodies[lead.id] = escape(
                    _(
                        "Contact details updated from %(partner)s: %(fields)s.",
                        partner=lead.partner_id.display_name,
                        fields=labels,
                    )
                )
        changed = self.browse(list(bodies))
        changed._message_log_batch(bodies=bodies)
        return changed

    # Opportunity analysis (reports): stuck opportunities

    @api.model
    def _get_stuck_days(self, company):
        """Days without activity after which an open opportunity is stuck:
        the company's stale threshold when it has one, else 30."""
        return company["lead_stale_days"] if "lead_stale_days" in company else 30

    @api.model
    def _get_stuck_domain(self):
        """Open opportunities of the user's companies on which nothing
        happened (no stage change, no change, no message) for the company's
        stale threshold, and with no activity planned."""
        now = fields.Datetime.now()
        per_company = []
        for company in self.env.companies:
            limit = fields.Datetime.subtract(now, days=self._get_stuck_days(company))
            per_company.append(
                [
                    ("company_id", "in", [company.id, False]),
                    ("date_last_stage_update", "<", limit),
                    ("write_date", "<", limit),
                    (
                        "message_ids",
                        "not any",
                        [
                            ("date", ">=", limit),
                            ("message_type", "in", ("comment", "email")),
                        ],
                    ),
                ]
            )
        return expression.AND(
            [
                [
                    ("type", "=", "opportunity"),
                    ("stage_id.is_won", "=", False),
                    ("activity_ids", "=", False),
                ],
                expression.OR(per_company),
            ]
        )

    @api.model
    def _action_open_stuck_analysis(self):
        action = self.env["ir.actions.actions"]._for_xml_id(
            "lead_management.crm_lead_analysis_stage_action"
        )
        action.update(
            name=_("Stuck Opportunities"),
            domain=self._get_stuck_domain(),
            context={"search_default_stage": 1, "search_default_salesperson": 1},
        )
        return action

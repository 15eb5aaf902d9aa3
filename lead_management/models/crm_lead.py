# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class CrmLead(models.Model):
    """Lead number, lead type and the card colour that follows it.

    The other capabilities of the add-on on ``crm.lead`` live in files of
    their own (``crm_lead_<capability>.py``): see CONTRIBUTING.md.
    """

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
    # No unique constraint on (company, number): the company's sequence makes
    # the numbers unique, and a number never changes, so a lead that moves to
    # another company (crm computes the company from the customer and the
    # team) keeps a number that company may have issued too. A constraint
    # would refuse that move, which Odoo's own crm tests make.
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

    def _assign_lead_numbers(self):
        """Number the leads in ``self`` from their company's lead sequence.

        Leads without a company are numbered from the current company's
        sequence. Numbers are drawn per company in one query (see
        ``res.company._next_lead_numbers``), in creation order.
        """
        leads_by_company = self.grouped(
            lambda lead: lead.company_id or self.env.company
        )
        for company, leads in leads_by_company.items():
            leads = leads.sorted(lambda lead: (lead.create_date, lead.id))
            numbers = company._next_lead_numbers(len(leads))
            for lead, number in zip(leads, numbers, strict=True):
                lead.lead_number = number

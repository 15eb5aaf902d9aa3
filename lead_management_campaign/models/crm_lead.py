# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models

# the company profile, same names on the lead and on the partner: copied to
# the leads by "Sync leads from partner", to the partner made from a lead
COMPANY_PROFILE_FIELDS = ("competitor_ids", "turnover", "employee_count", "industry_id")


class CrmLead(models.Model):
    """The company profile of a lead: competitors, turnover, industry and
    number of employees, kept in step with the partner's (see
    ``res_partner.py``) through the extension points of lead_management's
    partner sync and of crm's partner creation."""

    _inherit = "crm.lead"

    competitor_ids = fields.Many2many(
        "res.partner",
        "crm_lead_competitor_rel",
        "lead_id",
        "competitor_id",
        string="Competitors",
        help="The companies competing for this customer's business.",
    )
    turnover = fields.Monetary(
        currency_field="company_currency",
        help="Yearly turnover of the customer's company, in the company currency.",
    )
    employee_count = fields.Integer(
        string="Employees", help="Number of employees of the customer's company."
    )
    industry_id = fields.Many2one("res.partner.industry", index="btree_not_null")

    def _prepare_partner_sync_values(self):
        """Also the company profile of the partner's company (the commercial
        entity: a lead linked to a company's contact takes the company's),
        each field when it has a value (a partial profile does not erase what
        the lead knows)."""
        values = super()._prepare_partner_sync_values()
        partner = self.partner_id.commercial_partner_id
        for name in COMPANY_PROFILE_FIELDS:
            if partner[name] and self[name] != partner[name]:
                values[name] = partner[name]
        return values

    def _prepare_customer_values(self, partner_name, is_company=False, parent_id=False):
        """The partner created from the lead gets its company profile: the
        company, or the contact when no company is created with it."""
        values = super()._prepare_customer_values(
            partner_name, is_company=is_company, parent_id=parent_id
        )
        if is_company or not parent_id:
            # only what the lead knows: the partner's own defaults otherwise
            values.update(
                self._convert_to_write(
                    {name: self[name] for name in COMPANY_PROFILE_FIELDS if self[name]}
                )
            )
        return values

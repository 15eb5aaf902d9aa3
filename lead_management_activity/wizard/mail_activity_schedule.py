# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, fields, models

from ..models.mail_activity import PRIORITIES


class MailActivitySchedule(models.TransientModel):
    """The chatter's *Schedule Activity* dialog on a CRM document (SPEC §9,
    issue 24 point 2): the activity's priority, category and contact persons
    are chosen when it is planned. Other apps' dialogs stay stock."""

    _inherit = "mail.activity.schedule"

    is_crm_activity = fields.Boolean(compute="_compute_crm_customer_id")
    crm_customer_id = fields.Many2one(
        "res.partner", "Customer", compute="_compute_crm_customer_id"
    )
    priority = fields.Selection(PRIORITIES, default="1")
    category_id = fields.Many2one("crm.activity.category")
    contact_ids = fields.Many2many(
        "res.partner",
        "mail_activity_schedule_contact_rel",
        "schedule_id",
        "partner_id",
        string="Contact Persons",
        domain="[('commercial_partner_id', '=', crm_customer_id)]",
    )

    @api.depends("res_model", "res_ids")
    def _compute_crm_customer_id(self):
        """CRM dialogs only; contact persons when the activity is planned
        on one document (in batch each document has its own customer)."""
        Activity = self.env["mail.activity"]
        crm_models = Activity._get_crm_models()
        for scheduler in self:
            scheduler.is_crm_activity = scheduler.res_model in crm_models
            res_ids = scheduler._evaluate_res_ids() if scheduler.res_model else []
            customers = (
                Activity._get_crm_customers(scheduler.res_model, res_ids)
                if scheduler.is_crm_activity and len(res_ids) == 1
                else {}
            )
            scheduler.crm_customer_id = (
                customers.get(res_ids[0]) if customers else False
            )

    def _action_schedule_activities(self):
        activities = super()._action_schedule_activities()
        values = self._prepare_crm_activity_values()
        if values:
            activities.write(values)
        return activities

    def _prepare_crm_activity_values(self):
        """What the dialog adds to the planned CRM activities; empty for
        other apps' activities."""
        self.ensure_one()
        if not self.is_crm_activity:
            return {}
        values = {"priority": self.priority, "category_id": self.category_id.id}
        if self.crm_customer_id:
            values["contact_ids"] = [fields.Command.set(self.contact_ids.ids)]
        return values

# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class MailActivityDoneWizard(models.TransientModel):
    """The dialog that marks one activity done.

    Shared by the capabilities that decide what comes after an activity: the
    lead process chooses an *outcome* (``mail_activity_done_wizard_outcome.py``)
    and CRM activities plan a *follow-up* (``..._follow_up.py``). Each extends
    ``_action_done`` and falls back to ``super()`` when its part is empty, so
    the plain dialog marks the activity done as Odoo's *Done* button does.
    """

    _name = "mail.activity.done.wizard"
    _description = "Mark an Activity Done"

    activity_id = fields.Many2one(
        "mail.activity", required=True, readonly=True, ondelete="cascade"
    )
    activity_type_id = fields.Many2one(related="activity_id.activity_type_id")
    res_model = fields.Char(related="activity_id.res_model")
    res_id = fields.Many2oneReference(related="activity_id.res_id")
    feedback = fields.Text()

    @api.model
    def default_get(self, fields_list):
        values = super().default_get(fields_list)
        context = self.env.context
        if (
            "activity_id" in fields_list
            and not values.get("activity_id")
            and context.get("active_model") == "mail.activity"
        ):
            values["activity_id"] = context.get("active_id")
        return values

    def action_done(self):
        self.ensure_one()
        if not self.activity_id.active:
            raise UserError(_("This activity is already done."))
        return self._action_done() or {"type": "ir.actions.act_window_close"}

    def _action_done(self):
        """Mark the activity done; extensions act first when their fields are
        filled. Returns an action or False (close the dialog)."""
        self.activity_id.action_feedback(feedback=self.feedback or False)
        return False

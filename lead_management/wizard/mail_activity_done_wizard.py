# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError


class MailActivityDoneWizard(models.TransientModel):
    """The dialog that marks one activity done.

    Shared by the capabilities that decide what comes after an activity: the
    lead process (``lead_management_process``) chooses an *outcome* and CRM
    activities (``lead_management_activity``) plan a *follow-up*. Each extends
    ``_action_done`` and falls back to ``super()`` when its part is empty, so
    the plain dialog marks the activity done as Odoo's *Done* button does.

    Extension point between them: ``next_by_type`` is True when the
    activity's type itself decides what follows (the process's outcomes); a
    part that would plan the next activity by hand steps aside then. Neither
    add-on knows the other: each reads or computes this one field.
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
    next_by_type = fields.Boolean(
        compute="_compute_next_by_type",
        help="The activity's type decides what follows (e.g. its outcomes).",
    )

    @api.depends("activity_id")
    def _compute_next_by_type(self):
        """False here; an add-on whose activity types plan what follows
        (the lead process's outcomes) sets it."""
        self.next_by_type = False

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

# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from markupsafe import escape

from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError, ValidationError

from ..utils import notification_action

# wizard field copied as is on the leads when it is filled
LEAD_FIELDS = ["stage_id", "user_id", "team_id", "lead_type_id", "date_deadline"]


class CrmLeadMassUpdateWizard(models.TransientModel):
    """Change stage, salesperson, team, type, expected closing, probability
    and tags of many leads at once, and schedule an activity on each.

    Only the filled fields change; the others keep each lead's own value.
    """

    _name = "crm.lead.mass.update.wizard"
    _inherit = ["crm.lead.selection.mixin"]
    _description = "Update opportunities"

    lead_count = fields.Integer(compute="_compute_lead_count")
    stage_id = fields.Many2one("crm.stage")
    user_id = fields.Many2one(
        "res.users", string="Salesperson", domain="[('share', '=', False)]"
    )
    team_id = fields.Many2one("crm.team", string="Sales Team")
    lead_type_id = fields.Many2one("crm.lead.type")
    date_deadline = fields.Date(string="Expected Closing")
    # a probability of 0 is a value too: a checkbox says whether to apply it
    update_probability = fields.Boolean(string="Change Probability")
    probability = fields.Float()
    tag_add_ids = fields.Many2many(
        "crm.tag",
        "crm_lead_mass_update_wizard_tag_add_rel",
        "wizard_id",
        "tag_id",
        string="Tags to Add",
    )
    tag_remove_ids = fields.Many2many(
        "crm.tag",
        "crm_lead_mass_update_wizard_tag_remove_rel",
        "wizard_id",
        "tag_id",
        string="Tags to Remove",
    )
    activity_type_id = fields.Many2one(
        "mail.activity.type",
        string="Activity",
        domain="[('res_model', 'in', (False, 'crm.lead'))]",
        help="Schedule an activity of this type on each opportunity.",
    )
    activity_summary = fields.Char(string="Summary")
    activity_date_deadline = fields.Date(
        string="Due Date",
        compute="_compute_activity_date_deadline",
        store=True,
        readonly=False,
    )
    activity_user_id = fields.Many2one(
        "res.users",
        string="Assigned to",
        domain="[('share', '=', False)]",
        help="Leave empty to give each activity to the salesperson of its opportunity.",
    )

    @api.constrains("tag_add_ids", "tag_remove_ids")
    def _check_tags(self):
        for wizard in self:
            both = wizard.tag_add_ids & wizard.tag_remove_ids
            if both:
                raise ValidationError(
                    _(
                        "The tags %(tags)s cannot be both added and removed.",
                        tags=", ".join(both.mapped("name")),
                    )
                )

    @api.model
    def default_get(self, fields):
        """Open empty whatever the context: the ``default_*`` keys of the
        action the list was opened from (the pipeline's ``default_team_id``)
        are meant for new leads, not for the fields of this wizard, where a
        value means "change it on every selected lead"."""
        context = {
            key: value
            for key, value in self.env.context.items()
            if not key.startswith("default_")
        }
        # explicit super(): the call runs on a recordset with another
        # context, the whole context minus its default_* keys (which a
        # with_context(**kwargs) cannot remove)
        wizard = self.with_context(context)  # pylint: disable=context-overridden
        return super(CrmLeadMassUpdateWizard, wizard).default_get(fields)

    @api.depends("lead_ids")
    def _compute_lead_count(self):
        for wizard in self:
            wizard.lead_count = len(wizard.lead_ids)

    @api.depends("activity_type_id")
    def _compute_activity_date_deadline(self):
        for wizard in self:
            if wizard.activity_type_id:
                wizard.activity_date_deadline = (
                    wizard.activity_type_id._get_date_deadline()
                )

    def action_apply(self):
        """Apply the filled fields to all the leads in one step."""
        self.ensure_one()
        leads = self.lead_ids
        if not leads:
            raise UserError(_("Select the opportunities to update."))
        values = self._prepare_lead_values()
        if not values and not self.activity_type_id:
            raise UserError(
                _("Nothing to update: fill in at least one field or an activity.")
            )
        # all the leads are checked before any is written
        leads.check_access("write")
        if values:
            leads.write(values)
        if self.activity_type_id:
            self._schedule_activities(leads)
        body = self._get_log_body()
        leads._message_log_batch(bodies=dict.fromkeys(leads.ids, body))
        return notification_action(
            _("%(count)s opportunities updated.", count=len(leads)),
            next_action={"type": "ir.actions.act_window_close"},
        )

    def _prepare_lead_values(self):
        """Return the values to write on the leads: the filled fields only."""
        self.ensure_one()
        values = {name: self[name] for name in LEAD_FIELDS if self[name]}
        if self.update_probability:
            values["probability"] = self.probability
        tag_commands = [Command.link(tag.id) for tag in self.tag_add_ids] + [
            Command.unlink(tag.id) for tag in self.tag_remove_ids
        ]
        if tag_commands:
            values["tag_ids"] = tag_commands
        return self.env["crm.lead"]._convert_to_write(values)

    def _schedule_activities(self, leads):
        """Schedule the activity on each lead, for the chosen user or else
        for the lead's salesperson (or the current user when it has none)."""
        self.ensure_one()
        leads_by_user = leads.grouped(
            lambda lead: self.activity_user_id or lead.user_id or self.env.user
        )
        # mail_activity_quick_update: no e-mail per activity to its assignee,
        # who would get hundreds of them; the activities show in his
        # activity menu
        leads = leads.with_context(mail_activity_quick_update=True)
        for user, user_leads in leads_by_user.items():
            user_leads.with_env(leads.env).activity_schedule(
                activity_type_id=self.activity_type_id.id,
                summary=self.activity_summary,
                date_deadline=self.activity_date_deadline,
                user_id=user.id,
                automated=False,
            )

    def _get_log_body(self):
        """Return the note logged on each lead: what the update changed."""
        self.ensure_one()
        changes = [
            _(
                "%(field)s: %(value)s",
                field=self._fields[name]._description_string(self.env),
                value=self[name].display_name
                if self._fields[name].type == "many2one"
                else self[name],
            )
            for name in LEAD_FIELDS
            if self[name]
        ]
        if self.update_probability:
            changes.append(
                _("Probability: %(value)s %%", value=format(self.probability, "g"))
            )
        if self.tag_add_ids:
            changes.append(
                _(
                    "Tags added: %(tags)s",
                    tags=", ".join(self.tag_add_ids.mapped("name")),
                )
            )
        if self.tag_remove_ids:
            changes.append(
                _(
                    "Tags removed: %(tags)s",
                    tags=", ".join(self.tag_remove_ids.mapped("name")),
                )
            )
        if self.activity_type_id:
            changes.append(
                _(
                    "Activity scheduled: %(activity)s",
                    activity=self.activity_summary or self.activity_type_id.name,
                )
            )
        # escaped: the note is HTML, the names are plain text
        return escape(_("Mass update: %(changes)s.", changes="; ".join(changes)))

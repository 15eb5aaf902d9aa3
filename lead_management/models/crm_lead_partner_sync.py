# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from markupsafe import escape

from odoo import _, models

from ..utils import notification_action

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
    """Sync leads from partner: refresh a lead's contact details from its
    partner (an action on leads, and on partners, see res_partner.py)."""

    # one file per capability of crm.lead (see CONTRIBUTING.md)
    _inherit = "crm.lead"  # pylint: disable=consider-merging-classes-inherited

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
        return notification_action(
            message,
            "success" if changed else "info",
            next_action={"type": "ir.actions.client", "tag": "soft_reload"},
        )

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

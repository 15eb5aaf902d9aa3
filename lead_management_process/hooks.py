# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import logging

_logger = logging.getLogger(__name__)

# The lead process's activity types: their (done) activities are history
PROCESS_ACTIVITY_TYPES = (
    "mail_activity_type_distribute",
    "mail_activity_type_contact_customer",
)


def uninstall_hook(env):
    """Keep the lead process's activity types when they have activities.

    Uninstalling deletes the module's records, but an activity type in use
    cannot be deleted (``mail.activity.activity_type_id`` restricts it) and
    its activities are the customers' history: those types are released
    from the module (their xml ids dropped) and stay as ordinary types. The
    disqualification reasons of lost leads likewise stay as lost reasons.
    """
    env.cr.execute(
        """
        DELETE FROM ir_model_data imd
         USING mail_activity activity
         WHERE imd.module = 'lead_management_process'
           AND imd.model = 'mail.activity.type'
           AND imd.name IN %s
           AND activity.activity_type_id = imd.res_id
        """,
        [PROCESS_ACTIVITY_TYPES],
    )
    _logger.info(
        "lead_management_process: %s activity types in use kept after uninstall",
        env.cr.rowcount,
    )
    # the same for the disqualification reasons of lost leads (the leads'
    # lost_reason_id restricts their deletion): they stay as lost reasons
    env["crm.lead"].flush_model(["lost_reason_id"])
    env.cr.execute(
        """
        DELETE FROM ir_model_data imd
         WHERE imd.module = 'lead_management_process'
           AND imd.model = 'crm.lost.reason'
           AND EXISTS (SELECT 1 FROM crm_lead l WHERE l.lost_reason_id = imd.res_id)
        """
    )
    _logger.info(
        "lead_management_process: %s lost reasons in use kept after uninstall",
        env.cr.rowcount,
    )

# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).


def notification_action(message, notification_type="success", next_action=None):
    """The client action that shows ``message`` in a notification (web
    client's ``display_notification``: ``success``, ``info``, ``warning`` or
    ``danger``), then runs ``next_action`` (e.g. close the wizard, reload).
    Over RPC it is plain data: the message is in ``["params"]["message"]``.
    """
    params = {"type": notification_type, "message": message}
    if next_action:
        params["next"] = next_action
    return {
        "type": "ir.actions.client",
        "tag": "display_notification",
        "params": params,
    }

# Copyright 2026 Lead Management Developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""lead_management alone holds nothing of the deadline reminders, which are
lead_management_reminder's (SPEC section 0). Runs on a database with
lead_management alone; holds too once lead_management_reminder is
uninstalled (OCA's mail_activity_reminder, its dependency, may stay: what it
adds is OCA's, not checked here)."""

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestWithoutLeadManagementReminder(TransactionCase):
    def test_add_on_not_installed(self):
        """The premise: core is installed, the add-on is not."""
        installed = (
            self.env["ir.module.module"]
            .search(
                [
                    ("name", "in", ["lead_management", "lead_management_reminder"]),
                    ("state", "=", "installed"),
                ]
            )
            .mapped("name")
        )
        self.assertEqual(installed, ["lead_management"])

    def test_no_reminder_fields(self):
        """No reminder field on users, activities or activity types: neither
        the add-on's opt-out nor the ones core held before the move."""
        self.assertFalse(
            {"activity_reminder", "activity_reminder_opt_out"}
            & set(self.env["res.users"]._fields)
        )
        self.assertNotIn("reminder_sent", self.env["mail.activity"]._fields)
        self.assertNotIn("reminder_days", self.env["mail.activity.type"]._fields)
        self.env.cr.execute(
            "SELECT table_name, column_name FROM information_schema.columns"
            " WHERE (table_name, column_name) IN %s",
            [
                (
                    ("res_users", "activity_reminder"),
                    ("res_users", "activity_reminder_opt_out"),
                    ("mail_activity", "reminder_sent"),
                    ("mail_activity_type", "reminder_days"),
                )
            ],
        )
        self.assertEqual(self.env.cr.fetchall(), [], "no column left behind")

    def test_no_reminder_records(self):
        """No scheduled action, template or view of the reminders, neither
        the add-on's nor the ones core held before the move."""
        for xmlid in (
            "lead_management.ir_cron_mail_activity_deadline_reminders",
            "lead_management.mail_template_activity_reminder",
            "lead_management.res_users_view_form",
            "lead_management.res_users_view_form_simple_modif",
            "lead_management_reminder.res_users_view_form",
            "lead_management_reminder.res_users_view_form_simple_modif",
        ):
            self.assertFalse(self.env.ref(xmlid, raise_if_not_found=False), xmlid)
        self.assertFalse(
            self.env["ir.cron"]
            .with_context(active_test=False)
            .search([("code", "like", "_cron_send_deadline_reminders")])
        )
        self.assertFalse(
            self.env["ir.ui.view"].search(
                [("arch_db", "like", "activity_reminder"), ("model", "=", "res.users")]
            )
        )

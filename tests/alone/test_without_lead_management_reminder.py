# Copyright 2026 Lead Management Developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
"""lead_management alone holds nothing of the deadline reminders, which are
lead_management_reminder's (SPEC section 0). Runs on a database with
lead_management alone."""

from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestWithoutLeadManagementReminder(TransactionCase):
    def test_add_on_not_installed(self):
        """The premise: neither the add-on nor OCA's module is installed."""
        installed = (
            self.env["ir.module.module"]
            .search(
                [
                    (
                        "name",
                        "in",
                        ["lead_management_reminder", "mail_activity_reminder"],
                    ),
                    ("state", "=", "installed"),
                ]
            )
            .mapped("name")
        )
        self.assertEqual(installed, [])
        self.assertIn("lead_management", self.env.registry._init_modules)

    def test_no_reminder_fields(self):
        """No reminder field on users, activities or activity types, neither
        the add-on's nor the ones core held before the move."""
        self.assertFalse(
            {"activity_reminder", "activity_reminder_opt_out"}
            & set(self.env["res.users"]._fields)
        )
        self.assertFalse(
            {"reminder_sent", "last_reminder_local", "next_reminder"}
            & set(self.env["mail.activity"]._fields)
        )
        self.assertFalse(
            {"reminder_days", "reminders"} & set(self.env["mail.activity.type"]._fields)
        )

    def test_no_reminder_records(self):
        """No scheduled action, template or view of the reminders."""
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
            .search(
                [
                    "|",
                    ("code", "like", "_cron_send_deadline_reminders"),
                    ("code", "like", "_process_reminders"),
                ]
            )
        )

    def test_stock_user_insert(self):
        """A user row with only the stock columns is accepted: core adds no
        required reminder column to res_users any more."""
        self.env.cr.execute(
            "SELECT column_name FROM information_schema.columns"
            " WHERE table_name = 'res_users' AND column_name LIKE '%%remind%%'"
        )
        self.assertEqual(self.env.cr.fetchall(), [])

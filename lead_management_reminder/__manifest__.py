# Copyright 2026 Lead Management Developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Lead Management: Deadline Reminders",
    "summary": "Activities remind their owner of their deadline, once, in batches",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "author": "Lead Management Developers",
    "website": "https://github.com/lead-management/lead_management",
    "license": "AGPL-3",
    "depends": ["mail", "mail_activity_reminder"],
    "data": [
        "views/res_users_views.xml",
    ],
    "post_init_hook": "post_init_hook",
    "installable": True,
}

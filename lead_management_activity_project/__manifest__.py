# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Lead Management - Workload of Tasks",
    "summary": "Tasks in the Workload report: due, done on time, done late "
    "and open per assignee and day",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "author": "Lead Management Developers",
    "website": "https://github.com/lead-management/lead_management",
    "license": "LGPL-3",
    "depends": ["lead_management_activity", "lead_management_project"],
    "data": [],
    "auto_install": True,
    "installable": True,
}

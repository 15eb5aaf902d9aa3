# Copyright 2026 Lead Management Developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Lead Management - Workload of Tickets",
    "summary": "Helpdesk tickets in the Workload report: due, done on time, "
    "done late and open per assignee and day",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "author": "Lead Management Developers",
    "website": "https://github.com/lead-management/lead_management",
    "license": "AGPL-3",
    "depends": ["lead_management_activity", "lead_management_helpdesk"],
    "data": [],
    "auto_install": True,
    "installable": True,
}

# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Lead Management Projects",
    "summary": "Projects tab on the opportunity: the projects of its orders "
    "and those created from it, with their tasks' progress",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "author": "Lead Management Developers",
    "website": "https://github.com/lead-management/lead_management",
    "license": "LGPL-3",
    "depends": ["lead_management", "sale_project"],
    "data": [
        "views/project_project_views.xml",
        "views/crm_lead_views.xml",
        "views/crm_customer_history_views.xml",
    ],
    "demo": [
        "demo/project_project_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "lead_management_project/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}

# Copyright 2026 Lead Management Developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
{
    "name": "Lead Management Tickets",
    "summary": "Tickets tab on the opportunity: internal requests about it "
    "as OCA helpdesk tickets, their stage changes logged on it",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "author": "Lead Management Developers",
    "website": "https://github.com/lead-management/lead_management",
    "license": "AGPL-3",
    "depends": ["lead_management", "helpdesk_mgmt"],
    "data": [
        "views/helpdesk_ticket_views.xml",
        "views/crm_lead_views.xml",
        "views/crm_team_views.xml",
        "views/res_config_settings_views.xml",
        "views/crm_customer_history_views.xml",
    ],
    "demo": [
        "demo/helpdesk_ticket_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "lead_management_helpdesk/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}

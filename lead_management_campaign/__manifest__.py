# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Lead Management Campaigns",
    "summary": "Marketing campaigns with their plan and figures, campaign "
    "analysis and report, company profile on leads and partners",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "author": "Lead Management Developers",
    "website": "https://github.com/lead-management/lead_management",
    "license": "LGPL-3",
    "depends": ["lead_management", "account"],
    "data": [
        "security/lead_management_campaign_security.xml",
        "security/ir.model.access.csv",
        "views/utm_campaign_views.xml",
        "views/account_move_views.xml",
        "views/crm_lead_views.xml",
        "views/res_partner_views.xml",
        "report/utm_campaign_analysis_views.xml",
        "views/lead_management_campaign_menus.xml",
        "report/ir_actions_report.xml",
        "report/utm_campaign_templates.xml",
    ],
    "demo": [
        "demo/utm_campaign_demo.xml",
    ],
    "assets": {
        "web.assets_tests": [
            "lead_management_campaign/static/tests/tours/*.js",
        ],
    },
    "installable": True,
}

# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Lead Management: Lead Qualification Process",
    "summary": "Qualify, distribute and transfer leads to sale, with need "
    "maturity, activity outcomes and the lead funnel",
    "version": "18.0.1.0.0",
    "category": "Sales/CRM",
    "author": "Lead Management Developers",
    "website": "https://github.com/lead-management/lead_management",
    "license": "LGPL-3",
    "depends": ["lead_management", "calendar"],
    "data": [
        "security/lead_management_process_security.xml",
        "security/ir.model.access.csv",
        "data/crm_lead_process_data.xml",
        "data/crm_lost_reason_data.xml",
        "wizard/mail_activity_done_wizard_outcome_views.xml",
        "wizard/crm_lead_distribute_views.xml",
        "wizard/crm_lead_transfer_views.xml",
        "wizard/crm_lead_lost_views.xml",
        "views/mail_templates.xml",
        "views/crm_lead_views.xml",
        "views/crm_lead_maturity_views.xml",
        "views/crm_lost_reason_views.xml",
        "views/mail_activity_type_views.xml",
        "report/crm_lead_funnel_report_views.xml",
        "views/lead_management_process_menus.xml",
    ],
    "demo": [
        "demo/crm_lead_process_demo.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "lead_management_process/static/src/activity/activity_patch.js",
        ],
        "web.assets_tests": [
            "lead_management_process/static/tests/tours/*.js",
        ],
    },
    "uninstall_hook": "uninstall_hook",
    "installable": True,
}

# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Lead Management - CRM Activities",
    "summary": "Activities and meetings as the customer's history: priority, "
    "category, contact persons, time spent, meeting costs, activity analysis",
    "version": "18.0.1.0.1",
    "category": "Sales/CRM",
    "author": "Lead Management Developers",
    "website": "https://github.com/lead-management/lead_management",
    "license": "LGPL-3",
    "depends": ["lead_management", "calendar"],
    "data": [
        "security/lead_management_activity_security.xml",
        "security/ir.model.access.csv",
        "data/crm_activity_category_data.xml",
        "data/mail_templates_chatter.xml",
        "wizard/mail_activity_done_wizard_views.xml",
        "wizard/mail_activity_schedule_views.xml",
        "views/mail_activity_views.xml",
        "views/calendar_event_views.xml",
        "views/crm_lead_views.xml",
        "views/res_partner_views.xml",
        "views/crm_customer_history_views.xml",
        "report/crm_activity_analysis_views.xml",
        "views/crm_activity_workload_views.xml",
        "views/lead_management_activity_menus.xml",
    ],
    "demo": [
        "demo/crm_activity_demo.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "lead_management_activity/static/src/activity/*",
        ],
        "web.assets_tests": [
            "lead_management_activity/static/tests/tours/*.js",
        ],
    },
    "post_init_hook": "post_init_hook",
    "installable": True,
}

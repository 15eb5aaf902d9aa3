# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
{
    "name": "Lead Management",
    "summary": "Lead numbers and lead types, offers converted into orders, "
    "traceability from lead to order",
    "version": "18.0.2.0.0",
    "category": "Sales/CRM",
    "author": "Lead Management Developers",
    "website": "https://github.com/lead-management/lead_management",
    "license": "LGPL-3",
    # openupgradelib: the upgrade from the single add-on (migrations/18.0.2.0.0)
    "external_dependencies": {"python": ["openupgradelib"]},
    "depends": ["crm", "sale_crm", "sale_management"],
    "data": [
        "security/lead_management_security.xml",
        "security/ir.model.access.csv",
        "data/crm_lead_type_data.xml",
        "data/crm_lost_reason_data.xml",
        "data/ir_cron_data.xml",
        "data/mail_template_data.xml",
        "wizard/crm_lead_mass_update_wizard_views.xml",
        "wizard/crm_lead_recurrence_wizard_views.xml",
        "wizard/crm_lead_stale_wizard_views.xml",
        "wizard/mail_activity_done_wizard_views.xml",
        "views/crm_lead_type_views.xml",
        "views/crm_lead_views.xml",
        "views/sale_order_views.xml",
        "views/sale_portal_templates.xml",
        "views/res_config_settings_views.xml",
        "views/crm_customer_history_views.xml",
        "views/res_partner_views.xml",
        "wizard/crm_lead_traceability_wizard_views.xml",
        "wizard/crm_lead_period_report_wizard_views.xml",
        "report/crm_lead_traceability_report_views.xml",
        "report/crm_lead_analysis_views.xml",
        "views/lead_management_menus.xml",
        "report/ir_actions_report.xml",
        "report/crm_lead_traceability_report_templates.xml",
        "report/crm_lead_period_templates.xml",
        "report/sale_order_templates.xml",
    ],
    "demo": [
        "demo/crm_lead_demo.xml",
        "demo/sale_order_demo.xml",
    ],
    "assets": {
        "web.assets_backend": [
            "lead_management/static/src/scss/lead_management.scss",
            "lead_management/static/src/fields/x2many_open_as_page.js",
        ],
        "web.assets_tests": [
            "lead_management/static/tests/tours/*.js",
        ],
    },
    "post_init_hook": "post_init_hook",
    "installable": True,
}

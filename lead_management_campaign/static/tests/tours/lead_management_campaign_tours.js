/** @odoo-module **/
// Browser tours of lead_management_campaign, run by
// tests/test_campaign_views.py, which creates the records they look for.

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("lead_management_campaign_figures", {
    url: "/odoo/action-utm.utm_campaign_action?view_type=kanban",
    steps: () => [
        {
            content: "The budget reads the actual costs against the estimate, in full",
            trigger: ".o_kanban_record:contains('Tour Fair') .o_lead_management_campaign_cost:contains('6,500.00'):contains('15,000.00')",
        },
        {
            content: "The bar is the ratio of the actual costs (6 500 / 15 000)",
            trigger: ".o_kanban_record:contains('Tour Fair') .o_lead_management_campaign_budget .progress-bar[style*='43.3']",
        },
        {
            content: "No rounded figure, no negative revenue on the card",
            trigger: ".o_kanban_record:contains('Tour Fair'):not(:contains('7k')):not(:contains('-6,500'))",
        },
        {
            content: "Open the campaign",
            trigger: ".o_kanban_record .fs-5:contains('Tour Fair')",
            run: "click",
        },
        {
            content: "The form shows the revenue invoiced and the actual costs",
            trigger: ".o_form_view .o-form-buttonbox button[name=action_view_revenue_invoices]:contains('Revenue Invoiced')",
        },
        {
            content: "...and not sale's Revenues",
            trigger: ".o_form_view .o-form-buttonbox:not(:has(button[name=action_redirect_to_invoiced]))",
        },
        {
            trigger: ".o_form_view .o-form-buttonbox button[name=action_view_cost_bills]:contains('6,500.00')",
        },
        {
            content: "The actual costs open the campaign's bills",
            trigger: ".o_form_view .o-form-buttonbox button[name=action_view_cost_bills]",
            run: "click",
        },
        {
            content: "The campaign's one bill",
            trigger: ".o_list_view .o_data_row:contains('BILL/'):contains('6,500.00')",
        },
    ],
});

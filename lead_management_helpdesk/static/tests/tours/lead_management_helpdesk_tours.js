/** @odoo-module **/
// Browser tours of lead_management_helpdesk, run by
// tests/test_ticket_views.py, which creates the records they look for.

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("lead_management_helpdesk_new_ticket", {
    steps: () => [
        {
            content: "New Ticket on the opportunity",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_new_ticket]",
            run: "click",
        },
        {
            content: "The dialog is pre-filled with the opportunity's customer",
            trigger: ".modal .o_field_widget[name=partner_id] input:value('Tour Customer')",
        },
        {
            content: "and the helpdesk team of its sales team",
            trigger: ".modal .o_field_widget[name=team_id] input:value('Tour pre-sales')",
        },
        {
            content: "Give the ticket a title",
            trigger: ".modal .o_field_widget[name=name] input",
            run: "edit Tour legal review",
        },
        {
            content: "and a description",
            trigger: ".modal .o_field_html[name=description] .odoo-editor-editable",
            run: "editor Review the penalties on downtime",
        },
        {
            content: "Save it",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The smart button counts it",
            trigger: ".o_form_view:not(:has(.modal)) .o-form-buttonbox button[name=action_view_tickets]:contains('1')",
        },
        {
            content: "Open the Tickets tab",
            trigger: ".o_notebook .nav-link:contains('Tickets')",
            run: "click",
        },
        {
            content: "The ticket is on the tab, with its team",
            trigger: ".o_field_widget[name=ticket_ids] .o_data_row:contains('Tour legal review'):contains('Tour pre-sales')",
        },
    ],
});

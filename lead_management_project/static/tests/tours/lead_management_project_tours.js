/** @odoo-module **/
// Browser tours of lead_management_project, run by
// tests/test_project_views.py, which creates the records they look for.

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("lead_management_project_new_project", {
    steps: () => [
        {
            content: "The opportunity has no offer yet: New Project all the same",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_new_project]",
            run: "click",
        },
        {
            content: "The dialog is pre-filled with the opportunity's customer",
            trigger: ".modal .o_field_widget[name=partner_id] input:value('Tour Customer')",
        },
        {
            content: "Name the project",
            trigger: ".modal .o_field_widget[name=name] textarea",
            run: "edit Tour survey",
        },
        {
            content: "Save it",
            trigger: ".modal .o_form_button_save",
            run: "click",
        },
        {
            content: "The smart button counts it",
            trigger: ".o_form_view:not(:has(.modal)) .o-form-buttonbox button[name=action_view_projects]:contains('1')",
        },
        {
            content: "Open the Projects tab",
            trigger: ".o_notebook .nav-link:contains('Projects')",
            run: "click",
        },
        {
            content: "The project is on the tab, with its manager",
            trigger: ".o_field_widget[name=project_ids] .o_data_row:contains('Tour survey')",
        },
    ],
});

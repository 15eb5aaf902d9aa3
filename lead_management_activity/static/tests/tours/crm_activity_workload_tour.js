/** @odoo-module **/
// The Workload as a sales manager (tests/test_workload.py): the menu's
// action opens the pivot per salesperson and day, the calendar shows the
// activities (read-only) and the list opens a row's document.

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("lead_management_workload", {
    steps: () => [
        {
            content: "The pivot has a row per salesperson",
            trigger: ".o_pivot .o_pivot_header_cell_closed:contains('Workload Tour Seller')",
        },
        {
            content: "The measures are the workload's",
            trigger: ".o_pivot th.o_pivot_measure_row:contains('Overdue')",
        },
        {
            content: "Switch to the calendar",
            trigger: ".o_switch_view.o_calendar",
            run: "click",
        },
        {
            content: "The calendar shows the activity",
            trigger: ".o_calendar_renderer .fc-event:contains('Workload tour call')",
        },
        {
            content: "Switch to the list",
            trigger: ".o_switch_view.o_list",
            run: "click",
        },
        {
            content: "The manager's list is grouped by salesperson: open the group",
            trigger: ".o_group_header:contains('Workload Tour Seller')",
            run: "click",
        },
        {
            content: "Open the document of the row",
            trigger: ".o_data_row:contains('Workload tour call') button[name='action_open_document']",
            run: "click",
        },
        {
            content: "The opportunity opens",
            trigger: ".o_form_view .o_field_widget[name='name']:contains('Workload tour lead'), .o_form_view .o_field_widget[name='name'] textarea",
        },
    ],
});

/** @odoo-module **/
// The lead process in the browser (tests/test_lead_process_tour.py):
// qualify, the contact activity's outcome, the transfer dialog, the
// opportunity with its meeting.

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("lead_management_lead_process", {
    steps: () => [
        {
            content: "The lead is in Qualification",
            trigger: ".o_field_widget[name='process_stage'] .o_arrow_button_current:contains('Qualification')",
        },
        {
            content: "Qualify",
            trigger: "button[name='action_qualify']",
            run: "click",
        },
        {
            content: "A salesperson is set: straight to Transfer to sale",
            trigger: ".o_field_widget[name='process_stage'] .o_arrow_button_current:contains('Transfer to sale')",
        },
        {
            content: "The contact activity is planned: mark it done",
            trigger: ".o-mail-Activity:contains('decision role') .o-mail-Activity-markDone",
            run: "click",
        },
        {
            content: "The dialog asks for the outcome",
            trigger: ".modal .o_field_widget[name='outcome_id'] .o_radio_item:contains('Transfer to sale') input",
            run: "click",
        },
        {
            trigger: ".modal textarea#feedback_0, .modal .o_field_widget[name='feedback'] textarea",
            run: "edit Wants 40 desks",
        },
        {
            content: "Done",
            trigger: ".modal button[name='action_done']",
            run: "click",
        },
        {
            content: "The transfer dialog opens: the budget",
            trigger: ".modal .o_field_widget[name='budget'] input",
            run: "edit 9500",
        },
        {
            content: "The meeting",
            trigger: ".modal .o_field_widget[name='meeting_start'] input",
            run: "edit 05/06/2031 10:00:00",
        },
        {
            trigger: ".modal .o_field_widget[name='comment'] textarea",
            run: "edit Decision by the board",
        },
        {
            content: "Transfer to sale",
            trigger: ".modal button[name='action_transfer']",
            run: "click",
        },
        {
            content: "The opportunity: waiting for sale, in the pipeline's stages",
            trigger: "body:not(:has(.modal)) .o_field_widget[name='process_stage']:contains('Waiting for sale')",
        },
        {
            trigger: ".o_field_widget[name='stage_id'] .o_arrow_button_current",
        },
        {
            content: "The meeting is on its smart button",
            trigger: "button[name='action_schedule_meeting']:contains('2031')",
        },
    ],
});

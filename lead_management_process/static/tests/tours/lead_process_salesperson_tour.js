/** @odoo-module **/
// The lead process as a salesperson who sees his own documents only
// (tests/test_lead_process_tour.py): qualify, distribute to himself (his
// team comes with him), the contact activity's outcome, the transfer.

import { registry } from "@web/core/registry";

function assert(condition, message) {
    if (!condition) {
        throw new Error(message);
    }
}

registry.category("web_tour.tours").add("lead_management_lead_process_salesperson", {
    steps: () => [
        {
            content: "The header shows the lead type and the maturity whole",
            trigger: ".o_form_sheet .o_field_widget[name='need_maturity_id'] input",
            run() {
                for (const name of ["lead_type_id", "need_maturity_id"]) {
                    const input = document.querySelector(
                        `.o_form_sheet .o_field_widget[name='${name}'] input`
                    );
                    assert(
                        input.value && input.scrollWidth <= input.clientWidth,
                        `${name} is cut: "${input.value}"`
                    );
                }
            },
        },
        {
            content: "One primary button: Qualify; Disqualify, no Lost",
            trigger: ".o_form_statusbar button[name='action_qualify'].btn-primary",
            run() {
                const primary = document.querySelectorAll(
                    ".o_form_statusbar .o_statusbar_buttons button.btn-primary"
                );
                assert(primary.length === 1, `${primary.length} primary buttons`);
                assert(
                    document.querySelector("button[name='action_disqualify']"),
                    "no Disqualify"
                );
                const labels = [
                    ...document.querySelectorAll(".o_form_statusbar .o_statusbar_buttons button"),
                ].map((button) => button.textContent.trim());
                assert(!labels.includes("Lost"), "Lost next to Disqualify");
            },
        },
        {
            content: "Qualify",
            trigger: "button[name='action_qualify']",
            run: "click",
        },
        {
            content: "Nobody assigned: Distribution",
            trigger: ".o_field_widget[name='process_stage'] .o_arrow_button_current:contains('Distribution')",
        },
        {
            content: "Distribute",
            trigger: ".o_form_statusbar button[name='action_open_distribute']",
            run: "click",
        },
        {
            content: "To himself",
            trigger: ".modal .o_field_widget[name='user_id'] input",
            run: "edit Tour Salesperson",
        },
        {
            trigger: ".o-autocomplete--dropdown-menu .dropdown-item:contains('Tour Salesperson')",
            run: "click",
        },
        {
            content: "His team comes with him",
            trigger: ".modal .o_field_widget[name='team_id'] input",
            run() {
                assert(
                    this.anchor.value === "Tour salesperson team",
                    `team: "${this.anchor.value}"`
                );
            },
        },
        {
            trigger: ".modal button[name='action_distribute']",
            run: "click",
        },
        {
            content: "Transfer to sale, with the contact activity",
            trigger: "body:not(:has(.modal)) .o_field_widget[name='process_stage'] .o_arrow_button_current:contains('Transfer to sale')",
        },
        {
            trigger: ".o-mail-Activity:contains('decision role') .o-mail-Activity-markDone",
            run: "click",
        },
        {
            content: "The outcome dialog has a title",
            trigger: ".modal .modal-title:contains('Mark Done')",
        },
        {
            trigger: ".modal .o_field_widget[name='outcome_id'] .o_radio_item:contains('Transfer to sale') input",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name='feedback'] textarea",
            run: "edit Needs 12 chairs",
        },
        {
            trigger: ".modal button[name='action_done']",
            run: "click",
        },
        {
            content: "The transfer dialog",
            trigger: ".modal .modal-title:contains('Transfer to Sale')",
        },
        {
            trigger: ".modal .o_field_widget[name='budget'] input",
            run: "edit 4200",
        },
        {
            trigger: ".modal .o_field_widget[name='meeting_start'] input",
            run: "edit 05/06/2031 10:00:00",
        },
        {
            trigger: ".modal button[name='action_transfer']",
            run: "click",
        },
        {
            content: "The opportunity, waiting for sale",
            trigger: "body:not(:has(.modal)) .o_form_sheet .o_field_widget[name='process_stage']:contains('Waiting for sale')",
        },
        {
            content: "The record once in the breadcrumb",
            trigger: ".o_breadcrumb .o_last_breadcrumb_item",
            run() {
                const previous = document.querySelectorAll(".o_breadcrumb .breadcrumb-item");
                assert(
                    previous.length === 1,
                    `breadcrumb: ${[...previous].map((item) => item.textContent.trim())}`
                );
            },
        },
        {
            content: "The chatter reads the outcome, then the feedback",
            trigger: ".o-mail-Message:contains('Outcome:'):contains('Transfer to sale'):contains('Needs 12 chairs')",
        },
    ],
});

/** @odoo-module **/
// CRM activities as a salesperson (tests/test_crm_activity_tour.py): the
// Activities list loads with an activity on another salesperson's lead and
// fits 1440 px; its document opens; the chatter's Schedule Activity dialog
// plans priority and contact persons, which the chatter shows; Mark Done
// offers one way to plan the next contact, and the done message tells the
// activity's details.

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("lead_management_crm_activity_salesman", {
    steps: () => [
        {
            content: "The list shows the activity on another salesperson's lead",
            trigger: ".o_list_renderer .o_data_row:contains('Foreign tour lead')",
        },
        {
            content: "The list fits the screen: no horizontal scroll",
            trigger: ".o_list_renderer:has(.o_data_row)",
            run() {
                const el = this.anchor;
                if (el.scrollWidth > el.clientWidth + 1) {
                    throw new Error(
                        `Activities list cut: ${el.scrollWidth}px in ${el.clientWidth}px`
                    );
                }
            },
        },
        {
            content: "Open the document of the own lead's activity",
            trigger:
                ".o_data_row:contains('Own tour lead') button.o_lead_management_open_document",
            run: "click",
        },
        {
            content: "The lead opens; plan an activity in its chatter",
            trigger: ".o_form_view .o-mail-Chatter button.o-mail-Chatter-activity",
            run: "click",
        },
        {
            trigger: ".modal .o_field_widget[name='summary'] input",
            run: "edit Tour planned call",
        },
        {
            content: "High priority",
            trigger: ".modal .o_field_widget[name='priority'] .o_priority_star:last",
            run: "click",
        },
        {
            content: "A contact person of the customer",
            trigger: ".modal .o_field_widget[name='contact_ids'] input",
            run: "edit Tina",
        },
        {
            trigger: ".modal .o-autocomplete--dropdown-item:contains('Tina Tour')",
            run: "click",
        },
        {
            trigger: ".modal button[name='action_schedule_activities']",
            run: "click",
        },
        {
            content: "The chatter shows the priority and the contact",
            trigger:
                "body:not(:has(.modal)) .o-mail-Activity:contains('Tour planned call') .o_lead_management_activity_summary:contains('High priority'):contains('Tina Tour')",
        },
        {
            trigger: ".o-mail-Activity:contains('Tour planned call') .o-mail-Activity-markDone",
            run: "click",
        },
        {
            content: "One way to plan the next contact: ours, not Odoo's",
            trigger:
                ".o-mail-ActivityMarkAsDone:not(:has(button[aria-label='Done and Schedule Next'])) .o_lead_management_done_follow_up",
        },
        {
            trigger: ".o-mail-ActivityMarkAsDone button[aria-label='Done']",
            run: "click",
        },
        {
            content: "The done message tells the contact",
            trigger: ".o-mail-Message:contains('Tour planned call'):contains('Tina Tour')",
        },
    ],
});

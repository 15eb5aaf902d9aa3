/** @odoo-module **/
// CRM activities in the browser (tests/test_crm_activity_tour.py): the
// activity's timer started and paused in the chatter, then Mark Done with a
// follow-up in three days.

import { registry } from "@web/core/registry";

registry.category("web_tour.tours").add("lead_management_crm_activity", {
    steps: () => [
        {
            content: "Start the call's timer",
            trigger: ".o-mail-Activity:contains('Tour call') .o_lead_management_timer_start",
            run: "click",
        },
        {
            content: "The timer runs: pause it",
            trigger: ".o-mail-Activity:contains('Tour call') .o_lead_management_timer_pause:contains('timer running')",
            run: "click",
        },
        {
            content: "Paused: Start is back",
            trigger: ".o-mail-Activity:contains('Tour call') .o_lead_management_timer_start",
        },
        {
            content: "Mark it done",
            trigger: ".o-mail-Activity:contains('Tour call') .o-mail-Activity-markDone",
            run: "click",
        },
        {
            trigger: ".o-mail-ActivityMarkAsDone textarea",
            run: "edit Left a voicemail",
        },
        {
            content: "Done & Follow-up",
            trigger: ".o-mail-ActivityMarkAsDone .o_lead_management_done_follow_up",
            run: "click",
        },
        {
            content: "The dialog is titled after what it does, not 'Odoo'",
            trigger: ".modal .modal-title:contains('Done & Follow-up')",
        },
        {
            content: "Next contact in 3 days",
            trigger: ".modal .o_field_widget[name='follow_up_count'] input",
            run: "edit 3",
        },
        {
            trigger: ".modal button[name='action_done']",
            run: "click",
        },
        {
            content: "The follow-up is planned",
            trigger: "body:not(:has(.modal)) .o-mail-Activity:contains('Tour call')",
        },
    ],
});

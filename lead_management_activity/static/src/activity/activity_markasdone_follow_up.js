/** @odoo-module **/
// CRM activities (SPEC 9): the stock Mark Done popover of an activity on a
// lead or a partner gets "Done & Follow-up", which opens the Mark Done
// dialog (mail.activity.done.wizard) with the next contact in N hours,
// days or weeks, or on a date.
import { ActivityMarkAsDone } from "@mail/core/web/activity_markasdone_popover";
import { _t } from "@web/core/l10n/translation";
import { patch } from "@web/core/utils/patch";

const CRM_MODELS = ["crm.lead", "res.partner"];

patch(ActivityMarkAsDone.prototype, {
    get hasFollowUp() {
        return CRM_MODELS.includes(this.props.activity.res_model);
    },

    async onClickDoneAndFollowUp() {
        const activity = this.props.activity;
        const thread = this.env.services["mail.store"].Thread.insert({
            model: activity.res_model,
            id: activity.res_id,
        });
        this.props.close?.();
        await this.env.services.action.doAction(
            {
                type: "ir.actions.act_window",
                // the dialog's title (an action without a name is titled "Odoo")
                name: _t("Done & Follow-up"),
                res_model: "mail.activity.done.wizard",
                views: [[false, "form"]],
                target: "new",
                context: {
                    active_model: "mail.activity",
                    active_id: activity.id,
                    default_follow_up: true,
                    default_feedback: activity.feedback || false,
                },
            },
            {
                onClose: async () => {
                    this.props.onActivityChanged(thread);
                    await thread.fetchNewMessages();
                },
            }
        );
    },
});

/** @odoo-module **/
// CRM activities (SPEC 9): Start / Pause of the activity's timer in the
// chatter, for activities on leads and partners; a running timer shows.
import { Activity } from "@mail/core/web/activity";
import { patch } from "@web/core/utils/patch";

const CRM_MODELS = ["crm.lead", "res.partner"];

patch(Activity.prototype, {
    get hasTimer() {
        return CRM_MODELS.includes(this.props.activity.res_model);
    },

    async onClickTimer(method) {
        const thread = this.thread;
        await this.env.services.orm.call("mail.activity", method, [
            [this.props.activity.id],
        ]);
        this.props.onActivityChanged(thread);
    },
});

/** @odoo-module **/
// CRM activities (SPEC 9): Start / Pause of the activity's timer in the
// chatter, for activities on leads and partners; a running timer shows.
// Their priority, category, contacts and time spent show too.
import { Activity } from "@mail/core/web/activity";
import { _t } from "@web/core/l10n/translation";
import { formatFloatTime } from "@web/views/fields/formatters";
import { patch } from "@web/core/utils/patch";

const CRM_MODELS = ["crm.lead", "res.partner"];

patch(Activity.prototype, {
    get hasTimer() {
        return CRM_MODELS.includes(this.props.activity.res_model);
    },

    get crmPriority() {
        return (
            { 0: _t("Low"), 1: _t("Normal"), 2: _t("High") }[this.props.activity.priority] ||
            ""
        );
    },

    get crmTimeSpent() {
        return formatFloatTime(this.props.activity.time_spent || 0);
    },

    /** Priority when high, category, contacts and time spent, on one line. */
    get crmSummary() {
        const activity = this.props.activity;
        const parts = [];
        if (activity.priority === "2") {
            parts.push(_t("High priority"));
        }
        if (activity.crm_category_name) {
            parts.push(activity.crm_category_name);
        }
        if (activity.crm_contact_names) {
            parts.push(_t("With %s", activity.crm_contact_names));
        }
        if (activity.time_spent) {
            parts.push(_t("%s spent", this.crmTimeSpent));
        }
        return parts.join(" · ");
    },

    async onClickTimer(method) {
        const thread = this.thread;
        await this.env.services.orm.call("mail.activity", method, [
            [this.props.activity.id],
        ]);
        this.props.onActivityChanged(thread);
    },
});

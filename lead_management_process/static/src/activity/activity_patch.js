/** @odoo-module **/
// Activities whose type has outcomes (lead process, SPEC 8) are marked done
// in the Mark Done dialog (mail.activity.done.wizard), which asks for the
// outcome; every other activity keeps Odoo's own Mark Done popover.
import { Activity } from "@mail/core/web/activity";
import { ActivityListPopoverItem } from "@mail/core/web/activity_list_popover_item";
import { patch } from "@web/core/utils/patch";

function openDoneDialog(component, onDone) {
    const activity = component.props.activity;
    // the core add-on's action: the dialog is titled with its name
    return component.env.services.action.doAction(
        "lead_management.mail_activity_done_wizard_action",
        {
            additionalContext: { active_model: "mail.activity", active_id: activity.id },
            onClose: onDone,
        }
    );
}

patch(Activity.prototype, {
    async onClickMarkAsDone(ev) {
        if (!this.props.activity.has_outcomes) {
            return super.onClickMarkAsDone(ev);
        }
        const thread = this.thread;
        return openDoneDialog(this, async () => {
            this.props.onActivityChanged(thread);
            await this.props.reloadParentView?.();
        });
    },
});

patch(ActivityListPopoverItem.prototype, {
    onClickMarkAsDone() {
        if (!this.props.activity.has_outcomes) {
            return super.onClickMarkAsDone();
        }
        return openDoneDialog(this, () => this.props.onActivityChanged?.());
    },
});

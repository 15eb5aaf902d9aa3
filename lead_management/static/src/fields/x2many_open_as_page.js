/** @odoo-module */
// A read-only x2many whose rows open as a page of their own (with a
// breadcrumb back), as the smart buttons do, not in a dialog: the
// opportunity's Offers and Orders tabs show whole sales documents.
import { registry } from "@web/core/registry";
import { X2ManyField, x2ManyField } from "@web/views/fields/x2many/x2many_field";

export class X2ManyOpenAsPageField extends X2ManyField {
    async openRecord(record) {
        // the opportunity is saved first, as before leaving it by a button
        if (!(await this.props.record.save())) {
            return;
        }
        return this.action.doAction({
            type: "ir.actions.act_window",
            res_model: record.resModel,
            res_id: record.resId,
            views: [[false, "form"]],
            target: "current",
        });
    }
}

registry.category("fields").add("lm_x2many_open_as_page", {
    ...x2ManyField,
    component: X2ManyOpenAsPageField,
});

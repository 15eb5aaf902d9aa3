/** @odoo-module **/
// Browser tours of lead_management, run by tests/test_tours.py, which creates
// the records they look for.

import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_service/tour_utils";

const tours = registry.category("web_tour.tours");

const openPipeline = [
    stepUtils.showAppsMenuItem(),
    {
        content: "Open CRM: the pipeline",
        trigger: ".o_app[data-menu-xmlid='crm.crm_menu_root']",
        run: "click",
    },
];

tours.add("lead_management_pipeline", {
    url: "/odoo",
    steps: () => [
        ...openPipeline,
        {
            content: "The side panel filters by lead type and by sales team",
            trigger: ".o_search_panel_section:contains('Lead Type') ~ .o_search_panel_section:contains('Sales Team')",
        },
        {
            content: "The card is in its type's colour (Tour upsell: 7)",
            trigger: ".o_kanban_record.o_kanban_color_7:contains('Tour Customer')",
        },
        {
            content: "Compact card: the title, no type",
            trigger: ".o_kanban_record:contains('Tour Customer'):contains('Tour opportunity title'):not(:contains('Tour upsell'))",
        },
        {
            content: "Compact card: stock's tags and properties, as on stock's card",
            trigger: ".o_kanban_record:contains('Tour opportunity title') .o_field_many2many_tags:contains('Tour stock tag')",
        },
        {
            trigger: ".o_kanban_record:contains('Tour opportunity title') .o_field_properties:contains('Forty seats')",
        },
        {
            content: "A card without customer shows its lead number in its place",
            trigger: ".o_kanban_record.o_kanban_color_2 .o_lead_number_title:contains('LD/TOUR/00001')",
        },
        {
            content: "Column totals and progress bars are kept",
            trigger: ".o_kanban_group:has(.o_kanban_record:contains('Tour Customer')) .o_column_progress",
        },
        {
            content: "Filter on a lead type in the side panel",
            trigger: ".o_search_panel_filter_value:contains('Tour upsell') input",
            run: "click",
        },
        {
            content: "Only the leads of that type stay",
            trigger: ".o_kanban_renderer:not(:has(.o_lead_number_title:contains('LD/TOUR/00001'))) .o_kanban_record:contains('Tour Customer')",
        },
        {
            content: "Open the CRM settings",
            trigger: ".o_main_navbar button:contains('Configuration')",
            run: "click",
        },
        {
            trigger: ".o-dropdown--menu .dropdown-item:contains('Settings')",
            run: "click",
        },
        {
            content: "Switch to detailed lead cards",
            trigger: ".o_setting_box:contains('Detailed lead cards in the pipeline') input[type=checkbox]:not(:checked)",
            run: "click",
        },
        {
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Saved (the settings page reloads)",
            trigger: ".o_setting_box:contains('Detailed lead cards in the pipeline') input[type=checkbox]:checked",
        },
        ...openPipeline,
        {
            content: "Detailed card: title, type, open offers",
            trigger: ".o_kanban_record:contains('Tour Customer'):contains('Tour opportunity title'):contains('Tour upsell') .o_lead_open_offers:contains('1')",
        },
        {
            content: "Detailed card: expected closing",
            trigger: ".o_kanban_record:contains('Tour Customer') .o_lead_expected_closing",
        },
        {
            content: "Detailed card without customer: still the lead number as title",
            trigger: ".o_kanban_record .o_lead_number_title:contains('LD/TOUR/00001')",
        },
    ],
});

tours.add("lead_management_mass_update", {
    url: "/odoo/action-crm.crm_lead_action_pipeline?view_type=list",
    steps: () => [
        {
            content: "Select the first opportunity",
            trigger: ".o_data_row:contains('MU tour lead 1') .o_list_record_selector input",
            run: "click",
        },
        {
            content: "Select the second opportunity",
            trigger: ".o_data_row:contains('MU tour lead 2') .o_list_record_selector input",
            run: "click",
        },
        {
            content: "Update the selected opportunities",
            trigger: ".o_list_selection_container button:contains('Update')",
            run: "click",
        },
        {
            content: "Set the lead type",
            trigger: ".modal .o_field_widget[name=lead_type_id] input",
            run: "edit Tour upsell",
        },
        {
            trigger: "ul.ui-autocomplete a:contains('Tour upsell')",
            run: "click",
        },
        {
            content: "Add a tag",
            trigger: ".modal .o_field_widget[name=tag_add_ids] input",
            run: "edit Tour tag",
        },
        {
            trigger: "ul.ui-autocomplete a:contains('Tour tag')",
            run: "click",
        },
        {
            content: "Apply to the 2 selected opportunities",
            trigger: ".modal button[name=action_apply]:contains('2')",
            run: "click",
        },
        {
            trigger: ".o_notification:contains('2 opportunities updated')",
        },
        {
            content: "The list shows the new type",
            trigger: "body:not(:has(.modal)) .o_data_row:contains('MU tour lead 2'):contains('Tour upsell')",
        },
    ],
});

tours.add("lead_management_partner_sync", {
    steps: () => [
        {
            content: "Update the leads of this contact",
            trigger: ".o_form_view button[name=action_update_linked_leads]",
            run: "click",
        },
        {
            trigger: ".o_notification:contains('1 of 1 leads updated')",
        },
    ],
});

tours.add("lead_management_offer_conversion", {
    steps: () => [
        {
            content: "The opportunity, with its customer",
            trigger: ".o_last_breadcrumb_item:contains('Tour offer opportunity')",
        },
        {
            trigger: ".o_form_view .o_field_widget[name=partner_id] input:value('Tour Offer Customer')",
        },
        {
            content: "Create an offer from the opportunity",
            trigger: ".o_form_view button[name=action_sale_quotations_new]:contains('New Offer')",
            run: "click",
        },
        {
            content: "The new offer is for the opportunity's customer",
            trigger: ".o_form_view .o_field_widget[name=partner_id] input:value('Tour Offer Customer')",
        },
        {
            content: "Add a product line",
            trigger: ".o_field_widget[name=order_line] .o_field_x2many_list_row_add a:contains('Add a product')",
            run: "click",
        },
        {
            trigger: ".o_field_widget[name=order_line] .o_selected_row [name=product_template_id] input",
            run: "edit Tour Offer Product",
        },
        {
            trigger: "ul.ui-autocomplete a:contains('Tour Offer Product')",
            run: "click",
        },
        {
            content: "The line takes the product's price",
            trigger: ".o_field_widget[name=order_line] .o_data_row [name=price_subtotal]:contains('250.00')",
        },
        {
            content: "Save the offer",
            trigger: ".o_form_view .o_form_button_save",
            run: "click",
        },
        {
            content: "Saved: the offer has an offer number",
            trigger: ".o_form_view .o_form_saved .oe_title [name=name]:contains('TOUROF/')",
        },
        {
            content: "Convert the offer into an order",
            trigger: ".o_form_view .o_statusbar_buttons button[name=action_convert_to_order]:contains('Convert to Order')",
            run: "click",
        },
        {
            content: "The order opens, numbered as an order, confirmed",
            trigger: ".o_form_view:has(.o_statusbar_status .o_arrow_button_current:contains('Sales Order')) .oe_title [name=name]:contains('TOURSO/')",
        },
        {
            content: "The order shows the offer it came from in Offer No.",
            trigger: ".o_form_view .o_inner_group:has(label:contains('Offer No.')) .o_field_widget[name=offer_id]:contains('TOUROF/')",
        },
        {
            content: "Back to the opportunity",
            trigger: ".o_breadcrumb .breadcrumb-item a:contains('Tour offer opportunity')",
            run: "click",
        },
        {
            content: "Open the Offers tab",
            trigger: ".o_last_breadcrumb_item:contains('Tour offer opportunity')",
        },
        {
            trigger: ".o_form_view .o_notebook a[name=offers]",
            run: "click",
        },
        {
            content: "The offer is converted and shows its order number",
            trigger: ".o_field_widget[name=offer_ids] .o_data_row:contains('TOUROF/'):contains('Converted'):contains('TOURSO/')",
        },
        {
            content: "Open the Orders tab",
            trigger: ".o_form_view .o_notebook a[name=orders]",
            run: "click",
        },
        {
            content: "The order is there, with the number of its offer",
            trigger: ".o_field_widget[name=sale_order_ids] .o_data_row:contains('TOURSO/'):contains('Sales Order'):contains('TOUROF/')",
        },
        {
            content: "Back to the Offers tab",
            trigger: ".o_form_view .o_notebook a[name=offers]",
            run: "click",
        },
        {
            content: "Open the offer from the tab",
            trigger: ".o_field_widget[name=offer_ids] .o_data_row:contains('TOUROF/') td.o_data_cell",
            run: "click",
        },
        {
            content: "The offer opens as a page, not in a dialog, under the opportunity's breadcrumb",
            trigger: "body:not(:has(.modal)) .o_breadcrumb:has(.breadcrumb-item:contains('Tour offer opportunity')) .o_last_breadcrumb_item:contains('TOUROF/')",
        },
    ],
});

tours.add("lead_management_customer_history", {
    steps: () => [
        {
            content: "The smart buttons: History may be under More",
            trigger: ".o_form_view .o-form-buttonbox",
            run() {
                const button = "button[name='action_view_customer_history']";
                const more = document.querySelector(".o_form_view .o_button_more");
                if (more && !document.querySelector(`.o_form_view ${button}`)) {
                    more.click();
                }
            },
        },
        {
            content: "The customer's History smart button",
            trigger: "button[name='action_view_customer_history']",
            run: "click",
        },
        {
            content: "The history lists the contact's offer, newest first",
            trigger: ".o_list_view .o_data_row:first:contains('Tour history offer ref')",
        },
        {
            content: "The opportunity is there too",
            trigger: ".o_list_view .o_data_row:contains('Tour history opportunity')",
        },
        {
            content: "Open the opportunity from its row",
            trigger: ".o_list_view .o_data_row:contains('Tour history opportunity') td[name='title']",
            run: "click",
        },
        {
            content: "The opportunity's form opens",
            trigger: ".o_form_view .o_field_widget[name='name']:contains('Tour history opportunity'), .o_form_view .o_field_widget[name='name'] textarea",
        },
    ],
});

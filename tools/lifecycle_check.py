"""Install, upgrade and uninstall lead_management on a database with history.

Run by scripts/lifecycle.sh (itself run by scripts/test.sh):

    python tools/lifecycle_check.py CONFIG DATABASE STAGE

STAGE is one of:

- ``seed``: before installation, on a database with crm, sale_crm and
  sale_management (and their demo data): add a second company, leads,
  quotations and orders of our own and remember them;
- ``installed``: every company has its lead and offer sequences; every lead
  has a number, in creation order; the existing quotations are not offers
  and still confirm the stock way; new quotations are offers; a conversion
  works;
- ``upgraded``: after ``-u lead_management``, numbers and links are the same;
- ``uninstall``: uninstall the add-on, then check that its fields, models,
  crons, menus and sequences (of every company) are gone and that crm and
  sale still work.

The upgrade from the previous release (18.0.1.0.0, when every new quotation
was an offer) runs on a copy of the seeded database:

- ``previous``: with the previous release installed, make the documents of
  its time: offers with and without opportunity in every state, converted
  offers (separate and in place) and their orders, plain orders;
- ``migrated``: after ``-u lead_management`` with this release, nothing is
  lost, every number is unchanged, and the right quotations are offers.

The upgrade of today's databases to the family of add-ons (SPEC section
0) runs on a second copy: the last release of the single add-on
(18.0.1.1.0) is installed there, then

- ``single``: with that release, data of every capability: leads in every
  process stage with their history, a customised outcome, done activities
  with time, category and contacts, a meeting with costs, a campaign with
  its plan and a posted bill, a lead's company profile, a reminder sent;
- ``family``: after ``-u lead_management`` with this tree, the optional
  add-ons are installed, every value read before reads the same, the
  moved records carry their new add-on's xml ids, the reminder is not sent
  again;
- ``family_again``: a second ``-u lead_management`` changes nothing;
- ``family``: also, the add-ons of other apps (project, helpdesk) and their
  apps are not installed by the upgrade;
- ``family_uninstall``: uninstalling the optional add-ons one by one (those
  of Project and Helpdesk too, installed just before) leaves the others and
  the core working.

Every check that fails raises: the script exits non-zero with the reason.
"""

import csv
import json
import sys
from datetime import timedelta
from pathlib import Path

import odoo
from odoo import SUPERUSER_ID, Command, api

STATE_FILE = "lifecycle_state.json"
# the codes of the sequences the add-on gives every company
SEQUENCE_CODES = ["crm.lead.number", "sale.offer"]
# the add-ons of the family that the upgrade of a single add-on installs
FAMILY = (
    "lead_management_process",
    "lead_management_activity",
    "lead_management_campaign",
    "lead_management_reminder",
)
# the add-ons of other apps (Project, Helpdesk): the upgrade of a database
# that has neither app must not install them, nor their apps; lifecycle.sh
# installs them after the upgrade checks, so that their uninstall is checked
OTHER_APPS = {
    "lead_management_project": ("project", "sale_project"),
    "lead_management_helpdesk": ("helpdesk_mgmt",),
}
# what "nothing lost" compares, before and after the upgrade to the family:
# the fields of each capability, read on the records ``single`` made
CAPABILITY_FIELDS = {
    "crm.lead": [
        "lead_number",
        "process_stage",
        "need_maturity_id",
        "process_history_ids",
        "meeting_expected_cost",
        "meeting_actual_cost",
        "competitor_ids",
        "turnover",
        "employee_count",
        "industry_id",
        "campaign_id",
    ],
    "crm.lead.process.history": ["lead_id", "process_stage", "date_start"],
    "mail.activity.outcome": ["name", "activity_type_id", "process_stage"],
    "mail.activity": [
        "active",
        "summary",
        "priority",
        "category_id",
        "contact_ids",
        "time_spent",
    ],
    "calendar.event": [
        "opportunity_id",
        "priority",
        "category_id",
        "expected_cost",
        "actual_cost",
    ],
    "utm.campaign": [
        "date_start",
        "date_end",
        "objective",
        "target_segment",
        "estimated_cost",
        "estimated_revenue",
        "actual_cost",
    ],
}
MOVED_XMLIDS = (
    Path(__file__).parent.parent
    / "lead_management/migrations/18.0.2.0.0/moved_xmlids.csv"
)


def _env(cr):
    return api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})


def _check(condition, message):
    if not condition:
        raise SystemExit(f"lifecycle check failed: {message}")


def _sequences(env):
    """{code: companies that have a sequence of it}"""
    return {
        code: env["ir.sequence"]
        .with_context(active_test=False)
        .search([("code", "=", code)])
        .company_id
        for code in SEQUENCE_CODES
    }


def seed(env, state):
    # a second company: install must give it its sequences, uninstall
    # must remove them
    env["res.company"].create({"name": "Lifecycle Second Company"})
    partner = env["res.partner"].create({"name": "Lifecycle Customer"})
    product = env["product.product"].create({"name": "Lifecycle product"})
    leads = env["crm.lead"].create(
        [{"name": f"Old lead {i}", "type": "opportunity"} for i in range(5)]
    )
    leads[-1].action_archive()
    quotation, order = env["sale.order"].create(
        [
            {
                "partner_id": partner.id,
                "opportunity_id": leads[0].id,
                "order_line": [Command.create({"product_id": product.id})],
            }
            for _i in range(2)
        ]
    )
    order.action_confirm()
    state.update(
        lead_ids=leads.ids,
        quotation={"id": quotation.id, "name": quotation.name},
        order={"id": order.id, "name": order.name},
        partner_id=partner.id,
        product_id=product.id,
    )


def installed(env, state):
    companies = env["res.company"].search([])
    _check(len(companies) > 1, "the database has several companies")
    for code, with_sequence in _sequences(env).items():
        _check(with_sequence == companies, f"every company has its {code} sequence")
    leads = env["crm.lead"].with_context(active_test=False)
    all_leads = leads.search([])
    _check(all(all_leads.mapped("lead_number")), "every lead has a number")
    ours = leads.browse(state["lead_ids"])
    numbers = ours.mapped("lead_number")
    _check(numbers == sorted(numbers), "numbers follow creation order")
    quotation = env["sale.order"].browse(state["quotation"]["id"])
    order = env["sale.order"].browse(state["order"]["id"])
    _check(not quotation.is_offer and not order.is_offer, "old documents: no offers")
    _check(quotation.name == state["quotation"]["name"], "quotation keeps its name")
    _check(order.state == "sale", "order untouched")
    quotation.action_confirm()  # the stock way
    _check(quotation.state == "sale", "old quotation confirms in place")
    _check(not quotation.converted_order_id, "old quotation not converted")
    offer = env["sale.order"].create(
        {
            "partner_id": state["partner_id"],
            "opportunity_id": ours[0].id,
            "order_line": [Command.create({"product_id": state["product_id"]})],
        }
    )
    _check(offer.is_offer and offer.offer_number == offer.name, "new quotes: offers")
    new_order = offer._convert_to_orders()
    _check(new_order.offer_id == offer, "conversion links the order to the offer")
    lead_type = env["crm.lead.type"].create({"name": "Lifecycle type", "color": 5})
    ours[1].lead_type_id = lead_type
    state.update(
        numbers=dict(zip(map(str, ours.ids), numbers, strict=True)),
        offer_id=offer.id,
        new_order_id=new_order.id,
    )


def upgraded(env, state):
    ours = env["crm.lead"].with_context(active_test=False).browse(state["lead_ids"])
    _check(
        {str(lead.id): lead.lead_number for lead in ours} == state["numbers"],
        "lead numbers survive the upgrade",
    )
    offer = env["sale.order"].browse(state["offer_id"])
    _check(
        offer.converted_order_id.id == state["new_order_id"], "links survive upgrade"
    )
    _check(ours[1].lead_type_id.name == "Lifecycle type", "lead types survive")


def uninstall(env, state):
    module = env["ir.module.module"].search([("name", "=", "lead_management")])
    module.button_immediate_uninstall()


def uninstalled(env, state):
    cr = env.cr
    cr.execute(
        "SELECT 1 FROM information_schema.columns "
        "WHERE table_name = 'crm_lead' AND column_name = 'lead_number'"
    )
    _check(not cr.fetchall(), "crm_lead.lead_number is dropped")
    _check("crm.lead.type" not in env, "the lead type model is gone")
    _check(
        not env["ir.model.data"].search([("module", "=", "lead_management")]),
        "no record of the add-on is left (menus, crons, views, sequences...)",
    )
    # sequences by their code, xml id or not: the install created one per
    # company
    for code, with_sequence in _sequences(env).items():
        _check(not with_sequence, f"no {code} sequence is left")
    offer = env["sale.order"].browse(state["offer_id"])
    _check(offer.state == "cancel", "a converted offer becomes cancelled")
    lead = env["crm.lead"].create({"name": "After uninstall", "type": "opportunity"})
    quotation = env["sale.order"].create(
        {
            "partner_id": state["partner_id"],
            "opportunity_id": lead.id,
            "order_line": [Command.create({"product_id": state["product_id"]})],
        }
    )
    quotation.action_confirm()
    _check(quotation.state == "sale", "crm and sale work without the add-on")


def previous(env, state):
    """Documents made under 18.0.1.0.0, where every new quotation was an offer."""
    orders = env["sale.order"]
    lead = env["crm.lead"].browse(state["lead_ids"][0])
    line = [(0, 0, {"product_id": state["product_id"]})]
    partner = state["partner_id"]

    def make(key, **values):
        document = orders.create({"partner_id": partner, "order_line": line, **values})
        documents[key] = document
        return document

    documents = {}
    make("lead_draft", opportunity_id=lead.id)
    make("lead_separate", opportunity_id=lead.id)._convert_to_orders()
    make("lone_draft")
    make("lone_sent").action_quotation_sent()
    make("lone_cancel").action_cancel()
    make("lone_separate")._convert_to_orders()
    lone_in_place = make("lone_in_place")
    env.company.offer_conversion_mode = "in_place"
    lone_in_place._convert_to_orders()
    env.company.offer_conversion_mode = "separate"
    _check(
        all(document.is_offer for document in documents.values()),
        "under 18.0.1.0.0 every new quotation is an offer",
    )
    documents["lead_order"] = documents["lead_separate"].converted_order_id
    documents["lone_order"] = documents["lone_separate"].converted_order_id
    state["previous"] = {
        key: {
            "id": document.id,
            "name": document.name,
            "state": document.state,
            "offer_number": document.offer_number or False,
            "is_offer": document.is_offer,
        }
        for key, document in documents.items()
    }


def migrated(env, state):
    """After the upgrade: numbers kept, only the old default's offers undone."""
    before = state["previous"]
    orders = env["sale.order"]
    for key, old in before.items():
        document = orders.browse(old["id"]).exists()
        _check(document, f"{key}: still there")
        _check(document.name == old["name"], f"{key}: number {old['name']} kept")
        if old["state"] == "converted":
            # 18.0.2.0.0: cancelled for stock code, converted in offer_state
            _check(
                (document.state, document.offer_state) == ("cancel", "converted"),
                f"{key}: a converted offer is cancel / converted",
            )
        else:
            _check(document.state == old["state"], f"{key}: state kept")
    standard = {"lone_draft", "lone_cancel"}
    for key, old in before.items():
        document = orders.browse(old["id"])
        if key in standard:
            _check(
                not document.is_offer and not document.offer_number,
                f"{key}: a quotation without lead, never sent, is standard again",
            )
        else:
            _check(document.is_offer == old["is_offer"], f"{key}: is_offer kept")
            _check(
                (document.offer_number or False) == old["offer_number"],
                f"{key}: offer number kept",
            )
    lead_order = orders.browse(before["lead_order"]["id"])
    _check(
        lead_order.offer_id.id == before["lead_separate"]["id"],
        "the order still links to its offer",
    )
    sent = orders.browse(before["lone_sent"]["id"])
    sent_name = sent.name
    sent.action_confirm()
    _check(
        sent.state == "sale"
        and sent.offer_number == sent_name
        and sent.converted_order_id == sent,
        "a sent offer of the old version is confirmed in place",
    )
    quotation = orders.create(
        {
            "partner_id": state["partner_id"],
            "order_line": [(0, 0, {"product_id": state["product_id"]})],
        }
    )
    _check(not quotation.is_offer, "a new quotation without lead is standard")
    rule = env.ref("lead_management.crm_lead_traceability_report_rule_company")
    _check(
        "offer_company_id" in rule.domain_force,
        "the traceability multi-company rule is reloaded on plain columns",
    )
    rule_data = env["ir.model.data"].search(
        [("module", "=", "lead_management"), ("model", "=", "ir.rule")]
    )
    _check(
        rule_data and all(rule_data.mapped("noupdate")),
        "the add-on's record rules are noupdate again",
    )


def single(env, state):
    """Data of every capability, made under the single add-on (18.0.1.1.0)."""
    partner = env["res.partner"].browse(state["partner_id"])
    # an active user: the superuser is not reminded
    admin = env.ref("base.user_admin")
    contact = env["res.partner"].create(
        {"name": "Lifecycle Contact", "parent_id": partner.id}
    )
    leads = env["crm.lead"]
    stages = [key for key, _label in leads._fields["process_stage"].selection]
    leads = leads.create(
        [
            {"name": f"Process {stage}", "type": "lead", "partner_id": partner.id}
            for stage in stages
        ]
    )
    for lead, stage in zip(leads, stages, strict=True):
        lead.process_stage = stage  # each change leaves a history row
    lead = leads[0]
    # a record of the process's data (noupdate) that the company changed
    outcome = env["mail.activity.outcome"].search([], limit=1)
    outcome.name = "Lifecycle outcome, renamed"
    # CRM activities: a done call with time, category and contacts
    category = env["crm.activity.category"].create({"name": "Lifecycle category"})
    call = lead.activity_schedule(
        "mail.mail_activity_data_call",
        summary="Lifecycle call",
        user_id=admin.id,
        priority="2",
        category_id=category.id,
        contact_ids=[Command.set(contact.ids)],
        time_spent=1.5,
    )
    call.action_feedback("Lifecycle call done")
    _check(not call.active and call.exists(), "the done call is kept")
    # a meeting of the opportunity, with its costs
    now = env.cr.now().replace(microsecond=0)
    meeting = env["calendar.event"].create(
        {
            "name": "Lifecycle meeting",
            "opportunity_id": lead.id,
            "start": now,
            "stop": now + timedelta(hours=1),
            "category_id": category.id,
            "expected_cost": 120.0,
            "actual_cost": 95.0,
        }
    )
    # a campaign with its plan, a posted bill and a lead with a profile
    campaign = env["utm.campaign"].create(
        {
            "title": "Lifecycle campaign",
            "date_start": now.date(),
            "date_end": now.date() + timedelta(days=30),
            "objective": "Leads from the trade fair",
            "target_segment": "Manufacturers",
            "estimated_cost": 1000.0,
            "estimated_revenue": 5000.0,
        }
    )
    bill = env["account.move"].create(
        {
            "move_type": "in_invoice",
            "partner_id": partner.id,
            "invoice_date": now.date(),
            "campaign_id": campaign.id,
            "invoice_line_ids": [
                Command.create({"name": "Stand", "quantity": 1, "price_unit": 300})
            ],
        }
    )
    bill.action_post()
    competitor = env["res.partner"].create({"name": "Lifecycle Competitor"})
    lead.write(
        {
            "campaign_id": campaign.id,
            "turnover": 2500000.0,
            "employee_count": 40,
            "competitor_ids": [Command.set(competitor.ids)],
        }
    )
    # a deadline reminder, sent
    reminded_type = env["mail.activity.type"].create(
        {"name": "Lifecycle reminded", "reminder_days": 3}
    )
    reminded = lead.activity_schedule(
        activity_type_id=reminded_type.id,
        summary="Lifecycle reminded",
        date_deadline=now.date() + timedelta(days=1),
        user_id=admin.id,
    )
    env["mail.activity"]._cron_send_deadline_reminders()
    _check(reminded.reminder_sent, "the reminder is sent under 18.0.1.1.0")
    env.flush_all()
    records = {
        "crm.lead": leads.ids,
        "crm.lead.process.history": leads.process_history_ids.ids,
        "mail.activity.outcome": outcome.ids,
        "mail.activity": call.ids,
        "calendar.event": meeting.ids,
        "utm.campaign": campaign.ids,
    }
    state["single"] = {
        "records": records,
        "values": _capability_values(env, records),
        "reminded_id": reminded.id,
        "reminded_type_id": reminded_type.id,
    }


def _capability_values(env, records):
    """{model: [values]} of CAPABILITY_FIELDS, as JSON would keep them."""
    values = {}
    for model, ids in records.items():
        rows = (
            env[model]
            .with_context(active_test=False)
            .browse(ids)
            .read(CAPABILITY_FIELDS[model])
        )
        values[model] = json.loads(json.dumps(rows, default=str))
    return values


def _reminder_messages(env, activity):
    """How many messages name ``activity``'s summary: its reminders."""
    return env["mail.message"].search_count([("body", "ilike", activity.summary)])


def family(env, state):
    """After ``-u lead_management``: the family installed, nothing lost."""
    modules = env["ir.module.module"].search([("name", "in", FAMILY)])
    _check(
        sorted(modules.filtered(lambda m: m.state == "installed").mapped("name"))
        == sorted(FAMILY),
        f"the upgrade installs the family: {[(m.name, m.state) for m in modules]}",
    )
    single = state["single"]
    after = _capability_values(env, single["records"])
    for model, rows in single["values"].items():
        for old, new in zip(rows, after[model], strict=True):
            for name, value in old.items():
                _check(
                    new[name] == value,
                    f"{model} {old['id']} {name}: {value!r}, now {new[name]!r}",
                )
    with MOVED_XMLIDS.open() as moved:
        names = {(module, name) for module, name in csv.reader(moved)}
    data = env["ir.model.data"].search_read(
        [("module", "in", FAMILY)], ["module", "name"]
    )
    missing = names - {(row["module"], row["name"]) for row in data}
    _check(
        not missing, f"the moved xml ids are in their add-ons: {sorted(missing)[:5]}"
    )
    left = env["ir.model.data"].search_count(
        [("module", "=", "lead_management"), ("name", "in", [n for _m, n in names])]
    )
    _check(not left, f"{left} moved xml ids are still the core add-on's")
    untouched = env["ir.module.module"].search(
        [
            (
                "name",
                "in",
                [*OTHER_APPS, *(app for a in OTHER_APPS.values() for app in a)],
            ),
            ("state", "!=", "uninstalled"),
        ]
    )
    _check(
        not untouched,
        f"the upgrade installs no other app: {untouched.mapped('name')}",
    )
    # the reminders, on OCA's mail_activity_reminder now: the type's days
    # became its offsets, the activity reminded once stays reminded
    reminded_type = env["mail.activity.type"].browse(single["reminded_type_id"])
    _check(reminded_type.reminders == "3", f"offsets {reminded_type.reminders!r}")
    reminded = env["mail.activity"].browse(single["reminded_id"])
    _check(reminded.last_reminder_local, "the sent reminder is remembered")
    sent = _reminder_messages(env, reminded)
    env["mail.activity"]._process_reminders()
    _check(
        _reminder_messages(env, reminded) == sent,
        "a reminder sent before the upgrade is not sent again",
    )


def family_again(env, state):
    """A second upgrade changes nothing."""
    family(env, state)


# a field each optional add-on adds: present while it is installed
FAMILY_FIELDS = {
    "lead_management_process": ("crm.lead", "process_stage"),
    "lead_management_activity": ("mail.activity", "time_spent"),
    "lead_management_campaign": ("utm.campaign", "estimated_cost"),
    "lead_management_reminder": ("res.users", "activity_reminder_opt_out"),
    "lead_management_project": ("project.project", "opportunity_id"),
    "lead_management_helpdesk": ("helpdesk.ticket", "opportunity_id"),
}


def family_uninstall(env, state):
    """Uninstalling each optional add-on, one after the other, leaves the
    others (and the core) working; the add-ons of other apps included
    (installed by lifecycle.sh before this stage)."""
    addons = [*FAMILY, *OTHER_APPS]
    installed = env["ir.module.module"].search(
        [("name", "in", addons), ("state", "=", "installed")]
    )
    _check(len(installed) == len(addons), f"installed: {installed.mapped('name')}")
    left = list(addons)
    for addon in addons:
        env["ir.module.module"].search(
            [("name", "=", addon)]
        ).button_immediate_uninstall()
        env = api.Environment(env.cr, SUPERUSER_ID, {"tracking_disable": True})
        left.remove(addon)
        model, field = FAMILY_FIELDS[addon]
        _check(field not in env[model]._fields, f"{addon}: {field} is gone")
        for other in left:
            model, field = FAMILY_FIELDS[other]
            _check(field in env[model]._fields, f"{other} works without {addon}")
        lead = env["crm.lead"].create(
            {"name": f"Without {addon}", "type": "opportunity"}
        )
        offer = env["sale.order"].create(
            {
                "partner_id": state["partner_id"],
                "opportunity_id": lead.id,
                "order_line": [Command.create({"product_id": state["product_id"]})],
            }
        )
        _check(
            lead.lead_number and offer.is_offer and offer._convert_to_orders(),
            f"the core works without {addon}",
        )


STAGES = {
    "seed": seed,
    "installed": installed,
    "upgraded": upgraded,
    "uninstall": uninstall,
    "uninstalled": uninstalled,
    "previous": previous,
    "migrated": migrated,
    "single": single,
    "family": family,
    "family_again": family_again,
    "family_uninstall": family_uninstall,
}


def main(config, database, stage):
    odoo.tools.config.parse_config(["-c", config, "-d", database, "--log-level=warn"])
    state_path = Path(odoo.tools.config["data_dir"]) / f"{database}-{STATE_FILE}"
    state = json.loads(state_path.read_text()) if state_path.exists() else {}
    registry = odoo.modules.registry.Registry(database)
    with registry.cursor() as cr:
        STAGES[stage](_env(cr), state)
    state_path.write_text(json.dumps(state))
    print(f"lifecycle: {stage} ok")


if __name__ == "__main__":
    main(*sys.argv[1:4])

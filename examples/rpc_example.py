"""What an integrator does with lead_management over XML-RPC.

Run it against the demo server started by ``scripts/run.sh``:

    python3 examples/rpc_example.py [URL] [DATABASE] [LOGIN] [PASSWORD]

(defaults: http://localhost:8069 lead_management_demo admin admin). Uses only
Python's standard library; each step prints what it did.
"""

import sys
import xmlrpc.client


def connect(url, db, login, password):
    uid = xmlrpc.client.ServerProxy(f"{url}/xmlrpc/2/common").authenticate(
        db, login, password, {}
    )
    if not uid:
        raise SystemExit(f"cannot log in to {db} as {login}")
    models = xmlrpc.client.ServerProxy(f"{url}/xmlrpc/2/object", allow_none=True)

    def call(model, method, *args, **kwargs):
        return models.execute_kw(db, uid, password, model, method, list(args), kwargs)

    return call


def main(
    url="http://localhost:8069",
    db="lead_management_demo",
    login="admin",
    password="admin",
):
    call = connect(url, db, login, password)

    # 1. a lead with a type; it gets its number at once
    type_id = call("crm.lead.type", "search", [("name", "=", "New business")])[0]
    partner_id = call("res.partner", "create", {"name": "RPC Example Ltd"})
    lead_id = call(
        "crm.lead",
        "create",
        {
            "name": "Website redesign (RPC)",
            "type": "opportunity",
            "partner_id": partner_id,
            "lead_type_id": type_id,
            "expected_revenue": 12000,
            "date_deadline": "2027-01-31",
        },
    )
    [lead] = call("crm.lead", "read", [lead_id], fields=["lead_number", "color"])
    print(f"lead {lead['lead_number']} created (Kanban colour {lead['color']})")

    # 2. an offer with lines, for that lead
    product_ids = call("product.product", "search", [("sale_ok", "=", True)], limit=1)
    product_id = (
        product_ids[0]
        if product_ids
        else call(
            "product.product", "create", {"name": "Consulting day", "list_price": 800}
        )
    )
    offer_id = call(
        "sale.order",
        "create",
        {
            "partner_id": partner_id,
            "opportunity_id": lead_id,
            "order_line": [(0, 0, {"product_id": product_id, "product_uom_qty": 3})],
        },
    )
    [offer] = call("sale.order", "read", [offer_id], fields=["name", "amount_total"])
    print(f"offer {offer['name']} created, total {offer['amount_total']}")

    # 3. convert it; read both numbers
    call("sale.order", "action_convert_to_order", [offer_id])
    [offer] = call(
        "sale.order",
        "read",
        [offer_id],
        fields=["offer_number", "order_number", "state"],
    )
    print(
        f"offer {offer['offer_number']} is {offer['state']}: "
        f"order {offer['order_number']}"
    )

    # 4. bad input gets a clear error, and nothing is written
    try:
        call("sale.order", "action_convert_to_order", [offer_id])
    except xmlrpc.client.Fault as fault:
        print(f"converting again is refused: {fault.faultString.splitlines()[-1]}")

    # 5. the lead's traceability rows (an ordinary model: search_read,
    #    read_group, export_data), and the same through the wizard
    rows = call(
        "crm.lead.traceability.report",
        "search_read",
        [("lead_id", "=", lead_id)],
        fields=["lead_number", "offer_number", "order_number", "days_to_order"],
    )
    for row in rows:
        print(
            f"traceability: {row['lead_number']} -> {row['offer_number']} -> "
            f"{row['order_number']} in {row['days_to_order']} days"
        )
    wizard_id = call(
        "crm.lead.traceability.wizard",
        "create",
        {"lead_ids": [(6, 0, [lead_id])], "offer_status": "converted"},
    )
    action = call("crm.lead.traceability.wizard", "action_show", [wizard_id])
    count = call("crm.lead.traceability.report", "search_count", action["domain"])
    print(f"traceability wizard: {count} converted row(s) for the lead")

    # 6. make the opportunity recur monthly, 3 times, and generate them
    call(
        "crm.lead",
        "write",
        [lead_id],
        {"recurrence_unit": "months", "recurrence_interval": 1, "recurrence_count": 3},
    )
    wizard_id = call(
        "crm.lead.recurrence.wizard", "create", {"lead_ids": [(6, 0, [lead_id])]}
    )
    call("crm.lead.recurrence.wizard", "action_generate", [wizard_id])
    occurrences = call(
        "crm.lead",
        "search_read",
        [("recurrence_origin_id", "=", lead_id)],
        fields=["lead_number", "date_deadline"],
        order="date_deadline",
    )
    print(
        "occurrences: "
        + ", ".join(f"{o['lead_number']} on {o['date_deadline']}" for o in occurrences)
    )

    # 7. preview the closing of stale opportunities (changes nothing)
    [user] = call(
        "res.users", "search_read", [("login", "=", login)], fields=["company_id"]
    )
    company_id = user["company_id"][0]
    wizard_id = call(
        "crm.lead.stale.wizard", "create", {"company_ids": [(6, 0, [company_id])]}
    )
    call("crm.lead.stale.wizard", "action_preview", [wizard_id])
    stale = call(
        "crm.lead.stale.wizard.line", "search_count", [("wizard_id", "=", wizard_id)]
    )
    print(f"stale opportunities that closing would mark as lost: {stale}")
    return {"lead_id": lead_id, "offer_id": offer_id, "occurrences": len(occurrences)}


if __name__ == "__main__":
    main(*sys.argv[1:])

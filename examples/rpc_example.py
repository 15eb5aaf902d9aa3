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
    return {"lead_id": lead_id, "offer_id": offer_id}


if __name__ == "__main__":
    main(*sys.argv[1:])

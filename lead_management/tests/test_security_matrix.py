# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.exceptions import AccessError
from odoo.tests import new_test_user, tagged

from .common import OfferCommon

ALLOWED, DENIED = True, False


@tagged("post_install", "-at_install")
class TestSecurityMatrix(OfferCommon):
    """Who may do what: each role against each object and action.

    Roles follow Odoo's sales groups: salesman (own documents), salesman (all
    documents), sales manager, a salesman of another company, a portal and a
    public user. Each allowed action must succeed, each denied one must raise
    AccessError and write nothing.
    """

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman_all = new_test_user(
            cls.env,
            login="lm_salesman_all",
            groups="sales_team.group_sale_salesman_all_leads",
            company_id=cls.company.id,
            company_ids=[(6, 0, cls.company.ids)],
        )
        cls.portal = new_test_user(
            cls.env, login="lm_portal", groups="base.group_portal"
        )
        cls.public = cls.env.ref("base.public_user")
        cls.roles = {
            "salesman_own": cls.salesman,
            "salesman_all": cls.salesman_all,
            "manager": cls.manager,
            "other_company": cls.user_b,
            "portal": cls.portal,
            "public": cls.public,
        }
        # the opportunity of OfferCommon belongs to the salesman
        cls.other_lead = cls.env["crm.lead"].create(
            {"name": "Someone else's", "type": "opportunity", "user_id": cls.manager.id}
        )

    def _offer(self, lead):
        return self._create_offer(opportunity=lead, user_id=lead.user_id.id)

    # each action takes the record set as the role's user and does one thing
    ACTIONS = {
        "type: read": lambda self, env: (
            env["crm.lead.type"].browse(self.type_new.id).read(["name", "color"])
        ),
        "type: create": lambda self, env: env["crm.lead.type"].create({"name": "X"}),
        "type: write": lambda self, env: (
            env["crm.lead.type"].browse(self.type_new.id).write({"color": 9})
        ),
        "type: delete": lambda self, env: (
            env["crm.lead.type"].browse(self.type_upsell.id).unlink()
        ),
        "own lead: read number": lambda self, env: (
            env["crm.lead"]
            .browse(self.opportunity.id)
            .read(["lead_number", "lead_type_id"])
        ),
        "own lead: change type": lambda self, env: (
            env["crm.lead"]
            .browse(self.opportunity.id)
            .write({"lead_type_id": self.type_upsell.id})
        ),
        "other's lead: read number": lambda self, env: (
            env["crm.lead"].browse(self.other_lead.id).read(["lead_number"])
        ),
        "create typed lead": lambda self, env: env["crm.lead"].create(
            {"name": "New", "lead_type_id": self.type_new.id}
        ),
        "own offer: read numbers": lambda self, env: (
            env["sale.order"]
            .browse(self._offer(self.opportunity).id)
            .read(["offer_number", "order_number"])
        ),
        "own offer: convert": lambda self, env: (
            env["sale.order"]
            .browse(self._offer(self.opportunity).id)
            .action_convert_to_order()
        ),
        "other's offer: convert": lambda self, env: (
            env["sale.order"]
            .browse(self._offer(self.other_lead).id)
            .action_convert_to_order()
        ),
    }

    # role -> actions allowed; every other action is denied
    MATRIX = {
        "salesman_own": {
            "type: read",
            "own lead: read number",
            "own lead: change type",
            "create typed lead",
            "own offer: read numbers",
            "own offer: convert",
        },
        "salesman_all": {
            "type: read",
            "own lead: read number",
            "own lead: change type",
            "other's lead: read number",
            "create typed lead",
            "own offer: read numbers",
            "own offer: convert",
            "other's offer: convert",
        },
        "manager": set(ACTIONS),
        # another company's salesman sees no lead, offer or company type here
        # (its salesman may still create leads, in his own company)
        "other_company": {"type: read", "create typed lead"},
        "portal": set(),
        "public": set(),
    }

    def test_matrix(self):
        """Every role x action pair behaves as the matrix says."""
        checked = 0
        for role, user in self.roles.items():
            for action, run in self.ACTIONS.items():
                allowed = action in self.MATRIX[role]
                with self.subTest(role=role, action=action), self.cr.savepoint() as sp:
                    env = self.env(user=user)
                    if allowed:
                        run(self, env)
                    else:
                        with self.assertRaises(AccessError):
                            run(self, env)
                    sp.rollback()
                checked += 1
        self.assertEqual(checked, len(self.roles) * len(self.ACTIONS))

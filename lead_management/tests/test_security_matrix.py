# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import Command
from odoo.exceptions import AccessError
from odoo.tests import tagged

from .common import OfferCommon, new_sales_user

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
        cls.salesman_all = new_sales_user(
            cls.env,
            "lm_salesman_all",
            "sales_team.group_sale_salesman_all_leads",
            companies=cls.company,
        )
        cls.portal = new_sales_user(cls.env, "lm_portal", "base.group_portal")
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
        cls.opportunity.date_deadline = "2030-01-31"
        cls.own_offer = cls._create_offer(user_id=cls.salesman.id)
        cls.env.flush_all()
        cls.own_rows = cls.env["crm.lead.traceability.report"].search(
            [("lead_id", "=", cls.opportunity.id)]
        )
        # a lead without offer: its row's id is the lead's, not an offer's
        cls.other_rows = cls.env["crm.lead.traceability.report"].search(
            [("lead_id", "=", cls.other_lead.id)]
        )

    def _render(self, env, report, docids, expected):
        """Render a report as the user; not seeing the data counts as denied."""
        html = env["ir.actions.report"]._render_qweb_html(report, docids)[0]
        if expected not in html.decode():
            # a test's own verdict, never shown to a user: nothing to translate
            raise AccessError("the report does not show the record")  # pylint: disable=translation-required

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
        "traceability: read own lead's rows": lambda self, env: (
            env["crm.lead.traceability.report"]
            .browse(self.own_rows.ids)
            .read(["lead_number", "offer_number", "order_number"])
        ),
        "traceability: read other's lead's rows": lambda self, env: (
            env["crm.lead.traceability.report"]
            .browse(self.other_rows.ids)
            .read(["lead_number", "offer_number"])
        ),
        "traceability wizard: show": lambda self, env: (
            env["crm.lead.traceability.wizard"]
            .create({"offer_status": "all"})
            .action_show()
        ),
        "traceability report: print own lead": lambda self, env: self._render(
            env,
            "lead_management.action_report_crm_lead_traceability_lead",
            self.opportunity.ids,
            self.opportunity.lead_number,
        ),
        "leads weekly: print": lambda self, env: self._render(
            env,
            "lead_management.action_report_crm_lead_weekly",
            env["crm.lead.period.report.wizard"].create({"report_kind": "weekly"}).ids,
            "Leads Weekly",
        ),
        "mass update: own lead": lambda self, env: (
            env["crm.lead.mass.update.wizard"]
            .create(
                {
                    "lead_ids": [Command.set(self.opportunity.ids)],
                    "lead_type_id": self.type_upsell.id,
                }
            )
            .action_apply()
        ),
        "recurrence: own opportunity": lambda self, env: (
            env["crm.lead.recurrence.wizard"]
            .create(
                {
                    "lead_ids": [Command.set(self.opportunity.ids)],
                    "rule_mode": "common",
                    "recurrence_unit": "months",
                    "recurrence_interval": 1,
                    "recurrence_count": 2,
                }
            )
            .action_generate()
        ),
        "stale closing: preview": lambda self, env: (
            env["crm.lead.stale.wizard"]
            .create({"company_ids": [Command.set(self.company.ids)]})
            .action_preview()
        ),
        "sync from partner: own lead": lambda self, env: (
            env["crm.lead"].browse(self.opportunity.id).action_sync_from_partner()
        ),
    }

    # what every salesman may do on his own documents and with the reports
    SALESMAN = {
        "type: read",
        "own lead: read number",
        "own lead: change type",
        "create typed lead",
        "own offer: read numbers",
        "own offer: convert",
        "traceability: read own lead's rows",
        "traceability wizard: show",
        "traceability report: print own lead",
        "leads weekly: print",
        "mass update: own lead",
        "recurrence: own opportunity",
        "sync from partner: own lead",
    }

    # role -> actions allowed; every other action is denied
    MATRIX = {
        "salesman_own": SALESMAN,
        "salesman_all": SALESMAN
        | {
            "other's lead: read number",
            "other's offer: convert",
            "traceability: read other's lead's rows",
        },
        # only managers close stale opportunities (of the companies they pick)
        "manager": set(ACTIONS),
        # another company's salesman sees no lead, offer or row of this one;
        # he may still create leads and run reports, on his own company
        "other_company": {
            "type: read",
            "create typed lead",
            "traceability wizard: show",
            "leads weekly: print",
        },
        "portal": set(),
        "public": set(),
    }

    def _matrix_mismatches(self):
        """Run every role x action pair, each undone after, and return the
        pairs that do not behave as the matrix says: [(role, action, what
        happened)]."""
        mismatches = []
        for role, user in self.roles.items():
            for action, run in self.ACTIONS.items():
                allowed = action in self.MATRIX[role]
                with self.cr.savepoint() as savepoint:
                    try:
                        run(self, self.env(user=user))
                    except AccessError as error:
                        if allowed:
                            mismatches.append((role, action, f"denied: {error}"))
                    else:
                        if not allowed:
                            mismatches.append((role, action, "allowed"))
                    savepoint.rollback()
                self.env.invalidate_all()
        return mismatches

    def test_matrix(self):
        """Every role x action pair behaves as the matrix says."""
        self.assertEqual(self._matrix_mismatches(), [])

    def test_matrix_catches_an_access_too_many(self):
        """The matrix fails when a role gets an access it should not have:
        portal users given read access to lead types, salesmen (own
        documents) the rule of salesmen (all documents) on leads."""
        self.env["ir.model.access"].create(
            {
                "name": "broken: portal reads lead types",
                "model_id": self.env["ir.model"]._get_id("crm.lead.type"),
                "group_id": self.env.ref("base.group_portal").id,
                "perm_read": True,
            }
        )
        self.env.ref("crm.crm_rule_personal_lead").domain_force = "[(1, '=', 1)]"
        mismatches = {
            (role, action) for role, action, _what in self._matrix_mismatches()
        }
        self.assertIn(("portal", "type: read"), mismatches)
        self.assertIn(("salesman_own", "other's lead: read number"), mismatches)

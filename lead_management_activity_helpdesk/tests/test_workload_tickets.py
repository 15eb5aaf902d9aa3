# Copyright 2026 Lead Management Developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import timedelta

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import tagged

from odoo.addons.lead_management.tests.common import new_sales_user
from odoo.addons.lead_management_activity.tests.common import MEASURES
from odoo.addons.lead_management_helpdesk.tests.common import HelpdeskCommon

# Helpdesk's narrowest group: the user's own tickets (and his teams'
# unassigned ones)
GROUPS = "sales_team.group_sale_salesman,helpdesk_mgmt.group_helpdesk_user_own"


@tagged("post_install", "-at_install")
class TestWorkloadTickets(HelpdeskCommon):
    """Tickets in the Workload: one row per ticket with a deadline, for its
    assignee; states from its stage and deadline; Helpdesk's access rules."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.ann = new_sales_user(cls.env, "lm_ticket_ann", GROUPS)
        cls.bob = new_sales_user(cls.env, "lm_ticket_bob", GROUPS)
        cls.today = fields.Date.context_today(cls.env["crm.activity.workload"])
        cls.late = cls._ticket("Ann, closed late", cls.ann, -3, done=True)
        cls.on_time = cls._ticket("Ann, closed on time", cls.ann, 3, done=True)
        cls.open = cls._ticket("Ann, open", cls.ann, 3)
        cls.overdue = cls._ticket("Bob, overdue", cls.bob, -3)
        cls.unassigned = cls._ticket("Nobody's", cls.env["res.users"], 1)
        cls.no_deadline = cls._ticket("Ann, no deadline", cls.ann, None)
        cls.archived = cls._ticket("Ann, archived", cls.ann, -3)
        cls.archived.active = False

    @classmethod
    def _ticket(cls, name, user, days, done=False):
        ticket = cls.env["helpdesk.ticket"].create(
            {
                "name": name,
                "description": f"<p>{name}</p>",
                "team_id": cls.team_presales.id,
                "user_id": user.id,
                "stage_id": cls.stage_new.id,
                "date_deadline": cls.today + timedelta(days=days)
                if days is not None
                else False,
            }
        )
        if done:
            ticket.stage_id = cls.stage_done
        return ticket

    def _rows(self, tickets, user=None):
        Workload = self.env["crm.activity.workload"]
        if user:
            Workload = Workload.with_user(user)
        return Workload.search(
            [("res_model", "=", "helpdesk.ticket"), ("res_id", "in", tickets.ids)]
        )

    def _per_user(self, user):
        groups = (
            self.env["crm.activity.workload"]
            .with_user(user)
            .read_group([("kind", "=", "ticket")], MEASURES, ["user_id"], lazy=False)
        )
        return {
            group["user_id"] and group["user_id"][0]: tuple(
                group[m.split(":")[0]] for m in MEASURES
            )
            for group in groups
        }

    def test_rows_and_states(self):
        row = self._rows(self.late)
        self.assertEqual(len(row), 1)
        self.assertEqual(row.kind, "ticket")
        self.assertEqual(row.name, "Ann, closed late")
        self.assertEqual(row.user_id, self.ann)
        self.assertEqual(row.assigner_id, self.env.user)
        self.assertEqual(row.date, self.today - timedelta(days=3))
        self.assertEqual(row.date_done, self.late.closed_date.date())
        self.assertEqual(row.company_id, self.late.company_id)
        self.assertEqual(
            {
                ticket: self._rows(ticket).state
                for ticket in (self.late, self.on_time, self.open, self.overdue)
            },
            {
                self.late: "done_late",
                self.on_time: "done_on_time",
                self.open: "planned",
                self.overdue: "overdue",
            },
        )
        # no deadline, or archived: not in the workload; unassigned: a row
        # without user
        self.assertFalse(self._rows(self.no_deadline | self.archived))
        self.assertFalse(self._rows(self.unassigned).user_id)
        # the row ids are the tickets' own, apart from the activities'
        rows = self._rows(self.late | self.on_time | self.open | self.overdue)
        self.assertEqual(
            sorted(rows.mapped("res_id")),
            sorted((self.late | self.on_time | self.open | self.overdue).ids),
        )
        self.assertTrue(all(row.id % 10 == 2 for row in rows))

    def test_reopened_ticket_is_open_again(self):
        self.late.stage_id = self.stage_progress
        self.assertEqual(self._rows(self.late).state, "overdue")

    def test_figures_and_access(self):
        """Helpdesk's rules: a personal-tickets user counts his own tickets
        and his teams' unassigned ones; a helpdesk user all of them (the
        Workload is a sales report: a helpdesk user without sales rights
        does not open it)."""
        self.team_presales.user_ids = self.ann
        # due, done on time, done late, open, overdue
        ann = (3, 1, 1, 1, 0)
        bob = (1, 0, 0, 1, 1)
        nobody = (1, 0, 0, 1, 0)
        self.assertEqual(self._per_user(self.ann), {self.ann.id: ann, False: nobody})
        self.assertEqual(self._per_user(self.bob), {self.bob.id: bob})
        self.assertEqual(
            self._per_user(self.helpdesk_salesman),
            {self.ann.id: ann, self.bob.id: bob, False: nobody},
        )
        # reading a row by id follows the same rules
        self.assertFalse(self._rows(self.overdue, self.ann))
        row = self._rows(self.overdue)
        with self.assertRaises(AccessError):
            row.with_user(self.ann).read(["name"])

    def test_salesman_without_helpdesk_rights(self):
        """An employee reads the tickets he follows (helpdesk_mgmt's rule for
        internal users): those only."""
        self.assertFalse(self._rows(self.overdue, self.salesman))
        self.overdue.message_subscribe(partner_ids=self.salesman.partner_id.ids)
        self.assertEqual(self._per_user(self.salesman), {self.bob.id: (1, 0, 0, 1, 1)})

    def test_other_company(self):
        ticket = self.env["helpdesk.ticket"].create(
            {
                "name": "Company B's",
                "description": "<p>B</p>",
                "team_id": self.team_b.id,
                "company_id": self.company_b.id,
                "user_id": self.ann.id,
                "date_deadline": self.today,
            }
        )
        self.assertEqual(self._rows(ticket).company_id, self.company_b)
        self.assertFalse(self._rows(ticket, self.ann))

    def test_opens_the_ticket(self):
        action = self._rows(self.open).action_open_document()
        self.assertEqual(
            (action["res_model"], action["res_id"]), ("helpdesk.ticket", self.open.id)
        )

    def test_activities_and_tickets_together(self):
        self.opportunity.activity_schedule(
            "mail.mail_activity_data_call",
            user_id=self.ann.id,
            date_deadline=self.today - timedelta(days=3),
        )
        groups = (
            self.env["crm.activity.workload"]
            .with_user(self.ann)
            .read_group([("user_id", "=", self.ann.id)], MEASURES, ["kind"], lazy=False)
        )
        self.assertEqual(
            {g["kind"]: (g["due_count"], g["overdue_count"]) for g in groups},
            {"activity": (1, 1), "ticket": (3, 0)},
        )

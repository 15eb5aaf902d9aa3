# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from lxml import etree

from odoo import fields
from odoo.exceptions import AccessError
from odoo.tests import HttpCase, tagged
from odoo.tools.safe_eval import safe_eval

from odoo.addons.lead_management.tests.common import (
    LeadManagementCommon,
    new_sales_user,
)
from odoo.addons.lead_management_activity.tests.common import MEASURES


class WorkloadCommon(LeadManagementCommon):
    """Two salesmen of the company, each with an opportunity, a colleague
    in Company B with one, and activities on them planned by the manager.
    Due dates are three days from today, so that "today" is the same in
    every time zone."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.salesman2 = new_sales_user(cls.env, "lm_salesman_2")
        cls.call = cls.env.ref("mail.mail_activity_data_call")
        cls.lead = cls._lead("Workload lead", cls.salesman)
        cls.lead2 = cls._lead("Workload lead 2", cls.salesman2)
        cls.lead_b = cls._lead("Workload lead B", cls.user_b, cls.company_b)
        cls.today = fields.Date.context_today(cls.env["crm.activity.workload"])

    @classmethod
    def _lead(cls, name, user, company=None):
        return cls.env["crm.lead"].create(
            {
                "name": name,
                "type": "opportunity",
                "user_id": user.id,
                "company_id": (company or cls.company).id,
            }
        )

    @classmethod
    def _plan(cls, record, user, days, done=False, by=None):
        """An activity on ``record`` for ``user`` due in ``days`` days,
        planned by ``by`` (the manager), marked done today when ``done``."""
        activity = (
            record.with_user(by or cls.manager)
            .with_context(mail_activity_quick_update=True)
            .activity_schedule(
                activity_type_id=cls.call.id,
                summary=f"Call {days:+d}",
                user_id=user.id,
                date_deadline=cls.today + timedelta(days=days),
            )
        )
        if done:
            activity.sudo().action_feedback("Done")
        return activity

    def _workload(self, user, **context):
        return self.env["crm.activity.workload"].with_user(user).with_context(**context)

    def _per_user(self, user, domain=(), **context):
        groups = self._workload(user, **context).read_group(
            list(domain), MEASURES, ["user_id"], lazy=False
        )
        return {
            group["user_id"][0]: tuple(
                group[measure.split(":")[0]] for measure in MEASURES
            )
            for group in groups
        }


class TestWorkload(WorkloadCommon):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.on_time = cls._plan(cls.lead, cls.salesman, 3, done=True)
        cls.late = cls._plan(cls.lead, cls.salesman, -3, done=True)
        cls.overdue = cls._plan(cls.lead, cls.salesman, -3)
        cls.planned = cls._plan(cls.lead, cls.salesman, 3)
        # the manager asks the salesman to call about his colleague's lead
        cls.foreign = cls._plan(cls.lead2, cls.salesman, 3)
        # the salesman delegates a call on his lead to his colleague
        cls.delegated = cls._plan(cls.lead, cls.salesman2, 3, by=cls.salesman)
        cls.late2 = cls._plan(cls.lead2, cls.salesman2, -3, done=True)
        cls.planned2 = cls._plan(cls.lead2, cls.salesman2, 3)
        cls.overdue_b = cls._plan(cls.lead_b, cls.user_b, -3, by=cls.user_b)

    def test_states(self):
        rows = self.env["crm.activity.workload"].search(
            [
                ("res_model", "=", "crm.lead"),
                ("res_id", "=", self.lead.id),
                ("user_id", "=", self.salesman.id),
            ]
        )
        self.assertEqual(
            sorted(rows.mapped("state")),
            ["done_late", "done_on_time", "overdue", "planned"],
        )
        done_late = rows.filtered(lambda row: row.state == "done_late")
        self.assertEqual(done_late.id, self.late.id * 10)
        self.assertEqual(done_late.date, self.today - timedelta(days=3))
        self.assertEqual(done_late.date_done, self.today)
        self.assertEqual(done_late.kind, "activity")
        self.assertEqual(done_late.user_id, self.salesman)
        self.assertEqual(done_late.assigner_id, self.manager)
        self.assertEqual(done_late.company_id, self.company)
        self.assertEqual(done_late.activity_type_id, self.call)
        self.assertEqual(done_late.name, "Call -3")
        self.assertFalse(self.late.active, "the done activity is kept, archived")

    def test_figures_per_user(self):
        """due, on time, late, open, overdue per salesperson: the manager
        sees the companies he works in (the company switcher's)."""
        company_a = {
            self.salesman.id: (5, 1, 1, 3, 1),
            self.salesman2.id: (3, 0, 1, 2, 0),
        }
        self.assertEqual(
            self._per_user(self.manager, allowed_company_ids=self.company.ids),
            company_a,
        )
        self.assertEqual(
            self._per_user(self.manager),
            {**company_a, self.user_b.id: (1, 0, 0, 1, 1)},
        )

    def test_figures_per_day(self):
        groups = self._workload(self.manager).read_group(
            [("user_id", "=", self.salesman.id)],
            MEASURES,
            ["date:day"],
            lazy=False,
        )
        per_day = {group["__range"]["date:day"]["from"]: group for group in groups}
        past = fields.Date.to_string(self.today - timedelta(days=3))
        future = fields.Date.to_string(self.today + timedelta(days=3))
        self.assertEqual(set(per_day), {past, future})
        self.assertEqual(
            [per_day[past][m.split(":")[0]] for m in MEASURES], [2, 0, 1, 1, 1]
        )
        self.assertEqual(
            [per_day[future][m.split(":")[0]] for m in MEASURES], [3, 1, 0, 2, 0]
        )

    def test_access_as_salesmen(self):
        """As the Activities list: one's own activities and those of the
        documents one may write; nothing of another company."""
        self.assertEqual(
            self._per_user(self.salesman),
            {self.salesman.id: (5, 1, 1, 3, 1), self.salesman2.id: (1, 0, 0, 1, 0)},
            "his colleague's activities on the colleague's lead are hidden,"
            " his own on it and his colleague's on his lead shown",
        )
        self.assertEqual(
            self._per_user(self.salesman2),
            {self.salesman.id: (1, 0, 0, 1, 0), self.salesman2.id: (3, 0, 1, 2, 0)},
        )
        self.assertEqual(self._per_user(self.user_b), {self.user_b.id: (1, 0, 0, 1, 1)})
        mail_ids = (
            self.env["mail.activity"]
            .with_user(self.salesman)
            .with_context(active_test=False)
            .search([("res_model", "=", "crm.lead")])
            .ids
        )
        rows = self._workload(self.salesman).search([])
        self.assertEqual(sorted(i // 10 for i in rows.ids), sorted(mail_ids))

    def test_read_forbidden_row(self):
        row = self._workload(self.salesman).browse(self.planned2.id * 10)
        with self.assertRaises(AccessError):
            row.read(["state"])
        mine = self._workload(self.salesman).browse(self.foreign.id * 10)
        self.assertEqual(mine.read(["state"])[0]["state"], "planned")

    def _filter_domain(self, name, user):
        arch = self.env["crm.activity.workload"].get_view(view_type="search")["arch"]
        node = etree.fromstring(arch).xpath(f"//filter[@name='{name}']")[0]
        return safe_eval(node.get("domain"), {"uid": user.id})

    def test_filters(self):
        workload = self._workload(self.salesman2)
        mine = workload.search(self._filter_domain("assigned_to_me", self.salesman2))
        self.assertEqual(
            sorted(mine.ids),
            sorted(a.id * 10 for a in (self.late2, self.planned2, self.delegated)),
        )
        by_me = self._workload(self.salesman).search(
            self._filter_domain("assigned_by_me", self.salesman)
        )
        self.assertEqual(by_me.ids, [self.delegated.id * 10])
        by_manager = self._workload(self.manager).search(
            self._filter_domain("assigned_by_me", self.manager)
        )
        self.assertEqual(len(by_manager), 7)
        overdue = self._workload(
            self.manager, allowed_company_ids=self.company.ids
        ).search(self._filter_domain("overdue", self.manager))
        self.assertEqual(overdue.ids, [self.overdue.id * 10])
        late = self._workload(self.manager).search(
            self._filter_domain("done_late", self.manager)
        )
        self.assertEqual(
            sorted(late.ids), sorted([self.late.id * 10, self.late2.id * 10])
        )

    def test_other_documents(self):
        """A partner's activity of a user counts too (every document, as the
        Activities list); its company is empty (not a CRM document)."""
        partner_activity = self._plan(self.partner, self.salesman2, -3)
        row = self._workload(self.salesman2).browse(partner_activity.id * 10)
        self.assertEqual(row.state, "overdue")
        self.assertEqual(row.res_model, "res.partner")
        action = row.action_open_document()
        self.assertEqual(
            (action["res_model"], action["res_id"]), ("res.partner", self.partner.id)
        )

    def test_default_view_per_group(self):
        action = self.env.ref(
            "lead_management_activity.crm_activity_workload_action_server"
        )
        as_manager = action.with_user(self.manager).run()
        self.assertEqual(as_manager["context"], {"search_default_group_user": 1})
        as_salesman = action.with_user(self.salesman).run()
        self.assertEqual(as_salesman["context"], {"search_default_assigned_to_me": 1})
        self.assertEqual(as_salesman["res_model"], "crm.activity.workload")
        menu = self.env.ref("lead_management_activity.crm_activity_workload_menu")
        self.assertEqual(menu.parent_id, self.env.ref("crm.crm_menu_report"))

    def test_views(self):
        Workload = self._workload(self.salesman)
        for view_type in ("pivot", "graph", "calendar", "list", "search"):
            Workload.get_view(view_type=view_type)
        calendar = etree.fromstring(Workload.get_view(view_type="calendar")["arch"])
        self.assertEqual(calendar.get("date_start"), "date")
        self.assertEqual(calendar.get("color"), "user_id")
        self.assertEqual(calendar.get("create"), "0")
        pivot = etree.fromstring(Workload.get_view(view_type="pivot")["arch"])
        self.assertEqual(
            [f.get("name") for f in pivot.xpath("//field[@type='measure']")],
            [m.split(":")[0] for m in MEASURES],
        )
        # the calendar's read: the rows of a week
        events = Workload.search_read(
            [
                ("date", ">=", self.today - timedelta(days=3)),
                ("date", "<=", self.today + timedelta(days=3)),
            ],
            ["name", "date", "user_id", "state"],
        )
        self.assertEqual(len(events), 6)


class TestWorkloadFlat(WorkloadCommon):
    def test_grouped_read_is_flat(self):
        """The pivot's read (per user and day) as a salesman costs the same
        queries for 10 and 1000 activities on 1 and 100 opportunities."""

        def prepare(size):
            leads = self.env["crm.lead"].create(
                [
                    {
                        "name": f"Flat {size} {index}",
                        "type": "opportunity",
                        "user_id": self.salesman.id,
                    }
                    for index in range(max(size // 10, 1))
                ]
            )
            model_id = self.env["ir.model"]._get_id("crm.lead")
            # activities subscribe their users: once, not in the batch
            leads.message_subscribe(
                partner_ids=(self.salesman | self.salesman2).partner_id.ids
            )
            self.env["mail.activity"].with_context(
                mail_activity_quick_update=True
            ).create(
                [
                    {
                        "res_model_id": model_id,
                        "res_id": leads[index % len(leads)].id,
                        "activity_type_id": self.call.id,
                        "user_id": (self.salesman, self.salesman2)[index % 2].id,
                        "date_deadline": self.today - timedelta(days=index % 30),
                    }
                    for index in range(size)
                ]
            )
            workload = self._workload(self.salesman)
            return lambda: workload.read_group(
                [], MEASURES, ["user_id", "date:day"], lazy=False
            )

        self.assertFlatQueryCount(prepare, sizes=(10, 1000))


@tagged("post_install", "-at_install")
class TestWorkloadRpc(HttpCase):
    """The pivot's grouped read over XML-RPC, as a salesman."""

    def test_read_group_rpc(self):
        salesman = new_sales_user(
            self.env, "lm_rpc_workload", password="lm_rpc_workload"
        )
        other = new_sales_user(self.env, "lm_rpc_workload_2")
        lead = self.env["crm.lead"].create(
            {"name": "RPC workload", "type": "opportunity", "user_id": salesman.id}
        )
        lead_other = self.env["crm.lead"].create(
            {"name": "RPC other", "type": "opportunity", "user_id": other.id}
        )
        today = fields.Date.context_today(lead)
        for record, user, days in (
            (lead, salesman, -3),
            (lead, salesman, 3),
            (lead_other, other, 3),
        ):
            record.activity_schedule(
                "mail.mail_activity_data_call",
                user_id=user.id,
                date_deadline=today + timedelta(days=days),
            )
        groups = self.xmlrpc_object.execute_kw(
            self.env.cr.dbname,
            salesman.id,
            "lm_rpc_workload",
            "crm.activity.workload",
            "read_group",
            [[], ["due_count:sum", "overdue_count:sum", "open_count:sum"], ["user_id"]],
            {"lazy": False},
        )
        self.assertEqual(
            [
                (g["user_id"][0], g["due_count"], g["overdue_count"], g["open_count"])
                for g in groups
            ],
            [(salesman.id, 2, 1, 2)],
        )


@tagged("post_install", "-at_install")
class TestWorkloadTour(HttpCase):
    def test_workload_tour(self):
        """In the browser, as a sales manager: pivot, calendar, list."""
        seller = new_sales_user(
            self.env, "lm_workload_tour", name="Workload Tour Seller"
        )
        new_sales_user(
            self.env,
            "lm_workload_tour_manager",
            "sales_team.group_sale_manager",
            password="lm_workload_tour_manager",
        )
        lead = self.env["crm.lead"].create(
            {"name": "Workload tour lead", "type": "opportunity", "user_id": seller.id}
        )
        lead.activity_schedule(
            "mail.mail_activity_data_call",
            summary="Workload tour call",
            user_id=seller.id,
            date_deadline=fields.Date.context_today(lead),
        )
        self.start_tour(
            "/odoo/action-lead_management_activity.crm_activity_workload_action_server",
            "lead_management_workload",
            login="lm_workload_tour_manager",
        )

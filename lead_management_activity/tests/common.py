# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo.tools import SQL

from odoo.addons.lead_management.tests.common import LeadManagementCommon

# the Workload's counts, as a pivot or read_group asks for them (the tests of
# the glue add-ons that add kinds to it use them too)
MEASURES = [
    "due_count:sum",
    "done_on_time_count:sum",
    "done_late_count:sum",
    "open_count:sum",
    "overdue_count:sum",
]


class CrmActivityCommon(LeadManagementCommon):
    """A customer with a contact, a stranger, the salesman's opportunity of
    the customer, the Call type and a category."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.customer = cls.env["res.partner"].create(
            {"name": "History Customer Ltd", "is_company": True}
        )
        cls.contact = cls.env["res.partner"].create(
            {"name": "Hanna History", "parent_id": cls.customer.id}
        )
        cls.stranger = cls.env["res.partner"].create({"name": "Somebody Else"})
        cls.lead = cls.env["crm.lead"].create(
            {
                "name": "History opportunity",
                "type": "opportunity",
                "partner_id": cls.contact.id,
                "user_id": cls.salesman.id,
            }
        )
        cls.call = cls.env.ref("mail.mail_activity_data_call")
        cls.category = cls.env.ref(
            "lead_management_activity.crm_activity_category_negotiation"
        )

    def _plan(self, record=None, **values):
        record = record or self.lead
        return record.activity_schedule(
            activity_type_id=self.call.id,
            summary="Call about the offer",
            user_id=values.pop("user_id", self.salesman.id),
            **values,
        )

    def _age_timer(self, activity, minutes):
        """Pretend the timer was started ``minutes`` ago."""
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "UPDATE mail_activity SET timer_start = timer_start"
                " - make_interval(mins => %s) WHERE id = %s",
                minutes,
                activity.id,
            )
        )
        activity.invalidate_recordset()

# Copyright 2026 Lead Management Developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from odoo.addons.lead_management.tests.common import OfferCommon, new_sales_user


class HelpdeskCommon(OfferCommon):
    """Helpdesk teams of both companies, helpdesk's stages, a salesman who is
    a helpdesk user and a helpdesk user without sales rights."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.env = cls.env(context=dict(cls.env.context, tracking_disable=True))
        cls.helpdesk_salesman = new_sales_user(
            cls.env,
            "lm_helpdesk_salesman",
            "sales_team.group_sale_salesman_all_leads,helpdesk_mgmt.group_helpdesk_user",
        )
        cls.helpdesk_user = new_sales_user(
            cls.env, "lm_helpdesk_only", "helpdesk_mgmt.group_helpdesk_user"
        )
        Team = cls.env["helpdesk.ticket.team"]
        cls.team_presales = Team.create(
            {"name": "Test pre-sales", "company_id": cls.company.id}
        )
        cls.team_legal = Team.create(
            {"name": "Test legal", "company_id": cls.company.id}
        )
        cls.team_b = Team.create({"name": "Test B", "company_id": cls.company_b.id})
        cls.stage_new = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_new")
        cls.stage_progress = cls.env.ref(
            "helpdesk_mgmt.helpdesk_ticket_stage_in_progress"
        )
        cls.stage_done = cls.env.ref("helpdesk_mgmt.helpdesk_ticket_stage_done")
        cls.sales_team = cls.env["crm.team"].create(
            {"name": "Test sales team", "company_id": cls.company.id}
        )

    @classmethod
    def _create_ticket(cls, opportunity=None, **values):
        """A ticket about the opportunity (a title and a description, the
        rest filled from the opportunity)."""
        return cls.env["helpdesk.ticket"].create(
            {
                "name": "Legal review",
                "description": "<p>Review the contract</p>",
                "opportunity_id": (opportunity or cls.opportunity).id,
                **values,
            }
        )

    def _stage_notes(self, lead):
        """The texts of the ticket notes on the chatter of ``lead``."""
        messages = self.env["mail.message"].search(
            [
                ("model", "=", "crm.lead"),
                ("res_id", "=", lead.id),
                ("body", "ilike", "helpdesk.ticket"),
            ],
            order="id",
        )
        return [message.preview for message in messages]

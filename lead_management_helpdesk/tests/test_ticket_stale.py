# Copyright 2026 Lead Management Developers
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
from datetime import datetime, timedelta

from freezegun import freeze_time

from odoo.tests import tagged
from odoo.tools import SQL

from .common import HelpdeskCommon

NOW = datetime(2027, 3, 1, 10, 0, 0)
DAYS = 30


@tagged("post_install", "-at_install")
class TestTicketStale(HelpdeskCommon):
    """An opportunity with open tickets is not closed as stale by the
    nightly closing (lead_management's _cron_close_stale_opportunities)."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.company.write({"lead_stale_enabled": True, "lead_stale_days": DAYS})

    def _stale_lead(self, name):
        """An opportunity whose every date is DAYS + 10 days before NOW."""
        lead = self._create_leads(1, name=name, partner_id=self.partner.id)
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                "UPDATE crm_lead SET create_date = %s, date_last_stage_update = %s"
                " WHERE id = %s",
                NOW - timedelta(days=DAYS + 10),
                NOW - timedelta(days=DAYS + 10),
                lead.id,
            )
        )
        self.env.cr.execute(
            SQL(
                "UPDATE mail_message SET date = %s"
                " WHERE model = 'crm.lead' AND res_id = %s",
                NOW - timedelta(days=DAYS + 10),
                lead.id,
            )
        )
        lead.invalidate_recordset()
        return lead

    def _run_cron(self):
        with freeze_time(NOW):
            self.env["crm.lead"]._cron_close_stale_opportunities()

    def test_open_ticket_keeps_alive(self):
        """Of four stale opportunities, the one with an open ticket stays
        open; those with a closed ticket, an archived one or none are
        closed."""
        with_open = self._stale_lead("Open ticket")
        with_closed = self._stale_lead("Closed ticket")
        with_archived = self._stale_lead("Archived ticket")
        without = self._stale_lead("No ticket")
        # created in their stage: no stage change, nothing logged on the leads
        self._create_ticket(with_open, stage_id=self.stage_progress.id)
        self._create_ticket(with_closed, stage_id=self.stage_done.id)
        self._create_ticket(with_archived, stage_id=self.stage_new.id, active=False)
        with freeze_time(NOW):
            stale = self.env["crm.lead"]._get_stale_opportunities(self.company)
        self.assertEqual(
            stale & (with_open | with_closed | with_archived | without),
            with_closed | with_archived | without,
        )
        self._run_cron()
        self.assertTrue(with_open.active)
        for lead in with_closed | with_archived | without:
            with self.subTest(lead=lead.name):
                self.assertFalse(lead.active)

    def test_closing_the_ticket_frees_it(self):
        """Once its last open ticket is closed (by the system, so nothing
        counts as activity), the opportunity is stale again."""
        lead = self._stale_lead("Closing")
        ticket = self._create_ticket(lead, stage_id=self.stage_progress.id)
        self._run_cron()
        self.assertTrue(lead.active)
        # the test runs as the system user, whose notes are no activity
        ticket.stage_id = self.stage_done
        self._run_cron()
        self.assertFalse(lead.active)

    def test_ticket_without_stage_is_open(self):
        """A ticket without a stage is not closed: it keeps its opportunity
        alive."""
        lead = self._stale_lead("No stage")
        ticket = self._create_ticket(lead)
        ticket.stage_id = False
        self._run_cron()
        self.assertTrue(lead.active)

    def test_ticket_protects_only_its_opportunity(self):
        """The open ticket of one opportunity does not protect another."""
        lead = self._stale_lead("Protected")
        other = self._stale_lead("Unprotected")
        self._create_ticket(lead, stage_id=self.stage_new.id)
        self._run_cron()
        self.assertTrue(lead.active)
        self.assertFalse(other.active)

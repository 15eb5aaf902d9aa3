# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from datetime import timedelta

from markupsafe import Markup

from odoo import _, api, fields, models
from odoo.tools import SQL, format_date

from .crm_process_batch_mixin import PROCESS_BATCH_SIZE


class CrmLead(models.Model):
    """Closing stale opportunities: which ones are stale, and closing them
    (lost, activities closed, sent offers cancelled, a note)."""

    _name = "crm.lead"
    _inherit = ["crm.lead", "crm.process.batch.mixin"]

    @api.model
    def _sql_counted_message(self, alias):
        """SQL condition on the mail_message ``alias``: the message is an
        activity on its document. Any message, note or e-mail is, except the
        automatic ones (tracking, logs) of the system user."""
        return SQL(
            "(%s IS DISTINCT FROM %s OR %s NOT IN ('notification', 'auto_comment'))",
            SQL.identifier(alias, "author_id"),
            self.env["ir.model.data"]._xmlid_to_res_id("base.partner_root"),
            SQL.identifier(alias, "message_type"),
        )

    @api.model
    def _get_stale_opportunities(self, companies, domain=None):
        """Return the stale opportunities of ``companies`` (and ``domain``).

        An opportunity is stale when it is open (active, not won), its last
        activity is older than its company's "days without activity", and no
        activity is planned from today on. Its last activity is the latest
        of: its creation, its last stage change, the last message on its
        chatter (see ``_sql_counted_message``; a completed activity leaves
        one), the last change of one of its offers (``order_ids``).

        One query for all of them; the caller's record rules apply.
        """
        if not companies:
            return self.browse()
        now = fields.Datetime.now()
        cutoffs = {
            company.id: now - timedelta(days=company.lead_stale_days)
            for company in companies
        }
        query = self.with_context(active_test=True)._search(
            [
                ("type", "=", "opportunity"),
                ("company_id", "in", companies.ids),
                "|",
                ("stage_id", "=", False),
                ("stage_id.is_won", "=", False),
                *(domain or []),
            ],
            order="id",
        )
        query.add_join(
            "JOIN",
            "stale_setting",
            SQL(
                "(SELECT * FROM unnest(%s::int[], %s::timestamp[])"
                " AS setting(company_id, cutoff))",
                list(cutoffs),
                list(cutoffs.values()),
            ),
            SQL("stale_setting.company_id = crm_lead.company_id"),
        )
        # the constant bound lets PostgreSQL skip all older rows at once
        query.add_where(
            SQL(
                """
                GREATEST(crm_lead.create_date, crm_lead.date_last_stage_update)
                    < stale_setting.cutoff
                AND NOT EXISTS (
                    SELECT 1 FROM mail_message message
                     WHERE message.model = 'crm.lead'
                       AND message.res_id = crm_lead.id
                       AND message.date >= %(oldest)s
                       AND message.date >= stale_setting.cutoff
                       AND %(counted)s)
                AND NOT EXISTS (
                    SELECT 1 FROM sale_order offer
                     WHERE offer.opportunity_id = crm_lead.id
                       AND offer.write_date >= %(oldest)s
                       AND offer.write_date >= stale_setting.cutoff)
                AND NOT EXISTS (
                    SELECT 1 FROM mail_activity activity
                     WHERE activity.res_model = 'crm.lead'
                       AND activity.res_id = crm_lead.id
                       AND activity.active
                       AND activity.date_deadline >= %(today)s)
                """,
                oldest=min(cutoffs.values()),
                counted=self._sql_counted_message("message"),
                today=fields.Date.context_today(self),
            )
        )
        self.env.flush_all()
        self.env.cr.execute(query.select())
        return self.browse(lead_id for (lead_id,) in self.env.cr.fetchall())

    def _get_last_activity_dates(self):
        """Return {lead id: date and time of its last activity} for the
        leads of ``self`` (see ``_get_stale_opportunities``), in one query."""
        if not self:
            return {}
        self.env.flush_all()
        self.env.cr.execute(
            SQL(
                """
                SELECT lead.id, GREATEST(lead.create_date,
                       lead.date_last_stage_update, message.last, offer.last)
                  FROM crm_lead lead
                  LEFT JOIN (
                        SELECT res_id, MAX(date) AS last
                          FROM mail_message message
                         WHERE model = 'crm.lead' AND res_id = ANY(%(ids)s)
                           AND %(counted)s
                         GROUP BY res_id
                       ) message ON message.res_id = lead.id
                  LEFT JOIN (
                        SELECT opportunity_id, MAX(write_date) AS last
                          FROM sale_order
                         WHERE opportunity_id = ANY(%(ids)s)
                         GROUP BY opportunity_id
                       ) offer ON offer.opportunity_id = lead.id
                 WHERE lead.id = ANY(%(ids)s)
                """,
                ids=self.ids,
                counted=self._sql_counted_message("message"),
            )
        )
        return dict(self.env.cr.fetchall())

    def _get_stale_effects(self):
        """Return what closing the stale opportunities of ``self`` does:
        {lead: (activities closed, offers cancelled, draft offers left)}."""
        return {
            lead: (
                lead.activity_ids,
                lead.order_ids.filtered(lambda order: order.state == "sent"),
                lead.order_ids.filtered(lambda order: order.state == "draft"),
            )
            for lead in self
        }

    def _get_stale_note(self, last_activity, activities, cancelled, drafts):
        self.ensure_one()
        days = self.company_id.lead_stale_days
        lines = [
            _(
                "Marked as lost: no activity since %(date)s (more than %(days)s "
                "days) and none planned.",
                date=format_date(self.env, last_activity),
                days=days,
            )
        ]
        if activities:
            lines.append(
                _(
                    "Activities closed: %(activities)s",
                    activities=", ".join(activities.mapped("display_name")),
                )
            )
        if cancelled:
            lines.append(
                _(
                    "Offers cancelled: %(offers)s",
                    offers=Markup(", ").join(o._get_html_link() for o in cancelled),
                )
            )
        if drafts:
            lines.append(
                _(
                    "Draft offers left open, to be handled: %(offers)s",
                    offers=Markup(", ").join(o._get_html_link() for o in drafts),
                )
            )
        return Markup("<br/>").join(lines)

    def _close_stale_opportunities(self):
        """Close the opportunities of ``self`` that are still stale: mark
        them lost with their company's reason, close their open activities,
        cancel their sent offers, and post a note saying why and what was
        done (draft offers are left to the user, and named in the note;
        confirmed orders are left alone)."""
        last_activities = self._get_last_activity_dates()
        for company, leads in self.grouped("company_id").items():
            leads = leads.with_company(company)
            # what happened since the selection, e.g. in a long run, counts
            leads &= leads._get_stale_opportunities(company, [("id", "in", leads.ids)])
            if not leads:
                continue
            effects = leads._get_stale_effects()
            notes = {
                lead.id: lead._get_stale_note(last_activities[lead.id], *effect)
                for lead, effect in effects.items()
            }
            activities = self.env["mail.activity"].union(
                *(effect[0] for effect in effects.values())
            )
            activities.action_feedback(
                feedback=_(
                    "Closed automatically: the opportunity had no activity for "
                    "%(days)s days.",
                    days=company.lead_stale_days,
                )
            )
            self.env["sale.order"].union(
                *(effect[1] for effect in effects.values())
            ).with_context(disable_cancel_warning=True).action_cancel()
            leads.action_set_lost(
                lost_reason_id=company._get_lead_stale_lost_reason().id
            )
            leads._message_log_batch(notes)

    @api.model
    def _cron_close_stale_opportunities(self, batch_size=PROCESS_BATCH_SIZE):
        """Scheduled action: close the stale opportunities of the companies
        that enabled it (Settings > CRM)."""
        companies = self.env["res.company"].search([("lead_stale_enabled", "=", True)])
        self._get_stale_opportunities(companies)._process_in_batches(
            lambda batch: batch._close_stale_opportunities(),
            batch_size,
            commit=self._process_may_commit(),
        )

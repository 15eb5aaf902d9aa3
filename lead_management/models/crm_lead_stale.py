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
    def _sql_last_activity(self, alias):
        """SQL expression: the date and time of the last activity of the lead
        ``alias`` (a ``crm_lead`` row), the one definition used to select
        stale opportunities and to tell in their note since when.

        It is the latest of: its creation, its last stage change, the last
        message on its chatter (see ``_sql_counted_message``; a completed
        activity leaves one), the last change of one of its offers.
        """
        lead = SQL.identifier(alias)
        return SQL(
            """
            GREATEST(
                %(lead)s.create_date,
                %(lead)s.date_last_stage_update,
                (SELECT MAX(message.date) FROM mail_message message
                  WHERE message.model = 'crm.lead'
                    AND message.res_id = %(lead)s.id
                    AND %(counted)s),
                (SELECT MAX(offer.write_date) FROM sale_order offer
                  WHERE offer.opportunity_id = %(lead)s.id))
            """,
            lead=lead,
            counted=self._sql_counted_message("message"),
        )

    @api.model
    def _get_stale_last_activities(self, companies, domain=None):
        """Return {id: last activity} of the stale opportunities of
        ``companies`` (and ``domain``), in id order.

        An opportunity is stale when it is open (active, not won), its last
        activity (``_sql_last_activity``) is older than its company's "days
        without activity", and no activity is planned from today on.

        One query for all of them; the caller's record rules apply.
        """
        if not companies:
            return {}
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
        query.add_join(
            "JOIN",
            "last",
            SQL("LATERAL (SELECT %s AS activity)", self._sql_last_activity("crm_lead")),
            SQL("TRUE"),
        )
        # the first condition is implied by the second; cheap, it spares
        # PostgreSQL the subqueries of the opportunities changed recently
        query.add_where(
            SQL(
                """
                GREATEST(crm_lead.create_date, crm_lead.date_last_stage_update)
                    < stale_setting.cutoff
                AND last.activity < stale_setting.cutoff
                AND NOT EXISTS (
                    SELECT 1 FROM mail_activity activity
                     WHERE activity.res_model = 'crm.lead'
                       AND activity.res_id = crm_lead.id
                       AND activity.active
                       AND activity.date_deadline >= %(today)s)
                """,
                today=fields.Date.context_today(self),
            )
        )
        self.env.flush_all()
        self.env.cr.execute(query.select(SQL("crm_lead.id"), SQL("last.activity")))
        return dict(self.env.cr.fetchall())

    @api.model
    def _get_stale_opportunities(self, companies, domain=None):
        """Return the stale opportunities of ``companies`` (and ``domain``):
        see ``_get_stale_last_activities``."""
        return self.browse(self._get_stale_last_activities(companies, domain))

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
        """The note of a closed stale opportunity; ``last_activity`` is the
        date of its last activity, as the user reads it."""
        self.ensure_one()
        lines = [
            _(
                "Marked as lost: no activity since %(date)s (more than %(days)s "
                "days) and none planned.",
                date=last_activity,
                days=self.company_id.lead_stale_days,
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
                    offers=Markup(", ").join(
                        o._get_html_link(title=o.name) for o in cancelled
                    ),
                )
            )
        if drafts:
            lines.append(
                _(
                    "Draft offers left open, to be handled: %(offers)s",
                    offers=Markup(", ").join(
                        o._get_html_link(title=o.name) for o in drafts
                    ),
                )
            )
        return Markup("<br/>").join(lines)

    def _close_stale_activities(self, activities, feedback):
        """Mark ``activities`` (of the leads of ``self``) done through mail's
        own ``_action_done``, so that its "done" message, whether the type
        keeps done activities, and every override of it (ours: a running
        timer stops and counts) apply as when a user marks them done. The
        next activity a type may chain is not wanted on a closed opportunity:
        the ones ``_action_done`` planned are removed."""
        if not activities:
            return
        _messages, next_activities = activities._action_done(feedback=feedback)
        next_activities.unlink()

    def _close_stale_opportunities(self):
        """Close the opportunities of ``self`` that are still stale: mark
        them lost with their company's reason, close their open activities,
        cancel their sent offers, and log a note saying why and what was
        done (draft offers are left to the user, and named in the note;
        confirmed orders are left alone).

        In bulk, for the scheduled action: a constant number of queries per
        call whatever the number of opportunities (one UPDATE per table, the
        notes logged in one batch), but for the open activities, which go
        through mail's own ``_action_done`` (SPEC section 7). The notes say
        what Odoo's tracking would say record by record (lost, offer
        cancelled), so tracking is off.
        """
        for company, leads in self.grouped("company_id").items():
            # the language resolved once: without it in the context (a
            # scheduled action), every _() of the notes looks up the user's
            leads = leads.with_company(company).with_context(
                mail_notrack=True,
                tracking_disable=True,
                lang=self.env.lang or self.env.user.lang,
            )
            # what happened since the selection, e.g. in a long run, counts
            last_activities = leads._get_stale_last_activities(
                company, [("id", "in", leads.ids)]
            )
            leads = leads.browse(last_activities)
            if not leads:
                continue
            effects = leads._get_stale_effects()
            activities, cancelled = (
                self.env[model].union(*(effect[index] for effect in effects.values()))
                for index, model in enumerate(("mail.activity", "sale.order"))
            )
            # the notes first: they name the activities before they are gone
            # formatted once per day (in the user's time zone), not per lead
            days = {
                lead.id: fields.Datetime.context_timestamp(lead, moment).date()
                for lead, moment in zip(leads, last_activities.values(), strict=True)
            }
            day_labels = {day: format_date(self.env, day) for day in set(days.values())}
            notes = {
                lead.id: lead._get_stale_note(day_labels[days[lead.id]], *effect)
                for lead, effect in effects.items()
            }
            leads._close_stale_activities(
                activities,
                _(
                    "Closed automatically: the opportunity had no activity for "
                    "%(days)s days.",
                    days=company.lead_stale_days,
                ),
            )
            cancelled.with_context(
                disable_cancel_warning=True, mail_notrack=True, tracking_disable=True
            ).action_cancel()
            # computed for the batch at once: writing the leads' monetary
            # fields reads it, otherwise lead by lead
            leads.mapped("company_currency")
            leads.action_set_lost(
                lost_reason_id=company._get_lead_stale_lost_reason().id
            )
            leads._message_log_batch(notes)
            cancelled._message_log_batch(
                {
                    # env._: a comprehension has no self for _() to find
                    offer.id: leads.env._(
                        "Cancelled: its opportunity %(lead)s was closed for "
                        "lack of activity.",
                        lead=offer.opportunity_id._get_html_link(
                            title=offer.opportunity_id.name
                        ),
                    )
                    for offer in cancelled
                }
            )

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

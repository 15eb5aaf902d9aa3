# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import threading
from collections import defaultdict
from datetime import timedelta

from dateutil.relativedelta import relativedelta
from markupsafe import Markup, escape

from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.osv import expression
from odoo.tools import SQL, format_date, split_every

# lead field: partner field copied by "Sync leads from partner" when the
# partner has a value (the address is copied all or nothing, as crm does)
PARTNER_SYNC_FIELDS = {
    "email_from": "email",
    "phone": "phone",
    "mobile": "mobile",
    "website": "website",
    "function": "function",
}

RECURRENCE_UNITS = [
    ("days", "Days"),
    ("weeks", "Weeks"),
    ("months", "Months"),
    ("years", "Years"),
]
# opportunities handled (and, by the scheduler, committed) at a time by the
# scheduled actions
PROCESS_BATCH_SIZE = 500


def recurrence_dates(start, interval, unit, count=0, until=None, stop=None):
    """Return the dates of the occurrences of a rule, after ``start``.

    The k-th occurrence falls on ``start`` + k × ``interval`` ``unit``
    (a ``relativedelta`` keyword: days, weeks, months, years), always counted
    from ``start``, so that month ends behave as in a calendar: 31 January
    + 1 month is 28 (or 29) February, + 2 months is 31 March. The dates end
    after ``count`` occurrences or on ``until``, and never go past ``stop``.
    """
    if not (count or until or stop):
        raise ValueError("A recurrence without count nor end date needs a stop date")
    dates = []
    while not count or len(dates) < count:
        day = start + relativedelta(**{unit: interval * (len(dates) + 1)})
        if (until and day > until) or (stop and day > stop):
            break
        dates.append(day)
    return dates


class CrmLead(models.Model):
    _inherit = "crm.lead"
    # typing a lead number in a many2one or in the search bar finds the lead
    _rec_names_search = ["name", "lead_number"]

    lead_number = fields.Char(
        string="Lead No.",
        readonly=True,
        copy=False,
        index="trigram",
        help="Unique reference of the lead, given at creation from the "
        "company's lead sequence. It never changes, even when the lead "
        "becomes an opportunity.",
    )
    lead_type_id = fields.Many2one(
        "crm.lead.type",
        index=True,
        tracking=True,
        check_company=True,
        # users cannot delete a type in use (crm.lead.type._unlink_except_used);
        # uninstalling the add-on can
        ondelete="set null",
        default=lambda self: self._default_lead_type_id(),
    )
    # The card colour follows the type (computed), yet stays writable so that
    # a salesperson can still pick another colour on a card by hand; the next
    # change of the type, or of the type's colour, applies the type's again.
    # default=None drops crm's default=0, which would otherwise win over the
    # computation at creation
    color = fields.Integer(
        compute="_compute_color",
        store=True,
        readonly=False,
        precompute=True,
        default=None,
    )
    lead_type_color = fields.Integer(related="lead_type_id.color")
    # the pipeline's card mode: a setting of the company the user works in
    pipeline_detailed_cards = fields.Boolean(compute="_compute_pipeline_detailed_cards")
    # the number of open offers is sale_crm's quotation_count; their amount:
    open_offer_amount = fields.Monetary(
        compute="_compute_open_offer_amount",
        string="Open Offers Amount",
        currency_field="company_currency",
        help="Untaxed amount of the open quotations, in the company's currency.",
    )

    # the Offers and Orders tabs of the opportunity; legacy quotations (made
    # before installation, not numbered as offers) show among the offers
    offer_ids = fields.One2many(
        "sale.order",
        "opportunity_id",
        string="Offers",
        domain=["|", ("is_offer", "=", True), ("state", "in", ("draft", "sent"))],
    )
    sale_order_ids = fields.One2many(
        "sale.order",
        "opportunity_id",
        string="Sales Orders",
        domain=[
            "|",
            ("state", "=", "sale"),
            "&",
            ("state", "=", "cancel"),
            "|",
            ("offer_id", "!=", False),
            ("converted_order_id", "!=", False),
        ],
    )
    # Recurrence: an opportunity with a unit carries a rule; the occurrences
    # generated from it link back to it and remember their date
    recurrence_interval = fields.Integer(
        string="Repeat Every",
        default=1,
        help="Number of units (days, weeks, months, years) between two occurrences.",
    )
    recurrence_unit = fields.Selection(
        RECURRENCE_UNITS,
        string="Repeat Unit",
        help="Set it to make the opportunity recurring: new opportunities are "
        "generated after its Expected Closing date (or, without one, after its "
        "next activity), every interval.",
    )
    recurrence_count = fields.Integer(
        string="Number of Occurrences",
        help="The recurrence ends after this number of occurrences. Leave it "
        "empty when it ends on a date.",
    )
    recurrence_until = fields.Date(
        string="Repeat Until",
        help="The recurrence ends on this date. Leave it empty when it ends "
        "after a number of occurrences.",
    )
    recurrence_origin_id = fields.Many2one(
        "crm.lead",
        string="Recurrence Of",
        readonly=True,
        copy=False,
        index="btree_not_null",
        ondelete="set null",
        help="The recurring opportunity this one was generated from.",
    )
    recurrence_date = fields.Date(
        string="Occurrence Date",
        readonly=True,
        copy=False,
        help="The date of the recurrence this opportunity was generated for. "
        "A date never gets two occurrences.",
    )
    recurrence_ids = fields.One2many(
        "crm.lead",
        "recurrence_origin_id",
        string="Occurrences",
        readonly=True,
        context={"active_test": False},
    )

    _sql_constraints = [
        (
            "recurrence_date_uniq",
            "unique(recurrence_origin_id, recurrence_date)",
            "An opportunity has only one occurrence per date.",
        ),
        (
            "lead_number_company_uniq",
            "unique(company_id, lead_number)",
            "A lead number must be unique per company.",
        ),
    ]

    @api.model
    def _default_lead_type_id(self):
        return self.env["crm.lead.type"].search(
            [("company_id", "in", [False, self.env.company.id])], limit=1
        )

    @api.depends("lead_type_id.color")
    def _compute_color(self):
        # leads without a type keep the colour they have (or the default 0)
        for lead in self.filtered("lead_type_id"):
            lead.color = lead.lead_type_id.color

    @api.depends("lead_number")
    # a compute method returns nothing: there is no result of super to pass
    def _compute_display_name(self):  # pylint: disable=missing-return
        super()._compute_display_name()
        for lead in self:
            if lead.lead_number and lead.display_name:
                lead.display_name = f"[{lead.lead_number}] {lead.display_name}"

    @api.depends_context("company")
    def _compute_pipeline_detailed_cards(self):
        self.pipeline_detailed_cards = self.env.company.pipeline_detailed_cards

    @api.depends(
        "order_ids.state",
        "order_ids.amount_untaxed",
        "order_ids.currency_id",
        "company_currency",
    )
    def _compute_open_offer_amount(self):
        # the quotations sale_crm counts in quotation_count, in one grouped
        # query for all the leads on screen; _origin: new records (onchange)
        # have no offers yet
        groups = self.env["sale.order"]._read_group(
            [
                ("opportunity_id", "in", self._origin.ids),
                *self._get_lead_quotation_domain(),
            ],
            groupby=["opportunity_id", "currency_id"],
            aggregates=["amount_untaxed:sum"],
        )
        amounts = defaultdict(float)
        today = fields.Date.context_today(self)
        for lead, currency, amount in groups:
            amounts[lead] += currency._convert(
                amount,
                lead.company_currency,
                lead.company_id or self.env.company,
                today,
            )
        for lead in self:
            lead.open_offer_amount = amounts[lead._origin]

    @api.constrains(
        "recurrence_unit", "recurrence_interval", "recurrence_count", "recurrence_until"
    )
    def _check_recurrence_rule(self):
        for lead in self.filtered("recurrence_unit"):
            self._check_recurrence_values(
                lead.display_name,
                lead.recurrence_interval,
                lead.recurrence_count,
                lead.recurrence_until,
            )

    @api.model
    def _check_recurrence_values(self, name, interval, count, until):
        if interval < 1:
            raise ValidationError(
                _(
                    "The recurrence of %(name)s must repeat every one or more "
                    "days, weeks, months or years.",
                    name=name,
                )
            )
        if count < 0 or bool(count) == bool(until):
            raise ValidationError(
                _(
                    "The recurrence of %(name)s must end either after a number "
                    "of occurrences or on a date (one of the two).",
                    name=name,
                )
            )

    @api.model_create_multi
    def create(self, vals_list):
        leads = super().create(vals_list)
        leads.filtered(lambda lead: not lead.lead_number)._assign_lead_numbers()
        return leads

    def write(self, vals):
        if "lead_number" in vals and any(
            lead.lead_number and lead.lead_number != vals["lead_number"]
            for lead in self
        ):
            raise UserError(
                _("A lead number is a permanent reference and cannot be changed.")
            )
        return super().write(vals)

    def action_cancel_open_offers(self):
        """Cancel the open offers (sale_crm's quotations: draft and sent) of
        the leads, not their orders."""
        offers = self.order_ids.filtered_domain(self._get_lead_quotation_domain())
        if not offers:
            raise UserError(_("There is no open offer to cancel."))
        offers._action_cancel()
        for lead, cancelled in offers.grouped("opportunity_id").items():
            lead.message_post(
                body=_(
                    "Open offers cancelled: %(offers)s.",
                    offers=", ".join(cancelled.mapped("name")),
                )
            )
        return True

    def _get_lead_sale_order_domain(self):
        # a converted offer is not an order: its order is
        return expression.AND(
            [super()._get_lead_sale_order_domain(), [("state", "!=", "converted")]]
        )

    def _get_action_view_sale_quotation_domain(self):
        # converted offers stay reachable from the Quotations smart button
        return expression.OR(
            [
                super()._get_action_view_sale_quotation_domain(),
                [("state", "=", "converted")],
            ]
        )

    def _assign_lead_numbers(self):
        """Number the leads in ``self`` from their company's lead sequence.

        Leads without a company are numbered from the current company's
        sequence. Numbers are drawn per company in one query (see
        ``res.company._next_lead_numbers``), in creation order.
        """
        leads_by_company = self.grouped(
            lambda lead: lead.company_id or self.env.company
        )
        for company, leads in leads_by_company.items():
            leads = leads.sorted(lambda lead: (lead.create_date, lead.id))
            numbers = company._next_lead_numbers(len(leads))
            for lead, number in zip(leads, numbers, strict=True):
                lead.lead_number = number

    def action_sync_from_partner(self):
        """Refresh the leads' contact details from their partner and tell the
        user how many leads changed."""
        changed = self._sync_from_partner()
        if not self:
            message = _("No lead is linked to this contact.")
        else:
            message = _(
                "%(changed)s of %(total)s leads updated from their contact.",
                changed=len(changed),
                total=len(self),
            )
        return {
            "type": "ir.actions.client",
            "tag": "display_notification",
            "params": {
                "type": "success" if changed else "info",
                "message": message,
                "next": {"type": "ir.actions.client", "tag": "soft_reload"},
            },
        }

    def _prepare_partner_sync_values(self):
        """Return the contact details of the lead's partner that differ from
        the lead's.

        The address is taken all or nothing, as crm does when a partner is
        set; the other fields only when the partner has a value, so that a
        partner with partial data does not erase what the lead knows.
        """
        self.ensure_one()
        partner = self.partner_id
        values = {
            **self._prepare_address_values_from_partner(partner),
            **self._prepare_contact_name_from_partner(partner),
            **{
                lead_field: partner[partner_field]
                for lead_field, partner_field in PARTNER_SYNC_FIELDS.items()
                if partner[partner_field]
            },
        }
        return {name: value for name, value in values.items() if self[name] != value}

    def _sync_from_partner(self):
        """Copy the contact details of their partner on the leads in ``self``.

        Leads with the same changes are written together, so that the leads
        of one partner cost the same number of queries however many they are.
        Each changed lead gets a note listing what changed.

        :return: the leads that changed
        """
        leads_by_changes = defaultdict(lambda: self.browse())
        for lead in self.filtered("partner_id"):
            changes = lead._prepare_partner_sync_values()
            if changes:
                leads_by_changes[tuple(sorted(changes.items()))] |= lead
        bodies = {}
        for changes, leads in leads_by_changes.items():
            leads.write(self._convert_to_write(dict(changes)))
            labels = ", ".join(
                self._fields[name]._description_string(self.env) for name, _v in changes
            )
            for lead in leads:
                # escaped: the note is HTML, the names are plain text
                bodies[lead.id] = escape(
                    _(
                        "Contact details updated from %(partner)s: %(fields)s.",
                        partner=lead.partner_id.display_name,
                        fields=labels,
                    )
                )
        changed = self.browse(list(bodies))
        changed._message_log_batch(bodies=bodies)
        return changed

    # Opportunity analysis (reports): stuck opportunities

    @api.model
    def _action_open_stuck_analysis(self):
        action = self.env["ir.actions.actions"]._for_xml_id(
            "lead_management.crm_lead_analysis_stage_action"
        )
        # stuck is exactly what the stale process would close, for the
        # companies the user works in (their own thresholds), within his rights
        stuck = self._get_stale_opportunities(self.env.companies)
        action.update(
            name=_("Stuck Opportunities"),
            domain=[("id", "in", stuck.ids)],
            context={"search_default_stage": 1, "search_default_salesperson": 1},
        )
        return action

    # ------------------------------------------------------------------
    # Scheduled processes: batches
    # ------------------------------------------------------------------

    @api.model
    def _process_may_commit(self):
        """Whether a scheduled process may commit its batches.

        Only when run by the scheduler (or a script), never in tests: their
        transaction must stay whole to be rolled back. It is the guard of
        Odoo's own batched scheduled actions (e.g. website.visitor's).
        """
        return not getattr(threading.current_thread(), "testing", False)

    def _process_in_batches(self, process, batch_size=PROCESS_BATCH_SIZE, commit=False):
        """Call ``process(batch)`` on the records of ``self``, batch by batch.

        Progress is reported to the scheduler (``ir.cron._notify_progress``;
        a no-op outside of it). Each batch runs in a savepoint, so that a
        failing batch is undone alone before its error is raised; with
        ``commit`` each batch is committed once done: an interrupted run
        keeps the batches done before, and the scheduler runs the job again
        to finish the work.
        """
        cron = self.env["ir.cron"]
        done, total = 0, len(self)
        cron._notify_progress(done=done, remaining=total)
        for batch in split_every(batch_size, self.ids, self.browse):
            with self.env.cr.savepoint():
                process(batch)
                done += len(batch)
                cron._notify_progress(done=done, remaining=total - done)
            if commit:
                # the work of a batch is kept even if a later one fails
                self.env.cr.commit()  # pylint: disable=invalid-commit

    # ------------------------------------------------------------------
    # Scheduled processes: recurring opportunities
    # ------------------------------------------------------------------

    def _get_recurrence_start(self):
        """The date occurrences are counted from: the Expected Closing date,
        or, without one, the deadline of the next activity."""
        self.ensure_one()
        return self.date_deadline or self.activity_date_deadline

    def _check_recurrence_start(self):
        missing = self.filtered(lambda lead: not lead._get_recurrence_start())
        if missing:
            raise UserError(
                _(
                    "Nothing was generated. Occurrences start after the "
                    "Expected Closing date of an opportunity, or after its next "
                    "activity when it has none, and these opportunities have "
                    "neither: %(opportunities)s",
                    opportunities=", ".join(missing.mapped("display_name")),
                )
            )

    def _prepare_recurrence_values(self, day, stage):
        self.ensure_one()
        values = {
            "name": self.name,
            "type": "opportunity",
            "company_id": self.company_id.id,
            "partner_id": self.partner_id.id,
            "partner_name": self.partner_name,
            "contact_name": self.contact_name,
            "team_id": self.team_id.id,
            "user_id": self.user_id.id,
            "lead_type_id": self.lead_type_id.id,
            "expected_revenue": self.expected_revenue,
            "tag_ids": [Command.set(self.tag_ids.ids)],
            "priority": self.priority,
            "stage_id": stage.id,
            "date_deadline": day,
            "recurrence_origin_id": self.id,
            "recurrence_date": day,
        }
        if not self.partner_id:
            # with a customer they are the customer's (written back to it)
            values.update(email_from=self.email_from, phone=self.phone)
        return values

    def _generate_recurrences(self, stop=None):
        """Create the missing occurrences of the recurring opportunities in
        ``self``, and return them.

        Opportunities without a rule or without a start date (see
        ``_get_recurrence_start``) are skipped, and dates after ``stop`` are
        left for later. A date that has an occurrence already, even a lost
        one, never gets another one.
        """
        bases = self.filtered(
            lambda lead: lead.recurrence_unit and lead._get_recurrence_start()
        )
        if not bases:
            return self.browse()
        # sudo: every existing occurrence must be seen, also those the user
        # may not read (given to another salesperson), or its date would be
        # generated again; only their dates are read
        existing = {
            (origin.id, day)
            for origin, day in self.sudo()
            .with_context(active_test=False)
            ._read_group(
                [("recurrence_origin_id", "in", bases.ids)],
                ["recurrence_origin_id", "recurrence_date:day"],
            )
        }
        stages = {}
        vals_list = []
        for base in bases:
            if base.team_id not in stages:
                stages[base.team_id] = self.browse()._stage_find(
                    team_id=base.team_id.id, domain=[("fold", "=", False)]
                )
            vals_list += [
                base._prepare_recurrence_values(day, stages[base.team_id])
                for day in recurrence_dates(
                    base._get_recurrence_start(),
                    base.recurrence_interval,
                    base.recurrence_unit,
                    count=base.recurrence_count,
                    until=base.recurrence_until,
                    stop=stop,
                )
                if (base.id, day) not in existing
            ]
        # the creation is logged below, with the link to the base
        occurrences = self.with_context(mail_create_nolog=True).create(vals_list)
        occurrences._message_log_batch(
            {
                occurrence.id: _(
                    "Occurrence of %(origin)s for %(date)s.",
                    origin=occurrence.recurrence_origin_id._get_html_link(),
                    date=format_date(self.env, occurrence.recurrence_date),
                )
                for occurrence in occurrences
            }
        )
        by_origin = occurrences.grouped("recurrence_origin_id")
        self.browse([origin.id for origin in by_origin])._message_log_batch(
            {
                origin.id: _(
                    "Occurrences generated: %(occurrences)s",
                    occurrences=Markup(", ").join(
                        Markup("%s (%s)")
                        % (
                            occurrence._get_html_link(occurrence.lead_number),
                            format_date(self.env, occurrence.recurrence_date),
                        )
                        for occurrence in origin_occurrences
                    ),
                )
                for origin, origin_occurrences in by_origin.items()
            }
        )
        return occurrences

    @api.model
    def _cron_generate_recurrences(self, batch_size=PROCESS_BATCH_SIZE):
        """Scheduled action: generate the occurrences of recurring
        opportunities that fall within their company's horizon."""
        today = fields.Date.context_today(self)

        def generate(batch):
            for company, leads in batch.grouped(
                lambda lead: lead.company_id or self.env.company
            ).items():
                horizon = timedelta(days=company.lead_recurrence_horizon_days)
                leads.with_company(company)._generate_recurrences(stop=today + horizon)

        self.search(
            [("type", "=", "opportunity"), ("recurrence_unit", "!=", False)],
            order="id",
        )._process_in_batches(generate, batch_size, commit=self._process_may_commit())

    # ------------------------------------------------------------------
    # Scheduled processes: stale opportunities
    # ------------------------------------------------------------------

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

# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict
from datetime import timedelta

from dateutil.relativedelta import relativedelta
from markupsafe import Markup

from odoo import Command, _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import format_date

from .crm_process_batch_mixin import PROCESS_BATCH_SIZE

RECURRENCE_UNITS = [
    ("days", "Days"),
    ("weeks", "Weeks"),
    ("months", "Months"),
    ("years", "Years"),
]


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
    """Recurring opportunities: the rule on the opportunity, its occurrences,
    the scheduled action that generates them."""

    _name = "crm.lead"
    _inherit = ["crm.lead", "crm.process.batch.mixin"]

    # an opportunity with a unit carries a rule; the occurrences generated
    # from it link back to it and remember their date
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
    ]

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
        vals_by_stage = defaultdict(list)
        for base in bases:
            if base.team_id not in stages:
                stages[base.team_id] = self.browse()._stage_find(
                    team_id=base.team_id.id, domain=[("fold", "=", False)]
                )
            vals_by_stage[stages[base.team_id].id] += [
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
        # Given a stage, crm's create looks the won stages up once per lead
        # (lead scoring counts leads that are created won or lost); an
        # occurrence is neither: its stage comes as a default instead, one
        # create per stage. The creation is logged below, with the link to
        # the base.
        occurrences = self.browse()
        for stage_id, vals_list in vals_by_stage.items():
            occurrences |= self.with_context(
                mail_create_nolog=True, default_stage_id=stage_id
            ).create(
                [
                    {name: value for name, value in vals.items() if name != "stage_id"}
                    for vals in vals_list
                ]
            )
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

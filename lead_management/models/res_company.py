# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models

from ..utils import set_required_column_defaults

LEAD_SEQUENCE_CODE = "crm.lead.number"
OFFER_SEQUENCE_CODE = "sale.offer"


def sequence_xmlid(code, company_id):
    """The xml id (in lead_management) of a company's sequence of ``code``."""
    return f"ir_sequence_{code.replace('.', '_')}_company_{company_id}"


class ResCompany(models.Model):
    _inherit = "res.company"

    offer_conversion_mode = fields.Selection(
        [
            ("separate", "Separate order"),
            ("in_place", "Confirm in place"),
        ],
        default="separate",
        required=True,
        help="Separate order: converting an offer creates a new sales order, "
        "numbered as an order, and keeps the offer as a read-only, converted "
        "document.\nConfirm in place: the offer itself is confirmed and "
        "renumbered as an order; it keeps its offer number in Offer No.",
    )
    pipeline_detailed_cards = fields.Boolean(
        string="Detailed lead cards in the pipeline",
        help="Show the lead title, type, next activity, expected closing and "
        "open offers on the cards of the pipeline. Off: compact cards with "
        "the customer (or the lead number), expected revenue, salesperson "
        "and priority.",
    )

    # Scheduled processes (crm.lead: _cron_close_stale_opportunities and
    # _cron_generate_recurrences), set in Settings > CRM
    lead_stale_enabled = fields.Boolean(
        string="Close Stale Opportunities",
        help="Every night, mark as lost the open opportunities of this company "
        "that had no activity for the given number of days and have nothing "
        "planned, close their activities and cancel their sent offers.",
    )
    lead_stale_days = fields.Integer(
        string="Days Without Activity",
        default=60,
        help="An open opportunity is stale when its last activity is older "
        "than this number of days.",
    )
    lead_stale_lost_reason_id = fields.Many2one(
        "crm.lost.reason",
        string="Lost Reason of Stale Opportunities",
        default=lambda self: self.env.ref(
            "lead_management.crm_lost_reason_no_activity", raise_if_not_found=False
        ),
        help='Lost reason given to stale opportunities; "No activity" when empty.',
    )
    lead_recurrence_horizon_days = fields.Integer(
        string="Recurrence Horizon (Days)",
        default=90,
        help="Every night, the occurrences of recurring opportunities that "
        "fall within this number of days from today are generated.",
    )

    # Traceability report (report.lead_management.report_crm_lead_traceability)
    traceability_print_limit = fields.Integer(
        string="Traceability: Max Rows to Print",
        default=2000,
        help="The largest number of rows the Lead - Offer - Order "
        "Traceability report prints or previews. Larger selections are "
        "refused with a message: show them in the list or pivot instead, "
        "and export them from there.",
    )

    _sql_constraints = [
        (
            "lead_stale_days_positive",
            "CHECK(lead_stale_days > 0)",
            "The number of days without activity must be positive.",
        ),
        (
            "lead_recurrence_horizon_days_positive",
            "CHECK(lead_recurrence_horizon_days >= 0)",
            "The recurrence horizon cannot be negative.",
        ),
        (
            "traceability_print_limit_positive",
            "CHECK(traceability_print_limit > 0)",
            "The maximum number of rows to print must be positive.",
        ),
    ]

    def init(self):
        res = super().init()
        # the settings' required columns, for rows inserted by modules that
        # load before this one (utils.set_required_column_defaults)
        set_required_column_defaults(self, "lead_management")
        return res

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        companies._create_lead_management_sequences()
        return companies

    @api.model
    def _lead_management_sequences(self):
        """The sequences every company gets: {code: (name, prefix, padding)}.

        The prefixes are defaults only: an administrator may change them, and
        no code depends on them.
        """
        return {
            LEAD_SEQUENCE_CODE: (_("Lead number"), "LD/%(year)s/", 5),
            OFFER_SEQUENCE_CODE: (_("Offer number"), "OF/%(year)s/", 5),
        }

    def _create_lead_management_sequences(self, codes=None):
        """Give each company in ``self`` its own sequences, where missing.

        The one place that creates them: the install hook, a new company, a
        company found without one (``_get_lead_management_sequence``). Each
        is data of the add-on (xml id ``lead_management.ir_sequence_<code>_
        company_<id>``), so that uninstalling the add-on removes it.
        """
        # sudo: sequences are technical records that a user allowed to create
        # a company (or a lead, an offer) may not be allowed to create himself
        sequences = self.env["ir.sequence"].sudo()
        definitions = self._lead_management_sequences()
        codes = codes or list(definitions)
        existing = {
            (sequence.code, sequence.company_id)
            for sequence in sequences.search(
                [("code", "in", codes), ("company_id", "in", self.ids)]
            )
        }
        missing = [
            (company, code)
            for company in self
            for code in codes
            if (code, company) not in existing
        ]
        created = sequences.create(
            [
                {
                    "name": f"{definitions[code][0]} ({company.name})",
                    "code": code,
                    "prefix": definitions[code][1],
                    "padding": definitions[code][2],
                    "company_id": company.id,
                }
                for company, code in missing
            ]
        )
        self.env["ir.model.data"].sudo()._update_xmlids(
            [
                {
                    "xml_id": f"lead_management.{sequence_xmlid(code, company.id)}",
                    "record": sequence,
                    "noupdate": True,
                }
                for (company, code), sequence in zip(missing, created, strict=True)
            ]
        )
        return created

    def _get_lead_management_sequence(self, code):
        """The company's sequence of ``code``, created when missing."""
        self.ensure_one()
        # sudo: see _create_lead_management_sequences
        sequence = (
            self.env["ir.sequence"]
            .sudo()
            .search(
                [("code", "=", code), ("company_id", "in", [self.id, False])],
                order="company_id",
                limit=1,
            )
        )
        return sequence or self._create_lead_management_sequences([code])

    def _get_lead_number_sequence(self):
        return self._get_lead_management_sequence(LEAD_SEQUENCE_CODE)

    def _get_offer_sequence(self):
        return self._get_lead_management_sequence(OFFER_SEQUENCE_CODE)

    def _next_lead_numbers(self, count):
        """Return ``count`` new lead numbers of this company, in order.

        With a standard (PostgreSQL) sequence without date ranges, which is
        what this module installs, all the numbers are drawn in one query.
        Other implementations (no gap, date ranges) draw them one by one
        through ``ir.sequence`` so that their own rules keep applying.
        """
        self.ensure_one()
        if count <= 0:
            return []
        sequence = self._get_lead_number_sequence()
        if sequence.implementation != "standard" or sequence.use_date_range:
            return [sequence.next_by_id() for _i in range(count)]
        self.env.cr.execute(
            "SELECT nextval(%s) FROM generate_series(1, %s)",
            [f"ir_sequence_{sequence.id:03d}", count],
        )
        return [
            sequence.get_next_char(n)
            for n in sorted(r[0] for r in self.env.cr.fetchall())
        ]

    def _get_lead_stale_lost_reason(self):
        """The lost reason given to this company's stale opportunities."""
        self.ensure_one()
        return self.lead_stale_lost_reason_id or self.env.ref(
            "lead_management.crm_lost_reason_no_activity"
        )

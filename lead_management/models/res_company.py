# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models

LEAD_SEQUENCE_CODE = "crm.lead.number"


class ResCompany(models.Model):
    _inherit = "res.company"

    pipeline_detailed_cards = fields.Boolean(
        string="Detailed lead cards in the pipeline",
        help="Show the lead title, type, next activity, expected closing and "
        "open offers on the cards of the pipeline. Off: compact cards with "
        "the customer (or the lead number), expected revenue, salesperson "
        "and priority.",
    )

    @api.model_create_multi
    def create(self, vals_list):
        companies = super().create(vals_list)
        companies._create_lead_number_sequences()
        return companies

    def _create_lead_number_sequences(self):
        """Give each company in ``self`` its own lead sequence, if missing.

        Every company counts its leads on its own; the default prefix is
        ``LD/<year>/`` and can be changed freely in Settings > Technical >
        Sequences: no code depends on it.
        """
        # sudo: sequences are technical records that a user allowed to create
        # a company (or a lead) may not be allowed to create himself
        sequences = self.env["ir.sequence"].sudo()
        existing = sequences.search(
            [("code", "=", LEAD_SEQUENCE_CODE), ("company_id", "in", self.ids)]
        ).company_id
        return sequences.create(
            [
                {
                    "name": _("Lead number (%(company)s)", company=company.name),
                    "code": LEAD_SEQUENCE_CODE,
                    "prefix": "LD/%(year)s/",
                    "padding": 5,
                    "company_id": company.id,
                }
                for company in self - existing
            ]
        )

    def _get_lead_number_sequence(self):
        self.ensure_one()
        # sudo: see _create_lead_number_sequences
        sequence = (
            self.env["ir.sequence"]
            .sudo()
            .search(
                [
                    ("code", "=", LEAD_SEQUENCE_CODE),
                    ("company_id", "in", [self.id, False]),
                ],
                order="company_id",
                limit=1,
            )
        )
        return sequence or self._create_lead_number_sequences()

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
            return [sequence._next() for _i in range(count)]
        self.env.cr.execute(
            "SELECT nextval(%s) FROM generate_series(1, %s)",
            [f"ir_sequence_{sequence.id:03d}", count],
        )
        return [
            sequence.get_next_char(n)
            for n in sorted(r[0] for r in self.env.cr.fetchall())
        ]

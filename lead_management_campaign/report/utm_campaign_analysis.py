# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import fields, models
from odoo.tools import SQL


class UtmCampaignAnalysis(models.Model):
    """Campaign analysis (SPEC §10): the documents behind the campaign
    figures, one row per document, to pivot per campaign, source, medium and
    month.

    - posted vendor bills less refunds → ``actual_cost``;
    - confirmed orders (state *sale*; a converted offer is not, its order
      is) → ``revenue_accepted``;
    - posted customer invoices less credit notes → ``revenue_invoiced``;
    - leads and opportunities → ``lead_count`` (and ``won_count``).

    Amounts are untaxed, in the document's company currency (moves:
    ``amount_untaxed_signed``; orders: ``amount_untaxed / currency_rate``,
    the rate at the order date), as ``sale.report`` does. Rows follow the
    multi-company rule of the documents' company. Campaign totals, as on
    the campaign: the rows of all salespeople, readable by sales managers.
    """

    _name = "utm.campaign.analysis"
    _description = "Campaign Analysis"
    _auto = False
    _order = "date desc, id desc"
    _depends = {
        "account.move": [
            "campaign_id",
            "source_id",
            "medium_id",
            "state",
            "move_type",
            "invoice_date",
            "date",
            "amount_untaxed_signed",
            "company_id",
        ],
        "sale.order": [
            "campaign_id",
            "source_id",
            "medium_id",
            "state",
            "date_order",
            "amount_untaxed",
            "currency_rate",
            "company_id",
        ],
        "crm.lead": [
            "campaign_id",
            "source_id",
            "medium_id",
            "create_date",
            "company_id",
            "type",
            "active",
            "stage_id",
        ],
    }

    kind = fields.Selection(
        [
            ("cost", "Vendor Bill"),
            ("order", "Sales Order"),
            ("invoice", "Customer Invoice"),
            ("lead", "Lead"),
        ],
        readonly=True,
    )
    campaign_id = fields.Many2one("utm.campaign", readonly=True)
    source_id = fields.Many2one("utm.source", readonly=True)
    medium_id = fields.Many2one("utm.medium", readonly=True)
    date = fields.Date(readonly=True)
    company_id = fields.Many2one("res.company", readonly=True)
    currency_id = fields.Many2one("res.currency", readonly=True)
    res_model = fields.Char("Document Model", readonly=True)
    res_id = fields.Many2oneReference(
        "Document", model_field="res_model", readonly=True
    )
    actual_cost = fields.Monetary("Actual Costs", readonly=True)
    revenue_accepted = fields.Monetary(readonly=True)
    revenue_invoiced = fields.Monetary(readonly=True)
    lead_count = fields.Integer("Leads", readonly=True)
    won_count = fields.Integer("Won", readonly=True)

    @property
    def _table_query(self):
        return SQL(
            """
            SELECT m.id * 4 AS id,
                   CASE WHEN m.move_type IN ('in_invoice', 'in_refund')
                        THEN 'cost' ELSE 'invoice' END AS kind,
                   m.campaign_id, m.source_id, m.medium_id,
                   COALESCE(m.invoice_date, m.date) AS date, m.company_id,
                   c.currency_id, 'account.move' AS res_model, m.id AS res_id,
                   CASE WHEN m.move_type IN ('in_invoice', 'in_refund')
                        THEN -m.amount_untaxed_signed ELSE 0 END AS actual_cost,
                   0.0 AS revenue_accepted,
                   CASE WHEN m.move_type IN ('out_invoice', 'out_refund')
                        THEN m.amount_untaxed_signed ELSE 0 END
                       AS revenue_invoiced,
                   0 AS lead_count, 0 AS won_count
              FROM account_move m
              JOIN res_company c ON c.id = m.company_id
             WHERE m.campaign_id IS NOT NULL AND m.state = 'posted'
               AND m.move_type IN ('in_invoice', 'in_refund',
                                   'out_invoice', 'out_refund')
            UNION ALL
            SELECT o.id * 4 + 1, 'order', o.campaign_id, o.source_id,
                   o.medium_id, o.date_order::date, o.company_id, c.currency_id,
                   'sale.order', o.id, 0.0,
                   o.amount_untaxed / COALESCE(NULLIF(o.currency_rate, 0), 1),
                   0.0, 0, 0
              FROM sale_order o
              JOIN res_company c ON c.id = o.company_id
             WHERE o.campaign_id IS NOT NULL AND o.state = 'sale'
            UNION ALL
            SELECT l.id * 4 + 2, 'lead', l.campaign_id, l.source_id,
                   l.medium_id, l.create_date::date, l.company_id, c.currency_id,
                   'crm.lead', l.id, 0.0, 0.0, 0.0, 1,
                   CASE WHEN l.type = 'opportunity' AND l.active AND s.is_won
                        THEN 1 ELSE 0 END
              FROM crm_lead l
              LEFT JOIN crm_stage s ON s.id = l.stage_id
              LEFT JOIN res_company c ON c.id = l.company_id
             WHERE l.campaign_id IS NOT NULL
            """
        )

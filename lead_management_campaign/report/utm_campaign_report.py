# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from collections import defaultdict

from odoo import api, models

DOCUMENT_KINDS = ("cost", "order", "invoice")


class UtmCampaignReport(models.AbstractModel):
    """The printable campaign report (PDF and HTML): per campaign, its plan
    against its figures, and the vendor bills, orders and invoices behind
    the figures (leads are counted, not listed).

    The documents are the campaign analysis's rows (its record rules
    apply), read in one search for all the campaigns, their names in one
    read per document model."""

    _name = "report.lead_management_campaign.report_utm_campaign"
    _description = "Campaign Report"

    @api.model
    def _get_report_values(self, docids, data=None):
        campaigns = self.env["utm.campaign"].browse(docids)
        rows = self.env["utm.campaign.analysis"].search(
            [("campaign_id", "in", campaigns.ids), ("kind", "in", DOCUMENT_KINDS)],
            order="campaign_id, kind, date, id",
        )
        names = {}
        for model in set(rows.mapped("res_model")):
            ids = [row.res_id for row in rows if row.res_model == model]
            for record in self.env[model].sudo().browse(ids):
                names[model, record.id] = record.display_name
        documents = defaultdict(lambda: defaultdict(list))
        for row in rows:
            documents[row.campaign_id.id][row.kind].append(
                {
                    "date": row.date,
                    "name": names.get((row.res_model, row.res_id), ""),
                    "source": row.source_id.name or "",
                    "amount": row.actual_cost
                    or row.revenue_accepted
                    or row.revenue_invoiced,
                    "currency": row.currency_id,
                }
            )
        return {
            "doc_ids": docids,
            "doc_model": "utm.campaign",
            "docs": campaigns,
            "documents": documents,
        }

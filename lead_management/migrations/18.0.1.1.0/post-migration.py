# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
"""18.0.1.1.0: only the quotations made for leads are offers.

Up to 18.0.1.0.0 every new quotation was an offer. Since 18.0.1.1.0 a
quotation is an offer when it was made for an opportunity, from an Offers
menu or explicitly (see ``sale.order``). This migration leaves every document
that already has a history as it is, and makes standard quotations again of
those that were offers only because of the old default:

- quotations without opportunity, in draft or cancelled, never converted and
  not generated from an offer, become standard quotations: ``is_offer`` and
  ``offer_number`` are cleared, their number (``name``) is kept, so nothing
  that refers to them breaks;
- a *sent* quotation without opportunity stays an offer: the customer holds
  it as offer ``OF/…``, and when he signs or pays it online it is confirmed
  in place under that contract (renumbered as an order, its offer number
  kept), which is what the old version promised him too;
- offers with an opportunity, converted offers (separate or in place) and
  the orders generated from them are kept as they are.
"""

import logging

_logger = logging.getLogger(__name__)


def migrate(cr, version):
    if not version:
        return
    cr.execute(
        """
        UPDATE sale_order
           SET is_offer = FALSE,
               offer_number = NULL
         WHERE is_offer
           AND opportunity_id IS NULL
           AND state IN ('draft', 'cancel')
           AND converted_order_id IS NULL
           AND offer_id IS NULL
           AND NOT EXISTS (
               SELECT 1 FROM sale_order generated
                WHERE generated.offer_id = sale_order.id)
        """
    )
    _logger.info(
        "lead_management: %s quotations without opportunity are standard "
        "quotations again",
        cr.rowcount,
    )

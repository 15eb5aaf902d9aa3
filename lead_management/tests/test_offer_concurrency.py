# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
import threading
import time

from odoo import SUPERUSER_ID, Command, api
from odoo.exceptions import UserError
from odoo.service.model import retrying
from odoo.tests import TransactionCase, tagged


@tagged("post_install", "-at_install")
class TestOfferConcurrency(TransactionCase):
    """Two transactions converting the same offer: one order, one clear error.

    These tests need committed data that two real transactions (two database
    connections) can both see, so they commit in cursors of their own and
    remove what they committed afterwards.
    """

    def setUp(self):
        super().setUp()
        with self.registry.cursor() as cr:
            env = api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})
            self.partner_id = env["res.partner"].create({"name": "Concurrent Co"}).id
            product = env["product.product"].create({"name": "Concurrent desk"})
            self.template_id = product.product_tmpl_id.id
            self.offer_id = (
                env["sale.order"]
                .create(
                    {
                        "partner_id": self.partner_id,
                        "is_offer": True,
                        "order_line": [Command.create({"product_id": product.id})],
                    }
                )
                .id
            )
        self.addCleanup(self._remove_committed_data)

    def _remove_committed_data(self):
        with self.registry.cursor() as cr:
            cr.execute(
                "SELECT id FROM sale_order WHERE id = %s OR offer_id = %s",
                [self.offer_id, self.offer_id],
            )
            order_ids = tuple(row[0] for row in cr.fetchall())
            cr.execute(
                "DELETE FROM mail_message WHERE model = 'sale.order' AND res_id IN %s",
                [order_ids],
            )
            cr.execute(
                "DELETE FROM mail_followers WHERE res_model = 'sale.order' "
                "AND res_id IN %s",
                [order_ids],
            )
            cr.execute("DELETE FROM sale_order WHERE id IN %s", [order_ids])
            cr.execute("DELETE FROM product_template WHERE id = %s", [self.template_id])
            cr.execute(
                "DELETE FROM mail_followers WHERE partner_id = %s", [self.partner_id]
            )
            cr.execute("DELETE FROM res_partner WHERE id = %s", [self.partner_id])

    def _env(self, cr):
        return api.Environment(cr, SUPERUSER_ID, {"tracking_disable": True})

    def _orders_from_offer(self):
        with self.registry.cursor() as cr:
            cr.execute(
                "SELECT name FROM sale_order WHERE offer_id = %s", [self.offer_id]
            )
            return [row[0] for row in cr.fetchall()]

    def _order_sequence_next(self):
        with self.registry.cursor() as cr:
            sequence = self._env(cr)["ir.sequence"].search(
                [("code", "=", "sale.order")], order="company_id", limit=1
            )
            return sequence.number_next_actual

    def test_second_conversion_while_first_runs(self):
        """While one user converts, another one gets an error at once."""
        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            offer1 = self._env(cr1)["sale.order"].browse(self.offer_id)
            offer1.action_convert_to_order()  # not committed yet: holds the lock
            next_number = self._order_sequence_next()
            offer2 = self._env(cr2)["sale.order"].browse(self.offer_id)
            with self.assertRaisesRegex(UserError, "being converted"):
                offer2.action_convert_to_order()
            cr2.rollback()
            self.assertEqual(self._order_sequence_next(), next_number, "no number")
            cr1.commit()
        self.assertEqual(len(self._orders_from_offer()), 1)

    def test_conversion_with_a_stale_view_of_the_offer(self):
        """A transaction that started before another converted gets an error."""
        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            offer2 = self._env(cr2)["sale.order"].browse(self.offer_id)
            self.assertEqual(offer2.state, "draft")  # snapshot taken
            self._env(cr1)["sale.order"].browse(self.offer_id).action_convert_to_order()
            cr1.commit()
            next_number = self._order_sequence_next()
            with self.assertRaisesRegex(UserError, "just converted"):
                offer2.action_convert_to_order()
            cr2.rollback()
            self.assertEqual(self._order_sequence_next(), next_number, "no number")
        self.assertEqual(len(self._orders_from_offer()), 1)
        # later, with a fresh view: the plain "already converted" error
        with self.registry.cursor() as cr3:
            with self.assertRaisesRegex(UserError, "already converted"):
                self._env(cr3)["sale.order"].browse(
                    self.offer_id
                ).action_convert_to_order()

    def _wait_for_a_blocked_backend(self):
        """Until another connection of this database waits for a row lock."""
        for _attempt in range(100):
            with self.registry.cursor() as cr:
                cr.execute(
                    "SELECT count(*) FROM pg_stat_activity"
                    " WHERE datname = current_database() AND wait_event_type = 'Lock'"
                )
                if cr.fetchone()[0]:
                    return
            time.sleep(0.1)
        self.fail("the second confirmation never waited for the first")

    def test_confirmations_at_the_same_moment(self):
        """Two confirmations of one offer at once, as the payment flow runs
        them (the provider's webhook and the customer's return each confirm
        the orders still in draft or sent, inside Odoo's retry): the second
        waits for the first instead of failing, Odoo's retry runs it again,
        it finds the offer confirmed and succeeds; the offer is confirmed in
        place once, with one order number."""
        outcome = {}

        def confirm_as_payment():
            with self.registry.cursor() as cr2:
                env2 = self._env(cr2)

                def confirm():
                    offer = env2["sale.order"].browse(self.offer_id)
                    offer.filtered(
                        lambda order: order.state in ("draft", "sent")
                    ).action_confirm()
                    return offer.state

                try:
                    outcome["state"] = retrying(confirm, env2)
                except Exception as error:  # reported by the assertions below
                    outcome["error"] = error

        with self.registry.cursor() as cr1:
            offer1 = self._env(cr1)["sale.order"].browse(self.offer_id)
            offer1.action_confirm()  # not committed yet: holds the lock
            name = offer1.name
            thread = threading.Thread(target=confirm_as_payment)
            thread.start()
            self._wait_for_a_blocked_backend()
            cr1.commit()
        thread.join(timeout=60)
        self.assertFalse(thread.is_alive())
        self.assertNotIn("error", outcome)
        self.assertEqual(outcome["state"], "sale")
        with self.registry.cursor() as cr:
            offer = self._env(cr)["sale.order"].browse(self.offer_id)
            self.assertEqual((offer.state, offer.name), ("sale", name))
            self.assertEqual(offer.converted_order_id, offer)
            logs = offer.message_ids.filtered(
                lambda message: "confirmed in place" in (message.body or "")
            )
            self.assertEqual(len(logs), 1)
        self.assertEqual(self._orders_from_offer(), [])

    def test_conversion_still_refused_at_once(self):
        """The explicit conversion keeps its immediate clear error while a
        confirmation of the same offer runs (one user converts while the
        customer pays)."""
        with self.registry.cursor() as cr1, self.registry.cursor() as cr2:
            self._env(cr1)["sale.order"].browse(self.offer_id).action_confirm()
            offer2 = self._env(cr2)["sale.order"].browse(self.offer_id)
            with self.assertRaisesRegex(UserError, "being converted"):
                offer2.action_convert_to_order()
            cr2.rollback()
            cr1.commit()

# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import SUPERUSER_ID, Command, api
from odoo.exceptions import UserError
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

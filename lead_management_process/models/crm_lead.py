# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import _, api, fields, models
from odoo.exceptions import UserError, ValidationError
from odoo.tools import parse_contact_from_email

from .crm_process_stage_group_mixin import PROCESS_STAGES

# Stages of a lead still in the process, before it becomes an opportunity.
OPEN_STAGES = ("qualification", "distribution", "transfer")
CONTACT_ACTIVITY_TYPE = "lead_management_process.mail_activity_type_contact_customer"


class CrmLead(models.Model):
    """The lead qualification process (SPEC §8) on Odoo's own leads.

    New leads (``type = lead``) start in *Qualification*; opportunities created
    directly, without the process, have no process stage. Qualify, distribute
    and transfer move a lead forward; its opportunity's result closes the
    process (won: *Need satisfied*, lost: *No need*); a lead lost before the
    transfer is *Disqualified*. Every stage change is tracked on the chatter
    and recorded in ``crm.lead.process.history`` for the lead funnel.
    """

    _name = "crm.lead"
    _inherit = ["crm.lead", "crm.process.stage.group.mixin"]

    process_stage = fields.Selection(
        PROCESS_STAGES,
        compute="_compute_process_stage",
        store=True,
        readonly=False,
        precompute=True,
        tracking=True,
        index=True,
        copy=False,
    )
    process_stage_date = fields.Datetime(
        "In Process Stage Since",
        readonly=True,
        copy=False,
        help="When the lead entered its process stage (empty: since its creation).",
    )
    need_maturity_id = fields.Many2one(
        "crm.lead.maturity",
        tracking=True,
        index="btree_not_null",
        ondelete="restrict",
    )
    process_history_ids = fields.One2many(
        "crm.lead.process.history", "lead_id", readonly=True
    )

    @api.depends("type")
    def _compute_process_stage(self):
        for lead in self:
            if lead.type == "lead" and not lead.process_stage:
                lead.process_stage = "qualification"

    def write(self, vals):
        moving = self.browse()
        if vals.get("process_stage"):
            moving = self.filtered(
                lambda lead: lead.process_stage != vals["process_stage"]
            )
            history = moving._prepare_process_history()
        res = super().write(vals)
        if moving:
            self.env["crm.lead.process.history"].sudo().create(history)
            # not through write(): no second round of tracking and checks
            super(CrmLead, moving).write({"process_stage_date": self.env.cr.now()})
        if {"active", "probability", "stage_id"} & vals.keys():
            self._sync_process_stage_with_result()
        return res

    def _prepare_process_history(self):
        """Values of the stays that end now, one per lead leaving its stage.
        The clock is the transaction's, as for ``create_date``."""
        now = self.env.cr.now()
        values = []
        for lead in self.filtered("process_stage"):
            start = lead.process_stage_date or lead.create_date or now
            values.append(
                {
                    "lead_id": lead.id,
                    "process_stage": lead.process_stage,
                    "date_start": start,
                    "date_end": now,
                    "duration_days": (now - start).total_seconds() / 86400,
                    "user_id": self.env.uid,
                }
            )
        return values

    def _sync_process_stage_with_result(self):
        """Close the process when the result of a lead is known: won (Odoo's
        probability 100) → *Need satisfied*, lost (archived) → *No need* for a
        transferred lead; *Disqualified* for one still in the process when it
        is lost through Disqualify (``lead_process_disqualify`` in the
        context). A lead lost with Odoo's own *Lost* keeps its stage,
        archived: losing a lead behaves, and is tracked, as in stock Odoo."""
        targets = {}
        for lead in self:
            if lead.process_stage == "waiting" and lead.active:
                if lead.probability == 100:
                    targets.setdefault("satisfied", []).append(lead.id)
            elif lead.process_stage == "waiting":
                targets.setdefault("no_need", []).append(lead.id)
            elif (
                lead.process_stage in OPEN_STAGES
                and not lead.active
                and self.env.context.get("lead_process_disqualify")
            ):
                targets.setdefault("disqualified", []).append(lead.id)
        for stage, ids in targets.items():
            self.browse(ids).write({"process_stage": stage})

    # ------------------------------------------------------------------
    # Checks
    # ------------------------------------------------------------------

    def _check_process_stage(self, stages, action):
        """Raise one UserError naming every lead that is not an open lead in
        one of ``stages`` (nothing is written then)."""
        labels = dict(self._fields["process_stage"]._description_selection(self.env))
        errors = []
        for lead in self:
            if not lead.active or lead.type != "lead":
                errors.append(
                    _(
                        "%(lead)s is not an open lead (it is lost or already an "
                        "opportunity).",
                        lead=lead.display_name,
                    )
                )
            elif lead.process_stage not in stages:
                errors.append(
                    _(
                        "%(lead)s is in stage %(stage)s.",
                        lead=lead.display_name,
                        stage=labels.get(lead.process_stage, lead.process_stage),
                    )
                )
        if errors:
            raise UserError(
                _("%(action)s is not possible:", action=action)
                + "\n"
                + "\n".join(errors)
            )

    def _get_missing_contact_data(self):
        """What a lead lacks to say who the customer is (SPEC §8)."""
        self.ensure_one()
        missing = []
        if not (self.partner_id or self.partner_name or self.contact_name):
            missing.append(_("a contact or company name"))
        if not (self.email_from or self.phone):
            missing.append(_("an e-mail address or a phone number"))
        return missing

    def _check_contact_data(self, transfer=False):
        """Raise one UserError that tells, for each lead that does not say who
        the customer is, what to add before qualifying it (or, ``transfer``,
        before transferring it to sale). Whole sentences, for translators."""
        missing = {}
        for lead in self:
            if lead_missing := lead._get_missing_contact_data():
                missing[lead] = _(" and ").join(lead_missing)
        if not missing:
            return
        if len(self) == 1:
            message = (
                _("To transfer %(lead)s to sale, add %(missing)s.")
                if transfer
                else _("To qualify %(lead)s, add %(missing)s.")
            )
            raise UserError(
                message % {"lead": self.display_name, "missing": missing[self]}
            )
        raise UserError(
            (
                _("To transfer these leads to sale, add:")
                if transfer
                else _("To qualify these leads, add:")
            )
            + "\n"
            + "\n".join(
                _("• %(lead)s: %(missing)s", lead=lead.display_name, missing=text)
                for lead, text in missing.items()
            )
        )

    # ------------------------------------------------------------------
    # Actions
    # ------------------------------------------------------------------

    def action_qualify(self):
        """Qualify the leads: check who the customer is, create the company
        and contact person when they do not exist yet, and move on to
        *Distribution*, or to *Transfer to sale* for a lead that already has a
        salesperson (who gets the "Contact the customer" activity)."""
        self._check_process_stage(("qualification",), _("Qualify"))
        self._check_contact_data()
        self._create_process_customers()
        assigned = self.filtered("user_id")
        (self - assigned).write({"process_stage": "distribution"})
        assigned.write({"process_stage": "transfer"})
        # no e-mail per lead: the salespeople find it among their activities
        assigned._plan_contact_activity(notify=False)
        return True

    def action_disqualify(self, lost_reason_id=None):
        """Disqualify with one of the disqualification reasons (Odoo's lost
        reasons flagged ``is_disqualification``). Without a reason (the
        form's button), open Odoo's lost dialog as *Disqualify*: it offers
        those reasons only, and its button disqualifies the lead
        (``_sync_process_stage_with_result``)."""
        self._check_process_stage(OPEN_STAGES, _("Disqualify"))
        if lost_reason_id is None:
            action = self.env["ir.actions.act_window"]._for_xml_id(
                "crm.crm_lead_lost_action"
            )
            action["name"] = _("Disqualify")
            action["context"] = {
                "active_ids": self.ids,
                "active_model": "crm.lead",
                "default_lead_ids": self.ids,
                "dialog_size": "medium",
                "lead_process_disqualify": True,
            }
            return action
        reason = self.env["crm.lost.reason"].browse(lost_reason_id).exists()
        if not reason:
            raise UserError(_("The lost reason %s does not exist.", lost_reason_id))
        if not reason.is_disqualification:
            raise UserError(
                _(
                    "%(reason)s is a reason to lose a sale, not to disqualify a "
                    "lead: choose a disqualification reason.",
                    reason=reason.name,
                )
            )
        self.with_context(lead_process_disqualify=True).action_set_lost(
            lost_reason_id=reason.id
        )
        return True

    def action_distribute(self, user_id, team_id, remind=False):
        """Give the leads to a salesperson and a sales team and move them to
        *Transfer to sale*; with ``remind``, the salesperson gets the
        "Contact the customer" activity (due per its type's delay) and Odoo's
        e-mail about it."""
        self._check_process_stage(("distribution",), _("Distribute"))
        user = self.env["res.users"].browse(user_id).exists()
        team = self.env["crm.team"].browse(team_id).exists()
        if not user or not team:
            raise UserError(_("Choose an existing salesperson and sales team."))
        self._check_team_company(team)
        self.write(
            {"user_id": user.id, "team_id": team.id, "process_stage": "transfer"}
        )
        if remind:
            self._plan_contact_activity(notify=True)
        return True

    def action_open_distribute(self):
        return self._open_process_wizard(
            "lead_management_process.crm_lead_distribute_action"
        )

    def action_open_transfer(self):
        self.ensure_one()
        return self._open_process_wizard(
            "lead_management_process.crm_lead_transfer_action"
        )

    def _open_process_wizard(self, xmlid):
        action = self.env["ir.actions.act_window"]._for_xml_id(xmlid)
        action["context"] = {
            "active_model": "crm.lead",
            "active_id": self[:1].id,
            "active_ids": self.ids,
        }
        return action

    # ------------------------------------------------------------------
    # Business methods
    # ------------------------------------------------------------------

    def _check_team_company(self, team):
        """A team of another company never takes a lead (multi-company)."""
        wrong = self.filtered(
            lambda lead: (
                team.company_id
                and lead.company_id
                and team.company_id != lead.company_id
            )
        )
        if wrong:
            raise ValidationError(
                _(
                    "The sales team %(team)s belongs to %(company)s, not to the "
                    "company of %(leads)s.",
                    team=team.display_name,
                    company=team.company_id.display_name,
                    leads=", ".join(wrong.mapped("display_name")),
                )
            )

    def _plan_contact_activity(self, notify):
        """Plan "Contact the customer" for each lead's salesperson, in one
        create (the type's delay gives the deadline); ``notify`` sends them
        Odoo's e-mail of an assigned activity (a reminder)."""
        activity_type = self.env.ref(CONTACT_ACTIVITY_TYPE, raise_if_not_found=False)
        if not activity_type or not activity_type.active:
            return self.env["mail.activity"]
        model_id = self.env["ir.model"]._get_id(self._name)
        deadline = activity_type._get_date_deadline()
        return (
            self.env["mail.activity"]
            .with_context(mail_activity_quick_update=not notify)
            .create(
                [
                    {
                        "activity_type_id": activity_type.id,
                        "res_model_id": model_id,
                        "res_id": lead.id,
                        "user_id": lead.user_id.id,
                        "date_deadline": deadline,
                        "summary": activity_type.summary or activity_type.name,
                    }
                    for lead in self.filtered("user_id")
                ]
            )
        )

    def _create_process_customers(self):
        """Give each lead without customer its company and contact person, as
        Odoo's conversion does (``_create_customer``), for all leads at once:
        an existing contact with the lead's e-mail is taken; otherwise the
        company is found by its exact name or created, and the contact person
        is created under it. Partners are looked up and created in the lead's
        company (or shared when the lead has none)."""
        leads = self.filtered(lambda lead: not lead.partner_id)
        if not leads:
            return
        Partner = self.env["res.partner"]
        # Created in bulk like an import: no "Contact created" log and no
        # e-mail to the salesperson per partner; the lead's chatter tracks
        # its new customer.
        NewPartner = Partner.with_context(tracking_disable=True)
        emails = {lead.email_normalized for lead in leads if lead.email_normalized}
        names = {lead.partner_name for lead in leads if lead.partner_name}
        by_email, companies = {}, {}
        if emails:
            for partner in Partner.search(
                # the contact person rather than its company (same e-mail)
                [("email_normalized", "in", list(emails))],
                order="is_company, id",
            ):
                by_email.setdefault(
                    (partner.email_normalized, partner.company_id.id), partner
                )
        if names:
            for partner in Partner.search(
                [("is_company", "=", True), ("name", "in", list(names))], order="id"
            ):
                companies.setdefault((partner.name, partner.company_id.id), partner)

        def find(index, key, lead):
            # a shared partner, or one of the lead's company
            return index.get((key, lead.company_id.id)) or index.get((key, False))

        # first the missing companies, then the contacts under them
        customers = {}
        new_companies = {}
        for lead in leads:
            partner = lead.email_normalized and find(
                by_email, lead.email_normalized, lead
            )
            if partner:
                customers[lead] = partner
            elif lead.partner_name and not find(companies, lead.partner_name, lead):
                key = (lead.partner_name, lead.company_id.id)
                new_companies.setdefault(key, lead)
        if new_companies:
            created = NewPartner.create(
                [
                    dict(
                        lead._prepare_customer_values(name, is_company=True),
                        company_id=company_id or False,
                    )
                    for (name, company_id), lead in new_companies.items()
                ]
            )
            companies.update(zip(new_companies, created, strict=True))
        contact_values, contact_leads = [], []
        for lead in leads - self.browse([lead.id for lead in customers]):
            company = lead.partner_name and find(companies, lead.partner_name, lead)
            contact_name = lead.contact_name or (
                lead.email_from and parse_contact_from_email(lead.email_from)[0]
            )
            if not contact_name and company:
                customers[lead] = company
                continue
            contact_values.append(
                dict(
                    lead._prepare_customer_values(
                        contact_name or lead.name,
                        is_company=False,
                        parent_id=company.id if company else False,
                    ),
                    company_id=lead.company_id.id,
                )
            )
            contact_leads.append(lead)
        if contact_values:
            customers.update(
                zip(contact_leads, NewPartner.create(contact_values), strict=True)
            )
        for lead, partner in customers.items():
            lead.partner_id = partner

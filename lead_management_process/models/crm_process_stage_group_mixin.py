# Copyright 2026 Lead Management Developers
# License LGPL-3.0 or later (https://www.gnu.org/licenses/lgpl).
from odoo import api, models

# the lead process's stages, in its order (crm.lead.process_stage)
PROCESS_STAGES = [
    ("qualification", "Qualification"),
    ("distribution", "Distribution"),
    ("transfer", "Transfer to sale"),
    ("waiting", "Waiting for sale"),
    ("satisfied", "Need satisfied"),
    ("no_need", "No need"),
    ("disqualified", "Disqualified"),
]


class CrmProcessStageGroupMixin(models.AbstractModel):
    """Groups by process stage in the process's order (Qualification → … →
    Disqualified), for the leads and the lead funnel.

    Odoo orders the groups of a selection field by its technical keys, and
    ``group_expand`` serves only lazy groupings (kanban, list), not the pivot
    and the graph: ``read_group`` puts the ``process_stage`` groups in the
    process's order, leads without stage last. Groupings by other fields keep
    their order (the sort is stable), and so does an explicit order on
    anything else; ``process_stage desc`` reverses it."""

    _name = "crm.process.stage.group.mixin"
    _description = "Groups in the Lead Process's Order"

    @api.model
    def read_group(
        self, domain, fields, groupby, offset=0, limit=None, orderby=False, lazy=True
    ):
        groups = super().read_group(
            domain,
            fields,
            groupby,
            offset=offset,
            limit=limit,
            orderby=orderby,
            lazy=lazy,
        )
        groupby = [groupby] if isinstance(groupby, str) else groupby
        names = [name.split(":")[0] for name in groupby]
        if "process_stage" not in names or (
            orderby and not orderby.strip().startswith("process_stage")
        ):
            return groups
        rank = {key: index for index, (key, _label) in enumerate(PROCESS_STAGES)}
        descending = bool(orderby) and orderby.split()[-1].lower() == "desc"
        groups.sort(
            key=lambda group: rank.get(group.get("process_stage"), len(rank)),
            reverse=descending,
        )
        return groups

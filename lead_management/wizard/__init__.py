from . import crm_lead_report_wizard_base
from . import crm_lead_selection_mixin
from . import crm_lead_mass_update_wizard
from . import crm_lead_traceability_wizard
from . import crm_lead_period_report_wizard
from . import crm_lead_recurrence_wizard
from . import crm_lead_stale_wizard
from . import crm_lead_stale_wizard_line

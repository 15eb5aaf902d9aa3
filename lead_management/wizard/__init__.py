from . import crm_lead_recurrence_wizard
from . import crm_lead_stale_wizard

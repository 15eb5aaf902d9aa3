from . import sale_report
from . import crm_lead_traceability_report
from . import report_crm_lead_traceability
from . import crm_lead_period_report

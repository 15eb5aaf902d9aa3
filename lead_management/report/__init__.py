from . import sale_report
from . import crm_lead_traceability_report
from . import crm_lead_traceability_report_print
from . import crm_lead_period_report

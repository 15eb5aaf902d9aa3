from . import sale_report
from . import crm_lead_traceability_report
from . import crm_lead_traceability_report_print
from . import crm_lead_period_report
from . import crm_lead_funnel_report
from . import utm_campaign_analysis
from . import utm_campaign_report

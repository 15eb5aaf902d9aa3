from . import crm_lead_funnel_report

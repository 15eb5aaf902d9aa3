from . import crm_activity_analysis

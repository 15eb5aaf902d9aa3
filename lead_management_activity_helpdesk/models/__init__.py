from . import crm_activity_workload

from . import crm_lead
from . import project_project
from . import sale_order
from . import crm_lead_traceability_report
from . import crm_customer_history

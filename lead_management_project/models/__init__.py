from . import crm_lead
from . import project_project
from . import sale_order

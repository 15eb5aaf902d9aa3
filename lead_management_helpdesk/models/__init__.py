from . import res_company
from . import res_config_settings
from . import crm_team
from . import crm_lead
from . import crm_lead_stale
from . import helpdesk_ticket
from . import crm_customer_history

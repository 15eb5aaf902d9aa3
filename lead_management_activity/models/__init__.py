from . import crm_activity_category
from . import mail_activity
from . import calendar_event
from . import crm_lead
from . import res_partner
from . import crm_activity_workload
from . import crm_customer_history

from . import crm_lead_maturity
from . import crm_process_stage_group_mixin
from . import crm_lead
from . import crm_lost_reason
from . import crm_lead_process_history
from . import mail_activity_outcome
from . import mail_activity_type
from . import mail_activity

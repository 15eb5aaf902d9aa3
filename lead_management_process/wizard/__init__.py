from . import mail_activity_done_wizard_outcome
from . import crm_lead_distribute
from . import crm_lead_transfer

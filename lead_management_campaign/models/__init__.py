from . import crm_lead
from . import res_partner
from . import utm_campaign

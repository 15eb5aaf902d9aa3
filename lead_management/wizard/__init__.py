from . import crm_lead_mass_update_wizard

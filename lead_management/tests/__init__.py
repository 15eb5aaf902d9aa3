from . import test_lead_number
from . import test_install_hook
from . import test_lead_type
from . import test_partner_sync
from . import test_mass_update
from . import test_tours
from . import test_pipeline
from . import test_pipeline_rpc

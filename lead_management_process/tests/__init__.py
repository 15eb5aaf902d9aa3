from . import test_lead_process
from . import test_lead_process_rpc
from . import test_lead_process_tour
from . import test_activity_outcome
from . import test_lead_funnel
from . import test_lead_transfer
from . import test_lead_from_other_apps
from . import test_translations

from . import test_lead_number
from . import test_install_hook
from . import test_lead_type
from . import test_offer_conversion
from . import test_offer_concurrency
from . import test_offer_rpc
from . import test_traceability
from . import test_lead_reports

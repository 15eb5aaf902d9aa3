from . import test_lead_number
from . import test_install_hook
from . import test_lead_type
from . import test_recurrence
from . import test_stale

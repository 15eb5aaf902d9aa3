from . import test_crm_activity
from . import test_crm_activity_analysis
from . import test_crm_activity_rpc
from . import test_crm_activity_tour
from . import test_crm_activity_views
from . import test_customer_history
from . import test_translations
from . import test_workload

from . import test_project_access
from . import test_project_opportunity
from . import test_project_rpc
from . import test_project_views
from . import test_customer_history
from . import test_translations

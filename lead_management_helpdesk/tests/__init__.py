from . import test_customer_history
from . import test_ticket_access
from . import test_ticket_opportunity
from . import test_ticket_rpc
from . import test_ticket_stale
from . import test_ticket_views
from . import test_translations

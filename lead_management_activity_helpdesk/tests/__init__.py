from . import test_workload_tickets
from . import test_translations

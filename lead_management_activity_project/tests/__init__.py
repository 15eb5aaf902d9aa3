from . import test_workload_tasks
from . import test_translations

from . import test_activity_reminder
from . import test_post_init_hook
from . import test_translations

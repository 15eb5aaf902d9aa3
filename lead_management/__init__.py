from . import models
from . import report
from .hooks import pre_init_hook, post_init_hook
from . import wizard

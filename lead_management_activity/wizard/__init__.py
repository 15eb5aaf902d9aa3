from . import mail_activity_done_wizard
from . import mail_activity_schedule

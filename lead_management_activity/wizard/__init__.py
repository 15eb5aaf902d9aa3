from . import mail_activity_done_wizard

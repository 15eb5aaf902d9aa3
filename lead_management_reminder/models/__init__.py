from . import mail_activity
from . import res_users

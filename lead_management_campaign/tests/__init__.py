from . import test_campaign_figures
from . import test_campaign_report
from . import test_campaign_rpc
from . import test_company_profile
from . import test_campaign_views
from . import test_translations

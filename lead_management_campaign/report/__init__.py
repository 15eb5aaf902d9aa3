from . import utm_campaign_analysis
from . import utm_campaign_report

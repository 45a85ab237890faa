"""The WSGI entry point, for serving the API with gunicorn or uWSGI instead of runserver."""
import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "gatehouse_api.settings")

application = get_wsgi_application()

from django.contrib import admin

from dualuse.accounts.models import ApiToken, Organisation, User

admin.site.register(Organisation)
admin.site.register(User)
admin.site.register(ApiToken)

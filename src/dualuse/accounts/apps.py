from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "dualuse.accounts"
    label = "accounts"
    verbose_name = "Organisations and users"

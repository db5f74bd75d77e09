"""The two roles, as groups: Editors run the newsroom's claims; Reviewers rate them."""

from django.db import migrations

EDITOR_PERMISSIONS = {
    "sources": {"outlet": ["add", "change", "view"], "article": ["add", "change", "view"]},
    "claims": {
        "speaker": ["add", "change", "view"],
        "metric": ["add", "change", "view"],
        "claim": ["add", "change", "view"],
    },
    "reviews": {"review": ["view"]},
}
REVIEWER_PERMISSIONS = {
    "sources": {"outlet": ["view"], "article": ["view"]},
    "claims": {"speaker": ["view"], "metric": ["view"], "claim": ["view"]},
    "reviews": {"review": ["add", "change", "view"]},
}
ROLES = {"Editors": EDITOR_PERMISSIONS, "Reviewers": REVIEWER_PERMISSIONS}


def create_roles(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations ran; these groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, by_app in ROLES.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        codenames = [
            (app_label, f"{action}_{model}")
            for app_label, by_model in by_app.items()
            for model, actions in by_model.items()
            for action in actions
        ]
        permissions = [
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
            for app_label, codename in codenames
        ]
        group.permissions.set(permissions)


def remove_roles(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=ROLES).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0001_initial"),
        ("claims", "0002_claim_offset_triggers"),
        ("sources", "0002_article_body_immutable"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_roles, remove_roles)]

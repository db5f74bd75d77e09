"""Editors assign claims to reviewers and take them back; reviewers see their assignments.

An assignment is never changed, only made or removed, so nobody gets "change" on it.
"""

from django.db import migrations

ADDED = {
    "Editors": [
        ("reviews", "add_reviewassignment"),
        ("reviews", "delete_reviewassignment"),
        ("reviews", "view_reviewassignment"),
    ],
    "Reviewers": [
        ("reviews", "view_reviewassignment"),
    ],
}


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

    # Permissions are normally created after all migrations ran; these groups need them now.
    for app_config in apps.get_app_configs():
        app_config.models_module = True
        create_permissions(app_config, verbosity=0)
        app_config.models_module = None
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, codenames in ADDED.items():
        group, _ = Group.objects.get_or_create(name=group_name)
        for app_label, codename in codenames:
            group.permissions.add(
                Permission.objects.get(content_type__app_label=app_label, codename=codename)
            )


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for group_name, codenames in ADDED.items():
        group = Group.objects.filter(name=group_name).first()
        if group is None:
            continue
        for app_label, codename in codenames:
            group.permissions.remove(
                *Permission.objects.filter(content_type__app_label=app_label, codename=codename)
            )


class Migration(migrations.Migration):
    dependencies = [
        ("reviews", "0004_review_assignment"),
    ]

    operations = [migrations.RunPython(grant, revoke)]

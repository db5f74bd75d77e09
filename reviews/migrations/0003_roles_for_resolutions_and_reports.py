"""Editors record resolutions of conflicts; both roles may run whole-database reports."""

from django.db import migrations

ADDED = {
    "Editors": [
        ("claims", "add_conflictresolution"),
        ("claims", "change_conflictresolution"),
        ("claims", "view_conflictresolution"),
        ("claims", "add_reportrun"),
        ("claims", "view_reportrun"),
    ],
    "Reviewers": [
        ("claims", "view_conflictresolution"),
        ("claims", "add_reportrun"),
        ("claims", "view_reportrun"),
    ],
}


def grant(apps, schema_editor):
    from django.contrib.auth.management import create_permissions

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
        ("reviews", "0002_roles"),
        ("claims", "0004_conflict_resolution_and_report_run"),
    ]

    operations = [migrations.RunPython(grant, revoke)]

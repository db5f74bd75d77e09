from rest_framework.permissions import DjangoModelPermissionsOrAnonReadOnly


class ModelPermissionsOrAnonReadOnly(DjangoModelPermissionsOrAnonReadOnly):
    """Reads for everyone (each view scopes what anonymous readers see); writes need the model
    permission of the user's role: add for POST, change for PUT/PATCH, delete for DELETE."""

    perms_map = {
        **DjangoModelPermissionsOrAnonReadOnly.perms_map,
        # Reading is open, but a signed-in user still needs to be allowed to view the model.
        "GET": [],
        "HEAD": [],
        "OPTIONS": [],
    }

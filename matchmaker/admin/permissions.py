def is_admin(user) -> bool:
    return bool(getattr(user, "is_authenticated", False) and user.is_admin)

"""The Qt (PySide6) user interface: thin views and controllers over app/."""

"""Package layout (metadata is in pyproject.toml).

templates/ and resources/ ship as package data under their own import names, so an installed copy finds them
from any folder; app/paths.py looks beside the checkout first.
"""

from setuptools import find_packages, setup

setup(
    packages=[
        *find_packages(include=["app", "app.*", "widgets", "widgets.*"]),
        "resolute_templates",
        "resolute_resources",
    ],
    package_dir={"resolute_templates": "templates", "resolute_resources": "resources"},
    package_data={"resolute_templates": ["*.toml"], "resolute_resources": ["**/*"]},
)

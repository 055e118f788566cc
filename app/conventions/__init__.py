"""UN drafting conventions: the rule engine (engine.py) and its rule modules, one per topic."""

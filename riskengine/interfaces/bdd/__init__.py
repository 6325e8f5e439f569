"""Gherkin scenarios for policy staff: a pytest-bdd step library, a ``.feature`` collector and flag
coverage (see features/README.md for the authors' side).

- ``vocabulary.py``  the step phrases (a contract), and suggestions for unknown steps
- ``steps.py``       the step definitions, one per phrase
- ``world.py``       the state of a running scenario and the checks of the Then steps
- ``tables.py``      data tables turned into events, cells read for their fields' types
- ``rulesets.py``    finding a ruleset by id or path; loading it once per session and params
- ``coverage.py``    which flags the scenarios saw fire, not fire, or not evaluable
- ``plugin.py``      the pytest plugin (entry point ``pytest11``): collector, hooks, reporter
- ``command.py``     ``riskengine bdd [PATH...]``
"""

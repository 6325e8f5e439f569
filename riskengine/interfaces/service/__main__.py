"""``python -m riskengine.interfaces.service serve ...``: the service commands without the rest of the CLI."""

from riskengine.interfaces.service.commands import app

app(prog_name="riskengine")

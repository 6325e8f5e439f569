"""Dataset-relative thresholds: statistics of a value over a whole data set (Tukey fences).

```yaml
baselines:
  price_gap:                    # flags refer to baseline.price_gap.lower_fence, .q1, .q3 ...
    of: relative_price_gap      # a field or derived value
    on: process                 # the event kind(s) it is read from
    where: exists(relative_price_gap) and price_comparison   # optional: which events count
    percentiles: [75]           # extra statistics, as baseline.price_gap.p75
```

Each baseline provides ``count``, ``min``, ``max``, ``mean``, ``q1``, ``median``, ``q3``, ``iqr``,
``lower_fence`` (q1 - 1.5 iqr) and ``upper_fence`` (q3 + 1.5 iqr), quartiles of Hyndman and Fan's
type 8 (as Cardinal and ``numpy.quantile(method="median_unbiased")``). Batch scoring computes them in
a first pass over the events; ``riskengine baseline build`` stores them for scoring streams later.
Until a baseline is known its statistics are unknown, so flags that use them are not evaluable.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from riskengine.expressions import ir

STATISTICS = ("count", "min", "max", "mean", "q1", "median", "q3", "iqr", "lower_fence", "upper_fence")
FENCE_FACTOR = 1.5


class BaselineSpec(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    of: str
    on: str | list[str]
    where: str | None = None
    percentiles: list[int] = Field(default_factory=list)
    description: str | None = None


@dataclass(frozen=True)
class Baseline:
    name: str
    of: ir.Name
    kinds: tuple[str, ...]
    where: ir.Condition | None
    percentiles: tuple[int, ...]
    description: str | None = None
    where_text: str | None = None

    @property
    def statistics(self) -> tuple[str, ...]:
        return STATISTICS + tuple(f"p{percentile}" for percentile in self.percentiles)

    def names(self) -> list[str]:
        return [f"baseline.{self.name}.{statistic}" for statistic in self.statistics]


def quantile(sorted_values: list[float], probability: float) -> float:
    """Hyndman–Fan type 8 quantile of sorted values (statrs ``Data::quantile``)."""
    count = len(sorted_values)
    position = (count + 1 / 3) * probability + 1 / 3
    whole = int(position)
    if whole <= 0 or probability == 0:
        return sorted_values[0]
    if whole >= count or probability == 1:
        return sorted_values[-1]
    lower, upper = sorted_values[whole - 1], sorted_values[whole]
    return lower + (position - whole) * (upper - lower)


def summarise(values: list[float], percentiles: tuple[int, ...] = ()) -> dict[str, Any]:
    """Every statistic of a baseline over ``values``; empty data gives only ``count`` 0."""
    if not values:
        return {"count": 0}
    ordered = sorted(values)
    q1, median, q3 = (quantile(ordered, p) for p in (0.25, 0.5, 0.75))
    iqr = q3 - q1
    result: dict[str, Any] = {
        "count": len(ordered),
        "min": ordered[0],
        "max": ordered[-1],
        "mean": sum(ordered) / len(ordered),
        "q1": q1,
        "median": median,
        "q3": q3,
        "iqr": iqr,
        "lower_fence": q1 - FENCE_FACTOR * iqr,
        "upper_fence": q3 + FENCE_FACTOR * iqr,
    }
    for percentile in percentiles:
        result[f"p{percentile}"] = quantile(ordered, percentile / 100)
    return result

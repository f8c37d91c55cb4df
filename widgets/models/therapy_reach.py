"""Which parts of the immune response a treatment strategy reaches, and what it leaves alone."""

from __future__ import annotations

from dataclasses import dataclass

from widgets.data import load_dataset


@dataclass(frozen=True)
class Component:
    id: str
    label: str
    role: str


@dataclass(frozen=True)
class Strategy:
    id: str
    name: str
    examples: str
    acts_on: frozenset[str]
    how: str
    trade_off: str
    sources: tuple[str, ...]

    def breadth(self, components: tuple[Component, ...]) -> float:
        """Share of the drawn immune components that this strategy reaches (0-1)."""
        return len(self.acts_on) / len(components)


@dataclass(frozen=True)
class TherapyReach:
    components: tuple[Component, ...]
    strategies: tuple[Strategy, ...]

    def spared(self, strategy: Strategy) -> list[Component]:
        return [c for c in self.components if c.id not in strategy.acts_on]

    def reached(self, strategy: Strategy) -> list[Component]:
        return [c for c in self.components if c.id in strategy.acts_on]

    def strategy(self, strategy_id: str) -> Strategy:
        for s in self.strategies:
            if s.id == strategy_id:
                return s
        raise KeyError(f"unknown strategy {strategy_id!r}; known: {[s.id for s in self.strategies]}")


def load_therapy_reach() -> TherapyReach:
    ds = load_dataset("therapy_reach")  # its checks guarantee that acts_on names known components
    components = tuple(Component(**c) for c in ds.meta["components"])
    strategies = tuple(
        Strategy(
            r["id"], r["name"], r["examples"], frozenset(r["acts_on"]), r["how"], r["trade_off"], tuple(r["sources"])
        )
        for r in ds.records
    )
    return TherapyReach(components, strategies)

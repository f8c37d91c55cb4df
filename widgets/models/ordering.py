"""Ordering tasks (data/ordering_tasks.yaml): put a process's steps in order, with feedback per step."""

from __future__ import annotations

from dataclasses import dataclass

from widgets.data import load_dataset


@dataclass(frozen=True)
class OrderStep:
    id: str
    text: str
    why: str
    position: int  # 1-based, the right place


@dataclass(frozen=True)
class OrderingTask:
    id: str
    chapter: str
    objectives: tuple[str, ...]
    prompt: str
    steps: tuple[OrderStep, ...]  # in the right order
    shown: tuple[OrderStep, ...]  # in the order the learner first sees them
    sources: tuple[str, ...]

    def verdict(self, step_id: str, position: int) -> str:
        """'right', 'earlier' (the step belongs earlier than `position`) or 'later'; a position outside 1..n or
        an unknown step is a clear error."""
        by_id = {s.id: s for s in self.steps}
        if step_id not in by_id:
            raise KeyError(f"ordering task '{self.id}' has no step {step_id!r}; steps: {list(by_id)}")
        if not isinstance(position, int) or not 1 <= position <= len(self.steps):
            raise ValueError(f"ordering task '{self.id}': position {position!r} is not one of 1-{len(self.steps)}")
        right = by_id[step_id].position
        return "right" if position == right else ("earlier" if right < position else "later")


def load_ordering_tasks() -> list[OrderingTask]:
    tasks = []
    for r in load_dataset("ordering_tasks").records:
        steps = tuple(OrderStep(s["id"], s["text"], s["why"], n) for n, s in enumerate(r["steps"], 1))
        by_id = {s.id: s for s in steps}
        tasks.append(
            OrderingTask(
                r["id"],
                r["chapter"],
                tuple(r["objectives"]),
                r["prompt"],
                steps,
                tuple(by_id[i] for i in r["shown_order"]),
                tuple(r["sources"]),
            )
        )
    return tasks


def ordering_task(task_id: str) -> OrderingTask:
    found = {t.id: t for t in load_ordering_tasks()}
    if task_id not in found:
        raise KeyError(f"no ordering task {task_id!r} in data/ordering_tasks.yaml; known: {sorted(found)}")
    return found[task_id]

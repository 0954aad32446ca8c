"""How deep named groups (areas, party groups) nest: measured without recursion, so a hostile
chain of thousands is refused with a located error instead of exhausting the stack."""

from __future__ import annotations

MAX_NESTING = 32


def _group_key(name: str) -> str:
    return " ".join(name.replace("-", " ").casefold().split())


def too_deep(groups: dict[str, tuple[str, ...]]) -> list[str] | None:
    """The longest chain of groups (areas or party groups) that name other groups, when it is
    longer than MAX_NESTING; None otherwise. Iterative, so a chain of any length is measured;
    cycles are skipped here (the resolvers name them)."""
    index = {_group_key(name): name for name in groups}
    depth: dict[str, int] = {}
    following: dict[str, str | None] = {}
    for start in groups:
        if start in depth:
            continue
        best: dict[str, tuple[int, str | None]] = {start: (1, None)}
        stack = [(start, iter(groups[start]))]
        on_stack = {start}
        while stack:
            name, members = stack[-1]
            for member in members:
                child = index.get(_group_key(member))
                if child is None or child in on_stack:
                    continue
                if child not in depth:
                    best[child] = (1, None)
                    stack.append((child, iter(groups[child])))
                    on_stack.add(child)
                    break
                if depth[child] + 1 > best[name][0]:
                    best[name] = (depth[child] + 1, child)
            else:
                stack.pop()
                on_stack.discard(name)
                depth[name], following[name] = best[name]
                if stack:
                    parent = stack[-1][0]
                    if depth[name] + 1 > best[parent][0]:
                        best[parent] = (depth[name] + 1, name)
    deepest = max(depth, key=lambda name: depth[name], default=None)
    if deepest is None or depth[deepest] <= MAX_NESTING:
        return None
    chain = [deepest]
    while (after := following[chain[-1]]) is not None:
        chain.append(after)
    return chain

#!/usr/bin/env python3
"""Prints the package cycles (strongly connected components of the package graph) of compiled classes.

    scripts/package-cycles.py CLASSES [CLASSPATH]

CLASSES is a module's target/classes, CLASSPATH what it compiles against (':'-separated), e.g.
    scripts/package-cycles.py ejb/target/classes connector-api/target/classes
Only packages whose classes are in CLASSES count. For every cycle it lists the class-level edges
that make it, then the number of cycles; the exit status is 1 when there is any.
"""
import subprocess
import sys
from collections import defaultdict


def jdeps(verbose, classes, classpath):
    cmd = ["jdeps", "-verbose:" + verbose]
    if classpath:
        cmd += ["-cp", classpath]
    cmd.append(classes)
    out = subprocess.run(cmd, check=True, capture_output=True, text=True).stdout
    edges = []
    for line in out.splitlines():
        # "   a.b.C    -> x.y.Z    location"; header lines have no leading blanks
        if not line.startswith(" ") or "->" not in line:
            continue
        left, right = line.split("->", 1)
        edges.append((left.split()[0], right.split()[0]))
    return edges


def package(name):
    return name.rsplit(".", 1)[0] if "." in name else ""


def strongly_connected(nodes, graph):
    index, low, stack, on_stack, result = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            result.append(sorted(component))

    sys.setrecursionlimit(10000)
    for v in sorted(nodes):
        if v not in index:
            visit(v)
    return result


def main():
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    classes, classpath = sys.argv[1], (sys.argv[2] if len(sys.argv) > 2 else "")
    package_edges = jdeps("package", classes, classpath)
    own = {source for source, _ in package_edges}
    graph = defaultdict(set)
    for source, target in package_edges:
        if target in own and target != source:
            graph[source].add(target)
    cycles = [c for c in strongly_connected(own, graph) if len(c) > 1]
    if cycles:
        class_edges = jdeps("class", classes, classpath)
    for cycle in cycles:
        members = set(cycle)
        print("cycle: " + " <-> ".join(cycle))
        for source, target in sorted(set(class_edges)):
            ps, pt = package(source), package(target)
            if ps in members and pt in members and ps != pt:
                print(f"    {source} -> {target}")
    print(f"{len(cycles)} package cycle(s) among {len(own)} packages of {classes}")
    sys.exit(1 if cycles else 0)


if __name__ == "__main__":
    main()

package mlfoundations.autograd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/** The topological order of a computation graph, shared by {@link Value} and {@link Node}. */
final class TopologicalOrder {

    private TopologicalOrder() {
    }

    /**
     * Every node {@code output} depends on, each after all of its parents, ending with {@code output}: a depth-first
     * search with an explicit stack (not recursion), so a graph of any depth cannot overflow the Java call stack.
     * A node reached twice is listed once (nodes are told apart by identity).
     */
    static <T> List<T> of(T output, Function<T, T[]> parents) {
        List<T> order = new ArrayList<>();
        Set<T> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<T> nodes = new ArrayDeque<>();
        Deque<Integer> nextParent = new ArrayDeque<>();
        seen.add(output);
        nodes.push(output);
        nextParent.push(0);
        while (!nodes.isEmpty()) {
            T v = nodes.peek();
            T[] ps = parents.apply(v);
            int i = nextParent.pop();
            if (i < ps.length) {
                nextParent.push(i + 1);
                if (seen.add(ps[i])) {
                    nodes.push(ps[i]);
                    nextParent.push(0);
                }
            } else {
                // All of v's parents are already in the list: v may follow them.
                nodes.pop();
                order.add(v);
            }
        }
        return order;
    }
}

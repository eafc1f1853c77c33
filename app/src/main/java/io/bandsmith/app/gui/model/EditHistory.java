package io.bandsmith.app.gui.model;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * Undo/redo over immutable states: {@link #push} records the state before an edit; undo and redo swap the current
 * state with the top of the other stack. Bounded; the oldest entries are dropped first. Not thread-safe (used on the
 * FX thread only).
 *
 * @param <T> an immutable state
 */
public final class EditHistory<T> {
    private final int limit;
    private final Deque<T> undo = new ArrayDeque<>();
    private final Deque<T> redo = new ArrayDeque<>();

    public EditHistory(int limit) {
        this.limit = limit;
    }

    /** Records the state before an edit; clears the redo list. */
    public void push(T before) {
        undo.push(before);
        while (undo.size() > limit) {
            undo.removeLast();
        }
        redo.clear();
    }

    public boolean canUndo() {
        return !undo.isEmpty();
    }

    public boolean canRedo() {
        return !redo.isEmpty();
    }

    /** Returns the state to go back to; {@code current} goes onto the redo list. */
    public T undo(T current) {
        T previous = undo.pop();
        redo.push(current);
        return previous;
    }

    public T redo(T current) {
        T next = redo.pop();
        undo.push(current);
        return next;
    }

    public void clear() {
        undo.clear();
        redo.clear();
    }
}
